package dev.aiworkbench.curriculum;

import java.nio.file.Path;

/**
 * What a start's pack load may take from earlier loads: the built-in pack as the build parsed it, schema passes, and
 * whole packs that loaded cleanly. Only the app's own reading of the pack it walks uses them; {@code pack validate},
 * {@code lint}, {@code build} and {@code install} check everything every time.
 */
public record PackLoadCaches(BuiltInPackImage builtIn, SchemaPasses passes, PackCache packs) {
    public static final PackLoadCaches NONE = new PackLoadCaches(BuiltInPackImage.NONE, SchemaPasses.NONE,
            PackCache.NONE);

    /** The shipped image, and the caches in a data folder's cache folder: {@code schema-passes/} and {@code packs/}. */
    public static PackLoadCaches in(Path cacheFolder) {
        return new PackLoadCaches(BuiltInPackImage.SHIPPED, SchemaPasses.in(cacheFolder.resolve("schema-passes")),
                PackCache.in(cacheFolder.resolve("packs")));
    }
}
