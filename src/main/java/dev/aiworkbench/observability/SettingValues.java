package dev.aiworkbench.observability;

import java.util.Optional;

/** Where the feature keeps its settings (the app's settings table, handed over by the composition root). */
public interface SettingValues {
    Optional<String> get(String key);

    void put(String key, String value);

    void remove(String key);
}
