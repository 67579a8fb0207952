package dev.aiworkbench.ui.settings;

import dev.aiworkbench.observability.CallFilter;
import dev.aiworkbench.observability.CallRetention;
import dev.aiworkbench.observability.MetricsServer;
import dev.aiworkbench.observability.Observability;
import dev.aiworkbench.observability.TimeRange;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Settings > Observability, less the budgets: /metrics on 127.0.0.1 (on or off, and its port), OTLP span export to a
 * collector the learner names (off by default), and how long call records are kept, asking first when a shorter
 * period deletes calls.
 */
public final class ObservabilitySettingsViewModel {
    public static final int MAX_RETENTION_DAYS = 3650;

    private final Observability observability;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper metricsOn = new ReadOnlyBooleanWrapper(false);
    private final StringProperty metricsPort = new SimpleStringProperty(Integer.toString(MetricsServer.DEFAULT_PORT));
    private final ReadOnlyStringWrapper metricsStatus = new ReadOnlyStringWrapper("");
    private final StringProperty otlpEndpoint = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper otlpStatus = new ReadOnlyStringWrapper("");
    private final StringProperty retentionDays = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper retentionStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper retentionQuestion = new ReadOnlyStringWrapper("");
    private int keptDays = CallRetention.DEFAULT_DAYS;
    private Integer pendingDays;

    public ObservabilitySettingsViewModel(Observability observability, Clock clock, TaskExecutor tasks) {
        this.observability = observability;
        this.clock = clock;
        this.tasks = tasks;
    }

    /** The sentence for a /metrics port another program holds. */
    public static String portTaken(int port) {
        return "Port " + port + " on 127.0.0.1 is taken by another program, so /metrics is not served; choose another "
                + "port in Settings > Observability.";
    }

    public void load() {
        tasks.run(() -> {
            Optional<Integer> port = observability.savedMetricsPort();
            Optional<URI> serving;
            boolean taken = false;
            try {
                serving = observability.startSavedMetrics().map(MetricsServer::uri);
            } catch (IllegalStateException e) {
                serving = Optional.empty();
                taken = true;
            }
            return new Loaded(port, serving, taken, observability.otlpEndpoint(), observability.retention().days());
        }, this::show, this::failedToLoad);
    }

    private void show(Loaded loaded) {
        loaded.port().ifPresent(port -> metricsPort.set(Integer.toString(port)));
        metricsOn.set(loaded.serving().isPresent());
        metricsStatus.set(loaded.taken() ? portTaken(loaded.port().orElseThrow())
                : loaded.serving().map(ObservabilitySettingsViewModel::serving).orElse(off()));
        otlpEndpoint.set(loaded.otlp().map(URI::toString).orElse(""));
        otlpStatus.set(spans(loaded.otlp()));
        keptDays = loaded.days();
        retentionDays.set(Integer.toString(loaded.days()));
        retentionStatus.set(kept(loaded.days()));
    }

    private void failedToLoad(Throwable failure) {
        metricsOn.set(false);
        metricsStatus.set(Sentences.of(failure.getMessage()));
    }

    /** Turns /metrics on at the typed port, or off. */
    public void setMetrics(boolean on) {
        if (!on) {
            tasks.run(() -> observability.serveMetricsFromApp(Optional.empty()), stopped -> {
                metricsOn.set(false);
                metricsStatus.set(off());
            }, this::metricsFailed);
            return;
        }
        Optional<Integer> port = port(metricsPort.get());
        if (port.isEmpty()) {
            metricsOn.set(false);
            metricsStatus.set("A port is a whole number from 1 to 65535; " + MetricsServer.DEFAULT_PORT
                    + " is the usual one for the workbench.");
            return;
        }
        tasks.run(() -> observability.serveMetricsFromApp(port).map(MetricsServer::uri).orElseThrow(), uri -> {
            metricsOn.set(true);
            metricsStatus.set(serving(uri));
        }, failure -> {
            metricsOn.set(false);
            metricsStatus.set(Sentences.cause(failure) instanceof IllegalStateException ? portTaken(port.get())
                    : Sentences.of(Sentences.cause(failure).getMessage()));
        });
    }

    private void metricsFailed(Throwable failure) {
        metricsStatus.set(Sentences.of(Sentences.cause(failure).getMessage()));
    }

