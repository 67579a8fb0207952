package dev.aiworkbench.ui.observability;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.ui.common.Labels;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The learner's budgets at a glance: a tile per budget with its value against its limit, a crossed one marked by
 * colour and by the word "Crossed" with an icon; the full sentence is the tile's tooltip and accessible text.
 */
public final class BudgetStrip extends FlowPane {
    private final BudgetStripViewModel model;

    public BudgetStrip(BudgetStripViewModel model) {
        super(12, 12);
        this.model = model;
        setId("budget-strip");
        getStyleClass().add("budget-strip");
        model.tiles().addListener((ListChangeListener<BudgetStripViewModel.Tile>) change -> show());
        show();
    }

    private void show() {
        if (model.tiles().isEmpty()) {
            Label empty = Labels.wrapped(BudgetStripViewModel.EMPTY, Styles.TEXT_MUTED);
            empty.setId("budget-strip-empty");
            getChildren().setAll(empty);
            return;
        }
        getChildren().setAll(model.tiles().stream().map(BudgetStrip::tile).toList());
    }

    private static VBox tile(BudgetStripViewModel.Tile tile) {
        Label name = new Label(tile.label());
        name.getStyleClass().add(Styles.TEXT_MUTED);
        Label figures = new Label(tile.figures());
        figures.getStyleClass().add(Styles.TITLE_4);
        Label state = new Label(tile.state(), new FontIcon(tile.crossed() ? Feather.ALERT_TRIANGLE : Feather.CHECK));
        state.getStyleClass().addAll("budget-state", tile.crossed() ? Styles.DANGER : Styles.SUCCESS);
        VBox box = new VBox(4, name, figures, state);
        box.getStyleClass().addAll("budget-tile", tile.crossed() ? "crossed" : "within");
        box.setAccessibleText(tile.label() + ": " + tile.state() + ". " + tile.sentence());
        Tooltip.install(box, new Tooltip(tile.sentence()));
        box.setMaxWidth(320);
        return box;
    }
}
