"""The gateway's own version of the stub's basic tests: health, the API description and validation.
(The stub's POST /ask contract is replaced by the gateway's; tests/test_gateway.py covers it.)"""
from fastapi.testclient import TestClient

import main

client = TestClient(main.app)


class ReadyProvider:
    name, model = "fake", "fake:1b"

    def ping(self, timeout_s=2.0):
        return True


def test_health_answers_without_a_model_call():
    main.app.dependency_overrides[main.get_providers] = lambda: {"simple": ReadyProvider()}
    try:
        response = client.get("/health")
    finally:
        main.app.dependency_overrides.clear()
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_openapi_documents_the_request_and_the_answer():
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"AskRequest", "GatewayAnswer", "GatewayHealth"} <= set(schemas)


def test_an_empty_question_is_a_422():
    assert client.post("/ask", json={"question": ""}).status_code == 422


def test_max_words_must_be_positive():
    assert client.post("/ask", json={"question": "hi", "max_words": 0}).status_code == 422
