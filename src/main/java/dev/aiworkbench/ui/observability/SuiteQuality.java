package dev.aiworkbench.ui.observability;

import dev.aiworkbench.eval.report.QualityMeasure;
import dev.aiworkbench.eval.report.QualityPoint;

import java.util.List;
import java.util.Map;

/** One eval suite's quality series in the range: the pass rate and each RAG measure it graded with. */
public record SuiteQuality(String suiteKey, Map<QualityMeasure, List<QualityPoint>> series) {
    public SuiteQuality {
        series = Map.copyOf(series);
    }
}
