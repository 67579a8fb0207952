package dev.aiworkbench.curriculum;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.testing.PackGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.aiworkbench.testing.PackFiles.copyDefaultPack;
import static dev.aiworkbench.testing.PackFiles.insertAfterLine;
import static dev.aiworkbench.testing.PackFiles.weekFile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pack that loaded cleanly is read back from the cache equal to the parsed one, only while nothing it was made
 * from changed; a damaged cache file counts as none and is written again; a pack with problems is never kept.
 */
class PackCacheTest {
    @TempDir
    Path temp;

    /** The cache in a folder, with every read's outcome and every write noted. */
    private static final class Watched implements PackCache {
        final PackCache inner;
        final List<Boolean> reads = new ArrayList<>();
        final List<PackCacheKey> writes = new ArrayList<>();

        Watched(Path folder) {
            inner = PackCache.in(folder);
        }

        @Override
        public Optional<Pack> read(PackCacheKey key) {
            Optional<Pack> pack = inner.read(key);
            reads.add(pack.isPresent());
            return pack;
        }

        @Override
        public void write(PackCacheKey key, Pack pack) {
            writes.add(key);
            inner.write(key, pack);
        }
    }

    private enum Source {
        BUILT_IN, GENERATED
    }

    private Optional<Path> source(Source source) {
        return source == Source.BUILT_IN ? Optional.empty()
                : Optional.of(PackGenerator.write(temp.resolve("generated"), 12));
    }

    private static InstalledPack load(Optional<Path> pack, String version, PackCache cache) {
        return InstalledPack.load(pack, version, new PackLoadCaches(BuiltInPackImage.NONE, SchemaPasses.NONE, cache));
    }

    private static InstalledPack parse(Optional<Path> pack) {
        return InstalledPack.load(pack, AppInfo.version());
    }

    /** Record equality of everything a pack is built from, and of the work items it derives. */
    static void assertSamePack(Pack actual, Pack expected) {
        assertThat(actual.info()).isEqualTo(expected.info());
        assertThat(actual.phases()).isEqualTo(expected.phases());
        assertThat(actual.weeks()).isEqualTo(expected.weeks());
        assertThat(actual.assessments()).isEqualTo(expected.assessments());
        assertThat(actual.replacements()).isEqualTo(expected.replacements());
        assertThat(actual.workItems()).isEqualTo(expected.workItems());
    }

