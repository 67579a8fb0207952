package dev.aiworkbench.ui.evals;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.eval.report.BaselineComparison;
import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.CellComparison;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.stats.GateDecision;
import dev.aiworkbench.eval.stats.PairedComparison;
import dev.aiworkbench.eval.stats.RunSummary;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.Sentences;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static dev.aiworkbench.ui.evals.ReportNodes.card;
import static dev.aiworkbench.ui.evals.ReportNodes.explained;
import static dev.aiworkbench.ui.evals.ReportNodes.figure;
import static dev.aiworkbench.ui.evals.ReportNodes.heading;
import static dev.aiworkbench.ui.evals.ReportNodes.muted;
import static dev.aiworkbench.ui.evals.ReportNodes.pairedHeadline;
import static dev.aiworkbench.ui.evals.ReportNodes.warning;

/**
 * What a run measured, each figure with the sentence that explains it: the summary (pass rate and
 * mean score with their intervals), the paired comparison with the baseline, the suite's providers compared
 * with each other (when it has several), and the gate's decision
 * with the rule and numbers that decided it.
 */
final class ReportPane extends VBox {
    private final DateTimeFormatter dates;
    private final VBox summary = card("eval-summary");
    private final VBox baseline = card("eval-baseline");
    private final VBox gate = card("eval-gate");
    private final CellComparisonsCard providers;
    private final MatrixCard matrix;

    /**
     * @param selectItem selects the row of the item with that key (a differing item of a cell comparison)
     * @param selectCell shows the matrix cell of that prompt label and provider id
     */
    ReportPane(DateTimeFormatter dates, Consumer<String> selectItem, BiConsumer<String, String> selectCell) {
        this.dates = dates;
        this.providers = new CellComparisonsCard(dates, selectItem);
        this.matrix = new MatrixCard(selectCell);
        setSpacing(12);
        setPadding(new Insets(4, 12, 12, 4));
        getChildren().addAll(summary, baseline, matrix.node(), providers.node(), gate);
        clear("No run yet: the summary, the comparison with the baseline and the gate's decision appear here.");
    }

    void clear(String why) {
        summary.getChildren().setAll(heading("Summary", null), muted(why));
        baseline.getChildren().setAll(heading("Baseline", null), muted("Nothing to compare yet."));
        gate.getChildren().setAll(heading("Gate", null), muted("No decision yet."));
        providers.show(List.of(), Map.of());
        matrix.show(Optional.empty(), null);
    }

    /**
     * @param live     whether this report is of the run just made (its gate decided now); a stored run shows
     *                 the decision recorded when it ran
     * @param state    the report with the suite's matrix around it, when it has several cells
     */
    void show(EvalReport report, boolean live, ReportState state) {
        List<CellComparison> compared = state.comparisons();
        showSummary(report);
        showBaseline(report, live);
        matrix.show(state.matrix(), report.run().id());
        Map<String, String> titles = new HashMap<>();
        report.items().forEach(item -> titles.put(item.key(), Items.title(item)));
        providers.show(compared, titles);
        showGate(report, live);
    }

