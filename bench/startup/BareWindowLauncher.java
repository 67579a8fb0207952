package dev.aiworkbench.bench.startup;

import javafx.application.Application;

/** Starts {@link BareWindow} from a plain main class, the way dev.aiworkbench.Main starts the app. */
public final class BareWindowLauncher {
    private BareWindowLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }
}
