package dev.aiworkbench.ui.observability;

import dev.aiworkbench.observability.Budget;
import dev.aiworkbench.observability.BudgetStatus;
import dev.aiworkbench.ui.AppDriver;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget strip: its empty state, and a crossed budget told by a word and an icon as well as colour. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class BudgetStripTest {
    private final SimpleObjectProperty<List<BudgetStatus>> statuses = new SimpleObjectProperty<>(List.of());
    private int rechecks;
    private Stage stage;

    @AfterEach
    void close(FxRobot robot) {
        if (stage != null) {
            robot.interact(stage::close);
        }
    }

    private List<String> texts(Node tile) {
        return ((VBox) tile).getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void showsEachBudgetAgainstItsLimitAndMarksTheCrossedOnesInWords(FxRobot robot) {
        BudgetStripViewModel model = new BudgetStripViewModel(statuses, () -> rechecks++);
        robot.interact(() -> stage = AppDriver.showAlone(new BudgetStrip(model), 900, 200));

        assertThat(robot.lookup("#budget-strip-empty").queryAs(Label.class).getText())
                .isEqualTo("No budgets yet — set them in Settings > Observability");

        robot.interact(() -> statuses.set(List.of(
                new BudgetStatus(Budget.dailyCost(1), 1.25, 1.0, true, "Today's model calls cost $1.25, over."),
                new BudgetStatus(Budget.ttftP95("llama3.2", 1500), 850.0, 1500.0, false, "Within."),
                new BudgetStatus(Budget.passRateDrop("rag.yaml", 2), 0.8, null, false, "No baseline."))));

        BudgetStrip strip = robot.lookup("#budget-strip").queryAs(BudgetStrip.class);
        List<Node> tiles = strip.getChildren();
        assertThat(tiles).hasSize(3);
        assertThat(texts(tiles.get(0))).containsExactly("Daily cost", "$1.25 of $1.00", "Crossed");
        assertThat(tiles.get(0).getStyleClass()).contains("crossed");
        assertThat(((Label) ((VBox) tiles.get(0)).getChildren().get(2)).getGraphic()).isNotNull();
        assertThat(tiles.get(0).getAccessibleText()).isEqualTo("Daily cost: Crossed. Today's model calls cost $1.25, "
                + "over.");
        assertThat(texts(tiles.get(1))).containsExactly("p95 time to first token, llama3.2", "850 ms of 1500 ms",
                "Within");
        assertThat(tiles.get(1).getStyleClass()).contains("within").doesNotContain("crossed");
        assertThat(texts(tiles.get(2))).containsExactly("Pass rate of rag.yaml against its baseline",
                "80.0%, no baseline yet", "Within");

        model.refresh();
        assertThat(rechecks).isEqualTo(1);
    }
}
