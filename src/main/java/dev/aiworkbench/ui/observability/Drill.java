package dev.aiworkbench.ui.observability;

import dev.aiworkbench.observability.CallFilter;
import dev.aiworkbench.observability.TimeRange;

/**
 * A point of a chart opened to the calls behind it: its time range and filter, and how the list names it.
 *
 * @param title e.g. "Calls of qwen2.5:0.5b in the last 7 days"
 */
public record Drill(String title, TimeRange range, CallFilter filter) {
}
