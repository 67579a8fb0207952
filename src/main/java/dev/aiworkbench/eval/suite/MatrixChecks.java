package dev.aiworkbench.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a prompt × provider suite must agree on once its prompts and providers are read: each entry of a provider's
 * {@code prompts} names a prompt, and {@code gate.cell} names one cell the suite runs.
 */
final class MatrixChecks {
    private static final Set<String> CELL_KEYS = Set.of("prompt", "provider");

    private MatrixChecks() {
    }

    /** {@code gate.cell}: {@code {prompt: <label>, provider: <id or label>}}, either part optional. */
    static Optional<GateCell> cell(Checks checks, Source source, JsonNode gate) {
        JsonNode node = gate.isObject() ? gate.get("cell") : null;
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject() || node.isEmpty()) {
            checks.wrongType(source, node, "gate.cell", "a mapping such as {prompt: <label>, provider: <id>}");
            return Optional.empty();
        }
        checks.keys(source, node, "gate.cell", CELL_KEYS, Map.of(), Map.of());
        Optional<String> prompt = Optional.ofNullable(node.get("prompt"))
                .map(v -> checks.text(source, v, "gate.cell.prompt"));
        Optional<String> provider = Optional.ofNullable(node.get("provider"))
                .map(v -> checks.text(source, v, "gate.cell.provider"));
        return Optional.of(new GateCell(prompt, provider, source.at(node)));
    }

    static void check(Problems problems, List<PromptSource> prompts, List<ProviderSpec> providers,
                      Optional<GateCell> cell) {
        if (prompts.isEmpty() || providers.isEmpty()) {
            return;
        }
        String labels = String.join(", ", prompts.stream().map(p -> "'" + p.label() + "'").toList());
        for (ProviderSpec provider : providers) {
            PromptFilter filter = provider.prompts();
            for (int i = 0; i < filter.allowed().size(); i++) {
                String entry = filter.allowed().get(i);
                if (prompts.stream().noneMatch(p -> PromptFilter.matches(entry, p))) {
                    problems.error(filter.origins().get(i), "providers: '" + entry + "' names no prompt of this "
                            + "suite, so " + provider.id() + " would not run it; the prompts are labelled " + labels);
                }
            }
        }
        if (cell.isPresent() && !problems.hasErrors()) {
            cell.get().problem(EvalSuite.cells(prompts, providers)).ifPresent(problem -> problems.error(cell.get().origin(), "gate.cell: " + problem));
        }
    }
}
