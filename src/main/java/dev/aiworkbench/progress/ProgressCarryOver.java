package dev.aiworkbench.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.JsonColumns;
import dev.aiworkbench.store.Sql;
import dev.aiworkbench.store.Timestamps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Carries a learner's progress from one version of a pack to the next: kept where the id stays, moved where an item
 * says it {@code replaces:} the old id, archived where the id is gone, and restored where an archived id comes back.
 * Applying runs in one transaction; the caller makes a backup first.
 */
public final class ProgressCarryOver {

    private final Database database;
    private final List<ItemProgress> features;
    private final Clock clock;

    /** @param others the features above progress that record progress per item id (self-assessment, say) */
    public ProgressCarryOver(Database database, List<ItemProgress> others, Clock clock) {
        this.database = database;
        List<ItemProgress> all = new ArrayList<>();
        all.add(new ProgressItems(database));
        all.addAll(others);
        this.features = List.copyOf(all);
        this.clock = clock;
    }

    /** Says what installing {@code next} would do to the progress of its id; writes nothing. */
    public CarryOverPlan plan(Pack next, Optional<Pack> previous) {
        return database.inTransaction(c -> {
            String packId = next.id();
            Set<String> live = liveIds(packId);
            Map<String, ArchivedItem> ledger = ledger(packId);
            Set<String> nextIds = idsOf(next);
            Map<String, String> replacements = next.replacements();
            Instant now = clock.instant();
            String previousVersion = previous.map(p -> p.info().version()).orElse("an earlier version");
            List<String> kept = new ArrayList<>();
            List<CarryOverPlan.Move> moved = new ArrayList<>();
            List<ArchivedItem> archived = new ArrayList<>();
            List<ArchivedItem> restored = new ArrayList<>();
            for (String id : live) {
                if (nextIds.contains(id)) {
                    kept.add(id);
                } else if (replacements.containsKey(id)) {
                    moved.add(new CarryOverPlan.Move(id, replacements.get(id), false));
                } else {
                    archived.add(new ArchivedItem(id, title(previous, id), previousVersion, now));
                }
            }
            for (ArchivedItem item : ledger.values()) {
                if (nextIds.contains(item.id())) {
                    restored.add(item);
                } else if (replacements.containsKey(item.id()) && !live.contains(item.id())) {
                    moved.add(new CarryOverPlan.Move(item.id(), replacements.get(item.id()), true));
                }
            }
            Set<String> assessmentIds = new TreeSet<>();
            previous.ifPresent(p -> p.assessments().forEach(a -> assessmentIds.add(a.id())));
            next.assessments().forEach(a -> assessmentIds.add(a.id()));
            // An assessment's attempts carry their answers along, so assessments go first both ways.
            Comparator<ArchivedItem> assessmentsFirst = Comparator.comparing(a -> !assessmentIds.contains(a.id()));
            archived.sort(assessmentsFirst);
            restored.sort(assessmentsFirst);
            return new CarryOverPlan(packId, next.info().version(), kept, moved, archived, restored);
        });
    }

    /** Applies a plan made against the database as it is now, all of it or nothing. */
    public void apply(CarryOverPlan plan) {
        database.inTransaction(c -> {
            String packId = plan.packId();
            for (ArchivedItem item : plan.restored()) {
                restore(packId, item.id());
            }
            for (CarryOverPlan.Move move : plan.moved()) {
                if (move.fromArchive()) {
                    restore(packId, move.from());
                }
                for (ItemProgress feature : features) {
                    feature.move(packId, move.from(), move.to());
                }
                if (liveIds(packId).contains(move.from())) {
                    archive(packId, new ArchivedItem(move.from(), move.from() + " (kept apart: " + move.to()
                            + " already had its own)", plan.version(), clock.instant()));
                }
            }
            for (ArchivedItem item : plan.archived()) {
                archive(packId, item);
            }
            return null;
        });
    }

    /**
     * Deletes everything recorded for a pack: progress, archived progress and the plan, in one transaction. Only for
     * a learner who asked; the caller makes a backup first.
     *
     * @return how many ids had progress
     */
    public int forget(String packId) {
        return database.inTransaction(c -> {
            Set<String> live = liveIds(packId);
            for (String id : live) {
                for (ItemProgress feature : features) {
                    feature.detach(packId, id);
                }
            }
            Sql.bind(database, "DELETE FROM archived_item WHERE pack_id = ?", packId).executeUpdate();
            Sql.bind(database, "DELETE FROM plan WHERE pack_id = ?", packId).executeUpdate();
            return live.size();
        });
    }

    /** The archived items of a pack, oldest first. */
    public List<ArchivedItem> archived(String packId) {
        return database.inTransaction(c -> List.copyOf(ledger(packId).values()));
    }

    private Set<String> liveIds(String packId) throws SQLException {
        Set<String> ids = new TreeSet<>();
        for (ItemProgress feature : features) {
            ids.addAll(feature.idsWithProgress(packId));
        }
        return ids;
    }

