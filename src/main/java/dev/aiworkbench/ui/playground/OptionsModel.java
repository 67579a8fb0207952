package dev.aiworkbench.ui.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.ModelOption;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sampling options and answer format as typed (an empty option means the server's default), read on demand. */
public final class OptionsModel {
    /** The options with a field each, in the order the form shows them: every option but stop, which has its own. */
    public static final List<String> NAMES = Arrays.stream(ModelOption.values())
            .filter(option -> option.kind() != ModelOption.Kind.TEXTS).map(ModelOption::wireName).toList();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer formats the playground offers. */
    public enum Format {
        PLAIN("Plain text"), JSON("JSON"), JSON_SCHEMA("JSON matching a schema");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final StringProperty stop = new SimpleStringProperty("");
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.PLAIN);
    private final StringProperty schema = new SimpleStringProperty("");

    public OptionsModel() {
        NAMES.forEach(name -> values.put(name, new SimpleStringProperty("")));
    }

    /** The text typed for one of {@link #NAMES}. */
    public StringProperty option(String name) {
        return values.get(name);
    }

    /** Stop sequences separated by |, with \n and \t written as such. */
    public StringProperty stopProperty() {
        return stop;
    }

    public ObjectProperty<Format> formatProperty() {
        return format;
    }

    public StringProperty schemaProperty() {
        return schema;
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    public ModelOptions options() {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!value.get().isBlank()) {
                typed.put(name, List.of(value.get().strip()));
            }
        });
        List<String> stops = new ArrayList<>();
        for (String part : stop.get().split("\\|")) {
            if (!part.isEmpty()) {
                stops.add(part.replace("\\n", "\n").replace("\\t", "\t"));
            }
        }
        if (!stops.isEmpty()) {
            typed.put("stop", stops);
        }
        return ModelOptions.parse(typed);
    }

    /** @throws IllegalArgumentException when the schema is not JSON */
    public OutputFormat format() {
        return switch (format.get()) {
            case JSON -> OutputFormat.JSON;
            case JSON_SCHEMA -> {
                try {
                    yield new OutputFormat.JsonSchema(JSON.readTree(schema.get()));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("the JSON Schema is not valid JSON: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
                }
            }
            case PLAIN -> OutputFormat.PLAIN;
        };
    }

    /** Shows saved options and format, as a reopened run or an opened version has them. */
    public void fill(ModelOptions options, OutputFormat outputFormat) {
        NAMES.forEach(name -> set(name, options.value(ModelOption.named(name).orElseThrow())));
        stop.set(String.join("|", options.stop().stream().map(s -> s.replace("\n", "\\n").replace("\t", "\\t"))
                .toList()));
        switch (outputFormat) {
            case OutputFormat.Json json -> format.set(Format.JSON);
            case OutputFormat.JsonSchema jsonSchema -> {
                format.set(Format.JSON_SCHEMA);
                schema.set(jsonSchema.schema().toPrettyString());
            }
            case OutputFormat.Plain plain -> format.set(Format.PLAIN);
        }
    }

    private void set(String name, Object value) {
        values.get(name).set(value == null ? "" : String.valueOf(value));
    }
}
