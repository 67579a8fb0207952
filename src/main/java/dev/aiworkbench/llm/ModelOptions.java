package dev.aiworkbench.llm;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sampling and context options. A null field is not sent, so the server's default applies.
 * {@code stop} is always sent as a JSON array, which is what Ollama requires.
 */
public record ModelOptions(Double temperature, Double topP, Integer topK, Integer seed, Integer numPredict,
                           Integer numCtx, List<String> stop) {

    public static final ModelOptions DEFAULTS = new ModelOptions(null, null, null, null, null, null, List.of());

    /** The option names, as Ollama and the command line spell them. */
    public static final List<String> NAMES = Arrays.stream(ModelOption.values()).map(ModelOption::wireName).toList();

    public ModelOptions {
        stop = stop == null ? List.of() : List.copyOf(stop);
        check(temperature == null || (temperature >= 0 && temperature <= 2), "temperature must be between 0 and 2");
        check(topP == null || (topP > 0 && topP <= 1), "top_p must be more than 0 and at most 1");
        check(topK == null || topK >= 1, "top_k must be at least 1");
        check(numPredict == null || numPredict >= -2, "num_predict must be -1 (no limit) or a number of tokens");
        check(numCtx == null || numCtx >= 1, "num_ctx must be at least 1");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The options with these values, each of its option's {@link ModelOption.Kind}; the others are not set.
     *
     * @throws IllegalArgumentException a value is out of its range (the message says which and why)
     */
    @SuppressWarnings("unchecked") // a TEXTS value is a List<String>, as the kind says
    public static ModelOptions of(Map<ModelOption, ?> values) {
        return new ModelOptions((Double) values.get(ModelOption.TEMPERATURE), (Double) values.get(ModelOption.TOP_P),
                (Integer) values.get(ModelOption.TOP_K), (Integer) values.get(ModelOption.SEED),
                (Integer) values.get(ModelOption.NUM_PREDICT), (Integer) values.get(ModelOption.NUM_CTX),
                (List<String>) values.get(ModelOption.STOP));
    }

    /** The option's value, or null when it is not set (an empty {@code stop} is not set). */
    public Object value(ModelOption option) {
        return switch (option) {
            case TEMPERATURE -> temperature;
            case TOP_P -> topP;
            case TOP_K -> topK;
            case SEED -> seed;
            case NUM_PREDICT -> numPredict;
            case NUM_CTX -> numCtx;
            case STOP -> stop.isEmpty() ? null : stop;
        };
    }

    /** These options with each one that {@code over} sets taking the place of ours. */
    public ModelOptions overriddenBy(ModelOptions over) {
        Map<ModelOption, Object> values = new EnumMap<>(ModelOption.class);
        for (ModelOption option : ModelOption.values()) {
            Object value = over.value(option) != null ? over.value(option) : value(option);
            if (value != null) {
                values.put(option, value);
            }
        }
        return of(values);
    }

    /**
     * Reads {@code name=value} pairs (the command line's {@code --option}); several {@code stop}
     * values add up. Unknown names and values of the wrong type are refused with the reason.
     */
    public static ModelOptions parse(Map<String, List<String>> values) {
        Map<ModelOption, Object> read = new EnumMap<>(ModelOption.class);
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            ModelOption option = ModelOption.named(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown option '" + entry.getKey() + "'; the options are " + String.join(", ", NAMES)));
            String value = entry.getValue().get(entry.getValue().size() - 1);
            read.put(option, switch (option.kind()) {
                case DECIMAL -> decimal(name, value);
                case WHOLE -> whole(name, value);
                case TEXTS -> List.copyOf(entry.getValue());
            });
        }
        return of(read);
    }

    private static Double decimal(String name, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }

    private static Integer whole(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    /** The {@code options} object Ollama expects; only the set fields. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        for (ModelOption option : ModelOption.values()) {
            Object value = value(option);
            if (value != null) {
                wire.put(option.wireName(), value);
            }
        }
        return wire;
    }

    public ModelOptions withStop(String... values) {
        return new ModelOptions(temperature, topP, topK, seed, numPredict, numCtx, Arrays.asList(values));
    }
}
