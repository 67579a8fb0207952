package dev.aiworkbench.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a GUI launch: no verb, only {@code --data-dir}, {@code --pack} and {@code --ollama-url}, and at most one
 * pack file ({@code .wbpack} or {@code .zip}), which is how a desktop opens the app on a pack file it was asked to
 * open. Kept apart from the command-line parser so that opening the app does not pay for building every verb's model
 * first.
 */
public final class LaunchArguments {
    private LaunchArguments() {
    }

    /** The GUI's options and pack file, or empty when the arguments are for the command line. */
    public static Optional<GuiLaunch> gui(String[] args) {
        Path dataDir = null;
        Path pack = null;
        String ollamaUrl = null;
        Path packFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (packFile == null && isPackFile(arg)) {
                packFile = Path.of(arg);
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = arg.contains("=");
            if (!name.equals("--data-dir") && !name.equals("--pack") && !name.equals("--ollama-url")) {
                return Optional.empty();
            }
            if (!inline && i + 1 >= args.length) {
                return Optional.empty();
            }
            String value = inline ? arg.substring(arg.indexOf('=') + 1) : args[++i];
            switch (name) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--pack" -> pack = Path.of(value);
                default -> ollamaUrl = value;
            }
        }
        return Optional.of(new GuiLaunch(new WorkbenchOptions(Optional.ofNullable(dataDir), Optional.ofNullable(pack),
                Optional.ofNullable(ollamaUrl)), Optional.ofNullable(packFile)));
    }

    /** A pack file by its name; whether it is a pack at all is for the install's check to say. */
    private static boolean isPackFile(String arg) {
        String name = arg.toLowerCase(Locale.ROOT);
        return !arg.startsWith("-") && (name.endsWith(".wbpack") || name.endsWith(".zip"));
    }
}
