package dev.aiworkbench.prompts;

/**
 * A reference to a saved prompt as the learner writes it: {@code name} (the latest version) or
 * {@code name@version}.
 *
 * @param version null for the latest
 */
public record PromptRef(String name, Integer version) {
    public PromptRef {
        PromptNames.check(name);
        if (version != null && version < 1) {
            throw new IllegalArgumentException("prompt versions count from 1, so '" + name + "@" + version
                    + "' names nothing");
        }
    }

    public static PromptRef latest(String name) {
        return new PromptRef(name, null);
    }

    public static PromptRef of(String name, int version) {
        return new PromptRef(name, version);
    }

    /** Reads {@code name} or {@code name@version}; refuses anything else with the reason. */
    public static PromptRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("name a prompt as name or name@version, for example summarise@2");
        }
        String trimmed = text.strip();
        int at = trimmed.lastIndexOf('@');
        if (at < 0) {
            return latest(trimmed);
        }
        String number = trimmed.substring(at + 1);
        if (number.isEmpty() || number.length() > 9 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + trimmed + "' is not name@version: the version is a number, "
                    + "for example " + trimmed.substring(0, at) + "@1");
        }
        return new PromptRef(trimmed.substring(0, at), Integer.parseInt(number));
    }

    public boolean isLatest() {
        return version == null;
    }

    @Override
    public String toString() {
        return version == null ? name : name + "@" + version;
    }
}
