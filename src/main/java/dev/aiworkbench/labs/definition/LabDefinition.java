package dev.aiworkbench.labs.definition;

import java.util.List;
import java.util.Optional;

/**
 * A lab as its {@code lab.yaml} declares it.
 *
 * @param folder   where the lab's files are, as a pack-style location name (for messages)
 * @param marks    curriculum task ids marked done when every check passes
 * @param starter  folder (relative to the lab) copied into the workspace; null for none
 * @param solution folder (relative to the lab) holding the reference solution; null for none
 * @param stub     the FastAPI stub is copied into the workspace first
 */
public record LabDefinition(String id, String title, String summary, List<Integer> weeks, List<String> marks,
                            List<ServiceSpec> services, List<LabStep> steps, String starter, String solution,
                            boolean stub, String folder) {
    public LabDefinition {
        weeks = List.copyOf(weeks);
        marks = List.copyOf(marks);
        services = List.copyOf(services);
        steps = List.copyOf(steps);
    }

    /**
     * Week numbers as people write them: a run of weeks as its ends joined by {@code dash} ("1-4"), others listed
     * with {@code separator} ("15, 22, 24"); empty for none.
     */
    public static String span(List<Integer> weeks, String dash, String separator) {
        List<Integer> sorted = weeks.stream().sorted().toList();
        if (sorted.size() <= 1) {
            return sorted.isEmpty() ? "" : String.valueOf(sorted.get(0));
        }
        boolean contiguous = sorted.get(sorted.size() - 1) - sorted.get(0) == sorted.size() - 1;
        return contiguous ? sorted.get(0) + dash + sorted.get(sorted.size() - 1)
                : String.join(separator, sorted.stream().map(String::valueOf).toList());
    }

    public Optional<ServiceSpec> service(ServiceType type) {
        return services.stream().filter(s -> s.type() == type).findFirst();
    }

    public boolean hasSolution() {
        return solution != null;
    }
}
