package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.prompts.RunFigures;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

import java.util.Locale;

/** A run's figures in a row: time to first token, total, tokens in and out, speed and cost; "unknown" where the server gave no count. */
final class FiguresBar extends FlowPane {
    private final Label ttft = figure("ttft");
    private final Label total = figure("total");
    private final Label promptTokens = figure("prompt-tokens");
    private final Label outputTokens = figure("output-tokens");
    private final Label speed = figure("speed");
    private final Label cost = figure("cost");

    FiguresBar(String idPrefix) {
        super(18, 4);
        setId(idPrefix + "figures");
        getStyleClass().add("figures");
        for (Label label : new Label[] {ttft, total, promptTokens, outputTokens, speed, cost}) {
            label.setId(idPrefix + label.getId());
        }
        getChildren().addAll(ttft, total, promptTokens, outputTokens, speed, cost);
        clear();
    }

    private static Label figure(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }

    void clear() {
        ttft.setText("TTFT –");
        total.setText("Total –");
        promptTokens.setText("Prompt tokens –");
        outputTokens.setText("Output tokens –");
        speed.setText("Speed –");
        cost.setText("Cost –");
    }

    /** Shows a run's figures; null clears them. */
    void show(RunFigures figures) {
        if (figures == null) {
            clear();
            return;
        }
        ttft.setText("TTFT " + Figures.millis(figures.ttftMs()));
        total.setText("Total " + Figures.millis(figures.totalMs()));
        promptTokens.setText("Prompt tokens " + Figures.count(figures.promptTokens()));
        outputTokens.setText("Output tokens " + Figures.count(figures.outputTokens()));
        speed.setText("Speed " + (figures.tokensPerSecond() == null ? "unknown"
                : String.format(Locale.ROOT, "%.1f tok/s", figures.tokensPerSecond())));
        cost.setText("Cost " + (figures.costUsd() == null ? "unknown" : Figures.usd(figures.costUsd()))
                + (figures.priceName() == null ? "" : " (" + figures.priceName() + ")"));
    }
}
