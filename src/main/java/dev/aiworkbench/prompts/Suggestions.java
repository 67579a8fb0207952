package dev.aiworkbench.prompts;

import java.util.Comparator;
import java.util.List;

/** "Did you mean" candidates for a mistyped name, by edit distance. */
final class Suggestions {
    private Suggestions() {
    }

    private record Candidate(String name, int distance) {
    }

    static List<String> closest(List<String> names, String wanted, int limit) {
        return names.stream()
                .map(name -> new Candidate(name, distance(name, wanted)))
                .filter(c -> c.distance() <= Math.max(2, wanted.length() / 3))
                .sorted(Comparator.comparingInt(Candidate::distance))
                .limit(limit)
                .map(Candidate::name)
                .toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
