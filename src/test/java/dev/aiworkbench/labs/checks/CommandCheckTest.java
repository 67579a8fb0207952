package dev.aiworkbench.labs.checks;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.labs.host.ProcessTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.Optional;

import static dev.aiworkbench.labs.checks.Specs.command;
import static org.assertj.core.api.Assertions.assertThat;

@Tag("slow")
class CommandCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static CheckEngine engine;
    /** The interpreter itself: python3 on the PATH may be a slow shim (pyenv), and the tests start many. */
    private static String python;

    @TempDir
    Path workspace;

    @BeforeAll
    static void start() throws Exception {
        engine = new CheckEngine();
        Process probe = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
        python = new String(probe.getInputStream().readAllBytes()).strip();
        assertThat(probe.waitFor()).isZero();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private CheckContext context() {
        return CheckContext.of(workspace).withPython(Path.of(python));
    }

    @Test
    void passesOnTheExitCodeAndOutputPattern() {
        CheckResult result = engine.run(command(TIMEOUT, 0, "^hello \\d+$", "python3", "-c", "print('hello 42')"),
                context());

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).isEqualTo("The command `python3 -c print('hello 42')` exited with 0 and its output "
                + "matches /^hello \\d+$/.");
    }

    @Test
    void runsInTheWorkspaceWithPythonFilledInAndNoShell() throws Exception {
        Files.writeString(workspace.resolve("marker.txt"), "here");
        CheckResult result = engine.run(command(TIMEOUT, 0, "^cwd-ok \\$HOME; echo hi \\| \\*$", "{{python}}", "-c",
                "import os, sys; print('cwd-ok' if os.path.exists('marker.txt') else 'cwd-wrong', sys.argv[1])",
                "$HOME; echo hi | *"), context());

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void failsOnTheExitCodeQuotingTheOutput() {
        CheckResult result = engine.run(command(TIMEOUT, 0, null, "{{python}}", "-c",
                "import sys; print('AssertionError: expected 3 chunks'); sys.exit(3)"), context());

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).startsWith("Expected `" + python + " -c import sys; print('AssertionError: expected 3 "
                + "chunks'); sys.exit(3)` to exit with 0, but it exited with 3; its output ended with: AssertionError: "
                + "expected 3 chunks.");
    }

    @Test
    void anExpectedNonZeroExitPasses() {
        CheckResult result = engine.run(command(TIMEOUT, 2, null, "{{python}}", "-c", "raise SystemExit(2)"), context());

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void failsOnTheOutputPatternWithStderrCaptured() {
        CheckResult stderr = engine.run(command(TIMEOUT, 0, "5 passed", "{{python}}", "-c",
                "import sys; sys.stderr.write('5 passed in 0.1s\\n')"), context());
        CheckResult unmatched = engine.run(command(TIMEOUT, 0, "5 passed", "{{python}}", "-c", "print('3 passed, 2 failed')"),
                context());

        assertThat(stderr.status()).as(stderr.message()).isEqualTo(CheckStatus.PASS);
        assertThat(unmatched.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(unmatched.message()).contains("to match /5 passed/, but it does not; its output ended with: 3 passed, "
                + "2 failed.");
    }

    @Test
    void theEnvironmentNamesTheRunningServices() {
        ServiceEndpoints endpoints = new ServiceEndpoints(Optional.of(URI.create("http://127.0.0.1:8000/")),
                Optional.of(URI.create("http://127.0.0.1:6333")), Optional.empty(), Optional.empty(), Optional.of("k"));
        CheckResult result = engine.run(command(TIMEOUT, 0, "^http://127.0.0.1:8000 http://127.0.0.1:6333 k none$",
                "{{python}}", "-c", "import os; print(os.environ['FASTAPI_URL'], os.environ['QDRANT_URL'], "
                        + "os.environ['QDRANT_API_KEY'], os.environ.get('OLLAMA_HOST', 'none'))"),
                context().withEndpoints(endpoints));

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void withoutPythonOrWithAMissingProgramItIsAnError() {
        CheckResult noPython = engine.run(command(TIMEOUT, 0, null, "{{python}}", "-V"), CheckContext.of(workspace));
        CheckResult noProgram = engine.run(command(TIMEOUT, 0, null, "no-such-program-42", "x"), context());

        assertThat(noPython.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(noPython.message()).startsWith("The check runs {{python}}, but no Python with FastAPI and uvicorn was "
                + "found.").contains("pip install fastapi uvicorn");
        assertThat(noProgram.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(noProgram.message()).startsWith("The command `no-such-program-42 x` could not be started")
                .contains("Check that 'no-such-program-42' is installed and on the PATH");
    }

    @Test
    void aCommandPastItsTimeoutIsKilledWithItsChildren() throws Exception {
        Path pidFile = workspace.resolve("child.pid");
        String script = "import subprocess, sys, time\n"
                + "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
                + "open('child.pid', 'w').write(str(child.pid))\n"
                + "print('started', child.pid, flush=True)\n"
                + "time.sleep(60)\n";
        long started = System.nanoTime();

        CheckResult result = engine.run(command(Duration.ofSeconds(1), 0, null, "{{python}}", "-c", script), context());

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).startsWith("The command `" + python + " -c import subprocess").contains(
                "did not finish within 1 s, so it was stopped with the processes it started; its output ended with: "
                        + "started ");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        long childPid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(childPid).map(ProcessTree::gone).orElse(true)).as("child " + childPid + " is gone")
                .isTrue();
    }

    @Test
    void processTreeKillsEveryDescendant() throws Exception {
        Process parent = new ProcessBuilder(python, "-c", "import subprocess, sys, time\n"
                + "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
                + "print('ready', flush=True)\ntime.sleep(60)\n").redirectErrorStream(true).start();
        assertThat(new String(parent.getInputStream().readNBytes(5))).isEqualTo("ready");
        var descendants = parent.descendants().toList();
        assertThat(descendants).isNotEmpty();

        boolean gone = ProcessTree.kill(parent.toHandle(), Duration.ofSeconds(5), ProcessTree.Zombies.COUNT_AS_ENDED);

        assertThat(gone).isTrue();
        // The tree saw the parent reaped; the Process object learns it from the JVM's reaper thread a moment later.
        assertThat(parent.waitFor(1, TimeUnit.SECONDS)).as("the parent has exited").isTrue();
        assertThat(descendants).allMatch(ProcessTree::gone);
    }
}
