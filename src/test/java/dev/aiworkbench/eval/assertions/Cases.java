package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Small builders for assertion tests: values written as YAML, outputs with or without figures. */
final class Cases {
    private static final YAMLMapper YAML = new YAMLMapper();

    private Cases() {
    }

    /** A value as a suite would write it in YAML; null for no value. */
    static JsonNode yaml(String text) {
        if (text == null) {
            return null;
        }
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static CaseOutput output(String text) {
        return new CaseOutput(text, "prompt", Map.of(), OptionalLong.empty(), OptionalDouble.empty());
    }

    static CaseOutput output(String text, Map<String, String> vars) {
        return new CaseOutput(text, "prompt", vars, OptionalLong.empty(), OptionalDouble.empty());
    }

    static CaseOutput measured(String text, Long latencyMs, Double costUsd) {
        return new CaseOutput(text, "prompt", Map.of(),
                latencyMs == null ? OptionalLong.empty() : OptionalLong.of(latencyMs),
                costUsd == null ? OptionalDouble.empty() : OptionalDouble.of(costUsd));
    }
}
