package dev.aiworkbench.prompts;

import java.util.Locale;

/**
 * Prompt names: lowercase letters, digits, hyphens and dots, starting and ending with a letter or
 * digit, at most 64 characters. They go into file names, URLs and the command line's
 * {@code name@version} unquoted, so nothing else is allowed.
 */
public final class PromptNames {
    public static final int MAX_LENGTH = 64;

    private PromptNames() {
    }

    /**
     * @return the name, unchanged
     * @throws IllegalArgumentException with the reason and, where one exists, a name that would do
     */
    public static String check(String name) {
        String reason = problem(name);
        if (reason != null) {
            String suggestion = suggest(name);
            throw new IllegalArgumentException("'" + name + "' cannot be a prompt name: " + reason
                    + (suggestion != null && problem(suggestion) == null ? " (try '" + suggestion + "')" : ""));
        }
        return name;
    }

    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    private static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "a prompt needs a name";
        }
        if (name.length() > MAX_LENGTH) {
            return "it is " + name.length() + " characters long and names are at most " + MAX_LENGTH;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return "it has an uppercase letter, and names use lowercase letters, digits, hyphens and dots";
            }
            if (!isLetterOrDigit(c) && c != '-' && c != '.') {
                return "it has '" + c + "', and names use only lowercase letters, digits, hyphens and dots";
            }
        }
        if (!isLetterOrDigit(name.charAt(0)) || !isLetterOrDigit(name.charAt(name.length() - 1))) {
            return "names start and end with a letter or digit";
        }
        return null;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static String suggest(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String lowered = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_/]+", "-")
                .replaceAll("[^a-z0-9.-]", "").replaceAll("^[.-]+|[.-]+$", "");
        return lowered.equals(name) || lowered.isEmpty() ? null : lowered;
    }
}
