package dev.aiworkbench.ui.observability;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.ui.common.Labels;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/** What the dashboard's charts share: a card with a title and choices, segmented choices, clickable points. */
final class ChartParts {
    private ChartParts() {
    }

    /** A titled card; {@code choices} sit in a row under the title, so neither cuts the other on a narrow card. */
    static VBox card(String id, String title, Node content, Node... choices) {
        Label heading = Labels.wrapped(title, Styles.TEXT_BOLD);
        VBox card = new VBox(8, heading);
        if (choices.length > 0) {
            HBox row = new HBox(8, choices);
            row.setAlignment(Pos.CENTER_LEFT);
            card.getChildren().add(row);
        }
        card.getChildren().add(content);
        card.setId(id);
        card.getStyleClass().add("dash-card");
        VBox.setVgrow(content, Priority.ALWAYS);
        return card;
    }

    /** Buttons side by side that pick one value of the property; {@code ids} names each button's node. */
    static <T> HBox segmented(ObjectProperty<T> property, List<T> values, Function<T, String> label, String idPrefix) {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        box.setMinWidth(Region.USE_PREF_SIZE);
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            ToggleButton button = new ToggleButton(label.apply(value));
            button.setId(idPrefix + "-" + i);
            button.setToggleGroup(group);
            button.setUserData(value);
            button.getStyleClass().add(Styles.SMALL);
            if (values.size() > 1) {
                button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == values.size() - 1 ? Styles.RIGHT_PILL
                        : Styles.CENTER_PILL);
            }
            button.setSelected(value.equals(property.get()));
            box.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                // One is always picked: a click on the picked one keeps it.
                group.selectToggle(was);
            } else {
                @SuppressWarnings("unchecked")
                T value = (T) now.getUserData();
                property.set(value);
            }
        });
        property.addListener((obs, was, now) -> group.getToggles().stream()
                .filter(t -> now.equals(t.getUserData())).findFirst().ifPresent(group::selectToggle));
        return box;
    }

    /** Gives a point (a bar) a tooltip and, when there is one, an action on click. */
    static <X, Y> void point(XYChart.Data<X, Y> data, String tip, Runnable onClick) {
        data.nodeProperty().addListener((obs, was, node) -> {
            if (node != null) {
                Tooltip tooltip = new Tooltip(tip + (onClick == null ? "" : "\nClick to list these calls."));
                Tooltip.install(node, tooltip);
                if (onClick != null) {
                    node.setCursor(Cursor.HAND);
                    node.setOnMouseClicked(e -> onClick.run());
                    node.getStyleClass().add("dash-point");
                }
            }
        });
    }
}
