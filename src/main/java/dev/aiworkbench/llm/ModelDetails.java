package dev.aiworkbench.llm;

import java.util.List;
import java.util.Map;

/** What the server says about one model: its prompt template, parameters and capabilities. */
public record ModelDetails(String name, String template, String parameters, String system, String license,
                           List<String> capabilities, Map<String, String> details) {
}
