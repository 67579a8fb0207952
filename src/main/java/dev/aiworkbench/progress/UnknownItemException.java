package dev.aiworkbench.progress;

import java.util.List;

/** An id that names nothing in the installed pack; the message suggests the closest ids. */
public final class UnknownItemException extends IllegalArgumentException {
    public UnknownItemException(String itemId, String packId, List<String> suggestions) {
        super("'" + itemId + "' is not an item of the pack '" + packId + "'"
                + (suggestions.isEmpty() ? "; `workbench progress show` lists the ids"
                : ". Did you mean " + String.join(", ", suggestions) + "?"));
    }
}
