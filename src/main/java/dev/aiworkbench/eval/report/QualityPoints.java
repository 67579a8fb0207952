package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.MeasureAggregate;
import dev.aiworkbench.eval.stats.Interval;
import dev.aiworkbench.eval.stats.StudentInterval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns what the store aggregated into points of the quality series, and says them in words. */
final class QualityPoints {
    /** The assertion types behind the RAG measures, in the order of {@link QualityMeasure}. */
    static final List<String> RAG_TYPES = Arrays.stream(QualityMeasure.values())
            .flatMap(m -> m.assertionType().stream()).toList();

    private QualityPoints() {
    }

    /** A run's recorded pass rate and its Wilson interval. */
    static QualityPoint passRate(EvalRun run) {
        return new QualityPoint(run.startedAt(), run.passRate(), run.passRateLow(), run.passRateHigh(), run.id(),
                run.items() == null ? 0 : run.items(), Double.NaN);
    }

    /** A run's mean of a RAG measure, with the Student-t interval over its items. */
    static QualityPoint measure(MeasureAggregate aggregate) {
        Interval ci = StudentInterval.mean95(aggregate.items(), aggregate.mean(), aggregate.meanOfSquares());
        return new QualityPoint(aggregate.startedAt(), aggregate.mean(), ci.low(), ci.high(), aggregate.runId(),
                aggregate.items(), aggregate.meanOfSquares());
    }

    static Optional<QualityMeasure> ofType(String assertionType) {
        return Arrays.stream(QualityMeasure.values())
                .filter(m -> m.assertionType().filter(assertionType::equals).isPresent()).findFirst();
    }

    /**
     * e.g. "faithfulness 0.850 over 12 items, 95% interval 0.700 to 0.950 (hallucination rate 15.0%)", or for the
     * pass rate "pass rate 85.0% over 20 items, 95% interval 64.0% to 94.8%".
     */
    static String explain(QualityMeasure measure, QualityPoint point) {
        boolean rate = measure == QualityMeasure.PASS_RATE;
        String text = measure.label() + " " + figure(point.value(), rate) + " over " + point.items() + " item"
                + (point.items() == 1 ? "" : "s") + ", 95% interval " + figure(point.low(), rate) + " to "
                + figure(point.high(), rate);
        return measure == QualityMeasure.FAITHFULNESS ? text + " (hallucination rate "
                + figure(1 - point.value(), true) + ")" : text;
    }

    private static String figure(double value, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.1f%%", 100 * value + 0.0)
                : String.format(Locale.ROOT, "%.3f", value + 0.0);
    }
}
