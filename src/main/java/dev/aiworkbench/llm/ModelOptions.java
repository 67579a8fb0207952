package dev.aiworkbench.llm;

import java.util.Arrays;
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
    public static final List<String> NAMES = List.of("temperature", "top_p", "top_k", "seed", "num_predict",
            "num_ctx", "stop");

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
     * Reads {@code name=value} pairs (the command line's {@code --option}); several {@code stop}
     * values add up. Unknown names and values of the wrong type are refused with the reason.
     */
    public static ModelOptions parse(Map<String, List<String>> values) {
        Double temperature = null;
        Double topP = null;
        Integer topK = null;
        Integer seed = null;
        Integer numPredict = null;
        Integer numCtx = null;
        List<String> stop = List.of();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            String value = entry.getValue().get(entry.getValue().size() - 1);
            switch (name) {
                case "temperature" -> temperature = decimal(name, value);
                case "top_p" -> topP = decimal(name, value);
                case "top_k" -> topK = whole(name, value);
                case "seed" -> seed = whole(name, value);
                case "num_predict" -> numPredict = whole(name, value);
                case "num_ctx" -> numCtx = whole(name, value);
                case "stop" -> stop = List.copyOf(entry.getValue());
                default -> throw new IllegalArgumentException("unknown option '" + entry.getKey() + "'; the options are "
                        + String.join(", ", NAMES));
            }
        }
        return new ModelOptions(temperature, topP, topK, seed, numPredict, numCtx, stop);
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
        put(wire, "temperature", temperature);
        put(wire, "top_p", topP);
        put(wire, "top_k", topK);
        put(wire, "seed", seed);
        put(wire, "num_predict", numPredict);
        put(wire, "num_ctx", numCtx);
        if (!stop.isEmpty()) {
            wire.put("stop", stop);
        }
        return wire;
    }

    private static void put(Map<String, Object> wire, String name, Object value) {
        if (value != null) {
            wire.put(name, value);
        }
    }

    public ModelOptions withStop(String... values) {
        return new ModelOptions(temperature, topP, topK, seed, numPredict, numCtx, Arrays.asList(values));
    }
}
