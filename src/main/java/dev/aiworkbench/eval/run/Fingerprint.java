package dev.aiworkbench.eval.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.assertions.ScriptAssertionValue;
import dev.aiworkbench.eval.suite.TestCase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run measured, as hashes: the prompt text, the dataset (items and their vars), the
 * assertions, the options, and the model's digest on the server. Two runs can be compared item by
 * item only when they graded the same way; the prompt, options and model are what a comparison is
 * for, so they may differ.
 */
public record Fingerprint(String promptHash, String datasetHash, String assertionsHash, String optionsHash,
                          String modelDigest) {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public static Fingerprint of(String promptText, String system, List<TestCase> tests, Object options,
                                 String modelDigest) {
        // Items are paired by key, never by position: reordering the tests changes nothing a run measures.
        List<TestCase> byKey = tests.stream().sorted(Comparator.comparing(TestCase::key)).toList();
        List<Map<String, Object>> dataset = byKey.stream().map(test -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", test.key());
            item.put("vars", test.vars());
            return item;
        }).toList();
        List<Map<String, Object>> assertions = byKey.stream().map(test -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", test.key());
            item.put("threshold", test.threshold());
            item.put("assert", test.assertions().stream().map(Fingerprint::assertion).toList());
            if (test.transform() != null) {
                // Only when set, as contextTransform below; the file's code is in it, never the folder it was read from.
                item.put("transform", ScriptAssertionValue.measured(test.transform()));
            }
            return item;
        }).toList();
        return new Fingerprint(hash(promptText + "\u0000" + system), hash(dataset), hash(assertions), hash(options),
                modelDigest);
    }

    private static Map<String, Object> assertion(AssertionSpec spec) {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("type", spec.writtenType());
        written.put("value", ScriptAssertionValue.isScript(spec.value())
                ? ScriptAssertionValue.of(spec.value()).measured() : spec.value());
        written.put("threshold", spec.threshold());
        written.put("weight", spec.weight());
        written.put("metric", spec.metric());
        if (spec.contextTransform() != null) {
            // Only when set, so the hashes of suites without one stay what earlier runs recorded.
            written.put("contextTransform", spec.contextTransform());
        }
        return written;
    }

    /** The runs graded the same items the same way, so their verdicts can be paired. */
    public boolean gradedLike(Fingerprint other) {
        return assertionsHash.equals(other.assertionsHash);
    }

    public boolean sameDataset(Fingerprint other) {
        return datasetHash.equals(other.datasetHash);
    }

    /** Everything the same: a resumed run may continue only then. */
    public boolean sameRun(Fingerprint other) {
        return promptHash.equals(other.promptHash) && datasetHash.equals(other.datasetHash)
                && assertionsHash.equals(other.assertionsHash) && optionsHash.equals(other.optionsHash)
                && java.util.Objects.equals(modelDigest, other.modelDigest);
    }

    static String hash(Object value) {
        try {
            byte[] bytes = value instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : CANONICAL.writeValueAsBytes(value);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash " + value, e);
        }
    }
}
