package dev.aiworkbench.ui.models;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.PullBoard;
import dev.aiworkbench.llm.PullCall;
import dev.aiworkbench.ui.Session;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.Sentences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
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
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One pull at a time: an overall bar, a line per layer with bytes done out of its total, the
 * server's status and Cancel. Progress arrives on a gateway thread many times a second; it only
 * lands in the pull's {@link PullBoard} and sets a flag, and a frame timer redraws from the board
 * at most once per frame while the pull runs.
 */
final class PullPanel extends VBox {
    private final Session session;
    private final Consumer<String> onPulled;
    private final Label title = new Label();
    private final ProgressBar overall = new ProgressBar(0);
    private final Label percent = new Label();
    private final Label status = Labels.wrapped("");
    private final VBox layers = new VBox(4);
    private final Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
    private final Button dismiss = new Button("Close", new FontIcon(Feather.X));
    private final Map<String, LayerLine> lines = new HashMap<>();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Pull pull = current;
            if (pull != null && pull.dirty.getAndSet(false)) {
                render(pull.board);
            }
        }
    };
    private Pull current;

    /** One pull's state; the gateway thread touches only the board and the flag. */
    private static final class Pull {
        final String name;
        final PullBoard board = new PullBoard();
        final AtomicBoolean dirty = new AtomicBoolean();
        PullCall call;
        boolean cancelRequested;
        boolean finished;

        Pull(String name) {
            this.name = name;
        }
    }

    PullPanel(Session session, Consumer<String> onPulled) {
        this.session = session;
        this.onPulled = onPulled;
        setId("pull-progress");
        getStyleClass().add("pull-progress");
        setSpacing(8);
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setId("pull-title");
        overall.setId("pull-bar");
        overall.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(overall, Priority.ALWAYS);
        percent.setId("pull-percent");
        percent.getStyleClass().add(Styles.TEXT_MUTED);
        percent.setMinWidth(Region.USE_PREF_SIZE);
        status.setId("pull-status");
        layers.setId("pull-layers");
        cancel.setId("cancel-pull");
        cancel.setOnAction(e -> cancel());
        dismiss.setId("dismiss-pull");
        dismiss.getStyleClass().add(Styles.FLAT);
        dismiss.setOnAction(e -> hidePanel());
        HBox bar = new HBox(12, overall, percent);
        bar.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, cancel, dismiss);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, bar, layers, status);
        hidePanel();
    }

    boolean pulling() {
        return current != null && !current.finished;
    }

    /** Starts pulling a model; the learner sees the panel at once, before the server answers. */
    void start(String name) {
        if (pulling()) {
            return;
        }
        Pull pull = new Pull(name);
        current = pull;
        lines.clear();
        layers.getChildren().clear();
        title.setText("Pulling " + name);
        overall.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        percent.setText("");
        status.setText("Asking Ollama for " + name + "…");
        setStatusStyle(null);
        show(true);
        frames.start();
        session.modelCall(() -> {
            try {
                return Outcome.ok(session.workbench().models().pull(name, progress -> {
                    pull.board.accept(progress);
                    pull.dirty.set(true);
                }));
            } catch (RuntimeException e) {
                return Outcome.<PullCall>failed(Sentences.of(e.getMessage()));
            }
        }, outcome -> {
            if (!outcome.isOk()) {
                finish(pull, outcome.problem(), false);
                return;
            }
            PullCall call = outcome.value();
            pull.call = call;
            if (pull.cancelRequested) {
                call.cancel();
            }
            call.done().whenComplete((done, failure) -> Platform.runLater(() -> finish(pull, failure)));
        });
    }

    /** Stops the pull and closes its connection; the server stops sending. */
    void cancel() {
        Pull pull = current;
        if (pull == null || pull.finished) {
            return;
        }
        pull.cancelRequested = true;
        status.setText("Cancelling…");
        cancel.setDisable(true);
        if (pull.call != null) {
            pull.call.cancel();
        }
    }

    private void finish(Pull pull, Throwable failure) {
        Throwable cause = Sentences.cause(failure);
        if (cause == null) {
            finish(pull, null, true);
        } else if (cause instanceof CancellationException || pull.cancelRequested) {
            finish(pull, "Cancelled the pull of " + pull.name + ". Pull it again to carry on where it stopped.", false);
        } else if (cause instanceof ModelServerException server) {
            finish(pull, server.getMessage(), false);
        } else {
            finish(pull, "The pull of " + pull.name + " failed: " + Sentences.of(cause.getMessage())
                    + " Try again, or run `ollama pull " + pull.name + "` to see Ollama's own account.", false);
        }
    }

    private void finish(Pull pull, String problem, boolean success) {
        if (pull != current || pull.finished) {
            return;
        }
        pull.finished = true;
        frames.stop();
        render(pull.board);
        cancel.setVisible(false);
        cancel.setManaged(false);
        dismiss.setVisible(true);
        dismiss.setManaged(true);
        if (success) {
            title.setText("Pulled " + pull.name);
            overall.setProgress(1);
            percent.setText("100%");
            status.setText("Pulled " + pull.name + "; it is in the list now.");
            setStatusStyle(Styles.SUCCESS);
            onPulled.accept(pull.name);
        } else {
            title.setText((pull.cancelRequested ? "Cancelled " : "Could not pull ") + pull.name);
            if (overall.getProgress() < 0) {
                overall.setProgress(0);
            }
            status.setText(problem);
            setStatusStyle(pull.cancelRequested ? null : Styles.DANGER);
        }
    }

    private void render(PullBoard board) {
        OptionalDouble fraction = board.fraction();
        if (fraction.isPresent()) {
            overall.setProgress(fraction.getAsDouble());
            percent.setText(String.format(Locale.ROOT, "%.0f%%", fraction.getAsDouble() * 100));
        }
        String said = board.status();
        if (!said.isBlank() && !(current != null && current.cancelRequested)) {
            status.setText(Character.toUpperCase(said.charAt(0)) + said.substring(1));
        }
        for (PullBoard.Layer layer : board.layers()) {
            lines.computeIfAbsent(layer.digest(), digest -> {
                LayerLine line = new LayerLine(digest);
                layers.getChildren().add(line);
                return line;
            }).show(layer);
        }
    }

    private void setStatusStyle(String style) {
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (style != null) {
            status.getStyleClass().add(style);
        }
    }

    private void show(boolean running) {
        setVisible(true);
        setManaged(true);
        cancel.setDisable(false);
        cancel.setVisible(running);
        cancel.setManaged(running);
        dismiss.setVisible(!running);
        dismiss.setManaged(!running);
    }

    private void hidePanel() {
        setVisible(false);
        setManaged(false);
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
