package dev.aiworkbench.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The state of a pull so far: the latest status and, for each layer, bytes done out of its total. */
public final class PullBoard {
    /** One layer of the model being downloaded. */
    public record Layer(String digest, long completed, long total) {
        public double fraction() {
            return total <= 0 ? 0 : Math.min(1, (double) completed / total);
        }
    }

    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private String status = "";

    public synchronized void accept(PullProgress progress) {
        status = progress.status();
        progress.digest().ifPresent(digest -> {
            if (progress.total().isPresent()) {
                layers.put(digest, new Layer(digest, progress.completed().orElse(0), progress.total().getAsLong()));
            }
        });
    }

    public synchronized String status() {
        return status;
    }

    public synchronized List<Layer> layers() {
        return List.copyOf(layers.values());
    }

    /** Bytes done over all layers seen, out of their total; empty before any layer reports a size. */
    public synchronized OptionalDouble fraction() {
        long total = totalBytes();
        return total <= 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1, (double) completedBytes() / total));
    }

    /** The size of every layer seen so far, added up. */
    public synchronized long totalBytes() {
        return layers.values().stream().mapToLong(Layer::total).sum();
    }

    /** Bytes done over every layer seen so far. */
    public synchronized long completedBytes() {
        return layers.values().stream().mapToLong(Layer::completed).sum();
    }

    /** Sizes as people read them: 512 B, 3.4 MB, 2.0 GB. */
    public static String bytes(long count) {
        if (count < 1000) {
            return count + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = count;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
