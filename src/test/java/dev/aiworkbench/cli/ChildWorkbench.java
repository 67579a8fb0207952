package dev.aiworkbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The workbench run as a child JVM on the test class path, for tests that signal or kill the process or need
 * another process on the same data folder.
 */
public final class ChildWorkbench {
    private ChildWorkbench() {
    }

    /**
     * JVM options for tests that start many short workbench processes at once: class data sharing, the quick
     * compiler only, a small serial heap, so eight of them fit on a loaded two-core machine.
     */
    static final List<String> SMALL_JVM = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx128m", "-XX:CICompilerCount=1");

    /** The command line that runs the workbench over a data folder with these arguments. */
    public static List<String> command(Path data, String... args) {
        return command(List.of(), data, args);
    }

    /** Like {@link #command(Path, String...)}, with these options for the child JVM. */
    public static List<String> command(List<String> jvmOptions, Path data, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.aiworkbench.Main", "--data-dir",
                data.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Collects the process's output; completes when a line contains {@code marker}, fails when the process ends first. */
    public static CompletableFuture<Void> readUntil(Process process, List<String> lines, String marker) {
        CompletableFuture<Void> seen = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (line.contains(marker)) {
                        seen.complete(null);
                    }
                }
            } catch (IOException e) {
                seen.completeExceptionally(e);
            }
            seen.completeExceptionally(new AssertionError("lab start ended before '" + marker + "':\n"
                    + String.join("\n", lines)));
        });
        reader.setDaemon(true);
        reader.start();
        return seen;
    }
}
