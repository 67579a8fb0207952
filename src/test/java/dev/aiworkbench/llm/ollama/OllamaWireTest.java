package dev.aiworkbench.llm.ollama;

import dev.aiworkbench.llm.GenerationRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The answer lines as Ollama's reference documents them, read field by field. */
class OllamaWireTest {
    private static final GenerationRequest.Mode CHAT = GenerationRequest.Mode.CHAT;
    private static final GenerationRequest.Mode GENERATE = GenerationRequest.Mode.GENERATE;

    @Test
    void aChatChunkGivesItsContentAndThinkingFromTheMessage() throws IOException {
        OllamaWire.AnswerLine line = OllamaWire.answerLine(CHAT, """
                {"model":"qwen3:0.6b","created_at":"2026-11-27T10:00:00Z","message":{"role":"assistant",\
                "content":"The","thinking":"Let me see","images":null,"tool_calls":[{"function":{"name":"f",\
                "arguments":{"a":[1,{"b":2}]}}}]},"response":"ignored in a chat","done":false}""");

        assertThat(line.text()).isEqualTo("The");
        assertThat(line.thinking()).isEqualTo("Let me see");
        assertThat(line.done()).isFalse();
        assertThat(line.model()).isEqualTo("qwen3:0.6b");
        assertThat(line.error()).isNull();
        assertThat(line.usage().outputTokens()).isEmpty();
    }

    @Test
    void theLastChatLineCarriesTheReasonAndTheCounts() throws IOException {
        OllamaWire.AnswerLine line = OllamaWire.answerLine(CHAT, """
                {"model":"llama3.2","message":{"role":"assistant","content":""},"done_reason":"length","done":true,\
                "total_duration":4883583458,"load_duration":1334875,"prompt_eval_count":26,\
                "prompt_eval_duration":342546000,"eval_count":282,"eval_duration":4535599000}""");

        assertThat(line.text()).isEmpty();
        assertThat(line.done()).isTrue();
        assertThat(line.doneReason()).isEqualTo("length");
        assertThat(line.usage().promptTokens()).hasValue(26);
        assertThat(line.usage().outputTokens()).hasValue(282);
        assertThat(line.usage().totalDurationNanos()).hasValue(4_883_583_458L);
        assertThat(line.usage().loadDurationNanos()).hasValue(1_334_875L);
        assertThat(line.usage().promptEvalDurationNanos()).hasValue(342_546_000L);
        assertThat(line.usage().evalDurationNanos()).hasValue(4_535_599_000L);
    }

    @Test
    void aCompletionReadsTheTopLevelFieldsAndIgnoresAMessage() throws IOException {
        OllamaWire.AnswerLine line = OllamaWire.answerLine(GENERATE, """
                {"model":"llama3.2","response":" sky","thinking":"hmm","message":{"content":"not this"},\
                "context":[1,2,3],"done":false}""");

        assertThat(line.text()).isEqualTo(" sky");
        assertThat(line.thinking()).isEqualTo("hmm");
    }

    @Test
    void aCountTheServerLeavesOutOrSendsAsTextIsUnknown() throws IOException {
        OllamaWire.AnswerLine line = OllamaWire.answerLine(CHAT, """
                {"done":true,"eval_count":"many","message":{"content":null}}""");

        assertThat(line.usage().outputTokens()).isEmpty();
        assertThat(line.usage().promptTokens()).isEmpty();
        assertThat(line.text()).isNull();
        assertThat(line.doneReason()).isNull();
        assertThat(line.model()).isNull();
    }

    @Test
    void anErrorIsTheServersTextAndANullErrorIsNone() throws IOException {
        assertThat(OllamaWire.answerLine(CHAT, "{\"error\":\"an error was encountered while running the model\"}")
                .error()).isEqualTo("an error was encountered while running the model");
        assertThat(OllamaWire.answerLine(CHAT, "{\"error\":null,\"done\":true}").error()).isNull();
        assertThat(OllamaWire.answerLine(CHAT, "{\"error\":{\"code\":500}}").error()).isEmpty();
    }

    @Test
    void jsonThatIsNotAnObjectSaysNothingAndBrokenJsonFails() throws IOException {
        OllamaWire.AnswerLine line = OllamaWire.answerLine(CHAT, "[1,2]");
        assertThat(line.text()).isNull();
        assertThat(line.done()).isFalse();
        assertThat(line.error()).isNull();

        assertThatThrownBy(() -> OllamaWire.answerLine(CHAT, "{\"message\":{\"content\":\"The")).isInstanceOf(IOException.class);
    }
}
