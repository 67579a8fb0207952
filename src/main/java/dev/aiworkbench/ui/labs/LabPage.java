package dev.aiworkbench.ui.labs;

import atlantafx.base.controls.Card;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.aiworkbench.labs.LabCheckReport;
import dev.aiworkbench.labs.LabProgress;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.labs.SolveReport;
import dev.aiworkbench.labs.StoredCheck;
import dev.aiworkbench.labs.TrustRequest;
import dev.aiworkbench.labs.checks.CheckResult;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.LabStep;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.services.LabRun;
import dev.aiworkbench.labs.services.LabService;
import dev.aiworkbench.labs.services.LogLine;
import dev.aiworkbench.labs.services.PullSnapshot;
import dev.aiworkbench.labs.services.ServiceState;
import dev.aiworkbench.labs.services.ServiceStatus;
import dev.aiworkbench.labs.services.Unavailable;
import dev.aiworkbench.ui.LinkOpener;
import dev.aiworkbench.ui.Session;
import dev.aiworkbench.ui.common.Labels;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lab: its summary and progress, Start / Check / Restart / Reveal solution / Stop, its services (state,
 * addresses, live log) and its steps with their checks and guides. Everything slow runs on the screen's worker; the
 * services' own events arrive coalesced through a {@link LiveFeed}.
 */
final class LabPage extends VBox {
    /** What the page needs from the screen around it. */
    interface Host {
        LabWorker worker();

        Session session();

        LinkOpener links();

        void showDialog(Node dialog);

        void hideDialog();

        void progressChanged(String labId, LabProgress progress);
    }

    private final Host host;
    private final Labs labs;
    private final LabDefinition lab;
    private final Map<ServiceType, ServicePane> services = new EnumMap<>(ServiceType.class);
    private final List<StepPane> steps = new ArrayList<>();
    private final Label progressText = new Label();
    private final Button start = new Button("Start", new FontIcon(Feather.PLAY));
    private final Button check = new Button("Check all", new FontIcon(Feather.CHECK_SQUARE));
    private final Button restart = new Button("Restart FastAPI", new FontIcon(Feather.ROTATE_CW));
    private final Button solve = new Button("Reveal solution…", new FontIcon(Feather.EYE));
    private final Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label busyText = new Label();
    private final Message notice = new Message();
    /** What this machine lacks for the lab's services, found when the page opens, before any Start. */
    private final Message preflight = new Message();
    private final VBox solveReport = new VBox(6);
    private final LiveFeed feed;
    private LabRun run;
    private boolean starting;
    private boolean stopping;
    private boolean checking;
    private boolean solving;
    private boolean disposed;

    LabPage(Host host, Labs labs, LabDefinition lab, LabProgress progress) {
        this.host = host;
        this.labs = labs;
        this.lab = lab;
        this.feed = new LiveFeed(ServicePane.MAX_LINES, this::statesChanged, this::linesArrived, this::pullsMoved);
        setId("lab-page");
        getStyleClass().add("page");
        setSpacing(20);
        setPadding(new Insets(24, 32, 32, 32));

        Label title = Labels.wrapped(lab.title(), Styles.TITLE_2);
        title.setId("lab-title");
        progressText.setId("lab-progress");
        progressText.getStyleClass().add(Styles.TEXT_MUTED);
        showProgress(progress);
        Label summary = Labels.wrapped(lab.summary());
        summary.setId("lab-summary");
        getChildren().add(new VBox(6, title, progressText, summary, workspaceRow()));

        getChildren().add(toolbar());
        notice.setId("lab-notice");
        visible(notice, false);
        solveReport.setId("solve-report");
        solveReport.getStyleClass().add("solve-report");
        visible(solveReport, false);
        preflight.setId("lab-preflight");
        preflight.getStyleClass().add(Styles.WARNING);
        preflight.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        visible(preflight, false);
        getChildren().addAll(preflight, notice, solveReport);

        VBox servicesBox = new VBox(12);
        servicesBox.setId("lab-services");
        for (ServiceSpec spec : lab.services()) {
            services.computeIfAbsent(spec.type(), type -> {
                ServicePane pane = new ServicePane(type, host.session().clock().getZone());
                servicesBox.getChildren().add(pane);
                return pane;
            });
        }
        if (!services.isEmpty()) {
            getChildren().add(section("Services", servicesBox));
        }

        VBox stepsBox = new VBox(24);
        stepsBox.setId("lab-steps");
        int number = 1;
        for (LabStep step : lab.steps()) {
            StepPane pane = new StepPane(number++, step, host.session().clock().getZone(), host.links(),
                    id -> check(Optional.of(id)));
            steps.add(pane);
            stepsBox.getChildren().add(pane);
        }
        getChildren().add(section("Steps", stepsBox));
        visible(busy, false);
        visible(busyText, false);
        updateButtons();
        load();
    }

