"""The gateway with fake providers (dependency_overrides): routing, the answer contract, error
mapping, the request log, metrics and health. No model server needed."""
import json

import pytest
from fastapi.testclient import TestClient

import main
from providers import Completion, ProviderError, ProviderTimeout, ProviderUnavailable

client = TestClient(main.app)
SIMPLE = "What port does Ollama listen on?"
COMPLEX = "Compare blue-green and canary deployments for payments and recommend one, with the trade-offs."


class FakeProvider:
    def __init__(self, name, model, error=None, ready=True):
        self.name, self.model, self.error, self.ready = name, model, error, ready
        self.calls = []

    def complete(self, question, system, max_words=None):
        self.calls.append(question)
        if self.error:
            raise self.error
        return Completion(text=f"answer from {self.model}", model=self.model, input_tokens=1000,
                          output_tokens=500, latency_ms=12.0)

    def ping(self, timeout_s=2.0):
        return self.ready


@pytest.fixture
def providers(tmp_path, monkeypatch):
    monkeypatch.setattr(main, "REQUEST_LOG", str(tmp_path / "requests.jsonl"))
    fakes = {"simple": FakeProvider("local-small", "qwen2.5:0.5b"),
             "complex": FakeProvider("local-large", "qwen2.5:1.5b")}
    main.app.dependency_overrides[main.get_providers] = lambda: fakes
    yield fakes
    main.app.dependency_overrides.clear()


def log_lines(path):
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def test_a_simple_question_goes_to_the_small_model(providers):
    body = client.post("/ask", json={"question": SIMPLE}).json()
    assert (body["route"], body["model"], body["provider"]) == ("simple", "qwen2.5:0.5b", "local-small")
    assert body["answer"] == "answer from qwen2.5:0.5b"
    assert providers["simple"].calls == [SIMPLE] and providers["complex"].calls == []


def test_a_complex_question_goes_to_the_large_model_and_costs_its_price(providers):
    body = client.post("/ask", json={"question": COMPLEX}).json()
    assert (body["route"], body["model"]) == ("complex", "qwen2.5:1.5b")
    assert body["reason"]
    # 1,000 input tokens at 0.15 and 500 output tokens at 0.60 USD per million
    assert body["cost_usd"] == pytest.approx(0.00045)


def test_every_answer_carries_the_full_contract(providers):
    body = client.post("/ask", json={"question": SIMPLE}).json()
    assert {"answer", "route", "reason", "provider", "model", "prompt_version", "input_tokens", "output_tokens",
            "cost_usd", "latency_ms", "request_id"} <= set(body)
    assert body["prompt_version"] == "answer-v1"


def test_a_malformed_body_is_a_422(providers):
    assert client.post("/ask", json={"q": "no question field"}).status_code == 422


@pytest.mark.parametrize("error, status", [(ProviderError("invalid twice"), 502),
                                           (ProviderUnavailable("connection refused"), 503),
                                           (ProviderTimeout("no answer in 60 s"), 504)])
def test_provider_failures_map_to_json_errors(providers, error, status):
    providers["simple"].error = error
    response = client.post("/ask", json={"question": SIMPLE})
    assert response.status_code == status
    assert str(error) in response.json()["detail"]


def test_each_request_writes_exactly_one_log_line(providers):
    client.post("/ask", json={"question": SIMPLE})
    client.post("/ask", json={"question": COMPLEX})
    lines = log_lines(main.REQUEST_LOG)
    assert len(lines) == 2
    for line in lines:
        assert {"request_id", "route", "provider", "model", "prompt_version", "input_tokens", "output_tokens",
                "cost_usd", "latency_ms"} <= set(line)
    assert lines[1]["route"] == "complex" and lines[1]["cost_usd"] > 0


def test_metrics_expose_latency_tokens_and_cost_by_model_only(providers):
    client.post("/ask", json={"question": COMPLEX})
    text = client.get("/metrics").text
    assert "gateway_request_duration_seconds_bucket" in text
    assert 'gateway_tokens_total{model="qwen2.5:1.5b",direction="input"}' in text
    assert 'llm_cost_dollars_total{model="qwen2.5:1.5b"}' in text
    assert COMPLEX not in text and "question" not in text


def test_health_reports_each_provider_and_degrades_without_failing(providers):
    assert client.get("/health").json()["status"] == "ok"
    providers["complex"].ready = False
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert {p["model"]: p["ready"] for p in body["providers"]} == {"qwen2.5:0.5b": True, "qwen2.5:1.5b": False}
