package dev.aiworkbench.app;

import dev.aiworkbench.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where the app keeps its database and logs: per-OS default, overridden by --data-dir or WORKBENCH_HOME. */
public record DataFolder(Path path, String source) {
    public static final String ENVIRONMENT_VARIABLE = "WORKBENCH_HOME";

    public static DataFolder resolve(Optional<Path> commandLine, Map<String, String> environment,
                                     String osName, Path userHome) {
        if (commandLine.isPresent()) {
            return new DataFolder(commandLine.get().toAbsolutePath().normalize(), "--data-dir");
        }
        String override = environment.get(ENVIRONMENT_VARIABLE);
        if (override != null && !override.isBlank()) {
            return new DataFolder(Path.of(override).toAbsolutePath().normalize(), ENVIRONMENT_VARIABLE);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path path;
        if (os.contains("mac") || os.contains("darwin")) {
            path = userHome.resolve("Library/Application Support/AI Workbench");
        } else if (os.contains("win")) {
            String appData = environment.get("APPDATA");
            path = (appData == null || appData.isBlank() ? userHome.resolve("AppData/Roaming") : Path.of(appData))
                    .resolve("AI Workbench");
        } else {
            String xdg = environment.get("XDG_DATA_HOME");
            path = (xdg == null || xdg.isBlank() ? userHome.resolve(".local/share") : Path.of(xdg))
                    .resolve("ai-workbench");
        }
        return new DataFolder(path.toAbsolutePath().normalize(), "default");
    }

    public static DataFolder fromEnvironment(Optional<Path> commandLine) {
        return resolve(commandLine, System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }

    public Path database() {
        return path.resolve("workbench.db");
    }

    /** Copies of the database, made by {@code store.Backups}. */
    public Path backups() {
        return path.resolve("backups");
    }

    /** Installed curriculum packs and the active one (see {@code packs.PackShelf}). */
    public Path packs() {
        return path.resolve("packs");
    }

    /**
     * A copy of each built-in pack version this data folder walked (see {@code packs.BundledPackUpdates}), so that
     * after an app update the new built-in pack can be compared with the one the learner had.
     */
    public Path bundledPacks() {
        return path.resolve("bundled-packs");
    }

    /**
     * The pack-signing keys the learner trusts (see {@code packs.TrustedKeys}): beside {@code packs/}, not in it,
     * because any folder name there could be a pack's id.
     */
    public Path trustedKeys() {
        return path.resolve("trusted-keys");
    }

    public Path logs() {
        return path.resolve("logs");
    }

    /**
     * The ticket of the app open on this folder that takes pack files other starts hand over (see
     * {@code PackHandoff}); absent when none is open.
     */
    public Path runningApp() {
        return path.resolve("running-app.properties");
    }

    /** What the app can make again from its own files, kept to start faster: deleting it loses nothing. */
    public Path cache() {
        return path.resolve("cache");
    }

    /** Creates the folder if needed and proves it can be written, or says which folder and why not. */
    public void prepare() throws DataFolderException {
        try {
            Files.createDirectories(path);
            Files.createDirectories(logs());
            // Through AtomicFiles, whose partial file is named without Files.createTempFile's SecureRandom (20-30 ms of
            // every start to seed).
            Path probe = path.resolve(".write-check");
            AtomicFiles.write(probe, out -> { });
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            throw new DataFolderException("The data folder " + path + " cannot be written: " + reason(e)
                    + ". Fix its permissions, or choose another folder with --data-dir or " + ENVIRONMENT_VARIABLE + ".", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file of that name is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
