package dev.aiworkbench.ui.settings;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.progress.PlanSettings;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.Schedule;
import dev.aiworkbench.ui.Session;
import dev.aiworkbench.ui.ThemeChoice;
import dev.aiworkbench.ui.models.OllamaAddress;
import dev.aiworkbench.ui.models.PriceTableEditor;
import dev.aiworkbench.ui.models.PriceTableViewModel;
import dev.aiworkbench.ui.models.ServerAddressForm;
import dev.aiworkbench.ui.models.ServerAddressViewModel;
import dev.aiworkbench.ui.shell.FocusableScreen;
import dev.aiworkbench.ui.tasks.FxTaskExecutor;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Theme, the plan's start date and weekly hours, the Ollama server's address, the price table the
 * playground quotes costs from, and where the data lives.
 */
public final class SettingsView extends ScrollPane implements FocusableScreen {
    private final ComboBox<ThemeChoice> theme = new ComboBox<>();
    private final DatePicker start = new DatePicker();
    private final Spinner<Double> hours = new Spinner<>(1.0, 60.0, 12.0, 0.5);
    private final Label plannedFinish = new Label();
    private final Label planStatus = new Label();

    public SettingsView(Session session, ObservableValue<ThemeChoice> currentTheme, Consumer<ThemeChoice> applyTheme) {
        setId("settings");
        setFitToWidth(true);
        VBox body = new VBox(24);
        body.setPadding(new Insets(24, 32, 32, 32));
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        body.getChildren().add(title);

        theme.setId("theme-choice");
        theme.getItems().setAll(ThemeChoice.values());
        theme.setValue(currentTheme.getValue());
        currentTheme.addListener((obs, was, now) -> theme.setValue(now));
        theme.setOnAction(e -> {
            if (theme.getValue() != null && theme.getValue() != currentTheme.getValue()) {
                applyTheme.accept(theme.getValue());
            }
        });
        body.getChildren().add(section("Appearance", form(new Object[][] {{"Theme", theme}})));

        if (session.pack().isPresent()) {
            body.getChildren().add(section("Plan", plan(session)));
        }
        body.getChildren().add(section("Local models", new ServerAddressForm(new ServerAddressViewModel(new OllamaAddress(
                session.workbench()::ollamaEndpoint, session.workbench()::savedOllamaUrl, session.workbench()::setOllamaUrl),
                session.serverStatusProperty(), session::recheckServer, FxTaskExecutor.serial("workbench-ollama-address")))));
        body.getChildren().add(section("Prices", new PriceTableEditor(new PriceTableViewModel(session.workbench().prices(),
                FxTaskExecutor.serial("workbench-prices")))));
        body.getChildren().add(section("Data", data(session)));
        setContent(body);
    }

    private Node plan(Session session) {
        start.setId("plan-start");
        hours.setId("plan-hours");
        hours.setEditable(true);
        hours.setPrefWidth(110);
        Button save = new Button("Save plan", new FontIcon(Feather.CALENDAR));
        save.setId("save-plan");
        save.getStyleClass().add(Styles.ACCENT);
        plannedFinish.setId("planned-finish");
        planStatus.getStyleClass().add(Styles.TEXT_MUTED);
        show(session.snapshot(), session);
        session.snapshotProperty().addListener((obs, was, now) -> show(now, session));
        save.setOnAction(e -> {
            try {
                hours.increment(0);
                session.setPlan(new PlanSettings(start.getValue(), hours.getValue()));
                planStatus.setText("Saved");
            } catch (IllegalArgumentException | NullPointerException ex) {
                planStatus.setText("Choose a start date and between 1 and 60 hours a week.");
            }
        });
        Label hint = new Label("The plan dates each week by its estimated hours at your weekly budget, so fewer hours "
                + "a week stretch the calendar rather than the work.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(12, form(new Object[][] {{"Start date", start}, {"Hours per week", hours},
                {"Planned finish", plannedFinish}}), new HBox(12, save, planStatus), hint);
    }

    private void show(ProgressSnapshot snapshot, Session session) {
        if (snapshot == null) {
            return;
        }
        start.setValue(snapshot.plan().startDate());
        hours.getValueFactory().setValue(snapshot.plan().hoursPerWeek());
        session.pack().ifPresent(pack -> plannedFinish.setText(Schedule.of(pack, snapshot.plan()).plannedFinish().toString()));
    }

    private Node data(Session session) {
        Path folder = session.workbench().dataFolder().path();
        TextField path = new TextField(folder.toString());
        path.setId("data-folder");
        path.setEditable(false);
        path.setPrefColumnCount(40);
        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("copy-data-folder");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(folder.toString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        InstalledPack pack = session.installedPack();
        String packText = pack.pack().map(p -> p.info().title() + " (" + p.id() + " " + p.info().version() + ")")
                .orElse("none could be read") + " from " + pack.source()
                + (pack.result().problems().isEmpty() ? "" : ", " + pack.result().problems().size() + " problem(s)");
        Label packLabel = new Label(packText);
        packLabel.setWrapText(true);
        return form(new Object[][] {
                {"Data folder", new HBox(8, path, copy)},
                {"Chosen by", new Label(session.workbench().dataFolder().source())},
                {"Database", new Label(session.workbench().dataFolder().database().toString())},
                {"Logs", new Label(session.workbench().dataFolder().logs().toString())},
                {"Curriculum", packLabel},
                {"Version", new Label(AppInfo.NAME + " " + AppInfo.version())}});
    }

    private static GridPane form(Object[][] rows) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        for (int i = 0; i < rows.length; i++) {
            Label label = new Label((String) rows[i][0]);
            label.getStyleClass().add(Styles.TEXT_MUTED);
            Node field = (Node) rows[i][1];
            if (field instanceof javafx.scene.control.Control control && !(field instanceof Label)) {
                label.setLabelFor(control);
            }
            grid.addRow(i, label, field);
        }
        return grid;
    }

    private static VBox section(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TITLE_4);
        return new VBox(10, label, content);
    }

    @Override
    public void focusFirst() {
        theme.requestFocus();
    }
}
