package dev.aiworkbench.ui.labs;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.ui.AppDriver;
import dev.aiworkbench.ui.WorkbenchApp;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.labs.services.LogLine;
import dev.aiworkbench.progress.TaskState;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static dev.aiworkbench.ui.AppDriver.node;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Labs screen driving the real {@code fastapi-typed-service} lab: a real uvicorn from the machine's Python, real
 * checks, the real reference solution. The trust prompt is refused (nothing changes) and then accepted; Start brings
 * FastAPI up with its address and live log; Check fails the untouched starter with messages that say what to do;
 * Reveal solution (confirmed) lists what it wrote and kept, and Check then passes everything and marks the lab's
 * tasks done; Stop leaves no uvicorn behind. A week's lab task opens the lab.
 */
@Tag("ui")
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class LabsViewTest {
    private static final String LAB = "fastapi-typed-service";
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration CHECK = Duration.ofSeconds(240);

    @TempDir
    Path data;

    private WorkbenchApp app;

    @BeforeAll
    static void needsPythonWithFastApi() throws Exception {
        Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import fastapi, uvicorn, pytest")
                .redirectErrorStream(true).start();
        boolean ok = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        Assumptions.assumeTrue(ok, "this test runs the lab with /usr/bin/python3, which needs fastapi, uvicorn and"
                + " pytest (Debian: python3-fastapi python3-uvicorn python3-pytest)");
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            AppDriver.stop(app);
        }
        assertThat(uvicorns()).as("uvicorn processes left after the app closed").isEmpty();
    }

    private void startApp(FxRobot robot) throws Exception {
        // No model server here: point at a port nothing listens on, so nothing waits for one.
        app = AppDriver.start(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                Optional.of("http://127.0.0.1:9")));
        AppDriver.waitUntilReady(app);
    }

    private static void waitFor(Duration timeout, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(timeout.toSeconds(), TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Label label ? label.getText() : ((TextField) node).getText();
    }

    private static boolean shown(FxRobot robot, String query) {
        Optional<Node> node = robot.lookup(query).tryQuery();
        if (node.isEmpty() || node.get().getScene() == null) {
            return false;
        }
        for (Node n = node.get(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void click(FxRobot robot, String query) {
        AppDriver.reveal(robot, query);
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<String> log(FxRobot robot) {
        ListView<LogLine> log = robot.lookup("#log-fastapi").queryAs(ListView.class);
        List<List<String>> lines = new java.util.ArrayList<>();
        robot.interact(() -> lines.add(log.getItems().stream().map(LogLine::text).toList()));
        return lines.get(0);
    }

    private static String verdict(FxRobot robot, String checkId) {
        return text(robot, "#check-verdict-" + checkId);
    }

    private static String message(FxRobot robot, String checkId) {
        return text(robot, "#check-message-" + checkId);
    }

    private static String notice(FxRobot robot) {
        return node(robot, "#lab-notice", atlantafx.base.controls.Message.class).getTitle();
    }

    private static boolean idle(FxRobot robot) {
        return !shown(robot, "#lab-busy");
    }

    /** uvicorn processes started by this JVM (its children and theirs: the reloader and the server). */
    /** uvicorn servers (they name a port); not the short Python lookup that only asks whether uvicorn is there. */
    private static List<ProcessHandle> uvicorns() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("uvicorn") && c.contains("--port"))
                        .orElse(false)).toList();
    }

    private static int status(URI url) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build()) {
            return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private void openLabsScreen(FxRobot robot) throws Exception {
        robot.clickOn("#nav-labs");
        waitFor(Duration.ofSeconds(30), () -> robot.lookup("#lab-entry-" + LAB).tryQuery().isPresent());
        robot.clickOn("#lab-entry-" + LAB);
        waitFor(Duration.ofSeconds(10), () -> shown(robot, "#lab-title")
                && text(robot, "#lab-title").startsWith("A typed FastAPI service"));
    }

    @Test
    void theFastApiLabRunsForRealFromTrustToStop(FxRobot robot) throws Exception {
        startApp(robot);
        openLabsScreen(robot);
        assertThat(text(robot, "#lab-progress")).contains("Weeks 1–4").contains("lab: not started");
        assertThat(verdict(robot, "health-ok")).isEqualTo("not checked yet");
        assertThat(text(robot, "#service-status-fastapi")).isEqualTo("stopped");
        assertThat(text(robot, "#lab-workspace")).isEqualTo(data.resolve("workspaces").resolve(LAB).toString());

        // First Start asks to trust the pack version, listing what it runs; refusing changes nothing.
        click(robot, "#lab-start");
        waitFor(Duration.ofSeconds(10), () -> shown(robot, "#trust-dialog"));
        VBox commands = node(robot, "#trust-commands", VBox.class);
        assertThat(commands.getChildren()).extracting(n -> ((Label) n).getText())
                .anyMatch(line -> line.contains("python -m uvicorn main:app") && line.contains(LAB))
                .anyMatch(line -> line.contains("pytest"));
        robot.clickOn("#trust-refuse");
        waitFor(Duration.ofSeconds(5), () -> !shown(robot, "#trust-dialog"));
        assertThat(app.workbench().labs().trusted()).isFalse();
        assertThat(text(robot, "#service-status-fastapi")).isEqualTo("stopped");
        assertThat(uvicorns()).isEmpty();
        assertThat(Files.exists(data.resolve("workspaces").resolve(LAB))).isFalse();

        // Accepting trusts this pack version and starts the lab.
        click(robot, "#lab-start");
        waitFor(Duration.ofSeconds(10), () -> shown(robot, "#trust-accept"));
        robot.clickOn("#trust-accept");
        waitFor(START, () -> "running".equals(text(robot, "#service-status-fastapi")));
        assertThat(app.workbench().labs().trusted()).isTrue();
        String address = text(robot, "#address-fastapi-0");
        assertThat(address).startsWith("http://127.0.0.1:");
        URI service = URI.create(address.endsWith("/") ? address : address + "/");
        assertThat(status(service.resolve("health"))).isEqualTo(200);
        assertThat(uvicorns()).isNotEmpty();
        waitFor(Duration.ofSeconds(20), () -> log(robot).stream().anyMatch(l -> l.contains("Application startup complete")));
        waitFor(Duration.ofSeconds(20), () -> idle(robot));
        assertThat(notice(robot)).isEqualTo("The lab is running");

        // The untouched starter: the service answers its health check, the work is not done yet.
        click(robot, "#lab-check");
        waitFor(CHECK, () -> idle(robot) && !"not checked yet".equals(verdict(robot, "pytest-passes")));
        assertThat(verdict(robot, "health-ok")).isEqualTo("passed");
        assertThat(verdict(robot, "ask-typed-answer")).isEqualTo("failed");
        assertThat(message(robot, "ask-typed-answer")).contains("provider.complete");
        assertThat(verdict(robot, "item-missing")).isEqualTo("failed");
        assertThat(message(robot, "item-missing")).contains("HTTPException");
        assertThat(verdict(robot, "overrides-written")).isEqualTo("failed");
        assertThat(message(robot, "overrides-written")).contains("tests/test_overrides.py");
        assertThat(verdict(robot, "pytest-passes")).isIn("failed", "could not check");
        assertThat(text(robot, "#check-when-health-ok")).startsWith("checked");
        assertThat(text(robot, "#lab-progress")).containsPattern("lab: \\d+ of 12 checks pass");
        assertThat(notice(robot)).matches("\\d+ of 12 checks pass");
        assertThat(text(robot, "#step-tally-ask")).matches("\\d of 5 pass");

        // Reveal solution asks first, then lists what it wrote and kept.
        click(robot, "#lab-solve");
        waitFor(Duration.ofSeconds(10), () -> shown(robot, "#solve-dialog"));
        robot.clickOn("#solve-confirm");
        waitFor(Duration.ofSeconds(30), () -> shown(robot, "#solve-report"));
        assertThat(node(robot, "#solve-written", VBox.class).getChildren()).extracting(n -> ((Label) n).getText())
                .contains("• main.py", "• tests/test_overrides.py");
        assertThat(node(robot, "#solve-backed-up", VBox.class).getChildren()).extracting(n -> ((Label) n).getText())
                .contains("• main.py");
        assertThat(Files.readString(data.resolve("workspaces").resolve(LAB).resolve("main.py")))
                .contains("Depends(get_provider)");
        // uvicorn reloads with the solution
        waitFor(Duration.ofSeconds(60), () -> status(service.resolve("ready")) == 200);

        click(robot, "#lab-check");
        waitFor(CHECK, () -> idle(robot) && "passed".equals(verdict(robot, "pytest-passes")));
        for (String check : List.of("health-ok", "ask-typed-answer", "ask-max-words", "ask-rejects-empty",
                "ask-uses-depends", "item-found", "item-missing", "item-bad-id", "ready-ok", "health-still-ok",
                "overrides-written", "pytest-passes")) {
            assertThat(verdict(robot, check)).as(check + ": " + message(robot, check)).isEqualTo("passed");
        }
        assertThat(text(robot, "#lab-progress")).contains("lab: passed");
        assertThat(notice(robot)).isEqualTo("All 12 checks pass");
        Label entryStatus = robot.lookup("#lab-entry-" + LAB + " .lab-entry-status").queryAs(Label.class);
        assertThat(entryStatus.getText()).isEqualTo("Weeks 1–4 · passed");
        waitFor(Duration.ofSeconds(10), () -> app.sessionModels().progress().snapshot().state("w03-gateway-skeleton") == TaskState.DONE
                && app.sessionModels().progress().snapshot().state("w04-api-tests") == TaskState.DONE);

        // Stop: the service says so and no uvicorn is left.
        List<ProcessHandle> running = uvicorns();
        click(robot, "#lab-stop");
        waitFor(Duration.ofSeconds(30), () -> "stopped".equals(text(robot, "#service-status-fastapi")) && idle(robot));
        waitFor(Duration.ofSeconds(10), () -> uvicorns().isEmpty());
        assertThat(running).noneMatch(ProcessHandle::isAlive);
        assertThat(shown(robot, "#address-fastapi-0")).isFalse();
        assertThat(status(service.resolve("health"))).isEqualTo(-1);
        assertThat(notice(robot)).isEqualTo("The lab is stopped");
    }

    @Test
    void aWeeksLabTaskOpensTheLabAndShowsItsProgress(FxRobot robot) throws Exception {
        startApp(robot);
        robot.clickOn("#nav-curriculum");
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#tree-week-03").tryQuery().isPresent());
        // The tree's cells are wider than the tree: click the week's title, not the cell's middle.
        robot.clickOn(robot.point("#tree-week-03").atPosition(javafx.geometry.Pos.CENTER_LEFT)
                .atOffset(new javafx.geometry.Point2D(90, 0)));
        waitFor(Duration.ofSeconds(10), () -> shown(robot, "#week-title")
                && text(robot, "#week-title").startsWith("Week 3 "));
        waitFor(Duration.ofSeconds(10), () -> shown(robot, "#open-lab-w03-gateway-skeleton"));
        waitFor(Duration.ofSeconds(30), () -> text(robot, "#lab-progress-w03-gateway-skeleton").equals("lab: not started"));
        assertThat(robot.lookup("#open-lab-w03-tutorial").tryQuery()).isEmpty();

        click(robot, "#open-lab-w03-gateway-skeleton");
        waitFor(Duration.ofSeconds(30), () -> shown(robot, "#lab-title")
                && text(robot, "#lab-title").startsWith("A typed FastAPI service"));
        assertThat(node(robot, "#nav-labs", javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        @SuppressWarnings("unchecked")
        ListView<Object> list = robot.lookup("#lab-list").queryAs(ListView.class);
        assertThat(list.getSelectionModel().getSelectedItem().toString()).contains(LAB);
    }

    @Test
    void aLabWhoseServicesCannotRunHereSaysWhatIsMissingBeforeStart(FxRobot robot) throws Exception {
        dev.aiworkbench.labs.host.DockerProbe.Result docker = dev.aiworkbench.labs.host.DockerProbe.probe(System.getenv(),
                Duration.ofSeconds(5));
        Assumptions.assumeFalse(docker.running(), "Docker runs here, so Qdrant could start: nothing is missing");
        startApp(robot);
        robot.clickOn("#nav-labs");
        waitFor(Duration.ofSeconds(30), () -> robot.lookup("#lab-entry-rag-qdrant").tryQuery().isPresent());
        AppDriver.reveal(robot, "#lab-entry-rag-qdrant");
        robot.clickOn("#lab-entry-rag-qdrant");

        waitFor(Duration.ofSeconds(30), () -> shown(robot, "#lab-preflight"));
        atlantafx.base.controls.Message preflight = node(robot, "#lab-preflight", atlantafx.base.controls.Message.class);
        assertThat(preflight.getTitle()).isEqualTo("2 things this lab needs are missing here");
        assertThat(preflight.getDescription()).contains("Qdrant runs in Docker, and Docker is not running here")
                .contains("No Ollama server answers at http://127.0.0.1:9").contains("ollama serve")
                .contains("The steps that do not need Qdrant still run.");
        assertThat(text(robot, "#service-status-qdrant")).isEqualTo("stopped");
    }
}
