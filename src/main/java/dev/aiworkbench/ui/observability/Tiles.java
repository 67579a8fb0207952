package dev.aiworkbench.ui.observability;

import dev.aiworkbench.observability.UsageGroup;

import java.util.List;

/** The figures at the top of the dashboard, from the range's totals. */
final class Tiles {
    private Tiles() {
    }

    static List<Tile> of(Dashboard dashboard) {
        UsageGroup total = dashboard.total();
        String errorRate = total.calls() == 0 ? DashTexts.UNKNOWN : DashTexts.percent((double) total.errors() / total.calls());
        return List.of(
                new Tile("calls", "Calls", DashTexts.count(total.calls()), "in " + dashboard.choice().phrase()),
                new Tile("errors", "Error rate", errorRate, DashTexts.count(total.errors())
                        + (total.errors() == 1 ? " error" : " errors")),
                new Tile("tokens", "Tokens in / out", DashTexts.tokens(total.inputTokens()) + " / "
                        + DashTexts.tokens(total.outputTokens()), "as the servers counted them"),
                new Tile("cost", "Cost", DashTexts.usd(total.costUsd()), "at the prices in force"),
                new Tile("speed", "Median speed", DashTexts.perSecond(total.tokensPerSecond()),
                        "output tokens per second"));
    }
}
