package dev.aiworkbench.bench.packcache;

import com.sun.management.OperatingSystemMXBean;
import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.PackCache;
import dev.aiworkbench.curriculum.PackLoadCaches;
import dev.aiworkbench.curriculum.SchemaPasses;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One cold load of the built-in pack in this fresh JVM, as the app's start does it ({@code ClosedDataFolder.readPack}):
 * {@code parsed} with the schema pass only (the pack cache off), {@code cached} with both caches of the data folder.
 * Prints {@code load_ms=… cpu_ms=… classes=…}: wall time, process CPU time and classes loaded during the load.
 *
 * <p>Usage: {@code PackCacheProbe parsed|cached <cache folder>}.
 */
public final class PackCacheProbe {
    private PackCacheProbe() {
    }

    public static void main(String[] args) {
        Path cache = Path.of(args[1]);
        PackLoadCaches caches = switch (args[0]) {
            case "parsed" -> new PackLoadCaches(SchemaPasses.in(cache.resolve("schema-passes")), PackCache.NONE);
            case "cached" -> PackLoadCaches.in(cache);
            default -> throw new IllegalArgumentException("parsed or cached, not " + args[0]);
        };
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        String version = AppInfo.version();
        long classesBefore = classes.getTotalLoadedClassCount();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        InstalledPack pack = InstalledPack.load(Optional.empty(), version, caches);
        long wall = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        if (!pack.result().valid() || pack.pack().orElseThrow().weeks().isEmpty()) {
            throw new IllegalStateException("the built-in pack did not load: " + pack.result().problems());
        }
        System.out.printf("load_ms=%d cpu_ms=%d classes=%d%n", wall / 1_000_000, cpu / 1_000_000,
                classes.getTotalLoadedClassCount() - classesBefore);
    }
}
