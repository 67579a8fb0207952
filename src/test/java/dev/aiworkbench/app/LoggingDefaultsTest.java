package dev.aiworkbench.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.status.NopStatusListener;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The logging set-up made in code instead of a logback.xml, found by logback as a service. */
class LoggingDefaultsTest {
    @Test
    void logbackFindsItAsAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LoggingDefaults.class);
    }

    @Test
    void infoAndUpWithFlywayFromWarnAndNothingPrinted() {
        LoggerContext context = new LoggerContext();

        Configurator.ExecutionStatus status = new LoggingDefaults(() -> false).configure(context);

        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.flywaydb.core.internal.command").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        assertThat(context.getStatusManager().getCopyOfStatusListenerList()).hasAtLeastOneElementOfType(
                NopStatusListener.class);
    }

    @Test
    void aGivenConfigurationFileWins() {
        LoggerContext context = new LoggerContext();

        assertThat(new LoggingDefaults(() -> true).configure(context))
                .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(new LoggingDefaults().configure(context)).as("the tests' logback-test.xml")
                .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }
}
