package dev.aiworkbench.ui.labs;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.services.ImagePullSnapshot;
import dev.aiworkbench.labs.services.LogLine;
import dev.aiworkbench.labs.services.PullSnapshot;
import dev.aiworkbench.labs.services.ServiceState;
import dev.aiworkbench.labs.services.ServiceStatus;
import dev.aiworkbench.ui.common.Labels;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One service of the lab: its state in words (and, when it cannot run here, what is missing and how to install
 * it), where it answers (each address copyable), a Python snippet to connect (Qdrant), and its live log (the last
 * {@link ServiceViewModel#MAX_LINES} lines).
 */
final class ServicePane extends VBox {
    private final String id;
    private final Label status = new Label();
    private final Label runner = new Label();
    private final Label sentence = Labels.wrapped("");
    private final Message fix = new Message();
    private final GridPane addresses = new GridPane();
    private final VBox snippetBox = new VBox(6);
    private final TextArea snippet = new TextArea();
    private final ListView<LogLine> log = new ListView<>();
    private final ProgressBar pullBar = new ProgressBar();
    private final Label pullText = new Label();
    private final VBox pullBox = new VBox(4, pullText, pullBar);
    private final DateTimeFormatter times;
    private ServiceState shown;

    ServicePane(ServiceType type, ZoneId zone) {
        this.id = type.id();
        this.times = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        setId("service-" + id);
        getStyleClass().add("service-pane");
        setSpacing(8);

        Label name = new Label(ServiceViewModel.name(type));
        name.getStyleClass().add(Styles.TITLE_4);
        status.setId("service-status-" + id);
        status.getStyleClass().add("service-badge");
        status.setMinWidth(Region.USE_PREF_SIZE);
        runner.setId("service-runner-" + id);
        runner.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox header = new HBox(10, name, status, runner);
        header.setAlignment(Pos.CENTER_LEFT);

        sentence.setId("service-sentence-" + id);
        fix.setId("service-fix-" + id);
        fix.setGraphic(new FontIcon(Feather.TOOL));
        Watch.visible(fix, false);

        addresses.setId("service-addresses-" + id);
        addresses.setHgap(8);
        addresses.setVgap(6);

        snippet.setId("snippet-" + id);
        snippet.setEditable(false);
        snippet.getStyleClass().add("code-text");
        snippet.setPrefRowCount(5);
        Button copySnippet = copyButton("Copy snippet", () -> snippet.getText());
        copySnippet.setId("copy-snippet-" + id);
        Label snippetTitle = new Label("Connect from Python");
        snippetTitle.getStyleClass().add(Styles.TEXT_BOLD);
        HBox snippetHeader = new HBox(12, snippetTitle, copySnippet);
        snippetHeader.setAlignment(Pos.CENTER_LEFT);
        snippetBox.getChildren().addAll(snippetHeader, snippet);
        Watch.visible(snippetBox, false);

        log.setId("log-" + id);
        log.getStyleClass().add("service-log");
        log.setPrefHeight(180);
        log.setFocusTraversable(true);
        log.setCellFactory(list -> new LineCell());
        Label empty = new Label("No log yet. Start the lab to see what " + ServiceViewModel.name(type) + " says.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        log.setPlaceholder(empty);
        Label logTitle = new Label("Log");
        logTitle.getStyleClass().add(Styles.TEXT_BOLD);

        pullBox.setId("pull-" + id);
        pullText.setId("pull-text-" + id);
        pullBar.setId("pull-bar-" + id);
        pullBar.setMaxWidth(Double.MAX_VALUE);
        Watch.visible(pullBox, false);

        getChildren().addAll(header, sentence, fix, pullBox, addresses, snippetBox, new VBox(4, logTitle, log));
        showState(ServiceState.notStarted(type));
    }

    /** Shows the service's state, pulls and log as the view model has them, now and as they change. */
    void bind(ServiceViewModel model) {
        Watch.value(model.stateProperty(), this::showState);
        Watch.value(model.pullProperty(), pull -> {
            if (pull != null) {
                showPull(pull);
            }
        });
        Watch.value(model.imagePullProperty(), pull -> {
            if (pull != null) {
                showImagePull(pull);
            }
        });
        log.setItems(model.log());
        log.scrollTo(log.getItems().size() - 1);
        model.log().addListener((ListChangeListener<LogLine>) change -> log.scrollTo(log.getItems().size() - 1));
    }

    /** A model pull's progress; the bar goes once the service has settled. */
    void showPull(PullSnapshot pull) {
        if (shown != null && shown.status() != ServiceStatus.STARTING) {
            return;
        }
        pullText.setText(pull.describe());
        pullBar.setProgress(pull.fraction().orElse(ProgressBar.INDETERMINATE_PROGRESS));
        Watch.visible(pullBox, true);
    }

    /** An image download's progress (layers and bytes); the bar goes once the service has settled. */
    void showImagePull(ImagePullSnapshot pull) {
        if (shown != null && shown.status() != ServiceStatus.STARTING) {
            return;
        }
        pullText.setText(pull.describe());
        pullBar.setProgress(pull.phase() == ImagePullSnapshot.Phase.DONE ? 1
                : pull.fraction().orElse(ProgressBar.INDETERMINATE_PROGRESS));
        Watch.visible(pullBox, true);
    }

    void showState(ServiceState state) {
        ServiceState before = shown;
        if (state.status() != ServiceStatus.STARTING) {
            Watch.visible(pullBox, false);
        }
        shown = state;
        status.setText(word(state.status()));
        status.getStyleClass().removeIf(c -> c.startsWith("service-badge-"));
        status.getStyleClass().add("service-badge-" + state.status().name().toLowerCase(Locale.ROOT));
        runner.setText(state.runner());
        sentence.setText(state.sentence());
        if (state.fix().isPresent()) {
            boolean problem = state.status() == ServiceStatus.UNAVAILABLE || state.status() == ServiceStatus.FAILED;
            fix.setTitle(switch (state.status()) {
                case UNAVAILABLE -> "Missing on this computer";
                case FAILED -> "What to do";
                default -> "Note";
            });
            fix.setDescription(state.fix().get());
            fix.getStyleClass().removeAll(Styles.WARNING, Styles.DANGER);
            fix.getStyleClass().add(problem && state.status() == ServiceStatus.FAILED ? Styles.DANGER : Styles.WARNING);
            Watch.visible(fix, true);
        } else {
            Watch.visible(fix, false);
        }
        if (before == null || !before.addresses().equals(state.addresses())) {
            addresses.getChildren().clear();
            List<ServiceState.Address> list = state.addresses();
            for (int i = 0; i < list.size(); i++) {
                ServiceState.Address address = list.get(i);
                Label label = new Label(address.label());
                label.setMinWidth(Region.USE_PREF_SIZE);
                label.getStyleClass().add(Styles.TEXT_MUTED);
                TextField value = new TextField(address.value());
                value.setId("address-" + id + "-" + i);
                value.setEditable(false);
                value.setPrefColumnCount(32);
                value.getStyleClass().add("code-text");
                label.setLabelFor(value);
                Button copy = copyButton("Copy", value::getText);
                copy.setId("copy-address-" + id + "-" + i);
                copy.setAccessibleText("Copy the " + address.label() + " address");
                addresses.addRow(i, label, value, copy);
                GridPane.setHgrow(value, Priority.SOMETIMES);
            }
        }
        Watch.visible(addresses, !state.addresses().isEmpty());
        snippet.setText(state.snippet().orElse(""));
        snippet.setPrefRowCount((int) Math.min(10, Math.max(3, snippet.getText().lines().count())));
        Watch.visible(snippetBox, state.snippet().isPresent());
    }

    private static String word(ServiceStatus status) {
        return switch (status) {
            case STARTING -> "starting";
            case RUNNING -> "running";
            case STOPPED -> "stopped";
            case UNAVAILABLE -> "cannot run here";
            case FAILED -> "failed";
        };
    }

    private static Button copyButton(String text, java.util.function.Supplier<String> value) {
        Button copy = new Button(text, new FontIcon(Feather.COPY));
        copy.getStyleClass().add(Styles.SMALL);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setTooltip(new Tooltip("Copy to the clipboard"));
        PauseTransition reset = new PauseTransition(Duration.seconds(1.5));
        reset.setOnFinished(e -> copy.setText(text));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value.get());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
            reset.playFromStart();
        });
        return copy;
    }

    private final class LineCell extends ListCell<LogLine> {
        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().remove("log-workbench");
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(times.format(line.at()) + "  " + line.text());
            if (line.source() == LogLine.Source.WORKBENCH) {
                getStyleClass().add("log-workbench");
            }
        }
    }
}
