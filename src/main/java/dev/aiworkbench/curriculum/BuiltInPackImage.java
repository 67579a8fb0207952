package dev.aiworkbench.curriculum;

import dev.aiworkbench.store.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * The built-in pack as the build parsed it: {@link #main}, which Maven runs once the classes and resources are in
 * place, loads the pack with every rule and keeps its records ({@link PackCodec}) in the jar beside it. A first start
 * reads them instead of parsing: YAML, Markdown, the schemas and the rules over the pack opened as a zip file system
 * took four tenths of a second of the first start, the longest step before the Today screen. Later starts read the
 * same image, so the data folder's {@link PackCache} is left to installed packs and to runs from a changed build.
 *
 * <p>The image names what it was made from: the app's version, the cache format, and the name, size and CRC-32 of
 * every file of the pack and of every lab's {@code lab.yaml} (the labs the pack's weeks may use). It is used only
 * while the running app holds exactly those files; in a jar the check reads the sizes and CRCs from the jar's
 * directory, so it costs no inflating. Classes compiled after the image was made (an IDE's build) are not seen;
 * every Maven build makes the image again.
 */
public final class BuiltInPackImage {
    /** Reads nothing: a load that must parse (lint, validate, tests of parsing). */
    public static final BuiltInPackImage NONE = new BuiltInPackImage(null);
    /** The image this build ships. */
    public static final BuiltInPackImage SHIPPED = new BuiltInPackImage(BuiltInPackImage.class.getClassLoader());

    private static final byte[] MAGIC = "AIWB-BUILT-IN".getBytes(StandardCharsets.US_ASCII);
    private static final String PACK_FOLDER = "curriculum/" + InstalledPack.DEFAULT_PACK + "/";
    private static final String LABS_FOLDER = InstalledPack.BUNDLED_LABS + "/";

    static final String RESOURCE = "curriculum/" + InstalledPack.DEFAULT_PACK + ".pack";

    /** Where the image, the pack and the labs are looked up; null for {@link #NONE}. */
    private final ClassLoader app;

    BuiltInPackImage(ClassLoader app) {
        this.app = app;
    }

    /**
     * Writes the image of the built-in pack found on the class path as {@code args[0]}, for app version
     * {@code args[1]}. Fails when the pack has any problem: the app must ship a pack that loads cleanly.
     */
    public static void main(String[] args) throws IOException, URISyntaxException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BuiltInPackImage <image file> <app version>");
        }
        Path target = Path.of(args[0]).toAbsolutePath();
        String appVersion = args[1];
        String sources = SHIPPED.sources()
                .orElseThrow(() -> new IOException("the built-in pack is not on the class path"));
        InstalledPack loaded = InstalledPack.load(Optional.empty(), appVersion, InstalledPack.bundledLabIds());
        if (!loaded.result().problems().isEmpty() || loaded.pack().isEmpty()) {
            throw new IOException("the built-in pack has problems: " + loaded.result().problems());
        }
        byte[] header = header(appVersion, sources);
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, stream -> PackFrame.write(stream, MAGIC, header, loaded.pack().get()));
    }

    /**
     * The built-in pack from the image; empty when there is none (this instance is {@link #NONE}, the build made
     * none), it is damaged, or it was made for another version or from other files than the app now holds.
     */
    public Optional<Pack> read(String appVersion) {
        if (app == null) {
            return Optional.empty();
        }
        try {
            // The stamps first: when the app no longer holds what the image was made from, it is not read at all.
            Optional<String> sources = sources();
            if (sources.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream stream = app.getResourceAsStream(RESOURCE)) {
                return stream == null ? Optional.empty()
                        : PackFrame.read(stream.readAllBytes(), MAGIC, header(appVersion, sources.get()));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] header(String appVersion, String sources) {
        return ("app " + appVersion + "\nformat " + PackCodec.FORMAT + "\n" + sources)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One line per file the pack's verdict depends on, "name size crc32", sorted by name; empty when the pack is not
     * in a jar or a folder.
     */
    private Optional<String> sources() throws IOException, URISyntaxException {
        URL manifest = app.getResource(PACK_FOLDER + "pack.yaml");
        if (manifest == null) {
            return Optional.empty();
        }
        TreeMap<String, String> files = new TreeMap<>();
        if ("file".equals(manifest.getProtocol())) {
            stampFolder(Path.of(manifest.toURI()).getParent().getParent().getParent(), files);
        } else if (manifest.openConnection() instanceof JarURLConnection jar) {
            stampJar(jar.getJarFile(), files);
        } else {
            return Optional.empty();
        }
        StringBuilder lines = new StringBuilder();
        files.forEach((name, stamp) -> lines.append(name).append(' ').append(stamp).append('\n'));
        return Optional.of(lines.toString());
    }

    /** Classes run from a folder (the build, the tests): each source's size and the CRC-32 of its bytes. */
    private static void stampFolder(Path root, TreeMap<String, String> files) throws IOException {
        for (String folder : List.of(PACK_FOLDER, LABS_FOLDER)) {
            Path start = root.resolve(folder);
            if (!Files.isDirectory(start)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(start)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    if (isSource(name)) {
                        byte[] content = Files.readAllBytes(file);
                        CRC32 crc = new CRC32();
                        crc.update(content);
                        files.put(name, content.length + " " + crc.getValue());
                    }
                }
            }
        }
    }

    /** The app's jar: the sizes and CRC-32s its directory records, so nothing is inflated. */
    private static void stampJar(JarFile jar, TreeMap<String, String> files) {
        for (ZipEntry entry : Collections.list(jar.entries())) {
            if (!entry.isDirectory() && isSource(entry.getName())) {
                files.put(entry.getName(), entry.getSize() + " " + entry.getCrc());
            }
        }
    }

    /** The pack's files, and each lab's lab.yaml (whose presence makes a lab id the pack may use). */
    private static boolean isSource(String name) {
        if (name.startsWith(PACK_FOLDER)) {
            return true;
        }
        if (!name.startsWith(LABS_FOLDER)) {
            return false;
        }
        String rest = name.substring(LABS_FOLDER.length());
        int slash = rest.indexOf('/');
        return slash > 0 && rest.substring(slash + 1).equals(InstalledPack.LAB_FILE);
    }
}
