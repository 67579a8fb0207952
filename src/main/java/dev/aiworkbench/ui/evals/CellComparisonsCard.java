package dev.aiworkbench.ui.evals;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.eval.report.CellComparison;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.stats.PairedComparison;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import static dev.aiworkbench.ui.evals.ReportNodes.explained;
import static dev.aiworkbench.ui.evals.ReportNodes.figure;
import static dev.aiworkbench.ui.evals.ReportNodes.heading;
import static dev.aiworkbench.ui.evals.ReportNodes.muted;
import static dev.aiworkbench.ui.evals.ReportNodes.pairedHeadline;

/**
 * The shown run's cell compared with each other cell of the suite's matrix, pair by pair as the baseline card shows
 * its comparison: n, both pass rates, b and c, McNemar's exact p, the change with its 95% interval, and the items the
 * two graded differently, each a link that selects its row. Hidden for a suite of one cell.
 */
final class CellComparisonsCard {
    private final VBox card = ReportNodes.card("eval-providers");
    private final DateTimeFormatter dates;
    private final Consumer<String> selectItem;

    /** @param selectItem selects the row of the item with that key */
    CellComparisonsCard(DateTimeFormatter dates, Consumer<String> selectItem) {
        this.dates = dates;
        this.selectItem = selectItem;
        show(List.of(), Map.of());
    }

    VBox node() {
        return card;
    }

    /** @param titles each item's title by key, to name the differing items as the results table does */
    void show(List<CellComparison> comparisons, Map<String, String> titles) {
        card.setVisible(!comparisons.isEmpty());
        card.setManaged(!comparisons.isEmpty());
        List<Node> nodes = new ArrayList<>();
        nodes.add(heading("Cells compared", null));
        for (int i = 0; i < comparisons.size(); i++) {
            nodes.add(pair(comparisons.get(i), i, titles));
        }
        card.getChildren().setAll(nodes);
    }

    private VBox pair(CellComparison compared, int index, Map<String, String> titles) {
        String id = "provider-pair-" + index;
        VBox box = new VBox(6);
        box.setId(id);
        Label title = new Label(CellComparison.cell(compared.candidate()) + " against "
                + CellComparison.cell(compared.baseline()));
        title.setId(id + "-title");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        box.getChildren().add(title);
        if (compared.paired().isEmpty()) {
            box.getChildren().add(muted(compared.explain()));
            return box;
        }
        PairedComparison c = compared.paired().get();
        box.getChildren().add(pairedHeadline(c, id + "-headline"));
        box.getChildren().add(figure(id + "-figures", String.format(Locale.ROOT, "n=%d paired items · b=%d fell, "
                + "c=%d rose · exact p=%.3f", c.items(), c.mcnemar().b(), c.mcnemar().c(), c.mcnemar().pExact())
                + " · runs " + run(compared.baseline()) + " and " + run(compared.candidate())));
        box.getChildren().add(explained("Paired comparison", compared.explain(), id + "-explain"));
        if (compared.differing().isEmpty()) {
            box.getChildren().add(muted("Both cells graded every paired item alike."));
            return box;
        }
        FlowPane items = new FlowPane(8, 2);
        items.setId(id + "-differing");
        for (CellComparison.Differing item : compared.differing()) {
            Hyperlink link = new Hyperlink(titles.getOrDefault(item.key(), item.key()) + " ("
                    + verdict(item.baselinePass()) + " → " + verdict(item.candidatePass()) + ")");
            link.getStyleClass().addAll("differing-item", item.rose() ? "differing-rose" : "differing-fell");
            link.setUserData(item.key());
            link.setOnAction(e -> selectItem.accept(item.key()));
            items.getChildren().add(link);
        }
        box.getChildren().addAll(new Label("Items where they differ (a click selects the item's row):"), items);
        return box;
    }

    private String run(EvalRun run) {
        return run.id() + (run.startedAt() == null ? "" : " (" + dates.format(run.startedAt()) + ")");
    }

    /** "passed", "failed", or a pass fraction when the item ran more than once. */
    private static String verdict(double passFraction) {
        return passFraction == 1 ? "passed" : passFraction == 0 ? "failed" : Items.pct(passFraction) + " passed";
    }
}
