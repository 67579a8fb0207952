package dev.aiworkbench.ui.observability;

import dev.aiworkbench.observability.BudgetStatus;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The budgets as the session last checked them, one tile each, for the top of the Observability screen. The
 * session owns the checks (on open, after eval runs, every few minutes); {@link #refresh} asks it for one now.
 */
public final class BudgetStripViewModel {
    public static final String EMPTY = "No budgets yet — set them in Settings > Observability";

    private final Runnable recheck;
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    // One read-only view, kept: a view made per call is held weakly by the list, so its listeners could vanish.
    private final ObservableList<Tile> shown = FXCollections.unmodifiableObservableList(tiles);

    /**
     * @param statuses the session's last check ({@code BudgetAlerts.statusesProperty()})
     * @param recheck  asks the session to check again ({@code BudgetAlerts::checkNow})
     */
    public BudgetStripViewModel(ObservableValue<List<BudgetStatus>> statuses, Runnable recheck) {
        this.recheck = recheck;
        statuses.addListener((obs, was, now) -> show(now));
        show(statuses.getValue());
    }

    private void show(List<BudgetStatus> statuses) {
        tiles.setAll(statuses.stream().map(s -> new Tile(s.budget().label(), s.figures(), s.crossed(),
                s.sentence())).toList());
    }

    public void refresh() {
        recheck.run();
    }

    public ObservableList<Tile> tiles() {
        return shown;
    }

    /**
     * One budget on the strip.
     *
     * @param figures  its value against its limit, e.g. "$1.20 of $1.00"
     * @param sentence what was crossed and what to do, or how it stands
     */
    public record Tile(String label, String figures, boolean crossed, String sentence) {
        /** The word beside the colour, so the state is not told by colour alone. */
        public String state() {
            return crossed ? "Crossed" : "Within";
        }
    }
}
