package dev.aiworkbench.curriculum;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The pack the app walks: the default pack shipped inside the app, or one the learner points at.
 * A pack that cannot be opened or read at all still yields a result, so the app can start and show
 * the problems.
 */
public record InstalledPack(String source, LoadResult result) {
    public static final String DEFAULT_PACK = "devops-to-ai";

    public static InstalledPack load(Optional<Path> override, String appVersion) {
        PackLoader loader = new PackLoader(appVersion);
        String source = override.map(Path::toString).orElse("built-in pack " + DEFAULT_PACK);
        try (PackLocation location = override.isPresent() ? PackLocation.open(override.get())
                : PackLocation.bundled(DEFAULT_PACK)) {
            return new InstalledPack(source, loader.load(location));
        } catch (PackAccessException | java.io.IOException e) {
            return new InstalledPack(source, new LoadResult(Optional.empty(),
                    List.of(Problem.error(SourcePosition.startOf(source), e.getMessage()))));
        }
    }

    public Optional<Pack> pack() {
        return result.pack();
    }
}
