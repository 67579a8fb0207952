package dev.aiworkbench.curriculum;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.diagnostics.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.aiworkbench.testing.PackFiles.copyDefaultPack;
import static dev.aiworkbench.testing.PackFiles.insertAfterLine;
import static dev.aiworkbench.testing.PackFiles.weekFile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pack whose schemas passed is not checked again while its content is the same; any edit checks it again, and a
 * damaged record counts as none.
 */
class SchemaPassesTest {
    @TempDir
    Path temp;

    /** The passes in a folder, with every question asked of them and every pass noted. */
    private static final class Watched implements SchemaPasses {
        final SchemaPasses inner;
        final List<String> asked = new ArrayList<>();
        final List<String> recorded = new ArrayList<>();

        Watched(Path folder) {
            inner = SchemaPasses.in(folder);
        }

        @Override
        public boolean recorded(String digest) {
            asked.add(digest);
            return inner.recorded(digest);
        }

        @Override
        public void record(String digest) {
            recorded.add(digest);
            inner.record(digest);
        }
    }

    private static LoadResult load(Path pack, SchemaPasses passes) throws IOException, PackAccessException {
        try (PackLocation location = PackLocation.open(pack)) {
            return new PackLoader(AppInfo.version(), InstalledPack.bundledLabIds(), passes).load(location);
        }
    }

    private static List<String> titles(LoadResult result) {
        return result.pack().orElseThrow().weeks().stream().map(Week::title).toList();
    }

    private Path[] passFiles() throws IOException {
        try (Stream<Path> files = Files.list(temp.resolve("passes"))) {
            return files.toArray(Path[]::new);
        }
    }

    @Test
    void aPackThatPassedLoadsTheSameWithoutItsSchemaCheck() throws IOException, PackAccessException {
        Path pack = copyDefaultPack(temp.resolve("pack"));
        Watched passes = new Watched(temp.resolve("passes"));

        LoadResult first = load(pack, passes);
        LoadResult second = load(pack, passes);

        assertThat(first.valid()).isTrue();
        assertThat(passes.recorded).hasSize(1);
        assertThat(passes.asked).containsExactly(passes.recorded.get(0), passes.recorded.get(0));
        assertThat(second.problems()).isEqualTo(first.problems());
        assertThat(titles(second)).isEqualTo(titles(first)).hasSize(36);
        assertThat(passFiles()).hasSize(1);
    }

    @Test
    void anEditedWeekFileIsCheckedAgain() throws IOException, PackAccessException {
        Path pack = copyDefaultPack(temp.resolve("pack"));
        Watched passes = new Watched(temp.resolve("passes"));
        load(pack, passes);

        insertAfterLine(pack.resolve(weekFile(1)), "hours:", "difficulty: very-hard");
        LoadResult edited = load(pack, passes);

        assertThat(edited.problems()).extracting(Problem::message).contains("unknown field 'difficulty'");
        assertThat(passes.asked).hasSize(2).doesNotHaveDuplicates();
        assertThat(passes.recorded).hasSize(1);
        // and the problem stays for as long as the file has it
        assertThat(load(pack, passes).problems()).isEqualTo(edited.problems());
    }

    @Test
    void aDamagedPassCountsAsNoneAndIsWrittenAgain() throws IOException, PackAccessException {
        Path pack = copyDefaultPack(temp.resolve("pack"));
        Watched passes = new Watched(temp.resolve("passes"));
        load(pack, passes);
        Path record = passFiles()[0];
        Files.writeString(record, "0f0f");

        LoadResult again = load(pack, passes);

        assertThat(again.valid()).isTrue();
        assertThat(passes.recorded).hasSize(2).containsOnly(passes.asked.get(0));
        assertThat(Files.readString(record)).isEqualTo(passes.recorded.get(0));
    }

    @Test
    void aSchemaPassOfOneAppVersionIsNotAnothers() throws IOException, PackAccessException {
        Path pack = copyDefaultPack(temp.resolve("pack"));
        Watched passes = new Watched(temp.resolve("passes"));
        load(pack, passes);

        try (PackLocation location = PackLocation.open(pack)) {
            new PackLoader(AppInfo.version() + "-next", InstalledPack.bundledLabIds(), passes).load(location);
        }

        assertThat(passes.asked).hasSize(2).doesNotHaveDuplicates();
    }
}
