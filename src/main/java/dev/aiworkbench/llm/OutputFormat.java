package dev.aiworkbench.llm;

import com.fasterxml.jackson.databind.JsonNode;

/** What shape the answer must have: free text, any JSON, or JSON matching a schema. */
public sealed interface OutputFormat {
    record Plain() implements OutputFormat {
    }

    record Json() implements OutputFormat {
    }

    record JsonSchema(JsonNode schema) implements OutputFormat {
    }

    OutputFormat PLAIN = new Plain();
    OutputFormat JSON = new Json();
}
