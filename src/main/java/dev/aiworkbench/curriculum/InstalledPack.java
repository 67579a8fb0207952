package dev.aiworkbench.curriculum;

import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pack the app walks: the default pack shipped inside the app, or one the learner points at.
 * A pack that cannot be opened or read at all still yields a result, so the app can start and show
 * the problems.
 */
public record InstalledPack(String source, LoadResult result) {
    public static final String DEFAULT_PACK = "devops-to-ai";
    /** Where the app keeps the labs it ships (the repository's labs/ folder, copied into the jar). */
    public static final String BUNDLED_LABS = "labs";
    /** The file that makes a folder under labs/ a lab (other folders there, such as the FastAPI stub, are assets). */
    public static final String LAB_FILE = "lab.yaml";
    private static final String BUILT_IN_SOURCE = "built-in pack " + DEFAULT_PACK;

    /** Loads the pack; its weeks may use the labs the app ships. */
    public static InstalledPack load(Optional<Path> override, String appVersion) {
        return load(override, appVersion, PackLoadCaches.NONE);
    }

    /**
     * Loads the pack: the built-in one from the image the build made of it ({@link BuiltInPackImage}) while the app
     * holds what it was made from; any pack from {@code caches} when it loaded cleanly before and nothing it was made
     * from changed since ({@link PackCacheKey}); otherwise it is parsed, skipping the schema check when the same
     * content passed it before ({@link SchemaPasses}), and kept when it has no problem at all.
     */
    public static InstalledPack load(Optional<Path> override, String appVersion, PackLoadCaches caches) {
        if (override.isEmpty()) {
            Optional<Pack> image = caches.builtIn().read(appVersion);
            if (image.isPresent()) {
                return new InstalledPack(BUILT_IN_SOURCE, new LoadResult(image, List.of()));
            }
        }
        // stamping the app and the pack is wasted on a cache that keeps nothing
        Optional<PackCacheKey> key = caches.packs() == PackCache.NONE ? Optional.empty()
                : PackCacheKey.of(override, DEFAULT_PACK, appVersion);
        Optional<Pack> kept = key.flatMap(caches.packs()::read);
        if (kept.isPresent()) {
            return new InstalledPack(sourceName(override), new LoadResult(kept, List.of()));
        }
        InstalledPack loaded = load(new PackLoader(appVersion, bundledLabIds(), caches.passes()), override);
        // the key is taken again so that a file edited during the load is not kept under the old content's key
        if (key.isPresent() && loaded.result().problems().isEmpty() && loaded.pack().isPresent()
                && key.equals(PackCacheKey.of(override, DEFAULT_PACK, appVersion))) {
            caches.packs().write(key.get(), loaded.pack().get());
        }
        return loaded;
    }

    /**
     * Loads the pack.
     *
     * @param appLabs ids of the labs the app offers, which the pack's weeks may use besides its own labs/ folders
     */
    public static InstalledPack load(Optional<Path> override, String appVersion, Set<String> appLabs) {
        return load(new PackLoader(appVersion, appLabs), override);
    }

    private static InstalledPack load(PackLoader loader, Optional<Path> override) {
        String source = sourceName(override);
        try (PackLocation location = override.isPresent() ? PackLocation.open(override.get())
                : PackLocation.bundled(DEFAULT_PACK)) {
            return new InstalledPack(source, loader.load(location));
        } catch (PackAccessException | IOException e) {
            return new InstalledPack(source, new LoadResult(Optional.empty(),
                    List.of(Problem.error(SourcePosition.startOf(source), e.getMessage()))));
        }
    }

    private static String sourceName(Optional<Path> override) {
        return override.map(Path::toString).orElse(BUILT_IN_SOURCE);
    }

    /**
     * Ids of the labs shipped inside the app: the folders under {@code /labs/} that hold a lab.yaml, whether
     * or not it is valid (dev.aiworkbench.labs.definition.LabCatalog reads and checks them). Empty when the
     * app ships none.
     */
    public static Set<String> bundledLabIds() {
        try (PackLocation labs = PackLocation.bundledFolder(BUNDLED_LABS, "built-in labs")) {
            return Set.copyOf(labs.folders(".", LAB_FILE));
        } catch (PackAccessException | IOException e) {
            return Set.of();
        }
    }

    /** True for the pack shipped inside the app, read from there rather than from a folder or an install. */
    public boolean isBuiltIn() {
        return source.equals(BUILT_IN_SOURCE);
    }

    public Optional<Pack> pack() {
        return result.pack();
    }
}
