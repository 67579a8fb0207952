package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.assertions.JudgeVerdict;
import dev.aiworkbench.eval.assertions.VerdictCache;
import dev.aiworkbench.eval.assertions.VerdictKey;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Sql;

import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/** Judge verdicts kept across runs, keyed by judge model, rubric and output. */
public final class SqliteVerdictCache implements VerdictCache {
    private final Database database;
    private final Clock clock;

    public SqliteVerdictCache(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<JudgeVerdict> get(VerdictKey key) {
        return database.inTransaction(c -> {
            try (ResultSet r = Sql.bind(database, "SELECT pass, score, reason FROM judge_verdict WHERE digest = ?",
                    key.digest()).executeQuery()) {
                return r.next() ? Optional.of(new JudgeVerdict(r.getInt(1) == 1, r.getDouble(2), r.getString(3)))
                        : Optional.empty();
            }
        });
    }

    @Override
    public void put(VerdictKey key, JudgeVerdict verdict) {
        database.inTransaction(c -> Sql.bind(database, "INSERT OR REPLACE INTO judge_verdict (digest, pass, score, reason, "
                + "created_at) VALUES (?, ?, ?, ?, ?)", key.digest(), verdict.pass(), verdict.score(), verdict.reason(),
                clock.instant()).executeUpdate());
    }
}
