package dev.aiworkbench.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.ToolDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed from one prompt version to another: line diffs of the template and the system
 * prompt, and every setting (option, format, schema, default model, tools) that differs.
 */
public record PromptDiff(String from, String to, TextDiff template, TextDiff system, List<SettingChange> settings) {
    public PromptDiff {
        settings = List.copyOf(settings);
    }

    public static PromptDiff between(PromptVersion older, PromptVersion newer) {
        PromptContent a = older.content();
        PromptContent b = newer.content();
        return new PromptDiff(older.label(), newer.label(),
                TextDiff.compare(a.template(), b.template(), older.label() + "/template", newer.label() + "/template"),
                TextDiff.compare(a.system(), b.system(), older.label() + "/system", newer.label() + "/system"),
                settings(a, b));
    }

    private static List<SettingChange> settings(PromptContent a, PromptContent b) {
        List<SettingChange> changes = new ArrayList<>();
        Map<String, Object> before = a.options().toWire();
        Map<String, Object> after = b.options().toWire();
        for (String name : ModelOptions.NAMES) {
            add(changes, name, text(before.get(name)), text(after.get(name)));
        }
        add(changes, "format", PromptJson.formatId(a.format()), PromptJson.formatId(b.format()));
        // schemas are compared as JSON, not as text: key order does not make a different schema
        if (!Objects.equals(schema(a.format()), schema(b.format()))) {
            changes.add(new SettingChange("schema", PromptJson.schema(a.format()), PromptJson.schema(b.format())));
        }
        add(changes, "model", a.defaultModel(), b.defaultModel());
        if (!a.tools().equals(b.tools())) {
            String oldTools = toolNames(a);
            String newTools = toolNames(b);
            changes.add(new SettingChange("tools", oldTools, oldTools != null && oldTools.equals(newTools)
                    ? newTools + " (definitions changed)" : newTools));
        }
        return changes;
    }

    private static String toolNames(PromptContent content) {
        return content.tools().isEmpty() ? null
                : String.join(", ", content.tools().stream().map(ToolDefinition::name).toList());
    }

    private static JsonNode schema(OutputFormat format) {
        return format instanceof OutputFormat.JsonSchema s ? s.schema() : null;
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof List<?> ? PromptJson.compact(value) : value.toString();
    }

    private static void add(List<SettingChange> changes, String setting, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new SettingChange(setting, before, after));
        }
    }

    public boolean identical() {
        return !template.changed() && !system.changed() && settings.isEmpty();
    }

    /** The whole difference as text: the unified diffs, then one line per changed setting. */
    public String unified() {
        if (identical()) {
            return from + " and " + to + " are the same.\n";
        }
        StringBuilder out = new StringBuilder(template.unified()).append(system.unified());
        for (SettingChange change : settings) {
            out.append("# ").append(change.describe()).append('\n');
        }
        return out.toString();
    }
}
