package dev.aiworkbench.labs.services;

import dev.aiworkbench.llm.PullBoard;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A model pull at one moment, copied out of its {@link PullBoard} (which keeps changing on the pull's thread), for a
 * progress bar or a line on the terminal.
 *
 * @param fraction bytes done out of the total, once a layer has reported its size
 */
public record PullSnapshot(String model, String status, OptionalDouble fraction, long completedBytes, long totalBytes) {

    public static PullSnapshot of(String model, PullBoard board) {
        return new PullSnapshot(model, board.status() == null ? "" : board.status(), board.fraction(),
                board.completedBytes(), board.totalBytes());
    }

    /** "Pulling qwen2.5:0.5b: 42% · 168.0 MB of 397.8 MB (pulling 8eeb52dfb3bb)". */
    public String describe() {
        StringBuilder text = new StringBuilder("Pulling " + model);
        fraction.ifPresent(f -> text.append(String.format(Locale.ROOT, ": %.0f%% · %s of %s", f * 100,
                PullBoard.bytes(completedBytes), PullBoard.bytes(totalBytes))));
        if (!status.isBlank()) {
            text.append(" (").append(status.replace("sha256:", "")).append(')');
        }
        return text.toString();
    }
}