    private void showSummary(EvalReport report) {
        List<Node> nodes = new ArrayList<>();
        EvalRun run = report.run();
        String counts = report.passed() + " passed, " + report.failed() + " failed, " + report.errors()
                + (report.errors() == 1 ? " error" : " errors");
        if (report.summary().isEmpty()) {
            nodes.add(heading("Summary", null));
            nodes.add(figure("summary-counts", counts));
        } else {
            RunSummary s = report.summary().get();
            Label headline = new Label(Items.pct(s.passRate().rate()));
            headline.setId("summary-pass-rate");
            headline.getStyleClass().addAll(Styles.TITLE_2, "eval-headline");
            headline.setMinWidth(Region.USE_PREF_SIZE);
            nodes.add(heading("Summary", null));
            Label interval = new Label("pass rate, 95% interval " + Items.pct(s.passRate().ci95().low()) + " to "
                    + Items.pct(s.passRate().ci95().high()) + " · " + counts);
            interval.getStyleClass().add(Styles.TEXT_MUTED);
            Labels.wrap(interval);
            HBox top = new HBox(12, headline, interval);
            top.setAlignment(Pos.BASELINE_LEFT);
            nodes.add(top);
            nodes.add(explained("Pass rate", s.passRate().explain() + ".", "summary-pass-rate-explain"));
            if (s.repeats() > 1) {
                nodes.add(explained("Passed every run (pass^" + s.repeats() + ")",
                        s.allRunsPassRate().explain() + "; " + s.flakyItems().size() + " flaky item"
                                + (s.flakyItems().size() == 1 ? "" : "s") + ".", "summary-all-runs-explain"));
            }
            nodes.add(explained("Mean score", s.meanScore().explain() + ".", "summary-score-explain"));
        }
        nodes.add(figure("summary-run", "Run " + run.id() + " · " + run.promptLabel() + " on " + run.model()
                + (run.startedAt() == null ? "" : " · " + dates.format(run.startedAt()))
                + (run.repeat() > 1 ? " · repeat " + run.repeat() : "")));
        for (String warning : report.warnings()) {
            nodes.add(warning(warning));
        }
        summary.getChildren().setAll(nodes);
    }

    private void showBaseline(EvalReport report, boolean live) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(heading("Baseline", null));
        if (report.baseline().isEmpty()) {
            nodes.add(muted(live ? "No baseline to compare with: no earlier run of this suite has passed its gate "
                    + "(or the chosen baseline could not be paired). This run can be the baseline of the next one."
                    : "No earlier finished run of this suite graded the same way, so there is nothing to compare with."));
            nodes.get(1).setId("baseline-none");
            baseline.getChildren().setAll(nodes);
            return;
        }
        BaselineComparison b = report.baseline().get();
        PairedComparison c = b.comparison();
        nodes.add(pairedHeadline(c, "baseline-headline"));
        nodes.add(figure("baseline-run", "Against run " + b.baseline().id()
                + (b.baseline().startedAt() == null ? "" : " from " + dates.format(b.baseline().startedAt()))
                + ": b=" + c.mcnemar().b() + " fell, c=" + c.mcnemar().c() + " rose, smallest detectable drop "
                + String.format(Locale.ROOT, "%.1f", 100 * c.mde().drop()) + " points."));
        nodes.add(explained("Paired comparison", c.explain(), "baseline-explain"));
        if (!b.sameDataset()) {
            nodes.add(warning("The baseline ran a different dataset; only the items both runs share are paired."));
        }
        baseline.getChildren().setAll(nodes);
    }

    private void showGate(EvalReport report, boolean live) {
        List<Node> nodes = new ArrayList<>();
        if (report.gate().isPresent()) {
            GateDecision g = report.gate().get();
            nodes.add(heading("Gate", decisionBadge(g.decision().label())));
            Label mode = new Label("Mode " + g.mode().configName());
            mode.getStyleClass().add(Styles.TEXT_MUTED);
            nodes.add(mode);
            Label reason = Labels.wrapped(Sentences.of(g.reason()), "gate-reason");
            reason.setId("gate-reason");
            nodes.add(reason);
            for (String w : g.warnings()) {
                nodes.add(warning(w));
            }
        } else if (report.run().gateDecision() != null) {
            nodes.add(heading("Gate", decisionBadge(report.run().gateDecision())));
            Label reason = Labels.wrapped(Sentences.of(report.run().gateReason()) + " (as decided when the run "
                    + "finished)", "gate-reason");
            reason.setId("gate-reason");
            nodes.add(reason);
        } else {
            nodes.add(heading("Gate", null));
            nodes.add(muted(live ? "No gate ran." : "No gate decision was recorded for this run."));
        }
        gate.getChildren().setAll(nodes);
    }

    private static Label decisionBadge(String decision) {
        Label badge = new Label(decision.equals("pass") ? "passed" : decision.equals("block") ? "blocked" : decision);
        badge.setId("gate-decision");
        badge.getStyleClass().addAll("badge", "gate-" + decision);
        badge.setGraphic(new FontIcon(decision.equals("pass") ? Feather.CHECK : Feather.SLASH));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }
}
