package dev.aiworkbench.labs.checks;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Paths a check names relative to the learner's workspace, which may not leave it. */
final class Workspaces {
    private Workspaces() {
    }

    /** The file, or an error outcome when the lab's path leaves the workspace or is not a path. */
    static Path resolve(CheckContext context, String relative, String what) throws Refused {
        Path root = context.workspace().toAbsolutePath().normalize();
        try {
            Path file = root.resolve(relative).normalize();
            if (!file.startsWith(root)) {
                throw new Refused(Outcome.error("The check's " + what + " '" + relative + "' is outside the workspace",
                        "This is a mistake in the lab: give a path inside the workspace in lab.yaml."));
            }
            return file;
        } catch (InvalidPathException e) {
            throw new Refused(Outcome.error("The check's " + what + " '" + relative + "' is not a valid path ("
                    + e.getReason() + ")", "This is a mistake in the lab: correct the path in lab.yaml."));
        }
    }

    static final class Refused extends Exception {
        final transient Outcome outcome;

        Refused(Outcome outcome) {
            super(outcome.finding(), null, false, false);
            this.outcome = outcome;
        }
    }
}
