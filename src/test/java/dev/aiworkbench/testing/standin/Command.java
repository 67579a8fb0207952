package dev.aiworkbench.testing.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host command (docker, ldd, jlink, python3) to its end, bounded in time, with its output kept. */
record Command(List<String> arguments, Duration timeout) {

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The last lines, for a failure message. */
        String tail() {
            List<String> lines = output.strip().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }
    }

    static Command of(Duration timeout, String... arguments) {
        return new Command(List.of(arguments), timeout);
    }

    Result run() throws IOException, InterruptedException {
        Path output = Files.createTempFile("standin-command-", ".log");
        try {
            Process process = new ProcessBuilder(arguments).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IOException(String.join(" ", arguments) + " did not finish within " + timeout.toSeconds()
                        + " s; its output ends: " + new Result(-1, Files.readString(output)).tail());
            }
            return new Result(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs it and throws, with the output's tail, unless it exits 0. */
    String runOrThrow(String what) throws IOException, InterruptedException {
        Result result = run();
        if (!result.ok()) {
            throw new IOException(what + " failed (" + String.join(" ", arguments) + " exited " + result.exitCode()
                    + "): " + result.tail());
        }
        return result.output();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
