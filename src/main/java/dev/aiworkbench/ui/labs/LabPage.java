package dev.aiworkbench.ui.labs;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.ui.common.LinkOpener;
import dev.aiworkbench.ui.common.Labels;
import javafx.beans.property.ReadOnlyBooleanProperty;
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

import java.time.ZoneId;
import java.util.List;

/**
 * One lab: its summary and progress, Start / Check / Restart / Reveal solution / Stop, its services (state,
 * addresses, live log) and its steps with their checks and guides. What it shows and does is
 * {@link LabPageViewModel}'s; this builds and binds controls and asks the questions (trust, reveal) over the screen.
 */
final class LabPage extends VBox {
    private final LabPageViewModel model;
    private final ModalPane dialogs;
    private final Message notice = new Message();
    private final VBox solveReport = new VBox(6);

    LabPage(LabPageViewModel model, ModalPane dialogs, ZoneId zone, LinkOpener links) {
        this.model = model;
        this.dialogs = dialogs;
        LabDefinition lab = model.lab();
        setId("lab-page");
        getStyleClass().add("page");
        setSpacing(20);
        setPadding(new Insets(24, 32, 32, 32));

        Label title = Labels.wrapped(lab.title(), Styles.TITLE_2);
        title.setId("lab-title");
        Label progressText = new Label();
        progressText.setId("lab-progress");
        progressText.getStyleClass().add(Styles.TEXT_MUTED);
        progressText.textProperty().bind(model.progressTextProperty());
        Label summary = Labels.wrapped(lab.summary());
        summary.setId("lab-summary");
        getChildren().add(new VBox(6, title, progressText, summary, workspaceRow()));

        getChildren().add(toolbar(lab));
        notice.setId("lab-notice");
        solveReport.setId("solve-report");
        solveReport.getStyleClass().add("solve-report");
        Message preflight = new Message();
        preflight.setId("lab-preflight");
        preflight.getStyleClass().add(Styles.WARNING);
        preflight.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        getChildren().addAll(preflight, notice, solveReport);
        Watch.value(model.preflightProperty(), missing -> {
            if (missing != null) {
                preflight.setTitle(missing.title());
                preflight.setDescription(missing.text());
            }
            Watch.visible(preflight, missing != null);
        });
        Watch.value(model.noticeProperty(), this::say);
        Watch.value(model.solutionProperty(), this::showSolution);
        Watch.value(model.trustRequestProperty(), request -> {
            if (request != null) {
                dialogs.show(LabDialogs.trust(request, () -> {
                    dialogs.hide(true);
                    model.trustAndStart();
                }, () -> {
                    dialogs.hide(true);
                    model.refuseTrust();
                }));
            }
        });

        VBox servicesBox = new VBox(12);
        servicesBox.setId("lab-services");
        for (ServiceViewModel service : model.services()) {
            ServicePane pane = new ServicePane(service.type(), zone);
            pane.bind(service);
            servicesBox.getChildren().add(pane);
        }
        if (!servicesBox.getChildren().isEmpty()) {
            getChildren().add(section("Services", servicesBox));
        }

        VBox stepsBox = new VBox(24);
        stepsBox.setId("lab-steps");
        for (StepViewModel step : model.steps()) {
            stepsBox.getChildren().add(new StepPane(step, zone, links, () -> model.checkStep(step.step().id()),
                    model.canCheckProperty()));
        }
        getChildren().add(section("Steps", stepsBox));
    }

    private HBox workspaceRow() {
        Label label = new Label("Your workspace");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(Region.USE_PREF_SIZE);
        TextField path = new TextField(model.workspace().toString());
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

    private HBox toolbar(LabDefinition lab) {
        Button start = button(lab.services().isEmpty() ? "Set up workspace" : "Start", Feather.PLAY, "lab-start",
                model.canStartProperty(), model::start);
        start.getStyleClass().add(Styles.ACCENT);
        Button check = button("Check all", Feather.CHECK_SQUARE, "lab-check", model.canCheckProperty(),
                model::checkAll);
        Button restart = button("Restart FastAPI", Feather.ROTATE_CW, "lab-restart", model.canRestartProperty(),
                model::restartFastApi);
        Button solve = button("Reveal solution…", Feather.EYE, "lab-solve", model.canSolveProperty(),
                this::askSolve);
        Button stop = button("Stop", Feather.SQUARE, "lab-stop", model.canStopProperty(), model::stop);
        stop.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        Watch.visible(restart, lab.service(ServiceType.FASTAPI).isPresent());
        Watch.visible(stop, !lab.services().isEmpty());
        Watch.visible(solve, lab.hasSolution());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("lab-busy");
        busy.setMaxSize(20, 20);
        Label busyText = new Label();
        busyText.setId("lab-busy-text");
        busyText.getStyleClass().add(Styles.TEXT_MUTED);
        busyText.textProperty().bind(model.busyTextProperty());
        for (Node node : List.of(busy, busyText)) {
            node.visibleProperty().bind(model.busyProperty());
            node.managedProperty().bind(model.busyProperty());
        }
        HBox bar = new HBox(8, start, check, restart, solve, stop, busy, busyText);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Button button(String text, Feather icon, String id, ReadOnlyBooleanProperty enabled,
                                 Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.disableProperty().bind(enabled.not());
        button.setOnAction(e -> action.run());
        return button;
    }

    private static VBox section(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TITLE_3);
        return new VBox(10, label, content);
    }

    private void askSolve() {
        dialogs.show(LabDialogs.revealSolution(model.workspace(), () -> {
            dialogs.hide(true);
            model.revealSolution();
        }, () -> dialogs.hide(true)));
    }

    private void showSolution(SolutionReveal reveal) {
        solveReport.getChildren().clear();
        Watch.visible(solveReport, reveal != null);
        if (reveal == null) {
            return;
        }
        Label title = new Label("Reference solution applied", new FontIcon(Feather.EYE));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        solveReport.getChildren().addAll(title, Labels.wrapped(reveal.writtenSentence()));
        if (!reveal.report().written().isEmpty()) {
            solveReport.getChildren().add(fileList(reveal.report().written(), "solve-written"));
        }
        if (reveal.report().backedUp().isEmpty()) {
            solveReport.getChildren().add(Labels.wrapped(reveal.backedUpSentence(), Styles.TEXT_MUTED));
        } else {
            solveReport.getChildren().addAll(Labels.wrapped(reveal.backedUpSentence()),
                    fileList(reveal.report().backedUp(), "solve-backed-up"));
        }
        solveReport.getChildren().add(Labels.wrapped(reveal.nextStep(), Styles.TEXT_MUTED));
    }

    private static VBox fileList(List<String> files, String id) {
        VBox box = new VBox(2);
        box.setId(id);
        files.forEach(f -> box.getChildren().add(Labels.wrapped("• " + f, "code-line")));
        return box;
    }

    private void say(Notice said) {
        Watch.visible(notice, said != null);
        if (said == null) {
            return;
        }
        String style = switch (said.tone()) {
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        };
        notice.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.ACCENT);
        notice.getStyleClass().add(style);
        notice.setTitle(said.title());
        notice.setDescription(said.text());
        notice.setGraphic(new FontIcon(switch (said.tone()) {
            case SUCCESS -> Feather.CHECK_CIRCLE;
            case DANGER -> Feather.ALERT_OCTAGON;
            case WARNING -> Feather.ALERT_TRIANGLE;
        }));
    }
}
