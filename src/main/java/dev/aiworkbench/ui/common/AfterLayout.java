package dev.aiworkbench.ui.common;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Work that should wait until a scene has been laid out once more, such as starting reads that would otherwise
 * compete with the first layout of what was just shown for the machine's few cores.
 */
public final class AfterLayout {
    private AfterLayout() {
    }

    /** Runs {@code action} on the FX thread once the scene's next pulse has done its CSS and layout. */
    public static void run(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
