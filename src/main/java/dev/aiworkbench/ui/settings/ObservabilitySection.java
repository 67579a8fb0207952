package dev.aiworkbench.ui.settings;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.ui.common.ConfirmRow;
import dev.aiworkbench.ui.common.Labels;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Settings > Observability: /metrics, span export, how long calls are kept, and the budgets. */
public final class ObservabilitySection extends VBox {

    public ObservabilitySection(ObservabilitySettingsViewModel model, BudgetsEditorViewModel budgets) {
        super(18);
        setId("observability-settings");
        getChildren().addAll(metrics(model), spans(model), retention(model), subheading("Budgets"),
                new BudgetsEditor(budgets));
        model.load();
        budgets.load();
    }

    private static VBox metrics(ObservabilitySettingsViewModel model) {
        CheckBox on = new CheckBox("Serve /metrics on 127.0.0.1, port");
        on.setId("metrics-on");
        TextField port = new TextField();
        port.setId("metrics-port");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(model.metricsPortProperty());
        port.disableProperty().bind(model.metricsOnProperty());
        // The box shows what runs, not what was clicked: a taken port leaves it unticked.
        model.metricsOnProperty().addListener((obs, was, now) -> on.setSelected(now));
        on.setOnAction(e -> {
            boolean wanted = on.isSelected();
            on.setSelected(model.metricsOnProperty().get());
            model.setMetrics(wanted);
        });
        Label status = status("metrics-status", model.metricsStatusProperty());
        HBox row = new HBox(8, on, port);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, subheading("Prometheus"), row, status);
    }

    private static VBox spans(ObservabilitySettingsViewModel model) {
        TextField endpoint = new TextField();
        endpoint.setId("otlp-endpoint");
        endpoint.setPromptText("http://localhost:4318 (empty: off)");
        endpoint.setPrefColumnCount(28);
        endpoint.textProperty().bindBidirectional(model.otlpEndpointProperty());
        endpoint.setOnAction(e -> model.saveOtlp());
        Button save = new Button("Save", new FontIcon(Feather.SEND));
        save.setId("save-otlp");
        save.setOnAction(e -> model.saveOtlp());
        HBox row = new HBox(8, new Label("OTLP/HTTP collector"), endpoint, save);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, subheading("OpenTelemetry spans"), row, status("otlp-status", model.otlpStatusProperty()));
    }

    private static VBox retention(ObservabilitySettingsViewModel model) {
        TextField days = new TextField();
        days.setId("retention-days");
        days.setPrefColumnCount(5);
        days.textProperty().bindBidirectional(model.retentionDaysProperty());
        days.setOnAction(e -> model.saveRetention());
        Button save = new Button("Save", new FontIcon(Feather.CLOCK));
        save.setId("save-retention");
        save.setOnAction(e -> model.saveRetention());
        HBox row = new HBox(8, new Label("Keep call records for"), days, new Label("days (1 to "
                + ObservabilitySettingsViewModel.MAX_RETENTION_DAYS + ")"), save);
        row.setAlignment(Pos.CENTER_LEFT);
        Button confirm = new Button("Save and delete", new FontIcon(Feather.TRASH_2));
        confirm.setId("confirm-retention");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setOnAction(e -> model.confirmRetention());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-retention");
        cancel.setOnAction(e -> model.cancelRetention());
        return new VBox(6, subheading("Retention"), row,
                ConfirmRow.of(model.retentionQuestionProperty(), "retention-question", confirm, cancel),
                status("retention-status", model.retentionStatusProperty()));
    }

    private static Label subheading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static Label status(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = Labels.wrapped("", Styles.TEXT_MUTED);
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }
}
