package dev.aiworkbench.llm;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one list of options, read by the command line, the wire, saved prompts and eval suites. */
class ModelOptionsTest {
    private static final ModelOptions ALL = new ModelOptions(0.5, 0.9, 40, 7, 128, 4096, List.of("###"));

    @Test
    void everyOptionIsOnTheWireUnderItsNameInTheOrderOfTheList() {
        assertThat(ALL.toWire()).containsExactly(Map.entry("temperature", 0.5), Map.entry("top_p", 0.9),
                Map.entry("top_k", 40), Map.entry("seed", 7), Map.entry("num_predict", 128),
                Map.entry("num_ctx", 4096), Map.entry("stop", List.of("###")));
        assertThat(ModelOptions.NAMES).containsExactly("temperature", "top_p", "top_k", "seed", "num_predict",
                "num_ctx", "stop");
        assertThat(ModelOptions.DEFAULTS.toWire()).isEmpty();
    }

    @Test
    void valuesReadBackIntoTheSameOptions() {
        Map<ModelOption, Object> values = new LinkedHashMap<>();
        for (ModelOption option : ModelOption.values()) {
            values.put(option, ALL.value(option));
        }
        assertThat(ModelOptions.of(values)).isEqualTo(ALL);
        assertThat(ModelOption.named("num_ctx")).contains(ModelOption.NUM_CTX);
        assertThat(ModelOption.named("NUM_CTX")).isEmpty();
    }

    @Test
    void theCommandLineReadsEachOptionByItsKind() {
        Map<String, List<String>> given = new LinkedHashMap<>();
        given.put("Temperature", List.of("1", "0.5"));
        given.put("top_k", List.of("40"));
        given.put("stop", List.of("a", "b"));

        assertThat(ModelOptions.parse(given)).isEqualTo(new ModelOptions(0.5, null, 40, null, null, null,
                List.of("a", "b")));
        assertThatThrownBy(() -> ModelOptions.parse(Map.of("top_k", List.of("many"))))
                .hasMessage("top_k must be a whole number, not 'many'");
        assertThatThrownBy(() -> ModelOptions.parse(Map.of("num_ctx", List.of("0"))))
                .hasMessage("num_ctx must be at least 1");
        assertThatThrownBy(() -> ModelOptions.parse(Map.of("mirostat", List.of("1"))))
                .hasMessageStartingWith("unknown option 'mirostat'; the options are temperature, top_p");
    }

    @Test
    void optionsSetOverTakeThePlaceOfTheBaseOnesAndAnEmptyStopKeepsTheBaseStop() {
        ModelOptions over = new ModelOptions(0.0, null, null, 42, null, null, List.of());

        assertThat(ALL.overriddenBy(over)).isEqualTo(new ModelOptions(0.0, 0.9, 40, 42, 128, 4096, List.of("###")));
        assertThat(ALL.overriddenBy(ModelOptions.DEFAULTS.withStop("END")).stop()).containsExactly("END");
    }
}
