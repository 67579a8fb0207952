package dev.aiworkbench.bench;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.LoadResult;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.testing.PackGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Budget: a 5,000-week pack loads in linear time. Packs of 500 and 5,000 weeks of the same shape
 * (see {@link PackGenerator}) are written to a temp folder and checked to load with zero problems
 * before anything is timed; time(5000) / time(500) is about 10 when loading is linear.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class PackScalingBenchmark {
    @Param({"500", "5000"})
    public int weeks;

    private Path dir;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("workbench-bench-pack-");
        PackGenerator.write(dir, weeks);
        LoadResult result = PackGenerator.loadClean(dir);
        int loaded = result.pack().orElseThrow().weeks().size();
        if (loaded != weeks) {
            throw new IllegalStateException("generated " + weeks + " weeks but the loader saw " + loaded);
        }
    }

    @TearDown(Level.Trial)
    public void delete() {
        PackGenerator.deleteTree(dir);
    }

    @Benchmark
    public LoadResult load() throws PackAccessException, IOException {
        try (PackLocation location = PackLocation.open(dir)) {
            return new PackLoader(AppInfo.version()).load(location);
        }
    }
}
