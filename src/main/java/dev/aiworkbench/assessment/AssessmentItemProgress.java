package dev.aiworkbench.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.progress.ItemProgress;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Sql;
import dev.aiworkbench.store.TableRows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Self-assessment's rows per id: attempts by assessment id (each with all its answers), answers and review
 * answers by item id. An attempt comes back under its old id when that id is free, so answers archived apart
 * from it find it again.
 */
public final class AssessmentItemProgress implements ItemProgress {
    private static final String IN_PACK = "attempt_id IN (SELECT id FROM assessment_attempt WHERE pack_id = ?)";

    private final Database database;

    public AssessmentItemProgress(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "assessment";
    }

    @Override
    public Set<String> idsWithProgress(String packId) throws SQLException {
        Set<String> ids = new TreeSet<>();
        collect(ids, "SELECT DISTINCT assessment_id FROM assessment_attempt WHERE pack_id = ?", packId);
        collect(ids, "SELECT DISTINCT item_id FROM assessment_answer WHERE " + IN_PACK, packId);
        collect(ids, "SELECT DISTINCT item_id FROM review_answer WHERE pack_id = ?", packId);
        return ids;
    }

    private void collect(Set<String> ids, String query, String packId) throws SQLException {
        try (ResultSet r = Sql.bind(database, query, packId).executeQuery()) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
    }

    @Override
    public void move(String packId, String fromId, String toId) throws SQLException {
        Sql.bind(database, "UPDATE assessment_attempt SET assessment_id = ? WHERE pack_id = ? AND assessment_id = ?",
                toId, packId, fromId).executeUpdate();
        Sql.bind(database, "UPDATE OR IGNORE assessment_answer SET item_id = ? WHERE item_id = ? AND " + IN_PACK,
                toId, fromId, packId).executeUpdate();
        Sql.bind(database, "UPDATE review_answer SET item_id = ? WHERE pack_id = ? AND item_id = ?",
                toId, packId, fromId).executeUpdate();
    }

    @Override
    public JsonNode detach(String packId, String itemId) throws SQLException {
        ObjectNode rows = JsonNodeFactory.instance.objectNode();
        ArrayNode attempts = TableRows.read(database, "SELECT * FROM assessment_attempt WHERE pack_id = ? "
                + "AND assessment_id = ? ORDER BY id", packId, itemId);
        for (JsonNode attempt : attempts) {
            ((ObjectNode) attempt).set("answers", TableRows.take(database, "assessment_answer", "attempt_id = ?",
                    attempt.get("id").asLong()));
        }
        TableRows.take(database, "assessment_attempt", "pack_id = ? AND assessment_id = ?", packId, itemId);
        ArrayNode answers = TableRows.take(database, "assessment_answer", "item_id = ? AND " + IN_PACK, itemId, packId);
        ArrayNode reviews = TableRows.take(database, "review_answer", "pack_id = ? AND item_id = ?", packId, itemId);
        putIfAny(rows, "attempts", attempts);
        putIfAny(rows, "answers", answers);
        putIfAny(rows, "reviews", reviews);
        return rows;
    }

    private static void putIfAny(ObjectNode rows, String name, ArrayNode taken) {
        if (!taken.isEmpty()) {
            rows.set(name, taken);
        }
    }

    @Override
    public JsonNode attach(String packId, String itemId, JsonNode rows) throws SQLException {
        for (JsonNode attempt : rows.path("attempts")) {
            ObjectNode row = ((ObjectNode) attempt).deepCopy();
            JsonNode answers = row.remove("answers");
            Map<String, Object> owner = Map.of("pack_id", packId, "assessment_id", itemId);
            Optional<Long> id = TableRows.putOne(database, "assessment_attempt", row, Set.of(), owner);
            if (id.isEmpty()) {
                id = TableRows.putOne(database, "assessment_attempt", row, Set.of("id"), owner);
            }
            if (answers != null && id.isPresent()) {
                TableRows.put(database, "assessment_answer", answers, Set.of(), Map.of("attempt_id", id.get()));
            }
        }
        ArrayNode waiting = JsonNodeFactory.instance.arrayNode();
        for (JsonNode answer : rows.path("answers")) {
            if (attemptExists(answer.path("attempt_id").asLong())) {
                TableRows.put(database, "assessment_answer", JsonNodeFactory.instance.arrayNode().add(answer), Set.of(),
                        Map.of("item_id", itemId));
            } else {
                waiting.add(answer);
            }
        }
        if (rows.path("reviews").isArray()) {
            TableRows.put(database, "review_answer", rows.path("reviews"), Set.of("id"),
                    Map.of("pack_id", packId, "item_id", itemId));
        }
        ObjectNode left = JsonNodeFactory.instance.objectNode();
        putIfAny(left, "answers", waiting);
        return left;
    }

    /** An answer archived apart from its attempt goes back only into that attempt; until then it stays archived. */
    private boolean attemptExists(long attemptId) throws SQLException {
        try (ResultSet r = Sql.bind(database, "SELECT 1 FROM assessment_attempt WHERE id = ?", attemptId).executeQuery()) {
            return r.next();
        }
    }
}