    String labId() {
        return lab.id();
    }

    private HBox workspaceRow() {
        Path workspace = labs.services().workspace(lab.id());
        Label label = new Label("Your workspace");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(Region.USE_PREF_SIZE);
        TextField path = new TextField(workspace.toString());
        path.setId("lab-workspace");
        path.setEditable(false);
        path.getStyleClass().add("code-text");
        HBox.setHgrow(path, Priority.ALWAYS);
        label.setLabelFor(path);
        HBox row = new HBox(8, label, path);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMaxWidth(720);
        return row;
    }

    private HBox toolbar() {
        start.setId("lab-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.setOnAction(e -> start());
        check.setId("lab-check");
        check.setOnAction(e -> check(Optional.empty()));
        restart.setId("lab-restart");
        restart.setOnAction(e -> restartFastApi());
        solve.setId("lab-solve");
        solve.setOnAction(e -> askSolve());
        stop.setId("lab-stop");
        stop.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        stop.setOnAction(e -> stopLab());
        visible(restart, lab.service(ServiceType.FASTAPI).isPresent());
        visible(stop, !lab.services().isEmpty());
        if (lab.services().isEmpty()) {
            start.setText("Set up workspace");
        }
        visible(solve, lab.hasSolution());
        busy.setId("lab-busy");
        busy.setMaxSize(20, 20);
        busyText.setId("lab-busy-text");
        busyText.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(8, start, check, restart, solve, stop, busy, busyText);
        for (Node node : bar.getChildren()) {
            if (node instanceof Button button) {
                button.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static VBox section(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TITLE_3);
        return new VBox(10, label, content);
    }

    // --- loading -------------------------------------------------------------------------------------------

    /** What a page shows once loaded; the run is null while the pack is not trusted. */
    private record Opened(LabRun run, Map<ServiceType, ServiceState> states,
                          Map<ServiceType, List<LogLine>> logs, Map<String, StoredCheck> latest) {
    }

    /** Reads the latest results and, when the pack is trusted, opens the lab's run (without starting it). */
    private void load() {
        if (!lab.services().isEmpty()) {
            host.worker().run(() -> labs.services().preflight(lab), this::showPreflight, this::problem);
        }
        host.worker().run(() -> {
            boolean isTrusted = labs.trusted();
            Map<String, StoredCheck> latest = labs.latestResults(lab.id());
            return isTrusted ? opened(labs.open(lab.id()), latest) : new Opened(null, Map.of(), Map.of(), latest);
        }, opened -> {
            showStored(opened.latest());
            attach(opened);
        }, this::problem);
    }

    /** Hears the run, then takes what it has said so far: the feed continues from there without a gap. */
    private Opened opened(LabRun labRun, Map<String, StoredCheck> latest) {
        labRun.addListener(feed);
        Map<ServiceType, ServiceState> states = new EnumMap<>(ServiceType.class);
        Map<ServiceType, List<LogLine>> logs = new EnumMap<>(ServiceType.class);
        for (LabService service : labRun.services()) {
            states.put(service.type(), service.state());
            logs.put(service.type(), service.logs(ServicePane.MAX_LINES));
        }
        return new Opened(labRun, states, logs, latest);
    }

    private void attach(Opened opened) {
        if (opened.run() == null) {
            updateButtons();
            return;
        }
        if (disposed) {
            opened.run().removeListener(feed);
            return;
        }
        run = opened.run();
        opened.states().forEach((type, state) -> {
            ServicePane pane = services.get(type);
            if (pane != null) {
                pane.showState(state);
            }
        });
        List<LogLine> shown = new ArrayList<>();
        opened.logs().forEach((type, lines) -> {
            ServicePane pane = services.get(type);
            if (pane != null) {
                pane.setLog(lines);
                shown.addAll(lines);
            }
        });
        feed.open(shown);
        updateButtons();
    }

    private void showStored(Map<String, StoredCheck> latest) {
        for (StoredCheck stored : latest.values()) {
            for (StepPane step : steps) {
                if (step.has(stored.checkId())) {
                    step.show(stored.checkId(), stored.status(), stored.message(), stored.at());
                }
            }
        }
        expandFirstOpenStep();
    }

    private void expandFirstOpenStep() {
        boolean expanded = false;
        for (StepPane step : steps) {
            boolean open = !expanded && !step.allPassed();
            step.expandGuide(open);
            expanded |= open;
        }
    }

    /** Stops hearing the run: the page is no longer shown. The lab's services keep running until stopped. */
    void dispose() {
        disposed = true;
        feed.close();
        if (run != null) {
            run.removeListener(feed);
        }
    }

    // --- live events ---------------------------------------------------------------------------------------

    private void statesChanged(Map<ServiceType, ServiceState> states) {
        states.forEach((type, state) -> {
            ServicePane pane = services.get(type);
            if (pane != null) {
                pane.showState(state);
            }
        });
        updateButtons();
    }

    private void pullsMoved(List<PullSnapshot> pulls) {
        ServicePane pane = services.get(ServiceType.OLLAMA);
        if (pane != null) {
            pulls.forEach(pane::showPull);
        }
    }

    private void linesArrived(ServiceType type, List<LogLine> lines) {
        ServicePane pane = services.get(type);
        if (pane != null) {
            pane.appendLog(lines);
        }
    }

    // --- actions ---------------------------------------------------------------------------------------------

    /** Starts the lab's services; the first time for this pack version, after the learner trusts it. */
    private void showPreflight(List<Unavailable> missing) {
        if (missing.isEmpty() || disposed) {
            return;
        }
        preflight.setTitle(missing.size() == 1 ? "Something this lab needs is missing here"
                : missing.size() + " things this lab needs are missing here");
        preflight.setDescription(String.join("\n\n", missing.stream().map(Unavailable::message).toList()));
        visible(preflight, true);
    }

    void start() {
        if (start.isDisabled() || disposed) {
            return;
        }
        // Start asks again and each service says where it stands.
        visible(preflight, false);
        if (run == null) {
            starting = true;
            updateButtons();
            host.worker().run(labs::trustRequest, request -> {
                starting = false;
                updateButtons();
                host.showDialog(trustDialog(request));
            }, this::failed);
            return;
        }
        starting = true;
        busy(services.isEmpty() ? "Setting up your workspace…" : "Starting " + serviceNames() + "…");
        host.worker().run(() -> labs.start(lab.id()).join(), done -> {
            starting = false;
            idle();
            started(done);
        }, this::failed);
    }

    private void started(LabRun done) {
        List<String> cannot = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (LabService service : done.services()) {
            ServiceStatus status = service.state().status();
            if (status == ServiceStatus.UNAVAILABLE) {
                cannot.add(service.name());
            } else if (status == ServiceStatus.FAILED) {
                failed.add(service.name());
            }
        }
        String workspace = done.workspaceReport().map(r -> " " + r.sentence()).orElse("");
        if (services.isEmpty()) {
            say(Styles.SUCCESS, "Your workspace is ready", workspace.strip() + " Work there, then press Check.");
        } else if (!failed.isEmpty()) {
            say(Styles.DANGER, "Not everything started", String.join(" and ", failed)
                    + " did not come up; its section below says why and what to do.");
        } else if (!cannot.isEmpty()) {
            say(Styles.WARNING, "Some services cannot run here", String.join(" and ", cannot)
                    + " cannot run on this computer as it is; its section below says what to install. The steps "
                    + "that do not need it can still be checked.");
        } else {
            say(Styles.SUCCESS, "The lab is running", "Work in your workspace, then press Check. "
                    + "Stop ends " + serviceNames() + " when you are done." + workspace);
        }
    }

    private Node trustDialog(TrustRequest request) {
        Card card = new Card();
        card.setId("trust-dialog");
        card.getStyleClass().add(Styles.ELEVATED_2);
        Label title = Labels.wrapped("Trust the labs of " + request.packId() + " " + request.packVersion() + "?",
                Styles.TITLE_3);
        card.setHeader(title);
        VBox body = new VBox(10);
        body.getChildren().add(Labels.wrapped("Before a lab runs anything on this computer, the workbench lists what "
                + "the labs of this pack version start and run. Everything binds to 127.0.0.1 and stops when you "
                + "stop the lab or quit the app. You are asked once per pack version."));
        VBox lists = new VBox(12, list("Containers it may start", request.containers(), "trust-containers"),
                list("Commands it runs", request.commands(), "trust-commands"));
        lists.setPadding(new Insets(4, 12, 4, 0));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(lists);
        scroll.setId("trust-lists");
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(300);
        scroll.setMaxHeight(340);
        body.getChildren().add(scroll);
        card.setBody(body);
        Button accept = new Button("Trust and start", new FontIcon(Feather.SHIELD));
        accept.setId("trust-accept");
        accept.getStyleClass().add(Styles.ACCENT);
        accept.setDefaultButton(true);
        accept.setOnAction(e -> {
            host.hideDialog();
            trustAndStart();
        });
        Button refuse = new Button("Not now");
        refuse.setId("trust-refuse");
        refuse.setCancelButton(true);
        refuse.setOnAction(e -> host.hideDialog());
        HBox buttons = new HBox(8, accept, refuse);
        card.setFooter(buttons);
        return dialog(card, accept);
    }

    private static VBox list(String title, List<String> lines, String id) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        VBox items = new VBox(2);
        items.setId(id);
        if (lines.isEmpty()) {
            items.getChildren().add(Labels.wrapped("none", Styles.TEXT_MUTED));
        }
        for (String line : lines) {
            items.getChildren().add(Labels.wrapped("• " + line, "code-line"));
        }
        return new VBox(4, label, items);
    }

    private void trustAndStart() {
        starting = true;
        busy("Trusting this pack version…");
        host.worker().run(() -> {
            labs.trust();
            // The page already shows the latest results; only the run is new.
            return opened(labs.open(lab.id()), Map.of());
        }, opened -> {
            starting = false;
            idle();
            attach(opened);
            start();
        }, this::failed);
    }

    /** Runs every check of the lab, or one step's, against the running services. */
    void check(Optional<String> stepId) {
        if (checking || disposed) {
            return;
        }
        checking = true;
        steps.forEach(s -> s.setChecking(true));
        busy(stepId.map(id -> "Checking the step…").orElse("Checking the lab…"));
        host.worker().run(() -> labs.check(lab.id(), stepId), report -> {
            checking = false;
            steps.forEach(s -> s.setChecking(false));
            idle();
            checked(report);
        }, sentence -> {
            checking = false;
            steps.forEach(s -> s.setChecking(false));
            failed(sentence);
        });
    }

    private void checked(LabCheckReport report) {
        int passed = 0;
        int total = 0;
        for (LabCheckReport.StepResults results : report.steps()) {
            for (StepPane step : steps) {
                if (step.step().id().equals(results.step().id())) {
                    for (CheckResult result : results.results()) {
                        step.show(result.checkId(), result.status(), result.message(), result.at());
                        total++;
                        if (result.passed()) {
                            passed++;
                        }
                    }
                }
            }
        }
        expandFirstOpenStep();
        showProgress(report.progress());
        host.progressChanged(lab.id(), report.progress());
        String scope = report.steps().size() == 1 && lab.steps().size() > 1 ? " of this step" : "";
        if (!report.missingServices().isEmpty()) {
            say(Styles.WARNING, passed + " of " + total + " checks" + scope + " pass",
                    "Some checks need " + String.join(" and ", report.missingServices().stream()
                            .map(id -> ServicePane.name(ServiceType.fromId(id))).toList())
                            + ", which is not running: press Start (or see its section for what is missing).");
        } else if (report.allPassed()) {
            String marked = report.marked().isEmpty() ? "" : " Marked done in the curriculum: "
                    + String.join(", ", report.marked()) + ".";
            say(Styles.SUCCESS, total == 1 ? "The check passes" : "All " + total + " checks" + scope + " pass",
                    (report.progress().complete() ? "You finished this lab." : "Well done.") + marked);
        } else {
            say(Styles.WARNING, passed + " of " + total + " checks" + scope + " pass",
                    "Each failing check below says what to do next.");
        }
        if (!report.marked().isEmpty()) {
            host.session().refreshProgress();
        }
    }

    private void restartFastApi() {
        if (run == null) {
            return;
        }
        starting = true;
        busy("Restarting FastAPI…");
        LabRun current = run;
        host.worker().run(() -> current.restart(ServiceType.FASTAPI).join(), state -> {
            starting = false;
            idle();
            say(state.running() ? Styles.SUCCESS : Styles.DANGER, state.running() ? "FastAPI restarted"
                    : "FastAPI did not come back", state.message());
        }, this::failed);
    }

    private void askSolve() {
        Card card = new Card();
        card.setId("solve-dialog");
        card.getStyleClass().add(Styles.ELEVATED_2);
        card.setHeader(Labels.wrapped("Reveal the reference solution?", Styles.TITLE_3));
        Path workspace = labs.services().workspace(lab.id());
        card.setBody(new VBox(10,
                Labels.wrapped("The workbench copies this lab's reference solution into your workspace, " + workspace
                        + ". Files of yours that it replaces are first moved to .workbench-backup/<time>/ in the "
                        + "workspace, so nothing is lost. A running FastAPI service reloads with the new files."),
                Labels.wrapped("Try the steps yourself first if you can: each failing check says what it needs.",
                        Styles.TEXT_MUTED)));
        Button confirm = new Button("Reveal solution", new FontIcon(Feather.EYE));
        confirm.setId("solve-confirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setOnAction(e -> {
            host.hideDialog();
            applySolution();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("solve-cancel");
        cancel.setCancelButton(true);
        cancel.setDefaultButton(true);
        cancel.setOnAction(e -> host.hideDialog());
        card.setFooter(new HBox(8, confirm, cancel));
        host.showDialog(dialog(card, cancel));
    }

    private void applySolution() {
        solving = true;
        busy("Copying the reference solution…");
        host.worker().run(() -> labs.solve(lab.id()), report -> {
            solving = false;
            idle();
            solved(report);
        }, sentence -> {
            solving = false;
            failed(sentence);
        });
    }

    private void solved(SolveReport report) {
        solveReport.getChildren().clear();
        Label title = new Label("Reference solution applied", new FontIcon(Feather.EYE));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        solveReport.getChildren().add(title);
        if (report.written().isEmpty()) {
            solveReport.getChildren().add(Labels.wrapped("Your workspace already had every file of the solution; "
                    + "nothing was written."));
        } else {
            solveReport.getChildren().add(Labels.wrapped("Wrote " + files(report.written().size()) + " into "
                    + report.workspace() + ":"));
            solveReport.getChildren().add(fileList(report.written(), "solve-written"));
        }
        if (report.backedUp().isEmpty()) {
            solveReport.getChildren().add(Labels.wrapped("No file of yours was replaced.", Styles.TEXT_MUTED));
        } else {
            solveReport.getChildren().add(Labels.wrapped("Your previous " + (report.backedUp().size() == 1
                    ? "version is" : "versions are") + " kept in " + report.backup() + ":"));
            solveReport.getChildren().add(fileList(report.backedUp(), "solve-backed-up"));
        }
        solveReport.getChildren().add(Labels.wrapped(run != null && run.ready(ServiceType.FASTAPI)
                ? "FastAPI reloads with the new files; press Check to see the result."
                : "Press Check to see the result.", Styles.TEXT_MUTED));
        visible(solveReport, true);
        visible(notice, false);
    }

    private static VBox fileList(List<String> files, String id) {
        VBox box = new VBox(2);
        box.setId(id);
        files.forEach(f -> box.getChildren().add(Labels.wrapped("• " + f, "code-line")));
        return box;
    }

    private static String files(int n) {
        return n == 1 ? "1 file" : n + " files";
    }

    private void stopLab() {
        stopping = true;
        busy("Stopping " + serviceNames() + "…");
        host.worker().run(() -> {
            labs.stop(lab.id()).join();
            return true;
        }, done -> {
            stopping = false;
            idle();
            say(Styles.SUCCESS, "The lab is stopped", "Nothing of " + serviceNames()
                    + " is left running. Your workspace and results stay.");
        }, this::failed);
    }

    // --- state of the page -----------------------------------------------------------------------------------

    private void showProgress(LabProgress progress) {
        String weeks = LabsView.weeks(lab.weeks());
        progressText.setText((weeks.isEmpty() ? "" : weeks + " · ") + "lab: " + progress.label());
    }

    private String serviceNames() {
        List<String> names = services.keySet().stream().map(ServicePane::name).toList();
        return names.isEmpty() ? "the lab" : String.join(" and ", names);
    }

    private boolean anyActive() {
        return services.values().stream().anyMatch(p -> p.state().status().active());
    }

    private boolean allRunning() {
        return !services.isEmpty() && services.values().stream().allMatch(p -> p.state().running());
    }

    private void updateButtons() {
        boolean lifecycle = starting || stopping;
        start.setDisable(lifecycle || allRunning() || anyStarting());
        stop.setDisable(lifecycle || run == null || !anyActive());
        ServicePane fastapi = services.get(ServiceType.FASTAPI);
        restart.setDisable(lifecycle || run == null || fastapi == null
                || !(fastapi.state().running() || fastapi.state().status() == ServiceStatus.FAILED));
        check.setDisable(checking);
        solve.setDisable(solving);
    }

    private boolean anyStarting() {
        return services.values().stream().anyMatch(p -> p.state().status() == ServiceStatus.STARTING);
    }

    private void busy(String text) {
        busyText.setText(text);
        visible(busy, true);
        visible(busyText, true);
        updateButtons();
    }

    private void idle() {
        if (!(starting || stopping || checking || solving)) {
            visible(busy, false);
            visible(busyText, false);
        }
        updateButtons();
    }

    private void failed(String sentence) {
        starting = false;
        stopping = false;
        solving = false;
        idle();
        problem(sentence);
    }

    private void problem(String sentence) {
        say(Styles.DANGER, "That did not work", sentence);
    }

    private void say(String style, String title, String text) {
        notice.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.ACCENT);
        notice.getStyleClass().add(style);
        notice.setTitle(title);
        notice.setDescription(text);
        notice.setGraphic(new FontIcon(style.equals(Styles.SUCCESS) ? Feather.CHECK_CIRCLE
                : style.equals(Styles.DANGER) ? Feather.ALERT_OCTAGON : Feather.ALERT_TRIANGLE));
        visible(notice, true);
    }

    private static VBox dialog(Card card, Button focus) {
        VBox box = new VBox(card);
        box.setMaxSize(720, Region.USE_PREF_SIZE);
        box.setPadding(new Insets(24));
        box.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                javafx.application.Platform.runLater(focus::requestFocus);
            }
        });
        return box;
    }

    private static void visible(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
