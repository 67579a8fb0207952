package dev.aiworkbench.cli;

import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.store.DatabaseException;
import dev.aiworkbench.store.DatabaseFailures;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Errors a user can hit become one sentence on stderr; the stack trace goes to the log only. */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        // Looked up here, not in a static field: the handler is made for every command, and starting the logging
        // library is a share of a short verb's start-up that only a failure needs.
        LoggerFactory.getLogger(FriendlyErrors.class).warn("command failed", e);
        commandLine.getErr().println(message(e));
        if (e instanceof ModelServerException server) {
            return exitCode(server);
        }
        return e instanceof CommandFailure failure ? failure.exitCode() : Cli.FAILED;
    }

    /** The store's sentence for anything SQLite, Flyway, JDBC or a full disk reported, so none of their text shows. */
    static String message(Exception e) {
        if (e instanceof DatabaseException database && database.canStartFresh()) {
            return database.getMessage() + "\nRun `workbench database set-aside` to keep the old file and start with "
                    + "a new one.";
        }
        if (e instanceof IllegalArgumentException || e instanceof CommandFailure || e instanceof ModelServerException) {
            return e.getMessage();
        }
        return DatabaseFailures.sentence(e).orElseGet(() -> "Unexpected error: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + " (details in the log in the data folder's logs/)");
    }

    /**
     * 3 when the server is out of reach, lacks the model or refuses the key, 4 when it failed while working, 2 when it
     * refused the input.
     */
    static int exitCode(ModelServerException e) {
        if (e instanceof GenerationFailedException) {
            return Cli.GENERATION_FAILED;
        }
        return switch (e.kind()) {
            case BAD_REQUEST -> Cli.USAGE;
            case SERVER_ERROR -> Cli.GENERATION_FAILED;
            case UNREACHABLE, MODEL_NOT_FOUND, BUSY, TIMEOUT, KEY_REJECTED -> Cli.SERVER_UNAVAILABLE;
        };
    }
}
