package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.eval.run.CaseResult;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Folding cases into items while a run is in flight, and the figures as the screen writes them. */
final class Items {
    private Items() {
    }

    /** An item from the runs that have landed so far, in repeat order, folded as the report folds them. */
    static ItemResult fold(String key, List<CaseResult> runs) {
        return ItemResult.of(key, runs.stream().sorted(Comparator.comparingInt(CaseResult::repeatIndex)).toList());
    }

    /** "pass", "fail" or "error". */
    static String verdict(ItemResult item) {
        return item.error() != null ? "error" : item.pass() ? "pass" : "fail";
    }

    /** The item's name: its description, else its vars, else its key. */
    static String title(ItemResult item) {
        if (item.description() != null && !item.description().isBlank()) {
            return item.description();
        }
        Map<String, String> vars = item.runs().isEmpty() ? Map.of() : item.first().vars();
        if (vars != null && !vars.isEmpty()) {
            return shorten(vars.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")), 90);
        }
        return item.key();
    }

    static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** e.g. "0.4 s", "45 s", "3 min 05 s", "1 h 02 min". */
    static String duration(Duration duration) {
        if (duration.toMillis() < 9_950) {
            return String.format(Locale.ROOT, "%.1f s", Math.max(0, duration.toMillis()) / 1000.0);
        }
        long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    static String millis(Long ms) {
        if (ms == null) {
            return "";
        }
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
