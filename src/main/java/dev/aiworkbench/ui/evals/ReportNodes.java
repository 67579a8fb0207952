package dev.aiworkbench.ui.evals;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.eval.stats.PairedComparison;
import dev.aiworkbench.ui.common.Labels;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * The pieces the report's cards are made of, so a paired comparison reads the same wherever it is shown: against the
 * baseline, or one provider against another.
 */
final class ReportNodes {
    private ReportNodes() {
    }

    static VBox card(String id) {
        VBox card = new VBox(6);
        card.setId(id);
        card.getStyleClass().add("eval-card");
        return card;
    }

    /**
     * A paired comparison's headline, "before → after" pass rates with the change and its 95% interval beside it.
     *
     * @param id the headline's id; the change line's is {@code id + "-change"}
     */
    static HBox pairedHeadline(PairedComparison c, String id) {
        Label headline = new Label(Items.pct(c.baselinePassRate()) + " → " + Items.pct(c.candidatePassRate()));
        headline.setId(id);
        headline.getStyleClass().addAll(Styles.TITLE_3, "eval-headline");
        headline.setMinWidth(Region.USE_PREF_SIZE);
        Label change = new Label(String.format(Locale.ROOT, "change %+.1f points, 95%% interval %+.1f to %+.1f",
                100 * c.delta(), 100 * c.deltaCi95().low(), 100 * c.deltaCi95().high()));
        change.setId(id + "-change");
        change.getStyleClass().add(Styles.TEXT_MUTED);
        Labels.wrap(change);
        HBox top = new HBox(12, headline, change);
        top.setAlignment(Pos.BASELINE_LEFT);
        return top;
    }

    static HBox heading(String title, Node extra) {
        Label label = new Label(title);
        label.getStyleClass().addAll(Styles.TITLE_4);
        HBox box = new HBox(8, label);
        box.setAlignment(Pos.CENTER_LEFT);
        if (extra != null) {
            box.getChildren().add(extra);
        }
        return box;
    }

    static VBox explained(String title, String sentence, String id) {
        Label name = new Label(title);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label text = Labels.wrapped(sentence, "explain");
        text.setId(id);
        return new VBox(2, name, text);
    }

    static Label figure(String id, String text) {
        Label label = Labels.wrapped(text);
        label.setId(id);
        return label;
    }

    static Label muted(String text) {
        return Labels.wrapped(text, Styles.TEXT_MUTED);
    }

    static Label warning(String text) {
        Label label = Labels.wrapped(text, Styles.WARNING, "eval-warning");
        label.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        return label;
    }
}
