package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.suite.ItemKeys;
import dev.aiworkbench.eval.suite.TestCase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shard membership by each item's stable key: a partition that survives reordering and inserting items. */
class ShardTest {
    private static TestCase item(int n) {
        Map<String, String> vars = Map.of("n", String.valueOf(n));
        return new TestCase(ItemKeys.of("item " + n, vars), "item " + n, vars, List.of(), null, null, Map.of(), null,
                "items.csv:" + n);
    }

    private static List<TestCase> items(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(ShardTest::item).toList();
    }

    /** Each item's key → the shard (1-based) holding it, checking every item is in exactly one shard. */
    private static Map<String, Integer> membership(List<TestCase> items, int count) {
        Map<String, Integer> shardOf = new HashMap<>();
        for (int number = 1; number <= count; number++) {
            List<TestCase> part = new Shard(number, count).of(items);
            for (TestCase test : part) {
                assertThat(shardOf.put(test.key(), number)).as("%s is in two shards", test.key()).isNull();
            }
            assertThat(part).as("a shard keeps the suite's order").isEqualTo(items.stream()
                    .filter(part::contains).toList());
        }
        assertThat(shardOf.keySet()).as("%d items in %d shards", items.size(), count)
                .containsExactlyInAnyOrderElementsOf(items.stream().map(TestCase::key).toList());
        return shardOf;
    }

    @Test
    void everyItemIsInExactlyOneShard() {
        for (int size : new int[] {0, 1, 5, 22, 100}) {
            for (int count = 1; count <= 7; count++) {
                membership(items(size), count);
            }
        }
    }

    @Test
    void reorderingTheFileMovesNoItemToAnotherShard() {
        List<TestCase> items = items(200);
        List<TestCase> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(7));

        for (int count : new int[] {2, 3, 4, 8}) {
            assertThat(membership(shuffled, count)).isEqualTo(membership(items, count));
        }
    }

    @Test
    void insertingOrRemovingAnItemMovesNoOtherItem() {
        List<TestCase> items = items(200);
        List<TestCase> inserted = new ArrayList<>(items);
        inserted.add(50, item(1000));
        inserted.add(0, item(1001));
        List<TestCase> removed = new ArrayList<>(items);
        removed.remove(120);

        for (int count : new int[] {2, 3, 4, 8}) {
            Map<String, Integer> before = membership(items, count);
            Map<String, Integer> after = membership(inserted, count);
            before.forEach((key, shard) -> assertThat(after.get(key)).as(key).isEqualTo(shard));
            Map<String, Integer> less = membership(removed, count);
            less.forEach((key, shard) -> assertThat(before.get(key)).as(key).isEqualTo(shard));
        }
    }

    @Test
    void copiesOfAnItemStayInOneShard() {
        TestCase original = item(5);
        List<TestCase> items = new ArrayList<>(items(30));
        for (int copy = 2; copy <= 4; copy++) {
            items.add(new TestCase(original.key() + "~" + copy, original.description(), original.vars(), List.of(), null,
                    null, Map.of(), null, "items.csv:" + (30 + copy)));
        }

        for (int count = 2; count <= 6; count++) {
            Map<String, Integer> shardOf = membership(items, count);
            int shard = shardOf.get(original.key());
            for (int copy = 2; copy <= 4; copy++) {
                assertThat(shardOf.get(original.key() + "~" + copy)).isEqualTo(shard);
            }
        }
    }

    @Test
    void aThousandItemsSpreadEvenlyOverTheShards() {
        List<TestCase> items = items(1000);
        for (int count : new int[] {2, 3, 4, 8, 10}) {
            double expected = 1000.0 / count;
            for (int number = 1; number <= count; number++) {
                int size = new Shard(number, count).of(items).size();
                // A binomial count's spread is √(n·p·(1−p)) ≤ 16 here; 4 of them is a bound a fair hash keeps.
                assertThat(Math.abs(size - expected)).as("shard %d/%d holds %d of 1000", number, count, size)
                        .isLessThan(4 * Math.sqrt(1000 * (1.0 / count) * (1 - 1.0 / count)));
            }
        }
    }

    @Test
    void anItemsShardIsTheFirstEightBytesOfTheSha256OfItsKeyModN() throws Exception {
        String key = "item-1-0123456789ab";
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long first = 0;
        for (int i = 0; i < 8; i++) {
            first = (first << 8) | (digest[i] & 0xff);
        }
        for (int count = 1; count <= 9; count++) {
            assertThat(Shard.numberOf(key, count)).isEqualTo(Long.remainderUnsigned(first, count) + 1);
        }
        assertThat(Shard.numberOf(key + "~3", 7)).isEqualTo(Shard.numberOf(key, 7));
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
