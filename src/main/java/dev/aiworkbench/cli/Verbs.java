package dev.aiworkbench.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The top-level verbs by name, in the order help lists them. The parser is built only for the verbs a command line
 * names: picocli reflects over every option of every verb it is given, and its classes are too old for the JDK's
 * AOT cache to keep linked, so building all twelve was a large share of a short command's start.
 */
final class Verbs {
    private static final SequencedMap<String, Class<?>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("doctor", DoctorCommand.class);
        BY_NAME.put("pack", PackCommand.class);
        BY_NAME.put("progress", ProgressCommand.class);
        BY_NAME.put("plan", PlanCommand.class);
        BY_NAME.put("database", DatabaseCommand.class);
        BY_NAME.put("models", ModelsCommand.class);
        BY_NAME.put("prompt", PromptCommand.class);
        BY_NAME.put("eval", EvalCommand.class);
        BY_NAME.put("lab", LabCommand.class);
        BY_NAME.put("assess", AssessCommand.class);
        BY_NAME.put("usage", UsageCommand.class);
        BY_NAME.put("metrics", MetricsCommand.class);
    }

    private Verbs() {
    }

    /** Every verb by its name, as help lists them. */
    static Map<String, Class<?>> all() {
        return BY_NAME;
    }

    /**
     * The verbs whose names appear among the arguments. When none does: none for {@code --version}, which prints a
     * line, and all of them otherwise, so that help, a mistyped verb (picocli suggests the near ones) and options
     * alone behave as with the whole tree. A value that happens to be a verb's name only adds that verb to the
     * tree, which changes nothing in how the line parses.
     */
    static Collection<Class<?>> namedIn(String[] args) {
        List<String> words = List.of(args);
        List<Class<?>> named = new ArrayList<>();
        BY_NAME.forEach((name, verb) -> {
            if (words.contains(name)) {
                named.add(verb);
            }
        });
        if (!named.isEmpty()) {
            return named;
        }
        return words.contains("--version") || words.contains("-V") ? List.of() : BY_NAME.values();
    }
}
