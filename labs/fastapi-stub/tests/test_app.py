"""Tests for the stub. On the untouched stub the health and validation tests pass and the
tests of the TODO(lab) endpoints fail; once POST /ask and GET /items/{item_id} are built,
every test passes.

Run them from the stub's folder:  python3 -m pytest -q
"""
from fastapi.testclient import TestClient

from main import app

client = TestClient(app)


# ---- works on the stub as shipped ----

def test_health_says_ok():
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_openapi_documents_the_models():
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"AskRequest", "AskResponse", "Item"} <= set(schemas)


def test_ask_rejects_an_empty_question():
    response = client.post("/ask", json={"question": ""})
    assert response.status_code == 422


def test_items_rejects_an_id_that_is_not_a_number():
    response = client.get("/items/not-a-number")
    assert response.status_code == 422


# ---- fail on the stub until you build the endpoints ----

def test_ask_returns_a_typed_answer():
    response = client.post("/ask", json={"question": "What does a readiness probe check?"})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert set(body) == {"answer", "provider", "latency_ms"}
    assert body["answer"].strip()
    assert body["provider"] == "fake"
    assert body["latency_ms"] >= 0


def test_ask_honours_max_words():
    response = client.post("/ask", json={"question": "Explain liveness probes in detail", "max_words": 3})
    assert response.status_code == 200, response.json()
    assert len(response.json()["answer"].split()) <= 3


def test_item_is_returned():
    response = client.get("/items/1")
    assert response.status_code == 200, response.json()
    assert response.json() == {"id": 1, "name": "orders-api", "owner": "checkout", "tags": ["python", "fastapi"]}


def test_unknown_item_is_a_404_with_a_reason():
    response = client.get("/items/999")
    assert response.status_code == 404, response.json()
    assert response.json()["detail"] == "Item 999 not found"
