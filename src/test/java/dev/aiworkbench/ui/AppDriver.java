package dev.aiworkbench.ui;

import dev.aiworkbench.app.WorkbenchOptions;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts and stops the real app on the TestFX primary stage and waits for it the way a user would. */
public final class AppDriver {
    private AppDriver() {
    }

    public static WorkbenchApp start(WorkbenchOptions options) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(() -> new WorkbenchApp(options, Clock.systemDefaultZone()));
        return (WorkbenchApp) app;
    }

    public static void waitUntilReady(WorkbenchApp app) throws TimeoutException {
        waitFor(() -> app.shell() != null && app.shell().readyProperty().get());
    }

    public static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static void stop(WorkbenchApp app) throws TimeoutException {
        FxToolkit.cleanupApplication(app);
    }

    /** Scrolls the page that holds the node so the node is on screen, as a user would before clicking it. */
    public static void reveal(FxRobot robot, String query) {
        javafx.scene.Node node = robot.lookup(query).query();
        robot.interact(() -> {
            for (javafx.scene.Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                    javafx.scene.Node content = scroll.getContent();
                    double nodeY = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                    double scrollable = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    if (scrollable > 0) {
                        scroll.setVvalue(Math.max(0, Math.min(1, (nodeY - 40) / scrollable)));
                    }
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Shows one screen in a window of its own with the app's style sheet, on the FX thread, for tests that mount a
     * screen without the shell; the caller closes the stage.
     */
    public static Stage showAlone(Parent screen, double width, double height) {
        Scene scene = new Scene(screen, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(WorkbenchApp.class.getResource("workbench.css"))
                .toExternalForm());
        Stage stage = new Stage();
        stage.setX(0);
        stage.setY(0);
        stage.setScene(scene);
        stage.show();
        stage.toFront();
        return stage;
    }

    public static <T extends javafx.scene.Node> T node(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }
}
