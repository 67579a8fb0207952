package dev.aiworkbench.bench.soak;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.cli.Cli;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.WorkItem;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The third JVM of the soak: {@code workbench progress mark <task> done|todo} in a loop, each a whole command-line
 * run (the database opened, one mark, closed) as a terminal would make it, over the first tasks of the built-in
 * pack. On {@code stop} (or end of input) prints its tallies: marks, failed marks, and failures that were lock
 * errors (SQLite's "locked" or "busy").
 *
 * <p>Arguments: the data folder, the pause between marks in milliseconds.
 */
public final class MarkerProcess {
    private MarkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String data = args[0];
        long pauseMillis = Long.parseLong(args[1]);
        List<String> tasks = InstalledPack.load(Optional.empty(), AppInfo.version()).pack().orElseThrow().workItems()
                .stream().map(WorkItem::id).limit(40).toList();
        AtomicBoolean stop = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null && !line.equals("stop")) {
                    // wait for the coordinator
                }
            } catch (java.io.IOException ignored) {
                // end of input stops the loop too
            }
            stop.set(true);
        });
        stopper.setDaemon(true);
        stopper.start();
        int marks = 0;
        int failures = 0;
        int lockErrors = 0;
        String firstFailure = "";
        for (int i = 0; !stop.get(); i++) {
            String task = tasks.get(i % tasks.size());
            String state = (i / tasks.size()) % 2 == 0 ? "done" : "todo";
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Cli.run(new String[] {"--data-dir", data, "progress", "mark", task, state}, new PrintWriter(out),
                    new PrintWriter(err));
            marks++;
            if (exit != 0) {
                failures++;
                String said = err.toString().toLowerCase(Locale.ROOT);
                if (said.contains("locked") || said.contains("busy")) {
                    lockErrors++;
                }
                if (firstFailure.isEmpty()) {
                    firstFailure = err.toString().strip().replace('\n', ' ');
                }
            }
            Thread.sleep(pauseMillis);
        }
        System.out.println("MARKER marks=" + marks + " failures=" + failures + " lockErrors=" + lockErrors
                + (firstFailure.isEmpty() ? "" : " first=" + firstFailure));
        System.exit(0);
    }
}
