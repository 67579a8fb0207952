"""The assistant's HTTP API with fakes behind get_assistant: contract, refusal, errors, metrics."""
import pytest
from fastapi.testclient import TestClient

import clients
import main
from rag import REFUSAL, Assistant

client = TestClient(main.app)


class FakeBackends:
    def __init__(self, fail=False):
        self.fail = fail

    def embed(self, texts):
        if self.fail:
            raise clients.ServiceError("cannot reach Ollama at http://127.0.0.1:11434")
        return [[1.0 if "snapshot" in t.lower() else 0.0] + [0.0] * 383 for t in texts]

    def search(self, vector, limit=4, path=None):
        score = 0.82 if vector[0] else 0.08
        return [{"id": "7d3c2f5e-0000-5000-8000-000000000001", "score": score,
                 "payload": {"path": "docs/qdrant-snapshots.md", "heading": "Qdrant snapshots and restore",
                             "text": "Recover with PUT /collections/runbooks/snapshots/recover."}}][:limit]

    def generate(self, messages):
        return {"model": "qwen2.5:0.5b", "prompt_eval_count": 300, "eval_count": 25,
                "message": {"role": "assistant", "content": "Use PUT .../snapshots/recover [1]."}}


@pytest.fixture
def backends():
    fakes = FakeBackends()
    main.app.dependency_overrides[main.get_assistant] = lambda: Assistant(fakes.embed, fakes.search, fakes.generate)
    yield fakes
    main.app.dependency_overrides.clear()


def test_a_covered_question_returns_the_answer_and_its_sources(backends):
    response = client.post("/ask", json={"question": "How do I restore a snapshot?"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["refused"] is False
    assert body["sources"][0]["path"] == "docs/qdrant-snapshots.md"
    assert body["sources"][0]["chunk_id"] and body["sources"][0]["score"] == pytest.approx(0.82)
    assert {"model", "prompt_version", "input_tokens", "output_tokens", "top_score", "retrieval_ms",
            "latency_ms", "request_id"} <= set(body)


def test_an_out_of_scope_question_gets_the_fixed_refusal(backends):
    body = client.post("/ask", json={"question": "What is the capital of Australia?"}).json()
    assert body["refused"] is True and body["answer"] == REFUSAL and body["sources"] == []


@pytest.mark.parametrize("payload", [{"question": ""}, {"question": "x", "top_k": 0}, {"question": "x", "top_k": 21}])
def test_bad_requests_are_422(backends, payload):
    assert client.post("/ask", json=payload).status_code == 422


def test_a_backend_outage_is_a_503_with_a_reason(backends):
    backends.fail = True
    response = client.post("/ask", json={"question": "How do I restore a snapshot?"})
    assert response.status_code == 503
    assert "cannot reach Ollama" in response.json()["detail"]


def test_metrics_cover_latency_retrieval_and_tokens(backends):
    client.post("/ask", json={"question": "How do I restore a snapshot?"})
    client.post("/ask", json={"question": "What is the capital of Australia?"})
    text = client.get("/metrics").text
    assert 'rag_request_duration_seconds_bucket{outcome="refused"' in text
    assert 'rag_request_duration_seconds_bucket{outcome="answered"' in text
    assert "rag_retrieval_top_score_bucket" in text and "rag_retrieval_duration_seconds_bucket" in text
    assert 'rag_tokens_total{model="qwen2.5:0.5b",direction="output"}' in text
    assert "Australia" not in text


def test_health_is_liveness_only():
    assert client.get("/health").json() == {"status": "ok"}
