package dev.aiworkbench.cli;

import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.store.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Errors a user can hit become one sentence on stderr; the stack trace goes to the log only. */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FriendlyErrors.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        LOG.warn("command failed", e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof DatabaseException database && database.canStartFresh()) {
            message += "\nRun `workbench database set-aside` to keep the old file and start with a new one.";
        } else if (!(e instanceof DatabaseException || e instanceof IllegalArgumentException
                || e instanceof CommandFailure || e instanceof ModelServerException)) {
            message = "Unexpected error: " + message + " (details in the log in the data folder's logs/)";
        }
        commandLine.getErr().println(message);
        if (e instanceof ModelServerException server) {
            return exitCode(server);
        }
        return e instanceof CommandFailure failure ? failure.exitCode() : Cli.FAILED;
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
