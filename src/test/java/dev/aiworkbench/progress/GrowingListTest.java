package dev.aiworkbench.progress;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrowingListTest {

    @Test
    void growingLeavesTheOriginalAsItWas() {
        GrowingList<String> base = GrowingList.of(List.of("a", "b"));

        GrowingList<String> longer = base.plusAll(List.of("c"));

        assertThat(base).containsExactly("a", "b");
        assertThat(longer).containsExactly("a", "b", "c");
        assertThat(longer).isEqualTo(List.of("a", "b", "c")).hasSameHashCodeAs(List.of("a", "b", "c"));
    }

    @Test
    void twoListsGrownFromTheSameOneDoNotSeeEachOther() {
        GrowingList<String> base = GrowingList.of(List.of("a")).plusAll(List.of("b"));

        GrowingList<String> first = base.plusAll(List.of("first"));
        GrowingList<String> second = base.plusAll(List.of("second", "more"));
        GrowingList<String> firstAgain = first.plusAll(List.of("again"));

        assertThat(first).containsExactly("a", "b", "first");
        assertThat(second).containsExactly("a", "b", "second", "more");
        assertThat(firstAgain).containsExactly("a", "b", "first", "again");
        assertThat(base).containsExactly("a", "b");
    }

    @Test
    void aLongChainOfSmallStepsHoldsEveryElementInOrder() {
        GrowingList<Integer> list = GrowingList.of(List.of());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            list = list.plusAll(List.of(i));
            expected.add(i);
        }

        assertThat(list).isEqualTo(expected);
        assertThat(list.plusAll(List.of())).isSameAs(list);
    }

    @Test
    void itCannotBeChangedOrReadPastItsEnd() {
        GrowingList<String> list = GrowingList.of(List.of("a"));

        assertThatThrownBy(() -> list.add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
