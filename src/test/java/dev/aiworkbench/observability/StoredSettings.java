package dev.aiworkbench.observability;

import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.SettingsStore;

import java.util.Optional;

/** The feature's settings in the database's settings table, as the composition root hands them over. */
final class StoredSettings implements SettingValues {
    private final SettingsStore store;

    StoredSettings(Database database) {
        this.store = new SettingsStore(database);
    }

    @Override
    public Optional<String> get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, String value) {
        store.put(key, value);
    }

    @Override
    public void remove(String key) {
        store.remove(key);
    }
}
