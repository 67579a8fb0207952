package dev.aiworkbench.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.store.JsonColumns;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The budgets the learner set, kept as one JSON setting, and their check against the recorded calls and the eval
 * suites' latest runs. Every figure is an SQL aggregate; a check reads the database, so callers keep it off the UI
 * thread.
 */
public final class Budgets {
    public static final String SETTING = "observability.budgets";
    /** How far back the models offered for a latency budget were seen. */
    private static final Duration RECENT = Duration.ofDays(30);

    private final SettingValues settings;
    private final CallStats stats;
    private final SuiteQualities suites;
    private final Clock clock;

    public Budgets(SettingValues settings, CallStats stats, SuiteQualities suites, Clock clock) {
        this.settings = settings;
        this.stats = stats;
        this.suites = suites;
        this.clock = clock;
    }

    /** The budgets in the order they were added; a setting that cannot be read counts as none (and is logged). */
    public List<Budget> list() {
        return settings.get(SETTING).map(Budgets::read).orElse(List.of());
    }

    /**
     * Keeps these budgets in place of the ones there were.
     *
     * @throws IllegalArgumentException two budgets watch the same thing
     */
    public void save(List<Budget> budgets) {
        for (int i = 0; i < budgets.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (budgets.get(i).sameWatchAs(budgets.get(j))) {
                    throw new IllegalArgumentException("there is a budget on " + budgets.get(i).label()
                            + " already; remove it first to set another limit");
                }
            }
        }
        if (budgets.isEmpty()) {
            settings.remove(SETTING);
        } else {
            settings.put(SETTING, write(budgets));
        }
    }

    /** Adds one budget to the kept ones; see {@link #save}. */
    public List<Budget> add(Budget budget) {
        List<Budget> all = new ArrayList<>(list());
        all.add(budget);
        save(all);
        return List.copyOf(all);
    }

    /** Removes the budget that watches what this one watches; returns what is kept. */
    public List<Budget> remove(Budget budget) {
        List<Budget> all = new ArrayList<>(list());
        all.removeIf(budget::sameWatchAs);
        save(all);
        return List.copyOf(all);
    }

    /** Every budget checked now, in their order. */
    public List<BudgetStatus> check() {
        List<Budget> budgets = list();
        if (budgets.isEmpty()) {
            return List.of();
        }
        BudgetCheck check = new BudgetCheck(stats, suites, clock.instant(), clock.getZone());
        return budgets.stream().map(check::status).toList();
    }

    /** The eval suites a pass-rate or faithfulness budget may watch. */
    public List<String> suites() {
        return suites.suites();
    }

    /** The models that made calls in the last 30 days, by name, for a latency budget. */
    public List<String> recentModels() {
        Instant now = clock.instant();
        return stats.groups(new TimeRange(now.minus(RECENT), now), GroupBy.MODEL, clock.getZone(), CallFilter.ALL)
                .stream().map(UsageGroup::key).toList();
    }

    private static String write(List<Budget> budgets) {
        ArrayNode array = JsonColumns.mapper().createArrayNode();
        for (Budget budget : budgets) {
            ObjectNode node = array.addObject().put("kind", budget.kind().id());
            if (budget.scope() != null) {
                node.put("scope", budget.scope());
            }
            node.put("threshold", budget.threshold());
        }
        return array.toString();
    }

    private static List<Budget> read(String text) {
        try {
            List<Budget> budgets = new ArrayList<>();
            for (JsonNode node : JsonColumns.mapper().readTree(text)) {
                JsonNode scope = node.path("scope");
                budgets.add(new Budget(BudgetKind.of(node.path("kind").asText()),
                        scope.isTextual() ? scope.asText() : null, node.path("threshold").asDouble(Double.NaN)));
            }
            return List.copyOf(budgets);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LoggerFactory.getLogger(Budgets.class).warn("the saved budgets cannot be read ({}); none are checked until "
                    + "they are set again", e.getMessage());
            return List.of();
        }
    }
}
