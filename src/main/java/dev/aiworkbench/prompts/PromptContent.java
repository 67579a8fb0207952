package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.ToolDefinition;

import java.util.List;

/**
 * What a prompt version consists of; two versions with equal content are the same prompt.
 *
 * @param system       the system prompt; empty for none
 * @param defaultModel the model to run it on when none is chosen; null for none
 * @param tools        the tools offered to the model with the prompt, in order; empty for none
 */
public record PromptContent(String template, String system, ModelOptions options, OutputFormat format,
                            String defaultModel, List<ToolDefinition> tools) {
    public PromptContent {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("the template is empty; write the prompt before saving it");
        }
        system = system == null ? "" : system;
        options = options == null ? ModelOptions.DEFAULTS : options;
        format = format == null ? OutputFormat.PLAIN : format;
        if (format instanceof OutputFormat.JsonSchema schema && (schema.schema() == null || !schema.schema().isObject())) {
            throw new IllegalArgumentException("a JSON-Schema output format needs a schema, written as a JSON object");
        }
        defaultModel = defaultModel == null || defaultModel.isBlank() ? null : defaultModel.strip();
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /** Content that offers no tools. */
    public PromptContent(String template, String system, ModelOptions options, OutputFormat format,
                         String defaultModel) {
        this(template, system, options, format, defaultModel, List.of());
    }

    /** A template with no system prompt, default options, plain output and no default model. */
    public static PromptContent of(String template) {
        return new PromptContent(template, "", ModelOptions.DEFAULTS, OutputFormat.PLAIN, null);
    }

    public PromptTemplate parsedTemplate() {
        return PromptTemplate.parse(template);
    }
}
