"""The metrics, read back from the registry and from GET /metrics the way Prometheus reads them."""
import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

import main
import metrics

client = TestClient(main.app)


def value(name, **labels):
    return metrics.REGISTRY.get_sample_value(name, labels) or 0.0


def scrape():
    response = client.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return {family.name: family for family in text_string_to_metric_families(response.text)}


def test_cost_is_priced_per_million_tokens():
    assert metrics.cost_dollars("lab-large", 1_000_000, 0) == pytest.approx(2.50)
    assert metrics.cost_dollars("lab-small", 1000, 500) == pytest.approx(0.00015 + 0.0003)


def test_a_request_is_observed_with_its_route_and_outcome():
    before = value("llm_request_duration_seconds_count", route="/ask", outcome="ok")
    assert client.post("/ask", json={"question": "How do I drain a node?"}).status_code == 200
    assert value("llm_request_duration_seconds_count", route="/ask", outcome="ok") == before + 1


def test_a_failed_request_is_observed_with_outcome_error():
    before = value("llm_request_duration_seconds_count", route="/ask", outcome="error")
    assert client.post("/ask", json={"question": "FAIL on purpose"}).status_code == 502
    assert value("llm_request_duration_seconds_count", route="/ask", outcome="error") == before + 1


def test_tokens_and_cost_are_counted_by_model():
    tokens_in = value("llm_tokens_total", model="lab-large", direction="input")
    tokens_out = value("llm_tokens_total", model="lab-large", direction="output")
    cost = value("llm_cost_dollars_total", model="lab-large")
    body = client.post("/ask", json={"question": "Why is the pod pending?", "model": "lab-large"}).json()
    assert value("llm_tokens_total", model="lab-large", direction="input") == tokens_in + body["input_tokens"]
    assert value("llm_tokens_total", model="lab-large", direction="output") == tokens_out + body["output_tokens"]
    assert value("llm_cost_dollars_total", model="lab-large") == pytest.approx(cost + body["cost_dollars"])
    assert body["cost_dollars"] > 0


def test_time_to_first_token_is_observed_and_is_shorter_than_the_request():
    count = value("llm_time_to_first_token_seconds_count", model="lab-small")
    total = value("llm_time_to_first_token_seconds_sum", model="lab-small")
    body = client.post("/ask", json={"question": "What is a PodDisruptionBudget?"}).json()
    assert value("llm_time_to_first_token_seconds_count", model="lab-small") == count + 1
    ttft = value("llm_time_to_first_token_seconds_sum", model="lab-small") - total
    assert 0 < ttft * 1000 <= body["latency_ms"]


def test_the_exposition_has_the_four_metrics_with_their_types_and_buckets():
    client.post("/ask", json={"question": "warm up"})
    families = scrape()
    assert families["llm_request_duration_seconds"].type == "histogram"
    assert families["llm_time_to_first_token_seconds"].type == "histogram"
    assert families["llm_tokens"].type == "counter"
    assert families["llm_cost_dollars"].type == "counter"
    buckets = {s.labels["le"] for s in families["llm_request_duration_seconds"].samples if "le" in s.labels}
    assert {"0.05", "30.0", "+Inf"} <= buckets, "a slow LLM call must land in a real bucket, not only +Inf"


def test_no_label_can_grow_with_traffic():
    for question in ("first question", "second question", "third question"):
        client.post("/ask", json={"question": question})
    allowed = {"route", "outcome", "model", "direction", "le"}
    for family in scrape().values():
        for sample in family.samples:
            assert set(sample.labels) <= allowed, f"{sample.name} has labels {sorted(sample.labels)}"
            assert not any("question" in v for v in sample.labels.values())
