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
        return load(override, appVersion, SchemaPasses.NONE);
    }

    /** Loads the pack, skipping the schema check when the same content passed it before ({@link SchemaPasses}). */
    public static InstalledPack load(Optional<Path> override, String appVersion, SchemaPasses passes) {
        return load(new PackLoader(appVersion, bundledLabIds(), passes), override);
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
        String source = override.map(Path::toString).orElse(BUILT_IN_SOURCE);
        try (PackLocation location = override.isPresent() ? PackLocation.open(override.get())
                : PackLocation.bundled(DEFAULT_PACK)) {
            return new InstalledPack(source, loader.load(location));
        } catch (PackAccessException | IOException e) {
            return new InstalledPack(source, new LoadResult(Optional.empty(),
                    List.of(Problem.error(SourcePosition.startOf(source), e.getMessage()))));
        }
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
