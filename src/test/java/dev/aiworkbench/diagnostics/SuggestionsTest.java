package dev.aiworkbench.diagnostics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {
    @Test
    void closestNamesComeFirstAndEquallyCloseOnesKeepTheirOrder() {
        List<String> names = List.of("week-03", "week-10", "week-01", "capstone");

        assertThat(Suggestions.BY_EDITS.closest(names, "week-1", 3)).containsExactly("week-10", "week-01", "week-03");
        assertThat(Suggestions.BY_EDITS.closest(names, "week-1", 2)).containsExactly("week-10", "week-01");
        assertThat(Suggestions.BY_EDITS.closest(names, "week-01")).contains("week-01");
    }

    @Test
    void onlyNamesWithinAThirdOfTheLengthAndAtLeastTwoEditsAreClose() {
        // "ab" may be 2 edits away (the floor); a 12-letter name may be 4 (a third of it), not 5
        assertThat(Suggestions.BY_EDITS.closest(List.of("xy"), "ab")).contains("xy");
        assertThat(Suggestions.BY_EDITS.closest(List.of("xyz"), "ab")).isEmpty();
        assertThat(Suggestions.BY_EDITS.closest(List.of("descrXXXXons"), "descriptions")).contains("descrXXXXons");
        assertThat(Suggestions.BY_EDITS.closest(List.of("descXXXXXons"), "descriptions")).isEmpty();
    }

    @Test
    void aSwapOfNeighboursIsOneEditOnlyWhenSwapsCount() {
        // "tpye" is 2 substitutions from "type", or 1 swap; with a near-limit of 2 both find it, so look at ranking
        List<String> names = List.of("tyre", "type");

        assertThat(Suggestions.BY_EDITS.closest(names, "tpye")).contains("tyre");
        assertThat(Suggestions.BY_EDITS_AND_SWAPS.closest(names, "tpye")).contains("type");
    }
}
