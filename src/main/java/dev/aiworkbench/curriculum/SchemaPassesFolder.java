package dev.aiworkbench.curriculum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, ".pass-", ".partial");
            try {
                Files.writeString(partial, digest, StandardCharsets.UTF_8);
                Files.move(partial, file(digest), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // nothing lost: the next load checks the schemas again
        }
    }

    private Path file(String digest) {
        return folder.resolve(digest + ".pass");
    }
}
