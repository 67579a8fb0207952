package dev.aiworkbench.labs.services;

import dev.aiworkbench.llm.PullBoard;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A container image's download at one moment, for a progress bar or a line on the terminal.
 *
 * @param layers     the layers the engine named so far
 * @param layersDone those it has (downloaded and unpacked, or had already)
 * @param bytesDone  bytes downloaded so far
 * @param bytesKnown the size of the layers whose size is known yet (they report it when their download starts)
 * @param status     the engine's last line about the whole image ("Pulling from qdrant/qdrant", "Digest: …")
 */
public record ImagePullSnapshot(String image, Phase phase, int layers, int layersDone, long bytesDone,
                                long bytesKnown, String status) {

    /** Where the pull is. */
    public enum Phase {
        /** Asking the registry what the image is made of; no layer named yet. */
        ASKING,
        /** Downloading one layer or more. */
        DOWNLOADING,
        /** Every layer downloaded; the engine unpacks them. */
        UNPACKING,
        /** Every layer is there. */
        DONE
    }

    /** Bytes downloaded out of the sizes known so far; empty before any layer reported its size. */
    public OptionalDouble fraction() {
        return bytesKnown <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(1, (double) bytesDone / bytesKnown));
    }

    /** "Downloading qdrant/qdrant:v1.20.3: 42% · 12.3 MB of 29.1 MB · 3 of 7 layers done". */
    public String describe() {
        String layerText = layers == 0 ? "" : " · " + layersDone + " of " + layers + " layers done";
        return switch (phase) {
            case ASKING -> "Downloading " + image + ": asking the registry for it…";
            case DOWNLOADING -> "Downloading " + image + fraction().stream()
                    .mapToObj(f -> String.format(Locale.ROOT, ": %.0f%% · %s of %s", f * 100,
                            PullBoard.bytes(bytesDone), PullBoard.bytes(bytesKnown)))
                    .findFirst().orElse(": starting") + layerText;
            case UNPACKING -> "Unpacking " + image + " (" + PullBoard.bytes(bytesDone) + " downloaded)" + layerText;
            case DONE -> "Downloaded " + image + (bytesDone > 0 ? " (" + PullBoard.bytes(bytesDone) + ")" : "");
        };
    }
}
