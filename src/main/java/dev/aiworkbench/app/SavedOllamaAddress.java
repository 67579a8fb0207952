package dev.aiworkbench.app;

import dev.aiworkbench.llm.OllamaEndpoint;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.DatabaseException;
import dev.aiworkbench.store.SettingsStore;

import java.nio.file.Files;
import java.util.Optional;

/**
 * The model server's address as the app would use it, read without opening the whole workbench: for checks that
 * must work when the pack or the rest of the data folder does not.
 */
public final class SavedOllamaAddress {
    private SavedOllamaAddress() {
    }

    /** {@code override}, else the address saved in Settings, else {@code OLLAMA_HOST}, else the default. */
    public static OllamaEndpoint resolve(DataFolder folder, Optional<String> override) {
        if (Files.exists(folder.database())) {
            try (Database database = Database.open(folder.database())) {
                return OllamaEndpoint.resolve(override, new SettingsStore(database).get(Workbench.OLLAMA_URL_SETTING),
                        System.getenv());
            } catch (DatabaseException e) {
                // the database check reports this; the address falls back to the other sources
            }
        }
        return OllamaEndpoint.fromEnvironment(override);
    }
}
