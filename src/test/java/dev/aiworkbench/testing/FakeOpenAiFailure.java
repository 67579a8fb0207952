package dev.aiworkbench.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scripted error answer of {@link FakeOpenAi}: a status, the exact body, and any headers (retry-after).
 * {@link #openAi} builds OpenAI's own shape, {@code {"error": {"message", "type", "param", "code"}}}.
 */
public record FakeOpenAiFailure(int status, String body, List<Map.Entry<String, String>> headers) {

    public FakeOpenAiFailure {
        headers = List.copyOf(headers);
    }

    /** OpenAI's error body; {@code code} may be null, as OpenAI sends it for many errors. */
    public static FakeOpenAiFailure openAi(int status, String type, String code, String message) {
        return new FakeOpenAiFailure(status, FakeOpenAi.errorBody(message, type, null, code), List.of());
    }

    /** 429 as OpenAI sends it for a rate limit (code rate_limit_exceeded). */
    public static FakeOpenAiFailure rateLimited() {
        return openAi(429, "requests", "rate_limit_exceeded",
                "Rate limit reached for gpt-4o-mini in organization org-fake on requests per min (RPM): Limit 3,"
                        + " Used 3, Requested 1. Please try again in 20s.");
    }

    /** 500 as OpenAI sends it when the server failed. */
    public static FakeOpenAiFailure serverError() {
        return openAi(500, "server_error", null,
                "The server had an error while processing your request. Sorry about that!");
    }

    /** This answer with a {@code retry-after} header (seconds, or an HTTP date). */
    public FakeOpenAiFailure retryAfter(String value) {
        return withHeader("retry-after", value);
    }

    public FakeOpenAiFailure withHeader(String name, String value) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        all.add(Map.entry(name, value));
        return new FakeOpenAiFailure(status, body, all);
    }
}
