package dev.aiworkbench.curriculum;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.testing.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image the build ships is the built-in pack as parsing it gives, and it is used only while the app holds what it
 * was made from: the same version, the same pack files and the same labs, whether the app runs from a folder of
 * classes or from a jar.
 */
class BuiltInPackImageTest {
    @TempDir
    Path temp;

    private static Pack parsed() {
        return InstalledPack.load(Optional.empty(), AppInfo.version()).pack().orElseThrow();
    }

    @Test
    void theShippedImageIsTheParsedBuiltInPack() {
        Pack image = BuiltInPackImage.SHIPPED.read(AppInfo.version()).orElseThrow(() -> new AssertionError(
                "the build ships " + BuiltInPackImage.RESOURCE + " made from this build's pack"));
        PackCacheTest.assertSamePack(image, parsed());
    }

    /** A data folder's cache that notes every read. */
    private static final class CountingCache implements PackCache {
        int reads;

        @Override
        public Optional<Pack> read(PackCacheKey key) {
            reads++;
            return Optional.empty();
        }

        @Override
        public void write(PackCacheKey key, Pack pack) {
        }
    }

    @Test
    void theAppsOwnLoadReadsTheImageBeforeAnyCache() {
        CountingCache withImage = new CountingCache();
        InstalledPack started = InstalledPack.load(Optional.empty(), AppInfo.version(),
                new PackLoadCaches(BuiltInPackImage.SHIPPED, SchemaPasses.NONE, withImage));
        CountingCache withoutImage = new CountingCache();
        InstalledPack parsed = InstalledPack.load(Optional.empty(), AppInfo.version(),
                new PackLoadCaches(BuiltInPackImage.NONE, SchemaPasses.NONE, withoutImage));

        assertThat(started.isBuiltIn()).isTrue();
        assertThat(started.result().problems()).isEmpty();
        assertThat(started.pack().orElseThrow().workItems()).isEqualTo(parsed.pack().orElseThrow().workItems());
        assertThat(withImage.reads).isZero();
        assertThat(withoutImage.reads).isEqualTo(1);
        assertThat(BuiltInPackImage.NONE.read(AppInfo.version())).isEmpty();
    }

    @Test
    void anotherAppVersionParsesAgain() {
        assertThat(BuiltInPackImage.SHIPPED.read(AppInfo.version() + "-next")).isEmpty();
    }

    /** How the app under test is laid out: a folder of classes (the build) or a jar (the installed app). */
    private enum Layout {
        FOLDER, JAR
    }

    /** Changes to the app after its image was made, each of which the image must notice. */
    private enum Change {
        NONE(true) {
            @Override
            void apply(Path app) {
            }
        },
        EDITED_WEEK(false) {
            @Override
            void apply(Path app) throws IOException {
                Path week = firstWeek(app);
                Files.writeString(week, Files.readString(week).replaceFirst("title: ", "title: Renamed "));
            }
        },
        SAME_SIZE_EDIT(false) {
            @Override
            void apply(Path app) throws IOException {
                Path week = firstWeek(app);
                byte[] bytes = Files.readAllBytes(week);
                bytes[bytes.length - 2] = (byte) (bytes[bytes.length - 2] == 'x' ? 'y' : 'x');
                Files.write(week, bytes);
            }
        },
        ADDED_FILE(false) {
            @Override
            void apply(Path app) throws IOException {
                Files.writeString(app.resolve("curriculum/devops-to-ai/weeks/notes.md"), "a stray file\n");
            }
        },
        LAB_REMOVED(false) {
            @Override
            void apply(Path app) throws IOException {
                try (Stream<Path> labs = Files.list(app.resolve("labs"))) {
                    Path lab = labs.filter(folder -> Files.exists(folder.resolve(InstalledPack.LAB_FILE)))
                            .sorted().findFirst().orElseThrow();
                    Files.delete(lab.resolve(InstalledPack.LAB_FILE));
                }
            }
        },
        DAMAGED_IMAGE(false) {
            @Override
            void apply(Path app) throws IOException {
                Path image = app.resolve(BuiltInPackImage.RESOURCE);
                byte[] bytes = Files.readAllBytes(image);
                bytes[bytes.length / 2] ^= 0x5a;
                Files.write(image, bytes);
            }
        },
        CUT_SHORT_IMAGE(false) {
            @Override
            void apply(Path app) throws IOException {
                Path image = app.resolve(BuiltInPackImage.RESOURCE);
                byte[] bytes = Files.readAllBytes(image);
                Files.write(image, Arrays.copyOf(bytes, bytes.length - 100));
            }
        },
        A_LAB_STARTER_EDITED(true) {
            @Override
            void apply(Path app) throws IOException {
                // the pack's verdict depends on which labs exist, not on what their other files say
                Files.writeString(app.resolve("labs/README-extra.txt"), "not a lab\n");
            }
        };

        final boolean imageUsed;

        Change(boolean imageUsed) {
            this.imageUsed = imageUsed;
        }

        abstract void apply(Path app) throws IOException;

        private static Path firstWeek(Path app) throws IOException {
            try (Stream<Path> weeks = Files.list(app.resolve("curriculum/devops-to-ai/weeks"))) {
                return weeks.filter(week -> week.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void theImageIsUsedOnlyForTheFilesItWasMadeFrom(Change change) throws Exception {
        for (Layout layout : Layout.values()) {
            Path app = temp.resolve(layout + "-" + change);
            copyShippedResources(app);
            change.apply(app);
            URL root = layout == Layout.FOLDER ? app.toUri().toURL() : jarOf(app).toUri().toURL();

            try (URLClassLoader loader = new URLClassLoader(new URL[] {root}, null)) {
                Optional<Pack> read = new BuiltInPackImage(loader).read(AppInfo.version());

                assertThat(read.isPresent()).as(layout + " after " + change).isEqualTo(change.imageUsed);
            }
        }
    }

    /** The image, the pack and the labs as the build left them, in a folder of their own. */
    private static void copyShippedResources(Path app) throws Exception {
        Path classes = Path.of(Objects.requireNonNull(
                BuiltInPackImage.class.getResource("/" + BuiltInPackImage.RESOURCE)).toURI()).getParent().getParent();
        for (String part : List.of("curriculum", "labs")) {
            PackFiles.copyFolder(classes.resolve(part), app.resolve(part));
        }
    }

    private Path jarOf(Path app) throws IOException {
        Path jar = temp.resolve(app.getFileName() + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(app)) {
            for (Path source : walk.sorted().toList()) {
                String name = app.relativize(source).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(source)) {
                    out.putNextEntry(new ZipEntry(name + "/"));
                } else {
                    out.putNextEntry(new ZipEntry(name));
                    try (InputStream in = Files.newInputStream(source)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
