package dev.aiworkbench.observability;

import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V9 backfills the rollups of a database that already holds calls (schema 8) exactly as the recorder's
 * writer would have kept them, sketches byte for byte.
 */
class CallRollupsMigrationTest {
    @TempDir
    Path temp;

    @Test
    void the_migration_rolls_up_the_calls_already_kept_as_the_writer_does() throws Exception {
        Random random = new Random(3);
        List<ModelCall> calls = RandomCalls.over(random, Instant.parse("2026-05-01T00:00:00Z"), Duration.ofDays(3), 3_000);
        Path old = temp.resolve("old.db");
        String url = "jdbc:sqlite:" + old.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("8").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            insertAsSchema8(c, calls);
            c.commit();
        }
        String written;
        try (Database fresh = Database.open(temp.resolve("fresh.db"))) {
            RandomCalls.keep(new CallStore(fresh), random, calls);
            written = RollupRows.of(fresh);
        }

        try (Database migrated = Database.open(old)) {
            assertThat(RollupRows.of(migrated)).isNotEmpty().isEqualTo(written);
        }
    }

    private static void insertAsSchema8(Connection c, List<ModelCall> calls) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO model_call (started_at, feature, operation, provider, "
                + "model, input_tokens, output_tokens, ttft_ms, total_ms, tokens_per_second, cost_usd, outcome, error_kind) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ModelCall call : calls) {
                OptionalDouble cost = RandomCalls.PRICING.costUsd(call.provider(), call.model(), new Usage(
                        optional(call.inputTokens()), optional(call.outputTokens()), OptionalLong.empty(),
                        OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()));
                s.setString(1, Timestamps.format(call.startedAt()));
                s.setString(2, call.tag().feature().id());
                s.setString(3, call.operation().id());
                s.setString(4, call.provider());
                s.setString(5, call.model());
                s.setObject(6, call.inputTokens(), Types.INTEGER);
                s.setObject(7, call.outputTokens(), Types.INTEGER);
                s.setObject(8, call.ttftMs(), Types.REAL);
                s.setDouble(9, call.totalMs());
                s.setObject(10, call.tokensPerSecond(), Types.REAL);
                s.setObject(11, cost.isPresent() ? cost.getAsDouble() : null, Types.REAL);
                s.setString(12, call.outcome().id());
                s.setString(13, call.errorKind());
                s.executeUpdate();
            }
        }
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
