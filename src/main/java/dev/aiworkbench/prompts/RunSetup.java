package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.ToolDefinition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a playground run was asked to do: what is kept so the run can be reopened and run again.
 *
 * @param prompt    the saved version it came from (with its number), or null for an unsaved template
 * @param system    the system prompt; empty for none
 * @param variables the values for the template's variables, in the order given
 * @param tools     the tools offered to the model; empty for none
 */
public record RunSetup(PromptRef prompt, String model, String template, String system, Map<String, String> variables,
                       ModelOptions options, OutputFormat format, List<ToolDefinition> tools) {
    public RunSetup {
        if (prompt != null && prompt.isLatest()) {
            throw new IllegalArgumentException("a run records the exact prompt version; resolve " + prompt
                    + " with the registry first");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("choose a model to run the prompt on");
        }
        template = template == null ? "" : template;
        system = system == null ? "" : system;
        Map<String, String> copy = new LinkedHashMap<>();
        (variables == null ? Map.<String, String>of() : variables).forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("a variable needs a name and a value (empty is allowed)");
            }
            copy.put(k, v);
        });
        variables = Collections.unmodifiableMap(copy);
        options = options == null ? ModelOptions.DEFAULTS : options;
        format = format == null ? OutputFormat.PLAIN : format;
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /** A setup that offers no tools. */
    public RunSetup(PromptRef prompt, String model, String template, String system, Map<String, String> variables,
                    ModelOptions options, OutputFormat format) {
        this(prompt, model, template, system, variables, options, format, List.of());
    }

    /** A run of a template typed into the playground (not a saved version). */
    public static RunSetup adHoc(String model, String template, String system, Map<String, String> variables,
                                 ModelOptions options, OutputFormat format) {
        return new RunSetup(null, model, template, system, variables, options, format);
    }

    /**
     * A run of a saved version with its own system prompt, options and format.
     *
     * @param model null to use the version's default model
     * @throws IllegalArgumentException when no model is given and the version has no default
     */
    public static RunSetup of(PromptVersion version, String model, Map<String, String> variables) {
        PromptContent content = version.content();
        String chosen = model == null || model.isBlank() ? content.defaultModel() : model;
        if (chosen == null) {
            throw new IllegalArgumentException(version.label() + " has no default model; choose one (--model on the "
                    + "command line)");
        }
        return new RunSetup(version.ref(), chosen, content.template(), content.system(), variables, content.options(),
                content.format(), content.tools());
    }

    /** The same setup on another model, for side-by-side runs. */
    public RunSetup withModel(String other) {
        return new RunSetup(prompt, other, template, system, variables, options, format, tools);
    }

    /** The same setup offering these tools instead. */
    public RunSetup withTools(List<ToolDefinition> offered) {
        return new RunSetup(prompt, model, template, system, variables, options, format, offered);
    }

    /**
     * The template with its variables filled in.
     *
     * @throws TemplateException when a variable has no value or a value names no variable
     */
    public String renderedPrompt() {
        return PromptTemplate.parse(template).render(variables);
    }

    /** The chat request to send: the system prompt, then the rendered template as the user's message, with the tools. */
    public GenerationRequest toRequest() {
        return GenerationRequest.chat(model, system.isBlank() ? null : system, renderedPrompt(), options, format)
                .withTools(tools);
    }
}
