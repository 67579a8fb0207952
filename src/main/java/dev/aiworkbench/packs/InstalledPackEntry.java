package dev.aiworkbench.packs;

import java.util.List;

/**
 * A pack id in the data folder: its versions, oldest first, and the one the app uses for it.
 */
public record InstalledPackEntry(String id, List<InstalledVersion> versions, InstalledVersion current) {
    public InstalledPackEntry {
        versions = List.copyOf(versions);
    }
}