    private static Optional<Integer> port(String text) {
        try {
            int port = Integer.parseInt(text == null ? "" : text.strip());
            return port >= 1 && port <= 65_535 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String serving(URI uri) {
        return "On: your Prometheus can scrape " + uri + " (this machine only).";
    }

    private static String off() {
        return "Off. Turn it on to let your own Prometheus scrape the workbench's calls, cost and eval pass rates.";
    }

    /** Sends spans to the typed collector from now on; an empty field turns export off. */
    public void saveOtlp() {
        String typed = otlpEndpoint.get() == null ? "" : otlpEndpoint.get().strip();
        tasks.run(() -> {
            observability.exportSpansTo(typed.isEmpty() ? Optional.empty() : Optional.of(typed));
            return observability.otlpEndpoint();
        }, saved -> {
            otlpEndpoint.set(saved.map(URI::toString).orElse(""));
            otlpStatus.set(spans(saved));
        }, failure -> otlpStatus.set(Sentences.of(Sentences.cause(failure).getMessage())));
    }

    private static String spans(Optional<URI> collector) {
        return collector.map(uri -> "Each model call is sent as a span to " + uri + ".")
                .orElse("Off: no spans leave this machine. Give your collector's OTLP/HTTP address to send them.");
    }

    /**
     * Keeps the typed number of days; a shorter period than now that would delete calls asks first, saying how
     * many.
     */
    public void saveRetention() {
        Optional<Integer> days = days(retentionDays.get());
        if (days.isEmpty()) {
            retentionStatus.set("Keep calls for a whole number of days from 1 to " + MAX_RETENTION_DAYS + " (the "
                    + "default is " + CallRetention.DEFAULT_DAYS + ").");
            return;
        }
        int wanted = days.get();
        Instant cutoff = clock.instant().minus(Duration.ofDays(wanted));
        tasks.run(() -> wanted < keptDays ? older(cutoff) : 0L, pruned -> {
            if (pruned > 0) {
                pendingDays = wanted;
                retentionQuestion.set("Keeping " + wanted + " days deletes " + pruned + " call record"
                        + (pruned == 1 ? "" : "s") + " made before " + LocalDate.ofInstant(cutoff, clock.getZone())
                        + ", now and for good. Save and delete them?");
            } else {
                apply(wanted);
            }
        }, failure -> retentionStatus.set(Sentences.of(Sentences.cause(failure).getMessage())));
    }

    private long older(Instant cutoff) {
        return observability.stats().total(new TimeRange(Instant.EPOCH, cutoff), CallFilter.ALL).calls();
    }

    public void confirmRetention() {
        Integer wanted = pendingDays;
        cancelRetention();
        if (wanted != null) {
            apply(wanted);
        }
    }

    public void cancelRetention() {
        pendingDays = null;
        retentionQuestion.set("");
    }

    private void apply(int days) {
        tasks.run(() -> {
            observability.retention().setDays(days);
            return observability.retention().prune(clock.instant());
        }, pruned -> {
            keptDays = days;
            retentionStatus.set(kept(days) + (pruned > 0 ? " " + pruned + " older call record" + (pruned == 1 ? " was"
                    : "s were") + " deleted." : ""));
        }, failure -> retentionStatus.set(Sentences.of(Sentences.cause(failure).getMessage())));
    }

    private static String kept(int days) {
        return "Call records are kept " + days + " day" + (days == 1 ? "" : "s") + "; older ones are deleted daily.";
    }

    private static Optional<Integer> days(String text) {
        try {
            int days = Integer.parseInt(text == null ? "" : text.strip());
            return days >= 1 && days <= MAX_RETENTION_DAYS ? Optional.of(days) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public ReadOnlyBooleanProperty metricsOnProperty() {
        return metricsOn.getReadOnlyProperty();
    }

    public StringProperty metricsPortProperty() {
        return metricsPort;
    }

    public ReadOnlyStringProperty metricsStatusProperty() {
        return metricsStatus.getReadOnlyProperty();
    }

    public StringProperty otlpEndpointProperty() {
        return otlpEndpoint;
    }

    public ReadOnlyStringProperty otlpStatusProperty() {
        return otlpStatus.getReadOnlyProperty();
    }

    public StringProperty retentionDaysProperty() {
        return retentionDays;
    }

    public ReadOnlyStringProperty retentionStatusProperty() {
        return retentionStatus.getReadOnlyProperty();
    }

    /** The question while a shorter period waits for its confirmation; empty otherwise. */
    public ReadOnlyStringProperty retentionQuestionProperty() {
        return retentionQuestion.getReadOnlyProperty();
    }

    private record Loaded(Optional<Integer> port, Optional<URI> serving, boolean taken, Optional<URI> otlp, int days) {
    }
}
