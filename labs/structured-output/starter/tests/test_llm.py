"""llm.chat against a fake transport: no network, no model."""
import json

import httpx
import pytest

import llm


def fake_client(handler):
    return httpx.Client(transport=httpx.MockTransport(handler))


def ollama_answer(content="Paris", **extra):
    body = {"model": "qwen2.5:0.5b", "created_at": "2025-01-01T00:00:00Z",
            "message": {"role": "assistant", "content": content}, "done": True, "done_reason": "stop",
            "prompt_eval_count": 31, "eval_count": 2, "total_duration": 123456789}
    body.update(extra)
    return httpx.Response(200, json=body)


def test_chat_sends_one_non_streaming_request():
    seen = []

    def handler(request):
        seen.append((request.method, request.url.path, json.loads(request.content)))
        return ollama_answer()

    llm.chat([{"role": "user", "content": "Capital of France?"}], client=fake_client(handler))
    assert len(seen) == 1
    method, path, body = seen[0]
    assert (method, path) == ("POST", "/api/chat")
    assert body["stream"] is False
    assert body["model"] == llm.MODEL
    assert body["messages"] == [{"role": "user", "content": "Capital of France?"}]
    assert "format" not in body


def test_chat_passes_format_and_options():
    seen = []
    schema = {"type": "object", "properties": {"answer": {"type": "string"}}, "required": ["answer"]}

    def handler(request):
        seen.append(json.loads(request.content))
        return ollama_answer('{"answer": "Paris"}')

    llm.chat([{"role": "user", "content": "?"}], format=schema, options={"temperature": 0},
             client=fake_client(handler))
    assert seen[0]["format"] == schema
    assert seen[0]["options"] == {"temperature": 0}


def test_chat_returns_the_text_and_the_counters():
    result = llm.chat([{"role": "user", "content": "?"}], client=fake_client(lambda request: ollama_answer()))
    assert result.text == "Paris"
    assert result.model == "qwen2.5:0.5b"
    assert (result.input_tokens, result.output_tokens) == (31, 2)
    assert result.done_reason == "stop"
    assert result.latency_ms >= 0


def test_chat_turns_an_error_body_into_ollama_error():
    def handler(request):
        return httpx.Response(404, json={"error": "model 'nope:1b' not found"})

    with pytest.raises(llm.OllamaError, match="not found"):
        llm.chat([{"role": "user", "content": "?"}], model="nope:1b", client=fake_client(handler))


def test_chat_turns_a_connection_failure_into_ollama_error():
    def handler(request):
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(llm.OllamaError):
        llm.chat([{"role": "user", "content": "?"}], client=fake_client(handler))


@pytest.mark.parametrize("value, expected", [
    (None, "http://127.0.0.1:11434"),
    ("127.0.0.1:5000", "http://127.0.0.1:5000"),
    (":5001", "http://127.0.0.1:5001"),
    ("http://localhost:5002/", "http://localhost:5002"),
    ("0.0.0.0", "http://127.0.0.1:11434"),
])
def test_ollama_url_reads_ollama_host(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("OLLAMA_HOST", raising=False)
    else:
        monkeypatch.setenv("OLLAMA_HOST", value)
    assert llm.ollama_url() == expected
