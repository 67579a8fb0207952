package dev.aiworkbench.eval.stats;

/**
 * One run of one item: the input of the statistics. With {@code repeat} K an item has K trials.
 *
 * @param itemKey the item's stable key, the same across runs (it pairs a candidate with its baseline)
 * @param cluster the item's {@code cluster} (items that share a context), or null
 * @param pass    the case passed (ignored when {@code error})
 * @param score   the case's score, 0 to 1 (ignored when {@code error})
 * @param error   the case errored: neither a pass nor a fail, so it is left out of every figure and counted apart
 */
public record Trial(String itemKey, String cluster, boolean pass, double score, boolean error) {
    public Trial {
        if (itemKey == null || itemKey.isBlank()) {
            throw new IllegalArgumentException("a trial needs an item key");
        }
        if (cluster != null && cluster.isBlank()) {
            cluster = null;
        }
        if (!error && !(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("item " + itemKey + ": a score must lie in [0, 1], not " + score);
        }
    }

    public static Trial passed(String itemKey, double score) {
        return new Trial(itemKey, null, true, score, false);
    }

    public static Trial failed(String itemKey, double score) {
        return new Trial(itemKey, null, false, score, false);
    }

    public static Trial errored(String itemKey) {
        return new Trial(itemKey, null, false, 0, true);
    }

    public Trial inCluster(String clusterKey) {
        return new Trial(itemKey, clusterKey, pass, score, error);
    }
}
