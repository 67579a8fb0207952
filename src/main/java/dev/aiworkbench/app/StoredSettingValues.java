package dev.aiworkbench.app;

import dev.aiworkbench.observability.SettingValues;
import dev.aiworkbench.store.SettingsStore;

import java.util.Optional;

/** The app's settings as observability reads and writes its own (retention, export), without naming the store. */
record StoredSettingValues(SettingsStore settings) implements SettingValues {
    @Override
    public Optional<String> get(String key) {
        return settings.get(key);
    }

    @Override
    public void put(String key, String value) {
        settings.put(key, value);
    }

    @Override
    public void remove(String key) {
        settings.remove(key);
    }
}
