package dev.aiworkbench.prompts;

/**
 * One {@code {{variable}}} slot in a template. Offsets are character indexes into the template text
 * (end exclusive) and cover the braces, so an editor can style the whole slot.
 */
public record TemplateSlot(String name, int start, int end) {
}
