package dev.aiworkbench.curriculum;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Packs that loaded with no problem at all, kept as their records so that the next start reads them instead of
 * parsing YAML and Markdown and running every rule again: the longest step before the Today screen and
 * {@code progress show} had anything to show. A kept pack is used only while its {@link PackCacheKey} (the app's
 * build and version, the pack's files) is unchanged. Linting, building and installing never use it.
 */
public interface PackCache {
    /** Keeps nothing: every load parses and checks the pack. */
    PackCache NONE = new PackCache() {
        @Override
        public Optional<Pack> read(PackCacheKey key) {
            return Optional.empty();
        }

        @Override
        public void write(PackCacheKey key, Pack pack) {
            // nothing kept
        }
    };

    /** The pack kept under this key; empty when none is, or what is kept is damaged, cut short or another's. */
    Optional<Pack> read(PackCacheKey key);

    /** Keeps a pack that loaded without problems; failing to keep it only means the next load parses again. */
    void write(PackCacheKey key, Pack pack);

    /** Packs kept as one file per pack source in {@code folder}, each replaced whole when its pack changes. */
    static PackCache in(Path folder) {
        return new PackCacheFolder(folder);
    }
}
