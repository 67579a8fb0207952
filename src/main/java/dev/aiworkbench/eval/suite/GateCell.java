package dev.aiworkbench.eval.suite;

import dev.aiworkbench.diagnostics.SourcePosition;

import java.util.List;
import java.util.Optional;

/**
 * The cell of a prompt × provider suite its gate guards ({@code gate.cell} or {@code eval run --gate-prompt/
 * --gate-provider}); the other cells are reported without a gate. Either part may be left out when the suite has one
 * prompt, or one provider, that fits.
 *
 * @param prompt   a prompt's label (or any name {@link PromptFilter} matches it by); empty for any
 * @param provider a provider's id or label; empty for any
 * @param origin   where the suite names it; null when the command line does
 */
public record GateCell(Optional<String> prompt, Optional<String> provider, SourcePosition origin) {

    public boolean guards(PromptSource source, ProviderSpec spec) {
        return prompt.map(p -> PromptFilter.matches(p, source)).orElse(true)
                && provider.map(spec::named).orElse(true);
    }

    /**
     * The one cell this names among those the suite runs, or the sentence saying why it names none or several.
     *
     * @param cells each prompt and provider pair the suite runs
     */
    public Optional<String> problem(List<Cell> cells) {
        List<Cell> guarded = cells.stream().filter(c -> guards(c.prompt(), c.provider())).toList();
        if (guarded.size() == 1) {
            return Optional.empty();
        }
        String names = String.join(", ", cells.stream().map(Cell::name).toList());
        return Optional.of(guarded.isEmpty()
                ? "the gate's cell " + this + " is not one this suite runs; its cells are " + names
                : "the gate's cell " + this + " fits " + guarded.size() + " cells; name both the prompt and the "
                + "provider, one of " + names);
    }

    @Override
    public String toString() {
        return "(prompt " + prompt.map(p -> "'" + p + "'").orElse("any") + ", provider "
                + provider.map(p -> "'" + p + "'").orElse("any") + ")";
    }

    /** One prompt on one provider, as the gate names it. */
    public record Cell(PromptSource prompt, ProviderSpec provider) {
        String name() {
            return "'" + prompt.label() + "' on '" + provider.id() + "'";
        }
    }
}
