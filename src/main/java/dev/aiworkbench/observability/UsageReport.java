package dev.aiworkbench.observability;

import java.time.Instant;
import java.util.List;

/** The calls of a time range: totals, then one group per key. */
public record UsageReport(Instant since, Instant until, GroupBy by, long calls, long errors, double costUsd,
                          List<UsageGroup> groups) {
}
