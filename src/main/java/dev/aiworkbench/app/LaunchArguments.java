package dev.aiworkbench.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises a GUI launch: no verb, only {@code --data-dir}, {@code --pack} and {@code --ollama-url}. Kept apart from the
 * command-line parser so that opening the app does not pay for building every verb's model first.
 */
public final class LaunchArguments {
    private LaunchArguments() {
    }

    /** The GUI's options, or empty when the arguments are for the command line. */
    public static Optional<WorkbenchOptions> gui(String[] args) {
        Path dataDir = null;
        Path pack = null;
        String ollamaUrl = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
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
        return Optional.of(new WorkbenchOptions(Optional.ofNullable(dataDir), Optional.ofNullable(pack),
                Optional.ofNullable(ollamaUrl)));
    }
}
