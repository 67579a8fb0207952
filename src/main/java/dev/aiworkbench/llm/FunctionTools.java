package dev.aiworkbench.llm;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;

/** The {@code tools} field as OpenAI's Chat Completions and Ollama's chat both take it. */
public final class FunctionTools {
    private FunctionTools() {
    }

    /** {@code tools}: {@code [{type: function, function: {name, description, parameters}}]}, left out when none. */
    public static void write(JsonGenerator body, List<ToolDefinition> tools) throws IOException {
        if (tools.isEmpty()) {
            return;
        }
        body.writeArrayFieldStart("tools");
        for (ToolDefinition tool : tools) {
            body.writeStartObject();
            body.writeStringField("type", "function");
            body.writeObjectFieldStart("function");
            body.writeStringField("name", tool.name());
            body.writeStringField("description", tool.description());
            body.writeFieldName("parameters");
            body.writeTree(ToolArguments.schema(tool));
            body.writeEndObject();
            body.writeEndObject();
        }
        body.writeEndArray();
    }
}
