package dev.aiworkbench.curriculum;

import java.nio.file.Path;

/**
 * The packs whose every file passed its JSON Schema, by the digest of their content ({@link PackDigest}). Checking the
 * schemas was the longest step of a GUI start before the Today screen (the schema library and its classes, cold), and
 * its verdict cannot change while the files and the app's schemas stay the same: a pack recorded here skips it.
 */
public interface SchemaPasses {
    /** Remembers nothing: every load checks every file (linting, building, installing). */
    SchemaPasses NONE = new SchemaPasses() {
        @Override
        public boolean recorded(String digest) {
            return false;
        }

        @Override
        public void record(String digest) {
            // nothing kept
        }
    };

    boolean recorded(String digest);

    /** Notes that the pack with this digest passed; failing to note it only means the next load checks again. */
    void record(String digest);

    /** Passes kept as small files in {@code folder}, one per digest. */
    static SchemaPasses in(Path folder) {
        return new SchemaPassesFolder(folder);
    }
}
