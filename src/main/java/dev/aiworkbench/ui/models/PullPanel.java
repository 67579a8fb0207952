package dev.aiworkbench.ui.models;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.llm.PullBoard;
import dev.aiworkbench.ui.common.Labels;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.Map;

/**
 * One pull at a time: an overall bar, a line per layer with bytes done out of its total, the
 * server's status and Cancel. A frame timer asks the {@link PullViewModel} to copy the pull's progress
 * into its properties at most once per frame while the pull runs, however fast the lines arrive.
 */
final class PullPanel extends VBox {
    private final VBox layers = new VBox(4);
    private final Map<String, LayerLine> lines = new HashMap<>();

    PullPanel(PullViewModel pull) {
        setId("pull-progress");
        getStyleClass().add("pull-progress");
        setSpacing(8);
        Label title = new Label();
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setId("pull-title");
        title.textProperty().bind(pull.titleProperty());
        ProgressBar overall = new ProgressBar(0);
        overall.setId("pull-bar");
        overall.setMaxWidth(Double.MAX_VALUE);
        overall.progressProperty().bind(pull.fractionProperty());
        HBox.setHgrow(overall, Priority.ALWAYS);
        Label percent = new Label();
        percent.setId("pull-percent");
        percent.getStyleClass().add(Styles.TEXT_MUTED);
        percent.setMinWidth(Region.USE_PREF_SIZE);
        percent.textProperty().bind(pull.percentProperty());
        Label status = Labels.wrapped("");
        status.setId("pull-status");
        status.textProperty().bind(pull.statusProperty());
        pull.toneProperty().addListener((obs, was, now) -> {
            status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            switch (now) {
                case SUCCESS -> status.getStyleClass().add(Styles.SUCCESS);
                case DANGER -> status.getStyleClass().add(Styles.DANGER);
                case NORMAL -> { }
            }
        });
        layers.setId("pull-layers");
        pull.layers().addListener((ListChangeListener<PullBoard.Layer>) change -> showLayers(pull));
        Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("cancel-pull");
        cancel.setOnAction(e -> pull.cancel());
        cancel.disableProperty().bind(pull.cancellingProperty());
        cancel.visibleProperty().bind(pull.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button dismiss = new Button("Close", new FontIcon(Feather.X));
        dismiss.setId("dismiss-pull");
        dismiss.getStyleClass().add(Styles.FLAT);
        dismiss.setOnAction(e -> pull.dismiss());
        dismiss.visibleProperty().bind(pull.runningProperty().not());
        dismiss.managedProperty().bind(dismiss.visibleProperty());
        HBox bar = new HBox(12, overall, percent);
        bar.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, cancel, dismiss);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, bar, layers, status);
        visibleProperty().bind(pull.shownProperty());
        managedProperty().bind(visibleProperty());

        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pull.renderIfChanged();
            }
        };
        pull.runningProperty().addListener((obs, was, now) -> {
            if (now) {
                lines.clear();
                layers.getChildren().clear();
                frames.start();
            } else {
                frames.stop();
            }
        });
    }

    private void showLayers(PullViewModel pull) {
        for (PullBoard.Layer layer : pull.layers()) {
            lines.computeIfAbsent(layer.digest(), digest -> {
                LayerLine line = new LayerLine(digest);
                layers.getChildren().add(line);
                return line;
            }).show(layer);
        }
    }

    /** The first 12 hex digits of a layer's digest, as `ollama pull` prints them. */
    static String shortDigest(String digest) {
        String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    /** One layer: its short digest, a small bar, and bytes done out of its total. */
    private static final class LayerLine extends HBox {
        private final ProgressBar bar = new ProgressBar(0);
        private final Label bytes = new Label();

        LayerLine(String digest) {
            super(12);
            String shortDigest = shortDigest(digest);
            setId("pull-layer-" + shortDigest);
            getStyleClass().add("pull-layer");
            setAlignment(Pos.CENTER_LEFT);
            Label name = new Label(shortDigest);
            name.getStyleClass().add("pull-layer-digest");
            name.setMinWidth(Region.USE_PREF_SIZE);
            bar.getStyleClass().add(Styles.SMALL);
            bar.setPrefWidth(180);
            bytes.getStyleClass().add("pull-layer-bytes");
            getChildren().addAll(name, bar, bytes);
        }

        void show(PullBoard.Layer layer) {
            bar.setProgress(layer.fraction());
            bytes.setText(PullBoard.bytes(layer.completed()) + " / " + PullBoard.bytes(layer.total()));
        }
    }
}
