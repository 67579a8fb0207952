package dev.aiworkbench.testing.standin;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stand-in written in Java (test code): the {@link JavaRuntime}, the classes it needs from the test classes,
 * and its libraries' jars, run by {@code java -cp … mainClass}.
 *
 * @param name      the image name and tag the product uses
 * @param mainClass the stand-in's main class
 * @param classes   what to copy from the test classes: folders (ending in /) or a file name prefix in a folder
 * @param jarsOf    classes whose jars go on the class path (their libraries)
 * @param env       the image's environment
 * @param ports     the ports it exposes
 */
record JavaStandInImage(String name, Class<?> mainClass, List<String> classes, List<Class<?>> jarsOf,
                        Map<String, String> env, List<Integer> ports) {
    private static final String APP = "/opt/standin";

    StandInImage image() {
        return new StandInImage() {
            @Override
            String name() {
                return JavaStandInImage.this.name;
            }

            @Override
            RootFs files() throws IOException, InterruptedException {
                RootFs files = new RootFs();
                JavaRuntime.addTo(files);
                Path testClasses = codeSource(mainClass);
                for (String selector : classes) {
                    if (selector.endsWith("/")) {
                        files.tree(testClasses.resolve(selector), APP + "/classes/" + selector.substring(0,
                                selector.length() - 1), JavaStandInImage::isTest);
                    } else {
                        Path folder = testClasses.resolve(selector).getParent();
                        String prefix = testClasses.resolve(selector).getFileName().toString();
                        try (var list = Files.list(folder)) {
                            for (Path file : list.filter(f -> f.getFileName().toString().startsWith(prefix)
                                    && !isTest(f)).toList()) {
                                files.file(file, APP + "/classes/" + testClasses.relativize(file).toString()
                                        .replace('\\', '/'));
                            }
                        }
                    }
                }
                for (Class<?> library : jarsOf) {
                    Path jar = codeSource(library);
                    files.file(jar, APP + "/lib/" + jar.getFileName());
                }
                return files;
            }

            @Override
            void generate(Path rootfs) throws IOException, InterruptedException {
                JavaRuntime.copyInto(rootfs);
                Files.createDirectories(rootfs.resolve("tmp"));
            }

            @Override
            String dockerfile() {
                String environment = new java.util.TreeMap<>(env).entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(" "));
                return "FROM scratch\n"
                        + "COPY rootfs/ /\n"
                        + "ENV PATH=/bin " + environment + "\n"
                        + "EXPOSE " + ports.stream().map(String::valueOf).collect(Collectors.joining(" ")) + "\n"
                        + "ENTRYPOINT [\"" + JavaRuntime.HOME + "/bin/java\", \"-XX:-UsePerfData\","
                        + " \"-XX:+UseSerialGC\", \"-Xmx192m\", \"-XX:TieredStopAtLevel=1\", \"-cp\", \"" + APP
                        + "/classes:" + APP + "/lib/*\", \"" + mainClass.getName() + "\"]\n";
            }
        };
    }

    /** The tests beside the stand-in's classes stay out of its image. */
    private static boolean isTest(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.endsWith("Test.class") || name.contains("Test$");
    }

    private static Path codeSource(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
