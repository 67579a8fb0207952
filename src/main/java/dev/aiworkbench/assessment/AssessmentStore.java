package dev.aiworkbench.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.JsonColumns;
import dev.aiworkbench.store.Sql;
import dev.aiworkbench.store.Timestamps;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL behind self-assessment. Every method runs inside a transaction its caller opened with
 * {@link Database#inTransaction}.
 */
final class AssessmentStore {
    private static final String ATTEMPT_COLUMNS = "id, assessment_id, started_at, finished_at";

    private final Database database;

    AssessmentStore(Database database) {
        this.database = database;
    }

    private PreparedStatement sql(String sql, Object... parameters) throws SQLException {
        return Sql.bind(database, sql, parameters);
    }

    long addAttempt(String packId, String assessmentId, Instant startedAt, Optional<Instant> finishedAt)
            throws SQLException {
        try (ResultSet r = sql("INSERT INTO assessment_attempt (pack_id, assessment_id, started_at, finished_at) "
                + "VALUES (?, ?, ?, ?) RETURNING id", packId, assessmentId, startedAt, finishedAt.orElse(null))
                .executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    void finish(long attemptId, Instant at) throws SQLException {
        sql("UPDATE assessment_attempt SET finished_at = ? WHERE id = ? AND finished_at IS NULL", at, attemptId)
                .executeUpdate();
    }

    /** The newest attempt at the assessment that has not finished. */
    Optional<Attempt> openAttempt(String packId, String assessmentId) throws SQLException {
        Long id = null;
        try (ResultSet r = sql("SELECT id FROM assessment_attempt WHERE pack_id = ? AND assessment_id = ? "
                + "AND finished_at IS NULL ORDER BY id DESC LIMIT 1", packId, assessmentId).executeQuery()) {
            if (r.next()) {
                id = r.getLong(1);
            }
        }
        return id == null ? Optional.empty() : attempt(packId, id);
    }

    Optional<Attempt> attempt(String packId, long attemptId) throws SQLException {
        List<Attempt> found = attempts("SELECT " + ATTEMPT_COLUMNS + " FROM assessment_attempt WHERE pack_id = ? "
                + "AND id = ?", packId, attemptId);
        return found.stream().findFirst();
    }

    /** Every attempt in the pack, oldest first, with its answers. */
    List<Attempt> attempts(String packId) throws SQLException {
        return attempts("SELECT " + ATTEMPT_COLUMNS + " FROM assessment_attempt WHERE pack_id = ? ORDER BY id", packId);
    }

    private List<Attempt> attempts(String query, Object... parameters) throws SQLException {
        record Head(long id, String assessmentId, Instant startedAt, Optional<Instant> finishedAt) {
        }
        List<Head> heads = new ArrayList<>();
        try (ResultSet r = sql(query, parameters).executeQuery()) {
            while (r.next()) {
                String finished = r.getString(4);
                heads.add(new Head(r.getLong(1), r.getString(2), Sql.instant(r, 3),
                        finished == null ? Optional.empty() : Optional.of(Timestamps.parse(finished))));
            }
        }
        List<Attempt> attempts = new ArrayList<>();
        for (Head head : heads) {
            attempts.add(new Attempt(head.id(), head.assessmentId(), head.startedAt(), head.finishedAt(),
                    answers(head.id())));
        }
        return attempts;
    }

    private Map<String, Answer> answers(long attemptId) throws SQLException {
        Map<String, Answer> answers = new LinkedHashMap<>();
        try (ResultSet r = sql("SELECT item_id, response, confidence, grade, graded_by, judge_model, judge_pass, "
                + "judge_reason, answered_at, seconds FROM assessment_answer WHERE attempt_id = ? ORDER BY answered_at, "
                + "item_id", attemptId).executeQuery()) {
            while (r.next()) {
                String judge = r.getString(6);
                Optional<ModelGrade> model = judge == null ? Optional.empty()
                        : Optional.of(new ModelGrade(judge, r.getInt(7) == 1, r.getString(8)));
                answers.put(r.getString(1), new Answer(r.getString(1), response(r.getString(2)),
                        Optional.ofNullable(Sql.nullableInt(r, 3)), Grade.fromId(r.getString(4)),
                        GradedBy.fromId(r.getString(5)), model, Sql.instant(r, 9), r.getLong(10)));
            }
        }
        return answers;
    }

    private static Response response(String json) throws SQLException {
        try {
            return Response.fromJson(JsonColumns.mapper().readTree(json));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SQLException("a stored answer is not readable: " + json, e);
        }
    }

    void putAnswer(long attemptId, Answer answer) throws SQLException {
        ModelGrade model = answer.modelGrade().orElse(null);
        sql("INSERT INTO assessment_answer (attempt_id, item_id, response, confidence, grade, graded_by, judge_model, "
                        + "judge_pass, judge_reason, answered_at, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (attempt_id, item_id) DO UPDATE SET response = excluded.response, "
                        + "confidence = excluded.confidence, grade = excluded.grade, graded_by = excluded.graded_by, "
                        + "judge_model = excluded.judge_model, judge_pass = excluded.judge_pass, "
                        + "judge_reason = excluded.judge_reason, answered_at = excluded.answered_at, seconds = excluded.seconds",
                attemptId, answer.itemId(), answer.response().toJson().toString(), answer.confidence().orElse(null),
                answer.grade().id(), answer.gradedBy().id(), model == null ? null : model.model(),
                model == null ? null : model.pass(), model == null ? null : model.reason(), answer.answeredAt(),
                answer.seconds()).executeUpdate();
    }

    void addReviewAnswer(String packId, Retrieval retrieval) throws SQLException {
        sql("INSERT INTO review_answer (pack_id, item_id, correct, confidence, at) VALUES (?, ?, ?, ?, ?)", packId,
                retrieval.itemId(), retrieval.correct(), retrieval.confidence(), retrieval.at()).executeUpdate();
    }

    /** The answers given in reviews, oldest first. */
    List<Retrieval> reviewAnswers(String packId) throws SQLException {
        List<Retrieval> answers = new ArrayList<>();
        try (ResultSet r = sql("SELECT item_id, correct, confidence, at FROM review_answer WHERE pack_id = ? ORDER BY id",
                packId).executeQuery()) {
            while (r.next()) {
                answers.add(new Retrieval(r.getString(1), r.getInt(2) == 1, r.getInt(3), Sql.instant(r, 4)));
            }
        }
        return answers;
    }

    boolean hasAny(String packId) throws SQLException {
        try (ResultSet r = sql("SELECT EXISTS (SELECT 1 FROM assessment_attempt WHERE pack_id = ?) "
                + "OR EXISTS (SELECT 1 FROM review_answer WHERE pack_id = ?)", packId, packId).executeQuery()) {
            return r.next() && r.getInt(1) == 1;
        }
    }

    void deleteAll(String packId) throws SQLException {
        sql("DELETE FROM assessment_answer WHERE attempt_id IN (SELECT id FROM assessment_attempt WHERE pack_id = ?)",
                packId).executeUpdate();
        sql("DELETE FROM assessment_attempt WHERE pack_id = ?", packId).executeUpdate();
        sql("DELETE FROM review_answer WHERE pack_id = ?", packId).executeUpdate();
    }
}
