package dev.aiworkbench.testing.standin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small Java runtime for the Java stand-ins, made with {@code jlink} from the JDK that runs the tests, and
 * what it needs from the host (its shared libraries, and a shell with grep and sleep for the container library's
 * port check). The stand-ins use only these modules: the JDK's HTTP server, sockets, and Jackson's needs.
 */
final class JavaRuntime {
    static final String HOME = "/opt/java";
    private static final List<String> MODULES = List.of("java.base", "java.logging", "java.sql", "java.net.http",
            "jdk.httpserver", "jdk.unsupported");
    /** java.base's native libraries: the only ones these modules have. */
    private static final List<String> NATIVE = List.of("bin/java", "lib/server/libjvm.so", "lib/libjava.so",
            "lib/libjli.so", "lib/libnet.so", "lib/libnio.so", "lib/libzip.so", "lib/libjimage.so",
            "lib/libverify.so");
    private static final List<String> TOOLS = List.of("/bin/sh", "/bin/grep", "/bin/sleep");
    private static final List<String> OPTIONS = List.of("--strip-debug", "--no-man-pages", "--no-header-files");

    private static Path linked;

    private JavaRuntime() {
    }

    /** Adds the host files the runtime needs, and the JDK's identity, to an image's files. */
    static void addTo(RootFs files) throws IOException, InterruptedException {
        Path jdk = jdk();
        files.hashAlso("jdk:" + jdk + "\n" + Files.readString(jdk.resolve("release")) + "\nmodules:" + MODULES
                + "\noptions:" + OPTIONS);
        List<Path> binaries = new ArrayList<>();
        for (String part : NATIVE) {
            if (Files.exists(jdk.resolve(part))) {
                binaries.add(jdk.resolve(part));
            }
        }
        for (String tool : TOOLS) {
            Path real = Path.of(tool).toRealPath();
            files.file(real, tool);
            binaries.add(real);
        }
        files.librariesOf(binaries, jdk);
    }

    /** Copies the linked runtime to {@link #HOME} under the image's root, linking it once per test run. */
    static void copyInto(Path rootfs) throws IOException, InterruptedException {
        Path runtime = linked();
        Path target = rootfs.resolve(HOME.substring(1));
        try (Stream<Path> paths = Files.walk(runtime)) {
            for (Path p : paths.toList()) {
                Path to = target.resolve(runtime.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static synchronized Path linked() throws IOException, InterruptedException {
        if (linked == null) {
            Path folder = Files.createTempDirectory("standin-jre-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder), "standin-jre-cleanup"));
            Path output = folder.resolve("jre");
            List<String> command = new ArrayList<>(List.of(jdk().resolve("bin/jlink").toString(), "--add-modules",
                    String.join(",", MODULES), "--output", output.toString()));
            command.addAll(OPTIONS);
            new Command(command, Duration.ofMinutes(5)).runOrThrow("Linking a Java runtime for the stand-ins");
            linked = output;
        }
        return linked;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder: the system cleans it up in the end
        }
    }

    private static Path jdk() throws IOException {
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        if (!Files.isExecutable(home.resolve("bin/jlink"))) {
            throw new IOException("The Java that runs the tests (" + home + ") has no jlink: run them with a JDK.");
        }
        return home;
    }
}
