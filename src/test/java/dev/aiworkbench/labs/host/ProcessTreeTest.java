package dev.aiworkbench.labs.host;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessTreeTest {
    private static String python;

    @BeforeAll
    static void findPython() throws Exception {
        Process probe = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
        python = new String(probe.getInputStream().readAllBytes()).strip();
        assertThat(probe.waitFor()).isZero();
    }

    /** A parent that forks a child which exits at once and is never reaped: the child stays a zombie. */
    private static Process parentOfAZombie() throws Exception {
        return new ProcessBuilder(python, "-c", "import os, time\n"
                + "pid = os.fork()\n"
                + "if pid == 0:\n    os._exit(0)\n"
                + "print(pid, flush=True)\ntime.sleep(60)\n").redirectErrorStream(true).start();
    }

    private static long firstLineAsPid(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return Long.parseLong(reader.readLine().strip());
    }

    @Test
    void aZombieHasEndedOnlyWhenZombiesCountAsEnded() throws Exception {
        Process parent = parentOfAZombie();
        try {
            ProcessHandle zombie = ProcessHandle.of(firstLineAsPid(parent)).orElseThrow();

            assertThat(ProcessTree.kill(zombie, Duration.ofSeconds(2), ProcessTree.Zombies.COUNT_AS_ENDED)).isTrue();
            List<ProcessHandle> left = ProcessTree.stop(zombie, Duration.ZERO, Duration.ofMillis(300),
                    ProcessTree.Zombies.WAIT_UNTIL_REAPED);
            assertThat(left).containsExactly(zombie);

            // once its parent is gone, the zombie is reaped, and a stop that waits for that succeeds
            assertThat(ProcessTree.stop(parent.toHandle(), Duration.ZERO, Duration.ofSeconds(5),
                    ProcessTree.Zombies.WAIT_UNTIL_REAPED)).isEmpty();
            assertThat(ProcessTree.stop(zombie, Duration.ZERO, Duration.ofSeconds(5),
                    ProcessTree.Zombies.WAIT_UNTIL_REAPED)).isEmpty();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aProcessThatIgnoresTheRequestToStopIsKilledAfterTheGrace() throws Exception {
        Process stubborn = new ProcessBuilder(python, "-c", "import signal, time\n"
                + "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                + "print('ready', flush=True)\ntime.sleep(60)\n").redirectErrorStream(true).start();
        assertThat(new String(stubborn.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("ready");
        long started = System.nanoTime();

        List<ProcessHandle> left = ProcessTree.stop(stubborn.toHandle(), Duration.ofMillis(400), Duration.ofSeconds(5),
                ProcessTree.Zombies.WAIT_UNTIL_REAPED);

        assertThat(left).isEmpty();
        // The Process object learns of the end from the JDK's reaper thread, a moment after ProcessTree saw it.
        assertThat(stubborn.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }
}
