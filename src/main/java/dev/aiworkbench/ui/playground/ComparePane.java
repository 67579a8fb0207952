package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Side by side: two versions of a prompt on the current model, or the editor's prompt on two
 * models, run at once on the same variables.
 */
final class ComparePane extends VBox {

    ComparePane(CompareViewModel model) {
        setSpacing(8);
        ChoiceBox<CompareViewModel.Mode> mode = new ChoiceBox<>(FXCollections.observableArrayList(
                CompareViewModel.Mode.values()));
        mode.setId("compare-mode");
        mode.valueProperty().bindBidirectional(model.modeProperty());
        ComboBox<String> left = choice("compare-a", model);
        left.valueProperty().bindBidirectional(model.leftChoiceProperty());
        ComboBox<String> right = choice("compare-b", model);
        right.valueProperty().bindBidirectional(model.rightChoiceProperty());
        Button run = new Button("Run both");
        run.setId("run-compare");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> model.runBoth());
        Button stop = new Button("Stop both");
        stop.setId("stop-compare");
        stop.setOnAction(e -> model.stopBoth());
        Label problem = new Label();
        problem.setId("compare-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        OutputPane leftPane = new OutputPane("left-", model.left());
        OutputPane rightPane = new OutputPane("right-", model.right());
        HBox panes = new HBox(12, leftPane, rightPane);
        for (OutputPane pane : new OutputPane[] {leftPane, rightPane}) {
            HBox.setHgrow(pane, Priority.ALWAYS);
            pane.setMaxWidth(Double.MAX_VALUE);
            pane.setPrefWidth(300);
        }
        VBox.setVgrow(panes, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, mode, left, new Label("vs"), right, run, stop), problem, panes);
    }

    private static ComboBox<String> choice(String id, CompareViewModel model) {
        ComboBox<String> box = new ComboBox<>(model.choices());
        box.setId(id);
        box.setEditable(true);
        return box;
    }
}
