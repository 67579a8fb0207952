package dev.aiworkbench.testing;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.LoadResult;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.diagnostics.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a synthetic pack in the real pack format (pack.yaml, phases/NN-*.yaml, weeks/NNNN-*.md) so
 * the loader can be timed on packs far larger than the default one, and tests can use a pack that is not the
 * default one.
 *
 * <p>Shape, the same at every size so time can be compared between sizes: modules of
 * {@value #WEEKS_PER_MODULE} weeks, {@value #MODULES_PER_PHASE} modules a phase (the last phase may
 * have fewer), a milestone with {@value #CHECKS_PER_MILESTONE} checks due in each phase's last week,
 * and weeks of 3, 4 or 5 tasks in turn (4 on average), two resources and a short guide.
 * Ids: {@code phase-P}, {@code module-M}, {@code milestone-P}, {@code msP-cK}, {@code week-W},
 * {@code wW-tK}.
 */
public final class PackGenerator {
    public static final int WEEKS_PER_MODULE = 4;
    public static final int MODULES_PER_PHASE = 5;
    public static final int CHECKS_PER_MILESTONE = 3;
    private static final String[] KINDS = {"study", "build", "read", "reflect"};

    private PackGenerator() {
    }

    /** Tasks in week {@code week}: 3, 4 or 5 in turn. */
    public static int tasksInWeek(int week) {
        return 3 + week % 3;
    }

    /** Tasks in a pack of {@code weeks} weeks. */
    public static int taskCount(int weeks) {
        int tasks = 0;
        for (int w = 1; w <= weeks; w++) {
            tasks += tasksInWeek(w);
        }
        return tasks;
    }

    /** Writes a pack of {@code weeks} weeks (a multiple of {@value #WEEKS_PER_MODULE}) into {@code dir}. */
    public static Path write(Path dir, int weeks) {
        if (weeks <= 0 || weeks % WEEKS_PER_MODULE != 0) {
            throw new IllegalArgumentException("weeks must be a positive multiple of " + WEEKS_PER_MODULE + ": " + weeks);
        }
        int modules = weeks / WEEKS_PER_MODULE;
        int phases = (modules + MODULES_PER_PHASE - 1) / MODULES_PER_PHASE;
        int phaseWidth = Math.max(2, String.valueOf(phases).length());
        int weekWidth = Math.max(4, String.valueOf(weeks).length());
        try {
            Files.createDirectories(dir.resolve("phases"));
            Files.createDirectories(dir.resolve("weeks"));
            write(dir.resolve("pack.yaml"), manifest(weeks));
            for (int p = 1; p <= phases; p++) {
                int firstModule = (p - 1) * MODULES_PER_PHASE + 1;
                int lastModule = Math.min(modules, p * MODULES_PER_PHASE);
                String name = String.format("%0" + phaseWidth + "d-generated-phase-%d.yaml", p, p);
                write(dir.resolve("phases").resolve(name), phase(p, firstModule, lastModule));
            }
            for (int w = 1; w <= weeks; w++) {
                int module = (w - 1) / WEEKS_PER_MODULE + 1;
                String name = String.format("%0" + weekWidth + "d-generated-week-%d.md", w, w);
                write(dir.resolve("weeks").resolve(name), week(w, module));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated pack into " + dir, e);
        }
        return dir;
    }

    /**
     * Loads a pack and fails loudly unless it loads with no problems at all (no errors, no warnings):
     * a benchmark over a pack the loader rejects would time the wrong thing.
     */
    public static LoadResult loadClean(Path dir) {
        try (PackLocation location = PackLocation.open(dir)) {
            LoadResult result = new PackLoader(AppInfo.version()).load(location);
            if (!result.problems().isEmpty() || result.pack().isEmpty()) {
                throw new IllegalStateException("the pack in " + dir + " does not load cleanly ("
                        + result.problems().size() + " problems, app version " + AppInfo.version() + "):\n  "
                        + result.problems().stream().limit(20).map(Problem::toString)
                        .collect(Collectors.joining("\n  ")));
            }
            return result;
        } catch (PackAccessException | IOException e) {
            throw new IllegalStateException("cannot open the pack in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a folder tree; used for temp folders the benchmarks made. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String manifest(int weeks) {
        return """
                id: generated-%d-weeks
                title: Generated pack of %d weeks
                version: 1.0.0
                authors:
                  - name: Workbench benchmarks
                license: CC-BY-4.0
                description: >
                  A synthetic pack written by the benchmarks to time loading and validation at sizes far
                  beyond the default pack. Every file follows the same shape as the real pack's files.
                requires: ">=0.1.0"
                hoursPerWeek: 10
                """.formatted(weeks, weeks);
    }

    private static String phase(int p, int firstModule, int lastModule) {
        StringBuilder s = new StringBuilder();
        s.append("id: phase-").append(p).append('\n');
        s.append("number: ").append(p).append('\n');
        s.append("title: Generated phase ").append(p).append('\n');
        s.append("summary: >\n");
        s.append("  Phase ").append(p).append(" groups modules ").append(firstModule).append(" to ").append(lastModule)
                .append(" of the generated pack. It exists to give the loader\n");
        s.append("  realistic work: a summary, modules with week ranges and a milestone with a checklist.\n");
        s.append("modules:\n");
        for (int m = firstModule; m <= lastModule; m++) {
            int first = (m - 1) * WEEKS_PER_MODULE + 1;
            s.append("  - id: module-").append(m).append('\n');
            s.append("    title: Generated module ").append(m).append('\n');
            s.append("    weeks: {first: ").append(first).append(", last: ").append(first + WEEKS_PER_MODULE - 1)
                    .append("}\n");
            s.append("    summary: >\n");
            s.append("      Four weeks of generated material for module ").append(m)
                    .append(", each with goals, tasks, resources and a guide.\n");
        }
        int lastWeek = lastModule * WEEKS_PER_MODULE;
        s.append("milestone:\n");
        s.append("  id: milestone-").append(p).append('\n');
        s.append("  title: Generated milestone ").append(p).append('\n');
        s.append("  summary: >\n");
        s.append("    Build the project that closes phase ").append(p)
                .append(" and show a reviewer that it works end to end.\n");
        s.append("  week: ").append(lastWeek).append('\n');
        s.append("  checklist:\n");
        for (int c = 1; c <= CHECKS_PER_MILESTONE; c++) {
            s.append("    - id: ms").append(p).append("-c").append(c).append('\n');
            s.append("      text: \"Check ").append(c).append(" of milestone ").append(p)
                    .append(": a reviewer can verify it by running one documented command.\"\n");
        }
        return s.toString();
    }

    private static String week(int w, int module) {
        StringBuilder s = new StringBuilder();
        s.append("---\n");
        s.append("id: week-").append(w).append('\n');
        s.append("week: ").append(w).append('\n');
        s.append("module: module-").append(module).append('\n');
        s.append("title: Generated week ").append(w).append('\n');
        s.append("hours: 10\n");
        s.append("goals:\n");
        s.append("  - Explain the main idea of week ").append(w).append(" to a colleague in five minutes\n");
        s.append("  - Build the small service this week asks for and test it\n");
        s.append("tasks:\n");
        int tasks = tasksInWeek(w);
        for (int t = 1; t <= tasks; t++) {
            s.append("  - id: w").append(w).append("-t").append(t).append('\n');
            s.append("    kind: ").append(KINDS[(w + t) % KINDS.length]).append('\n');
            s.append("    title: Task ").append(t).append(" of week ").append(w).append('\n');
            s.append("    detail: \"Do part ").append(t).append(" of the week's work. Done when the result is committed")
                    .append(" and a test shows it works.\"\n");
            s.append("    hours: 2\n");
        }
        s.append("resources:\n");
        s.append("  - title: Reference for week ").append(w).append('\n');
        s.append("    url: https://example.com/reference/week-").append(w).append('\n');
        s.append("  - title: Further reading for week ").append(w).append('\n');
        s.append("    url: https://docs.example.org/guides/").append(w).append("/index.html\n");
        s.append("---\n");
        s.append("# Week ").append(w).append(" — generated\n\n");
        s.append("## Why this matters\n\n");
        s.append("This is week ").append(w).append(" of a generated pack. The guide is short but real Markdown,\n");
        s.append("so reading it costs what a real guide costs per byte.\n\n");
        s.append("## What to build\n\n");
        s.append("- A small piece of the running project\n");
        s.append("- A test that shows it works\n");
        return s.toString();
    }
}
