package dev.aiworkbench.observability;

/** An eval suite's pass rate in its latest finished run, for the metrics endpoint. */
public record SuitePassRate(String suite, String model, double passRate) {
}
