"""The assistant's version of the stub's basic tests: liveness, the API description and validation.
(The stub's /ask and /items contract is replaced; tests/test_assistant.py covers the new one.)"""
from fastapi.testclient import TestClient

import main

client = TestClient(main.app)


def test_health_says_ok():
    assert client.get("/health").json()["status"] == "ok"


def test_openapi_documents_the_models():
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"AskRequest", "AskResponse", "SourceOut"} <= set(schemas)


def test_ask_rejects_an_empty_question():
    assert client.post("/ask", json={"question": ""}).status_code == 422
