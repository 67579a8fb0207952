package dev.aiworkbench.testing;

import java.nio.file.Path;

/**
 * The smallest pack that validates (one phase, one module, one week, a milestone with one check), written
 * byte for byte the same every time, for tests that pin the bytes of a built pack file.
 */
public final class TinyPack {
    public static final String ID = "tiny-pack";
    public static final String VERSION = "1.2.0";
    public static final String WEEK_FILE = "weeks/01-start.md";

    private TinyPack() {
    }

    /** Writes the pack into {@code folder} (created) and returns it. */
    public static Path write(Path folder) {
        PackFiles.write(folder.resolve("pack.yaml"), """
                id: tiny-pack
                title: Tiny pack
                version: 1.2.0
                authors:
                  - name: Build tests
                license: CC0-1.0
                description: One week, enough to build a pack file.
                requires: ">=0.1.0"
                """);
        PackFiles.write(folder.resolve("phases/1-basics.yaml"), """
                id: phase-1
                number: 1
                title: Basics
                summary: The only phase.
                modules:
                  - id: m01-basics
                    title: Basics
                    weeks: {first: 1, last: 1}
                    summary: The only module.
                milestone:
                  id: milestone-1
                  title: First milestone
                  summary: Show the work.
                  week: 1
                  checklist:
                    - id: ms1-done
                      text: The work is done.
                """);
        PackFiles.write(folder.resolve(WEEK_FILE), """
                ---
                id: week-01
                week: 1
                module: m01-basics
                title: Start
                hours: 3
                resources: []
                goals:
                  - Start
                tasks:
                  - id: w01-read
                    kind: read
                    title: Read the guide
                    hours: 3
                ---
                # Start

                Read the guide.
                """);
        return folder;
    }
}
