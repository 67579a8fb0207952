package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.ScriptedAnswer;
import dev.aiworkbench.testing.ScriptedGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Tool-call pieces pass through the recording gateway to the caller as they stream, and start the first-token clock. */
class RecordingGatewayToolCallsTest {
    @TempDir
    Path temp;

    @Test
    void toolCallPiecesReachTheCallerAndTheCallIsRecorded() throws Exception {
        ScriptedGateway scripted = new ScriptedGateway();
        scripted.then(ScriptedAnswer.text().call("call_1", "get_weather", "{\"city\":\"Paris\"}", 3));
        List<ToolCallDelta> seen = new CopyOnWriteArrayList<>();
        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            CallStore store = new CallStore(database);
            MutableClock clock = MutableClock.utc("2026-06-01T12:00:00");
            CallRecorder recorder = new CallRecorder(store, () -> (provider, model, usage) -> OptionalDouble.empty(),
                    new CallRetention(new StoredSettings(database), store), clock, 16);
            ModelGateway gateway = new RecordingGateway(scripted, "ollama", recorder,
                    CallTag.of(CallFeature.PLAYGROUND), clock);

            GenerationResult result = gateway.stream(GenerationRequest.chat(ScriptedGateway.MODEL, null, "Weather?",
                    null, null), new TokenListener() {
                        @Override
                        public void onToken(String delta) {
                        }

                        @Override
                        public void onToolCall(ToolCallDelta delta) {
                            seen.add(delta);
                        }
                    }).await(Duration.ofSeconds(10));

            assertThat(result.callsTools()).isTrue();
            assertThat(seen).hasSize(4);
            assertThat(seen.get(0).opensCall()).isTrue();
            assertThat(String.join("", seen.stream().map(ToolCallDelta::argumentsFragment).toList()))
                    .isEqualTo("{\"city\":\"Paris\"}");
            recorder.flush();
            List<StoredCall> calls = new CallStats(database).calls(new TimeRange(Instant.EPOCH,
                    Instant.parse("2100-01-01T00:00:00Z")), CallFilter.ALL, 10);
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0).call().outcome()).isEqualTo(CallOutcome.OK);
            recorder.close();
        }
    }
}
