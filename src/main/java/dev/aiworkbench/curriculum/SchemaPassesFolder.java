package dev.aiworkbench.curriculum;

import dev.aiworkbench.store.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link SchemaPasses} as one file per digest, named by it and holding it: a file whose content is not its name
 * (cut short, overwritten) counts as no pass, and the next passing load writes it again.
 */
final class SchemaPassesFolder implements SchemaPasses {
    private final Path folder;

    SchemaPassesFolder(Path folder) {
        this.folder = folder;
    }

    @Override
    public boolean recorded(String digest) {
        try {
            return Files.readString(file(digest), StandardCharsets.UTF_8).equals(digest);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void record(String digest) {
        try {
            AtomicFiles.write(file(digest), out -> out.write(digest.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // nothing lost: the next load checks the schemas again
        }
    }

    private Path file(String digest) {
        return folder.resolve(digest + ".pass");
    }
}
