package dev.aiworkbench.app;

import dev.aiworkbench.eval.report.EvalHistory;
import dev.aiworkbench.eval.report.QualityMeasure;
import dev.aiworkbench.eval.report.QualityPoint;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.observability.SuiteQualities;
import dev.aiworkbench.observability.SuiteQuality;

import java.util.List;
import java.util.Optional;

/** The eval suites' latest figures as the budgets read them: the eval feature's answers, handed across. */
final class EvalSuiteQualities implements SuiteQualities {
    private final EvalHistory history;

    EvalSuiteQualities(EvalHistory history) {
        this.history = history;
    }

    @Override
    public List<String> suites() {
        return history.suiteKeys();
    }

    @Override
    public Optional<SuiteQuality> quality(String suite) {
        return history.latestFinished().stream().filter(run -> run.suiteKey().equals(suite)).findFirst()
                .map(latest -> {
                    Optional<EvalRun> baseline = history.defaultBaseline(latest);
                    Optional<QualityPoint> faithfulness = history.latest(suite, QualityMeasure.FAITHFULNESS);
                    return new SuiteQuality(suite, latest.id(), latest.passRate(),
                            baseline.map(EvalRun::id).orElse(null), baseline.map(EvalRun::passRate).orElse(null),
                            faithfulness.map(QualityPoint::runId).orElse(null),
                            faithfulness.map(QualityPoint::value).orElse(null));
                });
    }
}
