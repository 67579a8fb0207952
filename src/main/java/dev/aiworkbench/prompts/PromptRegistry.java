package dev.aiworkbench.prompts;

import dev.aiworkbench.diagnostics.Suggestions;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Named prompts with immutable, numbered versions. Each call is one transaction, so a version number
 * is never handed out twice, even with two windows saving at once.
 */
public final class PromptRegistry {
    private static final int AUTHOR_MAX = 200;
    private static final int LISTED_NAMES = 20;

    private final Database database;
    private final PromptStore store;
    private final Clock clock;

    public PromptRegistry(Database database, Clock clock) {
        this.database = database;
        this.store = new PromptStore(database);
        this.clock = clock;
    }

    /** The author to suggest when the learner has not set one: the operating system's user name. */
    public static String defaultAuthor() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "me" : user;
    }

    /**
     * Saves the content as the next version of the named prompt, creating the prompt on its first
     * save. Content equal to the latest version's is not saved again; the result says so.
     *
     * @param note why this version exists; may be empty
     * @throws IllegalArgumentException for a bad name or a missing author, with the reason
     */
    public SaveResult save(String name, PromptContent content, String author, String note) {
        PromptNames.check(name);
        String who = author == null ? "" : author.strip();
        if (who.isEmpty() || who.length() > AUTHOR_MAX) {
            throw new IllegalArgumentException("say who is saving this version (an author name of 1 to "
                    + AUTHOR_MAX + " characters)");
        }
        String why = note == null ? "" : note.strip();
        // compare and store the content as it reads back, so equal content always compares equal
        PromptContent stored = PromptJson.roundTrip(content);
        Instant at = Timestamps.truncate(clock.instant());
        return database.inTransaction(c -> {
            Long promptId = store.promptId(name).orElse(null);
            int latest = 0;
            if (promptId == null) {
                promptId = store.insertPrompt(name, at);
            } else {
                latest = store.latestNumber(promptId);
                PromptVersion current = store.version(promptId, latest).orElseThrow();
                if (current.content().equals(stored)) {
                    return new SaveResult(current, false);
                }
            }
            PromptVersion version = new PromptVersion(name, latest + 1, at, who, why, stored);
            store.insertVersion(promptId, version);
            return new SaveResult(version, true);
        });
    }

    /** Every named prompt, by name. */
    public List<PromptSummary> list() {
        return database.inTransaction(c -> store.summaries());
    }

    /** The prompt's versions, oldest first. */
    public List<PromptVersion> versions(String name) {
        return database.inTransaction(c -> store.versions(existing(name)));
    }

    /** {@code name} (the latest version) or {@code name@version}. */
    public PromptVersion get(String reference) {
        return get(PromptRef.parse(reference));
    }

    /** @throws UnknownPromptException naming the prompts, or the versions, that do exist */
    public PromptVersion get(PromptRef ref) {
        return database.inTransaction(c -> resolve(ref));
    }

    /** The differences from {@code from} to {@code to}, which may be versions of different prompts. */
    public PromptDiff diff(PromptRef from, PromptRef to) {
        return database.inTransaction(c -> PromptDiff.between(resolve(from), resolve(to)));
    }

    private PromptVersion resolve(PromptRef ref) throws SQLException {
        long promptId = existing(ref.name());
        int latest = store.latestNumber(promptId);
        int wanted = ref.isLatest() ? latest : ref.version();
        if (wanted > latest) {
            throw new UnknownPromptException(ref.name() + (latest == 1 ? " has only version 1" : " has versions 1 to "
                    + latest) + ", so there is no " + ref + "; leave the version off for the latest");
        }
        return store.version(promptId, wanted).orElseThrow();
    }

    private long existing(String name) throws SQLException {
        PromptNames.check(name);
        Long id = store.promptId(name).orElse(null);
        if (id != null) {
            return id;
        }
        List<String> names = store.names();
        if (names.isEmpty()) {
            throw new UnknownPromptException("there is no prompt '" + name + "'; no prompts are saved yet (save one "
                    + "from the Playground)");
        }
        List<String> guesses = Suggestions.BY_EDITS.closest(names, name, 3);
        String guess = guesses.isEmpty() ? "." : "; did you mean " + Words.or(quoted(guesses)) + "?";
        List<String> shown = names.size() > LISTED_NAMES ? names.subList(0, LISTED_NAMES) : names;
        String more = names.size() > shown.size() ? " and " + (names.size() - shown.size()) + " more" : "";
        throw new UnknownPromptException("there is no prompt '" + name + "'" + guess + " The saved prompts are: "
                + String.join(", ", shown) + more + ".");
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").toList();
    }
}
