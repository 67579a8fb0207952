package dev.aiworkbench.ui.observability;

/** One line of a call's details: "Model", "qwen2.5:0.5b". */
public record CallField(String label, String value) {
}
