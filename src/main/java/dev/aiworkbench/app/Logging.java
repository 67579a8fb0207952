package dev.aiworkbench.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Sends the app's log to a file in the data folder; stack traces live there, never on screen. The file rolls by size
 * into {@code workbench.1.log} (newest) to {@code workbench.9.log}, so the folder holds at most ten files of 5 MB.
 * By size rather than by day: logback's time-based policy works out its rollover calendar on every start, and setting
 * up the log took 70-94 ms cold with this policy against 112-144 ms with that one (bench/README.md, round 7).
 */
public final class Logging {
    static final String APPENDER = "data-folder";
    static final FileSize FILE_SIZE = FileSize.valueOf("5MB");
    static final int KEPT_FILES = 9;

    private Logging() {
    }

    public static void toFolder(Path logs) {
        toFolder(logs, FILE_SIZE, KEPT_FILES, Duration.buildBySeconds(1));
    }

    /** @param sizeCheck how long at least between two looks at the file's size (a look per event would stat it each time) */
    static void toFolder(Path logs, FileSize fileSize, int keptFiles, Duration sizeCheck) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(logs.resolve("workbench.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(logs.resolve("workbench.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(keptFiles);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> triggering = new SizeBasedTriggeringPolicy<>();
        triggering.setContext(context);
        triggering.setMaxFileSize(fileSize);
        triggering.setCheckIncrement(sizeCheck);
        triggering.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(triggering);
        appender.setEncoder(encoder);
        appender.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var previous = root.getAppender(APPENDER);
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
        root.addAppender(appender);
    }
}
