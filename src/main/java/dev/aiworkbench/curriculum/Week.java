package dev.aiworkbench.curriculum;

import java.util.List;

/**
 * One week of the plan.
 *
 * @param file  the week's file, relative to the pack root (for messages and editors)
 * @param guide the week's guide in Markdown
 */
public record Week(String id, int number, String moduleId, String title, double hours,
                   List<String> goals, List<Task> tasks, List<Resource> resources,
                   List<String> labs, String guide, String file) {
}