    private Map<String, ArchivedItem> ledger(String packId) throws SQLException {
        Map<String, ArchivedItem> items = new LinkedHashMap<>();
        try (ResultSet r = Sql.bind(database, "SELECT item_id, title, pack_version, archived_at FROM archived_item "
                + "WHERE pack_id = ? ORDER BY archived_at, item_id", packId).executeQuery()) {
            while (r.next()) {
                items.put(r.getString(1), new ArchivedItem(r.getString(1), r.getString(2), r.getString(3),
                        Timestamps.parse(r.getString(4))));
            }
        }
        return items;
    }

    /** Sets the id's rows aside; an id whose rows went with another (answers with their assessment) leaves no entry. */
    private void archive(String packId, ArchivedItem item) throws SQLException {
        ObjectNode rows = storedRows(packId, item.id()).orElseGet(JsonNodeFactory.instance::objectNode);
        for (ItemProgress feature : features) {
            JsonNode taken = feature.detach(packId, item.id());
            if (!taken.isEmpty()) {
                rows.set(feature.name(), merged(rows.get(feature.name()), taken));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Sql.bind(database, "INSERT INTO archived_item (pack_id, item_id, title, pack_version, archived_at, rows) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (pack_id, item_id) DO UPDATE SET rows = excluded.rows",
                packId, item.id(), item.title(), item.packVersion(), item.archivedAt(), write(rows)).executeUpdate();
    }

    /** Puts an archived id's rows back; what cannot go back yet stays archived under the id. */
    private void restore(String packId, String id) throws SQLException {
        ObjectNode rows = storedRows(packId, id).orElseThrow();
        ObjectNode left = JsonNodeFactory.instance.objectNode();
        for (ItemProgress feature : features) {
            JsonNode part = rows.get(feature.name());
            if (part != null) {
                JsonNode waiting = feature.attach(packId, id, part);
                if (!waiting.isEmpty()) {
                    left.set(feature.name(), waiting);
                }
            }
        }
        if (left.isEmpty()) {
            Sql.bind(database, "DELETE FROM archived_item WHERE pack_id = ? AND item_id = ?", packId, id).executeUpdate();
        } else {
            Sql.bind(database, "UPDATE archived_item SET rows = ? WHERE pack_id = ? AND item_id = ?", write(left), packId,
                    id).executeUpdate();
        }
    }

    private Optional<ObjectNode> storedRows(String packId, String id) throws SQLException {
        try (ResultSet r = Sql.bind(database, "SELECT rows FROM archived_item WHERE pack_id = ? AND item_id = ?", packId,
                id).executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            try {
                return Optional.of((ObjectNode) JsonColumns.mapper().readTree(r.getString(1)));
            } catch (JsonProcessingException | ClassCastException e) {
                throw new SQLException("the archived progress of '" + id + "' is not readable: " + e.getMessage(), e);
            }
        }
    }

    /** Two archives of one feature for one id: each table's rows one after the other. */
    private static JsonNode merged(JsonNode earlier, JsonNode later) {
        if (earlier == null || !earlier.isObject()) {
            return later;
        }
        ObjectNode result = ((ObjectNode) earlier).deepCopy();
        later.fields().forEachRemaining(field -> {
            JsonNode before = result.get(field.getKey());
            if (before instanceof ArrayNode array && field.getValue().isArray()) {
                array.addAll((ArrayNode) field.getValue());
            } else {
                result.set(field.getKey(), field.getValue());
            }
        });
        return result;
    }

    private static String write(JsonNode rows) {
        try {
            return JsonColumns.mapper().writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rows read from the database always write as JSON", e);
        }
    }

    private static Set<String> idsOf(Pack pack) {
        Set<String> ids = new LinkedHashSet<>();
        pack.workItems().forEach(i -> ids.add(i.id()));
        pack.weeks().forEach(w -> ids.add(w.id()));
        for (Assessment assessment : pack.assessments()) {
            ids.add(assessment.id());
            assessment.items().forEach(i -> ids.add(i.id()));
        }
        return ids;
    }

    /** What the learner knew the id as: its title in the version that had it, else the id itself. */
    private static String title(Optional<Pack> previous, String id) {
        if (previous.isEmpty()) {
            return id;
        }
        Pack pack = previous.get();
        return pack.workItem(id).map(i -> i.title())
                .or(() -> pack.week(id).map(w -> "Week " + w.number() + ": " + w.title()))
                .or(() -> pack.assessments().stream().filter(a -> a.id().equals(id)).findFirst().map(Assessment::title))
                .or(() -> pack.assessmentItem(id).map(ProgressCarryOver::firstLine))
                .orElse(id);
    }

    private static String firstLine(AssessmentItem item) {
        String line = item.prompt().strip().lines().findFirst().orElse(item.id());
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }
}
