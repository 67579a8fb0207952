package dev.aiworkbench.ui.settings;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.ui.common.FocusableScreen;
import dev.aiworkbench.ui.common.ThemeChoice;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
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

/**
 * Theme, the plan's start date and weekly hours, the Ollama server's address, the model providers, the price table
 * the playground quotes costs from, the curriculum packs, observability (metrics, spans, retention, budgets), where the
 * data lives and its backups.
 */
public final class SettingsView extends ScrollPane implements FocusableScreen {
    private final SettingsViewModel model;
    private final ComboBox<ThemeChoice> theme = new ComboBox<>();
    private final DatePicker start = new DatePicker();
    private final Spinner<Double> hours = new Spinner<>(1.0, 60.0, 12.0, 0.5);
    private final ChangeListener<ThemeChoice> showTheme = (obs, was, now) -> theme.setValue(now);

    /**
     * @param serverAddress the Models screen's form for the Ollama server's address
     * @param prices        the Models screen's editor for the price table
     * @param providers     the model providers with their keys, add, remove and test connection
     * @param packs         the built-in and installed packs with install, use and remove
     * @param backups       the list of database backups with its actions
     * @param observability /metrics, span export, retention of call records and the budgets
     */
    public SettingsView(SettingsViewModel model, Node serverAddress, Node prices, Node providers, Node packs,
                        Node backups, Node observability) {
        this.model = model;
        setId("settings");
        setFitToWidth(true);
        VBox body = new VBox(24);
        body.setPadding(new Insets(24, 32, 32, 32));
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        body.getChildren().add(title);

        theme.setId("theme-choice");
        theme.getItems().setAll(ThemeChoice.values());
        theme.setValue(model.theme().getValue());
        // The app's theme outlives this view (a switch of pack builds Settings again), so it holds the view weakly.
        model.theme().addListener(new WeakChangeListener<>(showTheme));
        theme.setOnAction(e -> model.chooseTheme(theme.getValue()));
        body.getChildren().add(section("Appearance", form(new Object[][] {{"Theme", theme}})));

        if (model.hasPlan()) {
            body.getChildren().add(section("Plan", plan()));
        }
        body.getChildren().add(section("Local models", serverAddress));
        body.getChildren().add(section("Providers", providers));
        body.getChildren().add(section("Prices", prices));
        body.getChildren().add(section("Packs", packs));
        body.getChildren().add(section("Observability", observability));
        body.getChildren().add(section("Data", data()));
        body.getChildren().add(section("Backups", backups));
        setContent(body);
    }

    private Node plan() {
        start.setId("plan-start");
        hours.setId("plan-hours");
        hours.setEditable(true);
        hours.setPrefWidth(110);
        Button save = new Button("Save plan", new FontIcon(Feather.CALENDAR));
        save.setId("save-plan");
        save.getStyleClass().add(Styles.ACCENT);
        Label plannedFinish = new Label();
        plannedFinish.setId("planned-finish");
        plannedFinish.textProperty().bind(model.plannedFinishProperty());
        Label planStatus = new Label();
        planStatus.getStyleClass().add(Styles.TEXT_MUTED);
        planStatus.textProperty().bind(model.planStatusProperty());
        start.setValue(model.planStartProperty().get());
        model.planStartProperty().addListener((obs, was, now) -> start.setValue(now));
        showHours(model.planHoursProperty().get());
        model.planHoursProperty().addListener((obs, was, now) -> showHours(now));
        save.setOnAction(e -> model.savePlan(start.getValue(), typedHours()));
        Label hint = new Label("The plan dates each week by its estimated hours at your weekly budget, so fewer hours "
                + "a week stretch the calendar rather than the work.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(12, form(new Object[][] {{"Start date", start}, {"Hours per week", hours},
                {"Planned finish", plannedFinish}}), new HBox(12, save, planStatus), hint);
    }

    private void showHours(Double value) {
        if (value != null) {
            hours.getValueFactory().setValue(value);
        }
    }

    /** The hours typed into the field (the spinner takes typed text only when asked); null when not a number. */
    private Double typedHours() {
        try {
            hours.increment(0);
            return hours.getValue();
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }

    private Node data() {
        Path folder = model.dataFolder().path();
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
        Label packLabel = new Label(model.packDescription());
        packLabel.setWrapText(true);
        return form(new Object[][] {
                {"Data folder", new HBox(8, path, copy)},
                {"Chosen by", new Label(model.dataFolder().source())},
                {"Database", new Label(model.dataFolder().database().toString())},
                {"Logs", new Label(model.dataFolder().logs().toString())},
                {"Curriculum", packLabel},
                {"Version", new Label(model.version())}});
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