    private Path cacheFile() throws IOException {
        try (Stream<Path> files = Files.list(temp.resolve("cache"))) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void theKeptPackEqualsTheParsedOne(Source which) {
        Optional<Path> pack = source(which);
        Watched cache = new Watched(temp.resolve("cache"));
        Pack parsed = parse(pack).pack().orElseThrow();

        InstalledPack first = load(pack, AppInfo.version(), cache);
        InstalledPack second = load(pack, AppInfo.version(), cache);

        assertThat(cache.reads).containsExactly(false, true);
        assertThat(cache.writes).hasSize(1);
        assertThat(second.result().problems()).isEmpty();
        assertThat(second.source()).isEqualTo(first.source());
        assertSamePack(first.pack().orElseThrow(), parsed);
        assertSamePack(second.pack().orElseThrow(), parsed);
    }

    @Test
    void theBuiltInPackUsesEveryPartOfTheFormat() {
        Pack pack = parse(Optional.empty()).pack().orElseThrow();

        // so that the equality above covers optional, absent and repeated fields, not only plain text
        assertThat(pack.weeks()).flatMap(Week::tasks).anyMatch(t -> t.lab().isPresent());
        assertThat(pack.weeks()).flatMap(Week::tasks).anyMatch(t -> t.lab().isEmpty());
        assertThat(pack.assessments()).flatMap(Assessment::items).anyMatch(i -> !i.choices().isEmpty());
        assertThat(pack.weeks()).flatMap(Week::resources).isNotEmpty();
        assertThat(pack.weeks()).anyMatch(w -> w.guide().getBytes(StandardCharsets.UTF_8).length
                != w.guide().length());
    }

    /** Changes after which the kept pack no longer stands for the files. */
    private enum Change {
        EDITED_WEEK {
            @Override
            void apply(Path pack) throws IOException {
                Path week = pack.resolve("weeks/0001-generated-week-1.md");
                Files.writeString(week, Files.readString(week).replace("title: Generated week 1",
                        "title: The first week, renamed"));
            }
        },
        SAME_SIZE_TOUCHED {
            @Override
            void apply(Path pack) throws IOException {
                Path week = pack.resolve("weeks/0002-generated-week-2.md");
                Files.writeString(week, Files.readString(week).replace("Generated week 2", "Generated week X"));
                Files.setLastModifiedTime(week, FileTime.fromMillis(Files.getLastModifiedTime(week).toMillis() + 2_000));
            }
        },
        ADDED_FILE {
            @Override
            void apply(Path pack) throws IOException {
                Files.writeString(pack.resolve("NOTES.md"), "notes the loader does not read, but a pack may ship\n");
            }
        },
        REMOVED_WEEK {
            @Override
            void apply(Path pack) throws IOException {
                Files.delete(pack.resolve("weeks/0012-generated-week-12.md"));
            }
        };

        abstract void apply(Path pack) throws IOException;
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void aChangedPackIsNotReadFromTheCache(Change change) throws IOException {
        Path pack = PackGenerator.write(temp.resolve("generated"), 12);
        Watched cache = new Watched(temp.resolve("cache"));
        load(Optional.of(pack), AppInfo.version(), cache);

        change.apply(pack);
        InstalledPack changed = load(Optional.of(pack), AppInfo.version(), cache);

        InstalledPack parsed = parse(Optional.of(pack));
        assertThat(cache.reads).containsExactly(false, false);
        assertThat(changed.result().problems()).isEqualTo(parsed.result().problems());
        assertSamePack(changed.pack().orElseThrow(), parsed.pack().orElseThrow());
    }

    @Test
    void aChangedPackReplacesItsEntryInsteadOfAddingOne() throws IOException {
        Path pack = PackGenerator.write(temp.resolve("generated"), 12);
        Watched cache = new Watched(temp.resolve("cache"));
        load(Optional.of(pack), AppInfo.version(), cache);
        Change.EDITED_WEEK.apply(pack);

        load(Optional.of(pack), AppInfo.version(), cache);
        InstalledPack again = load(Optional.of(pack), AppInfo.version(), cache);

        assertThat(cache.reads).containsExactly(false, false, true);
        assertThat(again.pack().orElseThrow().weeks().get(0).title()).isEqualTo("The first week, renamed");
        assertThat(cacheFile()).exists();
    }

    @Test
    void aPackFolderKeptInGitIsReadFromTheCacheWhateverItsHistoryDoes() throws IOException {
        Path pack = PackGenerator.write(temp.resolve("generated"), 12);
        Files.createDirectories(pack.resolve(".git"));
        Files.writeString(pack.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Watched cache = new Watched(temp.resolve("cache"));
        load(Optional.of(pack), AppInfo.version(), cache);

        Files.writeString(pack.resolve(".git/FETCH_HEAD"), "0123abcd\n");
        load(Optional.of(pack), AppInfo.version(), cache);

        assertThat(cache.reads).containsExactly(false, true);
    }

    @Test
    void anotherAppVersionDoesNotReadThePackKeptByThisOne() {
        Watched cache = new Watched(temp.resolve("cache"));
        load(Optional.empty(), AppInfo.version(), cache);

        // a later release, which the pack's "requires" still admits
        load(Optional.empty(), "99.0.0", cache);

        assertThat(cache.reads).containsExactly(false, false);
        assertThat(cache.writes).hasSize(2).doesNotHaveDuplicates();
    }

    /** Ways a cache file can be unusable. */
    private enum Damage {
        CUT_SHORT {
            @Override
            byte[] apply(byte[] file, byte[] foreign) {
                return Arrays.copyOf(file, file.length / 2);
            }
        },
        ONE_BYTE_FLIPPED_IN_THE_BODY {
            @Override
            byte[] apply(byte[] file, byte[] foreign) {
                byte[] damaged = file.clone();
                damaged[file.length / 2] ^= 0x20;
                return damaged;
            }
        },
        EMPTY {
            @Override
            byte[] apply(byte[] file, byte[] foreign) {
                return new byte[0];
            }
        },
        NOT_OURS {
            @Override
            byte[] apply(byte[] file, byte[] foreign) {
                return "{\"weeks\": []}".getBytes(StandardCharsets.UTF_8);
            }
        },
        ANOTHER_PACKS_ENTRY {
            @Override
            byte[] apply(byte[] file, byte[] foreign) {
                return foreign;
            }
        },
        TRAILING_BYTES {
            @Override
            byte[] apply(byte[] file, byte[] foreign) {
                return Arrays.copyOf(file, file.length + 3);
            }
        };

        abstract byte[] apply(byte[] file, byte[] foreign);
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedCacheFileCountsAsNoneAndIsWrittenAgain(Damage damage) throws IOException {
        Path generated = PackGenerator.write(temp.resolve("generated"), 12);
        PackCache.in(temp.resolve("other")).write(PackCacheKey.of(Optional.of(generated), InstalledPack.DEFAULT_PACK,
                AppInfo.version()).orElseThrow(), parse(Optional.of(generated)).pack().orElseThrow());
        byte[] foreign;
        try (Stream<Path> files = Files.list(temp.resolve("other"))) {
            foreign = Files.readAllBytes(files.findFirst().orElseThrow());
        }
        Watched cache = new Watched(temp.resolve("cache"));
        load(Optional.empty(), AppInfo.version(), cache);
        Path file = cacheFile();
        byte[] good = Files.readAllBytes(file);
        Files.write(file, damage.apply(good, foreign));

        InstalledPack damaged = load(Optional.empty(), AppInfo.version(), cache);
        InstalledPack rewritten = load(Optional.empty(), AppInfo.version(), cache);

        assertThat(cache.reads).containsExactly(false, false, true);
        assertThat(cache.writes).hasSize(2);
        assertThat(Files.readAllBytes(file)).isEqualTo(good);
        assertThat(damaged.result().valid()).isTrue();
        assertSamePack(rewritten.pack().orElseThrow(), damaged.pack().orElseThrow());
    }

    @Test
    void aPackWithProblemsIsNeverKept() throws IOException {
        Path pack = copyDefaultPack(temp.resolve("pack"));
        insertAfterLine(pack.resolve(weekFile(1)), "hours:", "difficulty: very-hard");
        Watched cache = new Watched(temp.resolve("cache"));

        InstalledPack first = load(Optional.of(pack), AppInfo.version(), cache);
        InstalledPack second = load(Optional.of(pack), AppInfo.version(), cache);

        assertThat(first.result().problems()).isNotEmpty();
        assertThat(second.result().problems()).isEqualTo(first.result().problems());
        assertThat(cache.reads).containsExactly(false, false);
        assertThat(cache.writes).isEmpty();
        assertThat(temp.resolve("cache")).doesNotExist();
    }

    @Test
    void writingLeavesOnlyTheFinishedFile() throws IOException {
        Watched cache = new Watched(temp.resolve("cache"));

        load(Optional.empty(), AppInfo.version(), cache);

        assertThat(cacheFile().getFileName().toString()).endsWith(".pack");
    }
}
