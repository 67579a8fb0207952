package dev.aiworkbench.diagnostics;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.EditDistance;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * "Did you mean" candidates for a mistyped name: the known names within a few edits of it (at most a third of
 * its length, and never fewer than 2), closest first, and in their given order where equally close.
 */
public final class Suggestions {
    /** Counts insertions, deletions and substitutions. */
    public static final Suggestions BY_EDITS = new Suggestions(LevenshteinDistance.getDefaultInstance());
    /**
     * Also counts a swap of neighbours as one edit (optimal string alignment), so {@code tpye} is one edit from
     * {@code type}: how the keys and types of eval suite files are matched.
     */
    public static final Suggestions BY_EDITS_AND_SWAPS = new Suggestions(new DamerauLevenshteinDistance());

    private final EditDistance<Integer> distance;

    private Suggestions(EditDistance<Integer> distance) {
        this.distance = distance;
    }

    private record Candidate(String name, int distance) {
    }

    /** Up to {@code limit} names close to {@code wanted}, closest first; empty when none is close. */
    public List<String> closest(Iterable<String> names, String wanted, int limit) {
        int near = Math.max(2, wanted.length() / 3);
        List<Candidate> candidates = new ArrayList<>();
        for (String name : names) {
            int d = distance.apply(name, wanted);
            if (d <= near) {
                candidates.add(new Candidate(name, d));
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::distance))
                .limit(limit)
                .map(Candidate::name)
                .toList();
    }

    /** The closest name to {@code wanted}, the first of them when several are equally close; empty when none is. */
    public Optional<String> closest(Iterable<String> names, String wanted) {
        return closest(names, wanted, 1).stream().findFirst();
    }
}
