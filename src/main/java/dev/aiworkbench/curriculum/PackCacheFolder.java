package dev.aiworkbench.curriculum;

import dev.aiworkbench.store.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link PackCache} as one file per pack source, named by {@link PackCacheKey#slot()}: a {@link PackFrame} whose
 * header is the key's stamps. A file that is cut short, damaged, of another format or made from other content counts
 * as none; the load that follows writes it again. Files are replaced in one step ({@link AtomicFiles}).
 */
final class PackCacheFolder implements PackCache {
    private static final byte[] MAGIC = "AIWB-PACK".getBytes(StandardCharsets.US_ASCII);

    private final Path folder;

    PackCacheFolder(Path folder) {
        this.folder = folder;
    }

    @Override
    public Optional<Pack> read(PackCacheKey key) {
        try {
            return PackFrame.read(Files.readAllBytes(file(key)), MAGIC, key.stamps().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(PackCacheKey key, Pack pack) {
        try {
            AtomicFiles.write(file(key), stream -> PackFrame.write(stream, MAGIC, key.stamps().getBytes(
                    StandardCharsets.UTF_8), pack));
        } catch (IOException e) {
            // nothing lost: the next load parses the pack again
        }
    }

    private Path file(PackCacheKey key) {
        return folder.resolve(key.slot() + ".pack");
    }
}
