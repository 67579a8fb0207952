package dev.aiworkbench.providers;

/**
 * Whether keys can be kept in the operating system's keychain here, and if not, why, as a sentence that ends with
 * what to do instead.
 */
public record KeychainStatus(boolean available, String explanation) {

    public static KeychainStatus available(String where) {
        return new KeychainStatus(true, "Keys are kept in " + where + ".");
    }

    public static KeychainStatus unavailable(String reason) {
        return new KeychainStatus(false, reason + " Keys are read from the environment only (OPENAI_API_KEY, "
                + "ANTHROPIC_API_KEY): set them before starting the workbench.");
    }
}
