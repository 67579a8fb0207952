package dev.aiworkbench.ui.evals;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.MatrixReport;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import static dev.aiworkbench.ui.evals.ReportNodes.heading;
import static dev.aiworkbench.ui.evals.ReportNodes.muted;

/**
 * A suite's prompt × provider matrix: a row per prompt, a column per provider, each cell's pass rate with the items it
 * is over (the cells of the one run that ran them all, or each cell's newest comparable run). A click on a cell shows that cell's items; the shown run's cell is marked.
 * Hidden for a suite of one cell.
 */
final class MatrixCard {
    private final VBox card = ReportNodes.card("eval-matrix");
    private final BiConsumer<String, String> selectCell;

    /** @param selectCell shows the cell of that prompt label and provider id */
    MatrixCard(BiConsumer<String, String> selectCell) {
        this.selectCell = selectCell;
        show(Optional.empty(), null);
    }

    VBox node() {
        return card;
    }

    /** @param shownRunId the run the report pane shows, whose cell is marked */
    void show(Optional<MatrixReport> matrix, String shownRunId) {
        card.setVisible(matrix.isPresent());
        card.setManaged(matrix.isPresent());
        if (matrix.isEmpty()) {
            card.getChildren().clear();
            return;
        }
        MatrixReport m = matrix.get();
        List<String> prompts = m.prompts();
        List<String> providers = m.providers();
        GridPane grid = new GridPane(10, 6);
        grid.setId("matrix-grid");
        for (int col = 0; col < providers.size(); col++) {
            Label header = new Label(providers.get(col));
            header.getStyleClass().add(Styles.TEXT_BOLD);
            grid.add(header, col + 1, 0);
        }
        for (int row = 0; row < prompts.size(); row++) {
            Label prompt = new Label(prompts.get(row));
            prompt.getStyleClass().add(Styles.TEXT_BOLD);
            prompt.setMaxWidth(260);
            grid.add(prompt, 0, row + 1);
            for (int col = 0; col < providers.size(); col++) {
                grid.add(cell(m.cell(prompts.get(row), providers.get(col)), prompts.get(row), providers.get(col),
                        row, col, shownRunId), col + 1, row + 1);
            }
        }
        String which = m.runId().map(id -> "each cell of run " + id)
                .orElse("each cell's newest run that graded the same way");
        card.getChildren().setAll(heading("Prompts × providers", null), grid, muted("Pass rate (items) of " + which
                + "; a click shows the cell's items. Blank where the provider's prompts leave the prompt out, or it "
                + "has not run yet."));
    }

    private Button cell(Optional<EvalReport> report, String prompt, String provider, int row, int col,
                        String shownRunId) {
        Button button = new Button(report.map(MatrixCard::figure).orElse("–"));
        button.setId("matrix-cell-" + row + "-" + col);
        button.getStyleClass().add("matrix-cell");
        button.setDisable(report.isEmpty());
        report.ifPresent(r -> {
            if (r.run().id().equals(shownRunId)) {
                button.getStyleClass().addAll("matrix-cell-shown", Styles.ACCENT);
            }
            button.setTooltip(new Tooltip("'" + prompt + "' on " + provider + ", run " + r.run().id()));
        });
        button.setOnAction(e -> selectCell.accept(prompt, provider));
        return button;
    }

    private static String figure(EvalReport report) {
        return report.summary().map(s -> Items.pct(s.passRate().rate()) + " (" + s.n() + ")")
                .orElse("every item errored");
    }
}
