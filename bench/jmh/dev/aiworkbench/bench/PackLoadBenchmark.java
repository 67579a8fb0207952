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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Budget: the default pack loads and validates in under 150 ms warm.
 *
 * <p>{@link #loadAndValidate} is what the app does at start; {@link #readBytesBaseline} only reads
 * the bytes of the same files, so loadAndValidate / readBytesBaseline says what parsing, schema
 * checks and cross-file rules cost on top of the I/O.
 *
 * <p>Run from the project root (bench/run-jmh.sh does): the pack is {@code curriculum/devops-to-ai}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class PackLoadBenchmark {
    static final Path PACK = Path.of("curriculum/devops-to-ai");

    private List<Path> files;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (!Files.isRegularFile(PACK.resolve("pack.yaml"))) {
            throw new IllegalStateException("no pack at " + PACK.toAbsolutePath()
                    + ": run the benchmarks from the project root (bench/run-jmh.sh does)");
        }
        LoadResult result = PackGenerator.loadClean(PACK);
        try (Stream<Path> walk = Files.walk(PACK)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.size() < 3 || result.pack().orElseThrow().weeks().isEmpty()) {
            throw new IllegalStateException("the default pack looks empty: " + files);
        }
    }

    @Benchmark
    public LoadResult loadAndValidate() throws PackAccessException, IOException {
        try (PackLocation location = PackLocation.open(PACK)) {
            return new PackLoader(AppInfo.version()).load(location);
        }
    }

    @Benchmark
    public void readBytesBaseline(Blackhole blackhole) throws IOException {
        for (Path file : files) {
            blackhole.consume(Files.readAllBytes(file));
        }
    }
}
