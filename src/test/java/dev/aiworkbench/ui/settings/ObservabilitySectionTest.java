package dev.aiworkbench.ui.settings;

import atlantafx.base.controls.Message;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.observability.Budget;
import dev.aiworkbench.observability.BudgetKind;
import dev.aiworkbench.observability.CallOutcome;
import dev.aiworkbench.observability.ModelCall;
import dev.aiworkbench.observability.Operation;
import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.testing.BudgetSeed;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import dev.aiworkbench.ui.shell.ScreenRegistry;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.aiworkbench.ui.AppDriver.node;
import static dev.aiworkbench.ui.AppDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings > Observability in the real app: a budget crossed before the app opened is announced once in the shell;
 * its button opens the dashboard with the budget marked crossed; /metrics is turned on at a port, scraped, and turned off; a budget is added from the editor.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ObservabilitySectionTest {
    @TempDir
    Path data;

    private WorkbenchApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
    }

    private static String alert(FxRobot robot) {
        return robot.lookup("#budget-alert").tryQuery().filter(n -> n.getParent().isVisible())
                .map(n -> ((Message) n).getDescription()).orElse("");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aCrossedBudgetIsAnnouncedAndMetricsTurnOnServeAndTurnOff(FxRobot robot) throws Exception {
        try (BudgetSeed seed = BudgetSeed.open(data)) {
            seed.call(Instant.now().minusSeconds(5).toString(), "llama3.2", 300, 0.75, "ok");
        }
        try (Workbench workbench = Workbench.openPackOnDemand(new WorkbenchOptions(Optional.of(data), Optional.empty()),
                Clock.systemDefaultZone(), waiting -> { })) {
            workbench.budgets().save(List.of(Budget.dailyCost(0.5)));
            // Recorded as the app records calls (free at the local price), so the endpoint's running totals have it.
            workbench.observability().recorder().record(new ModelCall(Instant.now().minusSeconds(4),
                    CallTag.of(CallFeature.PLAYGROUND), Operation.CHAT, "ollama", "llama3.2", 10, 5, 120.0, 300,
                    null, CallOutcome.OK, null));
        }
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty()));
        AppDriver.waitUntilReady(app);
        waitFor(() -> alert(robot).startsWith("Daily cost crossed: Today's model calls cost $0.75, over your budget of "
                + "$0.50 a day."));
        assertThat(robot.lookup("#open-budget-alert").tryQuery()).isPresent();

        KeyCode comma = ((KeyCodeCombination) ScreenRegistry.entry(ScreenRegistry.SETTINGS).shortcut()).getCode();
        robot.press(KeyCode.CONTROL).type(comma).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#settings #observability-settings").tryQuery().isPresent());
        waitFor(() -> node(robot, "#retention-status", Label.class).getText().startsWith("Call records are kept 90"));
        assertThat(node(robot, "#metrics-status", Label.class).getText()).startsWith("Off.");

        int port = freePort();
        AppDriver.reveal(robot, "#metrics-port");
        robot.interact(() -> node(robot, "#metrics-port", TextField.class).setText(Integer.toString(port)));
        robot.clickOn("#metrics-on");
        String url = "http://127.0.0.1:" + port + "/metrics";
        waitFor(() -> node(robot, "#metrics-status", Label.class).getText().contains(url));
        assertThat(node(robot, "#metrics-on", CheckBox.class).isSelected()).isTrue();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("gen_ai_client_operation_duration_seconds")
                    .contains("gen_ai_request_model=\"llama3.2\"");

            robot.clickOn("#metrics-on");
            waitFor(() -> node(robot, "#metrics-status", Label.class).getText().startsWith("Off."));
            assertThat(node(robot, "#metrics-on", CheckBox.class).isSelected()).isFalse();
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        }

        AppDriver.reveal(robot, "#budget-threshold");
        robot.interact(() -> node(robot, "#budget-kind", ComboBox.class).getSelectionModel()
                .select(BudgetKind.TTFT_P95));
        robot.clickOn("#budget-threshold").write("5000").type(KeyCode.ENTER);
        waitFor(() -> node(robot, "#budget-rows", VBox.class).getChildren().size() == 2);
        waitFor(() -> ((Label) ((javafx.scene.layout.HBox) node(robot, "#budget-rows", VBox.class).getChildren().get(1))
                .getChildren().get(0)).getText().equals(
                        // 120 (recorded) and 300 (seeded): 120 + 0.95 × 180 = 291
                        "p95 time to first token, all models: 5000 ms · holds (291 ms of 5000 ms)"));
        assertThat(node(robot, "#budget-status", Label.class).getText())
                .isEqualTo("Added: p95 time to first token, all models, 5000 ms.");

        Node open = robot.lookup("#open-budget-alert").query();
        robot.interact(() -> ((javafx.scene.control.Button) open).fire());
        waitFor(() -> alert(robot).isEmpty());
        // The alert's button lands on the dashboard, whose strip shows the crossed budget.
        waitFor(() -> robot.lookup("#observability #budget-strip .budget-tile.crossed").tryQuery().isPresent());
    }
}
