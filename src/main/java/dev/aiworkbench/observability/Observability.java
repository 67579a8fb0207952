package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.store.Database;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The observability feature's service: records every model call (through {@link #recording} gateways), keeps them
 * for the retention, answers the aggregates ({@link #stats()}), serves {@code /metrics} and, when the learner names
 * a collector, sends each call as an OTLP span. Closing it writes what is still queued.
 */
public final class Observability implements AutoCloseable {
    public static final String OTLP_SETTING = "observability.otlp.endpoint";
    /** The port the app serves /metrics on; absent when the learner has not turned it on. */
    public static final String METRICS_PORT_SETTING = "observability.metrics.port";

    private final SettingValues settings;
    private final CallRecorder recorder;
    private final CallRetention retention;
    private final CallStats stats;
    private final MetricQueries metricQueries;
    private final Supplier<List<SuitePassRate>> passRates;
    private final Clock clock;
    private final String appVersion;
    private final Object otlpLock = new Object();
    private volatile OtlpCallSpans otlp;
    private MetricsServer appMetrics;

    private Observability(Database database, SettingValues settings, Supplier<CallPricing> pricing,
                          Supplier<List<SuitePassRate>> passRates, Clock clock, String appVersion, int capacity) {
        CallStore store = new CallStore(database);
        this.settings = settings;
        this.retention = new CallRetention(settings, store);
        this.recorder = new CallRecorder(store, pricing, retention, clock, capacity);
        this.stats = new CallStats(database);
        this.metricQueries = new MetricQueries(database);
        this.passRates = passRates;
        this.clock = clock;
        this.appVersion = appVersion;
        recorder.addSink(new CallSink() {
            @Override
            public void accept(List<PricedCall> calls) {
                OtlpCallSpans current = otlp;
                if (current != null) {
                    current.accept(calls);
                }
            }

            @Override
            public void close() {
                stopSpans();
            }
        });
    }

    /**
     * Starts recording into the database (its writer prunes old records at once, and daily after), and sends spans
     * to the collector saved in settings, if any.
     *
     * @param pricing   the prices in force, asked once per batch of calls written
     * @param passRates each eval suite's latest pass rate, for the metrics endpoint
     */
    public static Observability open(Database database, SettingValues settings, Supplier<CallPricing> pricing,
                                     Supplier<List<SuitePassRate>> passRates, Clock clock, String appVersion) {
        Observability observability = new Observability(database, settings, pricing, passRates, clock, appVersion,
                CallRecorder.DEFAULT_CAPACITY);
        observability.otlpEndpoint().ifPresent(observability::startSpans);
        return observability;
    }

    /** A gateway whose stream, generate and embed calls are recorded for the feature. */
    public ModelGateway recording(ModelGateway inner, String provider, CallFeature feature) {
        return new RecordingGateway(inner, provider, recorder, CallTag.of(feature), clock);
    }

    public CallRecorder recorder() {
        return recorder;
    }

    public CallRetention retention() {
        return retention;
    }

    /** The aggregates, the histogram and the calls behind a point, for the report and the dashboard. */
    public CallStats stats() {
        return stats;
    }

    /**
     * Serves {@code /metrics} on 127.0.0.1; the caller closes it.
     *
     * @param port 0 for any free port
     * @throws IllegalStateException the port is taken
     */
    public MetricsServer serveMetrics(int port) {
        return MetricsServer.start(metrics(), port);
    }

    /** The port the app serves /metrics on, when the learner turned it on in Settings. */
    public Optional<Integer> savedMetricsPort() {
        return settings.get(METRICS_PORT_SETTING).flatMap(text -> {
            try {
                int port = Integer.parseInt(text.strip());
                return port >= 1 && port <= 65_535 ? Optional.of(port) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Starts the app's endpoint on the saved port if the learner turned it on and it is not running; it stops when
     * this closes.
     *
     * @return the running endpoint, if any
     * @throws IllegalStateException the saved port is taken (the message says what to do)
     */
    public synchronized Optional<MetricsServer> startSavedMetrics() {
        if (appMetrics == null) {
            savedMetricsPort().ifPresent(port -> appMetrics = serveMetrics(port));
        }
        return Optional.ofNullable(appMetrics);
    }

    /**
     * Turns the app's endpoint on at the port (saving it, once it runs) or, with an empty value, off.
     *
     * @throws IllegalStateException the port is taken; the setting is unchanged and nothing is served
     */
    public synchronized Optional<MetricsServer> serveMetricsFromApp(Optional<Integer> port) {
        stopAppMetrics();
        if (port.isEmpty()) {
            settings.remove(METRICS_PORT_SETTING);
            return Optional.empty();
        }
        appMetrics = serveMetrics(port.get());
        settings.put(METRICS_PORT_SETTING, Integer.toString(appMetrics.port()));
        return Optional.of(appMetrics);
    }

    private void stopAppMetrics() {
        if (appMetrics != null) {
            appMetrics.close();
            appMetrics = null;
        }
    }

    /** The metrics as the endpoint serves them, for a registry of the caller's own. */
    public CallMetrics metrics() {
        return new CallMetrics(metricQueries, passRates);
    }

    /** The collector spans go to, if the learner named one. */
    public Optional<URI> otlpEndpoint() {
        return settings.get(OTLP_SETTING).filter(s -> !s.isBlank()).flatMap(Observability::uri);
    }

    /**
     * Sends a span per call from now on to the collector (saved in settings), or, with an empty value, stops.
     *
     * @throws IllegalArgumentException the address is not an http(s) address, with the reason
     */
    public void exportSpansTo(Optional<String> collector) {
        if (collector.isPresent() && !collector.get().isBlank()) {
            URI uri = uri(collector.get().strip()).orElseThrow(() -> new IllegalArgumentException("'" + collector.get()
                    + "' is not an address; give the collector's OTLP/HTTP address, for example http://localhost:4318"));
            OtlpCallSpans.tracesEndpoint(uri);
            settings.put(OTLP_SETTING, uri.toString());
            startSpans(uri);
        } else {
            settings.remove(OTLP_SETTING);
            stopSpans();
        }
    }

    private void startSpans(URI collector) {
        synchronized (otlpLock) {
            stopSpans();
            try {
                otlp = OtlpCallSpans.to(collector, appVersion);
            } catch (IllegalArgumentException e) {
                LoggerFactory.getLogger(Observability.class).warn("not sending spans to {}: {}", collector,
                        e.getMessage());
            }
        }
    }

    private void stopSpans() {
        synchronized (otlpLock) {
            OtlpCallSpans current = otlp;
            otlp = null;
            if (current != null) {
                current.close();
            }
        }
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Stops the app's endpoint, writes the calls still queued, sends the spans still batched, and stops. */
    @Override
    public void close() {
        synchronized (this) {
            stopAppMetrics();
        }
        recorder.close();
    }
}
