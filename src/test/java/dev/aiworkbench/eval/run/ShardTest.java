package dev.aiworkbench.eval.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTest {
    @Test
    void theShardsOfASuitePartitionItsItemsInTheSuitesOrder() {
        for (int size : new int[] {0, 1, 5, 22, 100}) {
            List<Integer> items = IntStream.range(0, size).boxed().toList();
            for (int count = 1; count <= 7; count++) {
                List<Integer> union = new ArrayList<>();
                for (int number = 1; number <= count; number++) {
                    List<Integer> part = new Shard(number, count).of(items);
                    int k = number;
                    int n = count;
                    assertThat(part).isSorted().allMatch(i -> i % n == k - 1);
                    union.addAll(part);
                }
                assertThat(union).as("%d items in %d shards", size, count).hasSize(size)
                        .containsExactlyInAnyOrderElementsOf(items);
            }
        }
    }

    @Test
    void aShardIsWrittenKOverNAndReadBackFromItsKey() {
        Shard shard = Shard.parse(" 2/4 ");

        assertThat(shard).isEqualTo(new Shard(2, 4));
        assertThat(shard.key("/evals/suite.yaml")).isEqualTo("/evals/suite.yaml#shard-2-of-4");
        assertThat(Shard.ofKey(shard.key("/evals/suite.yaml#p@m"))).contains(shard);
        assertThat(Shard.wholeKey(shard.key("/evals/suite.yaml#p@m"))).isEqualTo("/evals/suite.yaml#p@m");
        assertThat(Shard.ofKey("/evals/suite.yaml")).isEmpty();
        assertThat(Shard.describe("/evals/suite.yaml")).isEqualTo("the whole suite");
    }

    @Test
    void aShardOutsideItsCountOrMisWrittenIsRefusedWithASentence() {
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessage("A shard is K/N with 1 ≤ K ≤ N (for example 2/4), not 5/4.");
        assertThatThrownBy(() -> Shard.parse("0/4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shard.parse("two of four")).hasMessageContaining("written K/N");
    }
}
