package dev.aiworkbench.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.curriculum.Nodes;
import dev.aiworkbench.curriculum.WeekFile;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.YamlDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A week's shape: three to six tasks (fewer leaves the week thin, more turns it into a list nobody finishes), and
 * tasks whose hours add up to the week's, so the pace the app projects is the pace the author meant.
 */
final class WeekShapeRules {
    static final int FEWEST_TASKS = 3;
    static final int MOST_TASKS = 6;

    private WeekShapeRules() {
    }

    static List<Problem> check(List<WeekFile> weeks) {
        List<Problem> problems = new ArrayList<>();
        for (WeekFile week : weeks) {
            YamlDocument front = week.frontMatter();
            JsonNode root = front.root();
            List<JsonNode> tasks = Nodes.objects(root, "tasks");
            if (root.has("tasks") && (tasks.size() < FEWEST_TASKS || tasks.size() > MOST_TASKS)) {
                problems.add(Problem.error(front.position(root, "tasks"), "the week has " + tasks.size() + " task"
                        + (tasks.size() == 1 ? "" : "s") + "; a week has " + FEWEST_TASKS + " to " + MOST_TASKS
                        + ": " + (tasks.size() < FEWEST_TASKS ? "split a task or add one" : "merge tasks or move some "
                        + "to another week")).withRule(LintRules.WEEK_TASK_COUNT));
            }
            checkHours(front, tasks).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<Problem> checkHours(YamlDocument front, List<JsonNode> tasks) {
        Double hours = Nodes.number(front.root(), "hours");
        if (hours == null || tasks.isEmpty()) {
            return Optional.empty();
        }
        double given = tasks.stream().map(t -> Nodes.number(t, "hours")).filter(h -> h != null)
                .mapToDouble(Double::doubleValue).sum();
        long without = tasks.stream().filter(t -> Nodes.number(t, "hours") == null).count();
        String message = null;
        if (without == 0 && Math.abs(given - hours) > 1e-9) {
            message = "the tasks' hours add up to " + plain(given) + " but the week has " + plain(hours)
                    + ": change the week's hours or a task's so they agree";
        } else if (without > 0 && given >= hours - 1e-9) {
            message = "the tasks with hours already take " + plain(given) + " of the week's " + plain(hours)
                    + ", leaving nothing for the " + without + " without: give them hours or raise the week's";
        }
        return Optional.ofNullable(message).map(m -> Problem.error(front.position(front.root(), "hours"), m)
                .withRule(LintRules.WEEK_HOURS));
    }

    /** 12.0 as "12", 1.5 as "1.5". */
    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
