package dev.aiworkbench.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.openai.OpenAiAnswers.Piece;
import dev.aiworkbench.llm.openai.OpenAiAnswers.ServerError;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Server-Sent Events, retry delays, request bodies and answer shapes, without a server. */
class OpenAiWireTest {
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private static List<String> events(String... lines) {
        ServerSentEvents reader = new ServerSentEvents();
        List<String> events = new ArrayList<>();
        for (String line : lines) {
            String event = reader.line(line);
            if (event != null) {
                events.add(event);
            }
        }
        String last = reader.end();
        if (last != null) {
            events.add(last);
        }
        return events;
    }

    @Test
    void eventsAreTheirDataLinesJoinedAndEndedByABlankLine() {
        assertThat(events("data: {\"a\":1}", "", ": keep-alive", "", "event: message", "id: 7", "data:{\"b\":2}",
                "data: more", "", "", "data: [DONE]", ""))
                .containsExactly("{\"a\":1}", "{\"b\":2}\nmore", "[DONE]");
        assertThat(events("data: last without a blank line")).containsExactly("last without a blank line");
        assertThat(events("data:  two spaces keep one", "")).containsExactly(" two spaces keep one");
    }

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }

    @Test
    void theServersRetryAfterWinsInMillisecondsSecondsOrADate() {
        assertThat(RetryDelay.before(1, headers(Map.of("retry-after-ms", List.of("250"), "retry-after",
                List.of("9"))), NOON)).isEqualTo(Duration.ofMillis(250));
        assertThat(RetryDelay.before(1, headers(Map.of("retry-after", List.of("2"))), NOON))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryDelay.before(1, headers(Map.of("retry-after", List.of("0.5"))), NOON))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(RetryDelay.before(1, headers(Map.of("retry-after", List.of("Sun, 01 Mar 2026 12:00:07 GMT"))),
                NOON)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryDelay.before(1, headers(Map.of("retry-after", List.of("Sun, 01 Mar 2026 11:00:00 GMT"))),
                NOON)).isEqualTo(Duration.ZERO);
    }

    @Test
    void withoutAnAnswerTheDelayDoublesFromHalfASecondUpToEight() {
        HttpHeaders none = headers(Map.of("retry-after", List.of("soon")));
        assertThat(List.of(1, 2, 3, 4, 5, 9).stream().map(retry -> RetryDelay.before(retry, none, NOON)).toList())
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8));
        assertThat(RetryDelay.asked(none, NOON)).isEmpty();
    }

    @Test
    void openAiItselfGetsMaxCompletionTokensAndNoTopK() throws Exception {
        GenerationRequest request = GenerationRequest.chat("gpt-4o", null, "hi",
                new ModelOptions(null, null, 40, null, 100, null, List.of()), OutputFormat.PLAIN);

        JsonNode openAi = OpenAiRequests.JSON.readTree(OpenAiRequests.chatBody(request, true, true));
        JsonNode other = OpenAiRequests.JSON.readTree(OpenAiRequests.chatBody(request, true, false));

        assertThat(openAi.get("max_completion_tokens").asInt()).isEqualTo(100);
        assertThat(openAi.has("max_tokens")).isFalse();
        assertThat(openAi.has("top_k")).isFalse();
        assertThat(other.get("max_tokens").asInt()).isEqualTo(100);
        assertThat(other.get("top_k").asInt()).isEqualTo(40);
    }

    @Test
    void noLimitIsNotSentAsALimit() throws Exception {
        GenerationRequest request = GenerationRequest.chat("m", null, "hi",
                new ModelOptions(null, null, null, null, -1, null, List.of()), OutputFormat.PLAIN);

        JsonNode body = OpenAiRequests.JSON.readTree(OpenAiRequests.chatBody(request, false, false));

        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("stream_options")).isFalse();
    }

    @Test
    void settingsKeepTheBaseUrlsPathAndKnowOpenAiItself() {
        OpenAiSettings local = OpenAiSettings.defaults(java.net.URI.create("http://gpu-box:8000/v1/"), null);
        assertThat(local.endpoint("chat/completions").toString()).isEqualTo("http://gpu-box:8000/v1/chat/completions");
        assertThat(local.openAiItself()).isFalse();
        assertThat(local.key()).isEmpty();
        assertThat(OpenAiSettings.defaults(null, () -> " sk-x \n").key()).hasValue("sk-x");
        assertThat(OpenAiSettings.defaults(null, null).openAiItself()).isTrue();
    }

    @Test
    void aChunkGivesItsPieceReasoningFinishAndUsage() throws Exception {
        Piece content = OpenAiAnswers.chunk("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m-1\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}],\"usage\":null}");
        Piece reasoning = OpenAiAnswers.chunk("{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"hm\"}}]}");
        Piece usage = OpenAiAnswers.chunk("{\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,"
                + "\"total_tokens\":21}}");
        Piece finish = OpenAiAnswers.chunk("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}");

        assertThat(content.text()).isEqualTo("Hi");
        assertThat(content.model()).isEqualTo("m-1");
        assertThat(content.usage()).isEmpty();
        assertThat(reasoning.reasoning()).isEqualTo("hm");
        assertThat(reasoning.text()).isEmpty();
        assertThat(usage.usage().orElseThrow().promptTokens()).hasValue(9);
        assertThat(usage.usage().orElseThrow().outputTokens()).hasValue(12);
        assertThat(finish.finishReason()).isEqualTo("length");
    }

    @Test
    void errorsAreReadInEveryShapeServersWrite() {
        ServerError openAi = OpenAiAnswers.error("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
        ServerError vllm = OpenAiAnswers.error("{\"object\":\"error\",\"message\":\"The model `x` does not exist.\","
                + "\"type\":\"NotFoundError\",\"param\":null,\"code\":404}");
        ServerError fastApi = OpenAiAnswers.error("{\"detail\":\"Not Found\"}");
        ServerError text = OpenAiAnswers.error("404 page not found\n");

        assertThat(openAi.text()).isEqualTo("Rate limit reached (rate_limit_exceeded)");
        assertThat(vllm.message()).isEqualTo("The model `x` does not exist.");
        assertThat(vllm.code()).isEqualTo("404");
        assertThat(fastApi.message()).isEqualTo("Not Found");
        assertThat(text.message()).isEqualTo("404 page not found");
        assertThat(OpenAiAnswers.error("").message()).isEqualTo("no details");
    }
}
