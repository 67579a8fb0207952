package dev.aiworkbench.ui.settings;

/**
 * One provider as the section lists it.
 *
 * @param key the key in use by its last four characters ({@code …abcd}) and where it comes from, or that it has none
 */
public record ProviderLine(String name, String kind, String address, String key, boolean removable) {

    /** One line of text, for the list and for tests. */
    public String text() {
        return name + " (" + kind + ") · " + address + " · " + key;
    }
}
