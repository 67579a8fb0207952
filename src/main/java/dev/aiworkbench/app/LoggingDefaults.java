package dev.aiworkbench.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.Logger;

import java.util.function.BooleanSupplier;

/**
 * The logging set-up before the data folder is known: INFO, nothing printed (the command line writes its own output,
 * and {@link Logging} adds the data folder's file), Flyway only from WARN. Done in code rather than a
 * {@code logback.xml}: parsing that file took an XML parser and about 500 classes on every start of every verb.
 * Found by logback through {@code META-INF/services}; a {@code logback.configurationFile} or a
 * {@code logback-test.xml} on the class path (the tests') still wins.
 */
public final class LoggingDefaults extends ContextAwareBase implements Configurator {
    static final String TEST_CONFIGURATION = "logback-test.xml";
    static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";

    private final BooleanSupplier fileGiven;

    /** As logback's service loader makes it. */
    public LoggingDefaults() {
        this(() -> System.getProperty(CONFIGURATION_FILE_PROPERTY) != null
                || LoggingDefaults.class.getClassLoader().getResource(TEST_CONFIGURATION) != null);
    }

    LoggingDefaults(BooleanSupplier fileGiven) {
        this.fileGiven = fileGiven;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (fileGiven.getAsBoolean()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // Logback's own complaints (a log file it cannot open) would otherwise be printed over a verb's output.
        context.getStatusManager().add(new NopStatusListener());
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
