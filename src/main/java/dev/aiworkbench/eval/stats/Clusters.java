package dev.aiworkbench.eval.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Items grouped by their {@code cluster} key. An item without a key is a cluster of its own. The data are
 * "clustered" (and clustered statistics are used) only when some cluster holds two items or more; when every
 * item is alone the clustered formulas equal the plain ones and are not needed.
 */
final class Clusters {
    final int[] index;
    final int count;
    final boolean clustered;

    private Clusters(int[] index, int count, boolean clustered) {
        this.index = index;
        this.count = count;
        this.clustered = clustered;
    }

    static Clusters of(List<String> keys) {
        int[] index = new int[keys.size()];
        Map<String, Integer> seen = new HashMap<>();
        int next = 0;
        boolean shared = false;
        for (int i = 0; i < index.length; i++) {
            String key = keys.get(i);
            if (key == null) {
                index[i] = next++;
                continue;
            }
            Integer known = seen.get(key);
            if (known != null) {
                index[i] = known;
                shared = true;
            } else {
                seen.put(key, next);
                index[i] = next++;
            }
        }
        return new Clusters(index, next, shared);
    }

    /** Σ over clusters of (Σ_{i∈c} (x_i − x̄))·(Σ_{i∈c} (y_i − ȳ)). */
    double crossSum(double[] x, double[] y) {
        double meanX = StandardErrors.mean(x);
        double meanY = StandardErrors.mean(y);
        double[] sumX = new double[count];
        double[] sumY = new double[count];
        for (int i = 0; i < index.length; i++) {
            sumX[index[i]] += x[i] - meanX;
            sumY[index[i]] += y[i] - meanY;
        }
        double total = 0;
        for (int c = 0; c < count; c++) {
            total += sumX[c] * sumY[c];
        }
        return total;
    }
}
