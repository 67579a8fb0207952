package dev.aiworkbench.cli;

/** A command ends with a message for the user and an exit code. */
final class CommandFailure extends RuntimeException {
    private final int exitCode;

    CommandFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
