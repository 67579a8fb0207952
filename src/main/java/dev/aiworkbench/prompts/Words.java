package dev.aiworkbench.prompts;

import java.util.List;

/** Lists in sentences: "a", "a and b", "a, b and c". */
final class Words {
    private Words() {
    }

    static String and(List<String> items) {
        return join(items, " and ");
    }

    static String or(List<String> items) {
        return join(items, " or ");
    }

    private static String join(List<String> items, String last) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }
}
