package dev.aiworkbench.curriculum.bundle;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TinyPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@link PackBuilder}: the same pack folder always gives the same bytes, and only a valid pack is built. */
class PackBuilderTest {
    /**
     * The SHA-256 of the tiny pack's file. It changes only when the format changes on purpose (entry order,
     * time stamps, manifest layout, storage method); a change for any other reason is a lost guarantee.
     */
    private static final String TINY_PACK_SHA256 = "65e257748dc104df6911a9da146bdc24be14f2c8569d369dfa8c877fcd73d5e4";

    @TempDir
    Path temp;

    private final PackBuilder builder = new PackBuilder(new PackLoader(AppInfo.version()));

    private Path build(Path folder, String name) throws Exception {
        Path output = temp.resolve("out").resolve(name);
        builder.build(folder, output);
        return output;
    }

    @Test
    void theTinyPackBuildsToPinnedBytes() throws Exception {
        Path zip = build(TinyPack.write(temp.resolve("tiny")), "tiny.zip");

        assertThat(sha256(Files.readAllBytes(zip))).isEqualTo(TINY_PACK_SHA256);
    }

    @Test
    void buildingTwiceGivesTheSameBytes() throws Exception {
        Path folder = PackFiles.copyDefaultPack(temp.resolve("pack"));

        assertThat(build(folder, "second.zip")).hasSameBinaryContentAs(build(folder, "first.zip"));
    }

    @Test
    void newModificationTimesAndAnotherCopyOfTheFolderGiveTheSameBytes() throws Exception {
        Path first = build(TinyPack.write(temp.resolve("a")), "first.zip");
        Path folder = TinyPack.write(temp.resolve("b"));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2031-07-04T12:34:56Z")));
            }
        }

        assertThat(build(folder, "second.zip")).hasSameBinaryContentAs(first);
    }

    @Test
    void entriesAreSortedUnderOneTopFolderWithOneTimeNoExtraFieldsAndNoDirectories() throws Exception {
        Path zip = build(PackFiles.copyDefaultPack(temp.resolve("pack")), "pack.zip");

        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(archive.entries());
            List<String> names = entries.stream().map(ZipEntry::getName).toList();
            assertThat(names).isSorted().allMatch(name -> name.startsWith("devops-to-ai/"))
                    .noneMatch(name -> name.endsWith("/"))
                    .contains("devops-to-ai/MANIFEST.json", "devops-to-ai/pack.yaml", "devops-to-ai/weeks/01-async-python.md");
            assertThat(entries).allSatisfy(entry -> {
                assertThat(entry.getTimeLocal()).isEqualTo(LocalDateTime.of(1980, 2, 1, 0, 0));
                assertThat(entry.getExtra()).as("extra field of %s", entry.getName()).isNull();
                assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
            });
        }
    }

    @Test
    void theManifestListsEveryFileWithItsHashAndSizeAndTheFileLoadsAsAValidPack() throws Exception {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        Path zip = build(folder, "tiny.zip");

        PackManifest manifest = PackManifest.parse(PackArchive.read(zip).file(PackManifest.FILE_NAME).orElseThrow());
        byte[] week = Files.readAllBytes(folder.resolve(TinyPack.WEEK_FILE));
        assertThat(manifest.packId()).isEqualTo(TinyPack.ID);
        assertThat(manifest.version()).isEqualTo(TinyPack.VERSION);
        assertThat(manifest.files()).extracting(ManifestFile::path)
                .containsExactly("pack.yaml", "phases/1-basics.yaml", TinyPack.WEEK_FILE);
        assertThat(manifest.files()).contains(new ManifestFile(TinyPack.WEEK_FILE, sha256(week), week.length));
        assertThat(PackFiles.load(zip).valid()).as(PackFiles.lines(PackFiles.load(zip)).toString()).isTrue();
    }

    @Test
    void clutterAndVersionControlAreLeftOutAndReported() throws Exception {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        Path clean = build(folder, "clean.zip");
        PackFiles.write(folder.resolve(".DS_Store"), "finder");
        PackFiles.write(folder.resolve("weeks/Thumbs.db"), "explorer");
        PackFiles.write(folder.resolve(".git/HEAD"), "ref: refs/heads/main");

        BuiltPack built = builder.build(folder, temp.resolve("out/cluttered.zip"));

        assertThat(built.skipped()).containsExactly(".DS_Store", ".git/", "weeks/Thumbs.db");
        assertThat(built.file()).hasSameBinaryContentAs(clean);
    }

    @Test
    void aPackWithErrorsIsNotBuiltAndItsErrorsAreGiven() throws IOException {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        PackFiles.replaceLine(folder.resolve(TinyPack.WEEK_FILE), "hours: 3", "hours: lots");
        Path output = temp.resolve("out/tiny.zip");

        assertThatThrownBy(() -> builder.build(folder, output)).isInstanceOf(BundleException.class)
                .hasMessage("the pack has 1 error(s); fix them and build again")
                .satisfies(e -> assertThat(((BundleException) e).details()).containsExactly(
                        PackFiles.at(folder, TinyPack.WEEK_FILE, "hours: |lots")
                                + ": hours: wrong type: expected number, found string"));
        assertThat(output).doesNotExist();
    }

    @Test
    void aFileNamedLikeTheManifestIsRefused() {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        PackFiles.write(folder.resolve(PackManifest.FILE_NAME), "{}");

        assertThatThrownBy(() -> builder.build(folder, temp.resolve("tiny.zip"))).isInstanceOf(BundleException.class)
                .satisfies(e -> assertThat(((BundleException) e).details()).containsExactly(PackManifest.FILE_NAME));
    }

    /** Links where the validator reads files are its problems; these are in a folder only the build reads. */
    @Test
    void linksAreRefused() throws IOException {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        Files.createDirectories(folder.resolve("notes"));
        try {
            Files.createSymbolicLink(folder.resolve("notes/guide.md"), folder.resolve(TinyPack.WEEK_FILE));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system cannot make links");
        }

        assertThatThrownBy(() -> builder.build(folder, temp.resolve("tiny.zip"))).isInstanceOf(BundleException.class)
                .hasMessageContaining("links")
                .satisfies(e -> assertThat(((BundleException) e).details()).containsExactly("notes/guide.md"));
    }

    @Test
    void anOutputInsideThePackFolderIsRefused() {
        Path folder = TinyPack.write(temp.resolve("tiny"));

        assertThatThrownBy(() -> builder.build(folder, folder.resolve("dist/tiny.zip"))).isInstanceOf(BundleException.class)
                .hasMessageContaining("inside the pack folder");
        assertThat(folder.resolve("dist")).doesNotExist();
    }

    @Test
    void theFileIsReplacedWholeAndNoTemporaryFileStays() throws Exception {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        Path output = temp.resolve("out/tiny.zip");
        PackFiles.write(output, "an older, longer file that the build replaces as a whole".repeat(100));

        builder.build(folder, output);

        try (Stream<Path> files = Files.list(output.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("tiny.zip");
        }
        assertThat(new String(Files.readAllBytes(output), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        assertThat(PackVerifier.verify(output, Optional.empty()).manifest().packId()).isEqualTo(TinyPack.ID);
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
