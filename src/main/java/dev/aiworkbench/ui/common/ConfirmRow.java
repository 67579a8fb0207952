package dev.aiworkbench.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A question asked in place, with its confirm and cancel buttons, shown only while there is a question. */
public final class ConfirmRow {
    private ConfirmRow() {
    }

    /** @param questionId the question label's id, for tests */
    public static HBox of(ObservableStringValue question, String questionId, Button confirm, Button cancel) {
        Label text = Labels.wrapped("");
        text.setId(questionId);
        text.textProperty().bind(question);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        confirm.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(12, new FontIcon(Feather.ALERT_TRIANGLE), text, confirm, cancel);
        row.getStyleClass().add("confirm-row");
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(text.textProperty().isNotEmpty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }
}
