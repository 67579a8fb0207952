package dev.aiworkbench.curriculum;

import java.util.List;

/** What pack.yaml says about the pack. */
public record PackInfo(String id, String title, String version, List<String> authors,
                       String license, String description, String requires) {
}
