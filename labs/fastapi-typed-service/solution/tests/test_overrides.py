"""Tests that swap the provider through app.dependency_overrides, so no test needs a real model."""
import pytest
from fastapi.testclient import TestClient

from main import app, get_provider

client = TestClient(app)


class ScriptedProvider:
    name = "scripted"

    def __init__(self, answer="forty-two", is_ready=True, error=None):
        self.answer, self.is_ready, self.error = answer, is_ready, error
        self.questions = []

    def complete(self, question, max_words=None):
        self.questions.append(question)
        return self.answer

    def ready(self):
        if self.error:
            raise self.error
        return self.is_ready


@pytest.fixture
def use_provider():
    def install(provider):
        app.dependency_overrides[get_provider] = lambda: provider
        return provider
    yield install
    app.dependency_overrides.clear()


def test_ask_uses_the_injected_provider(use_provider):
    provider = use_provider(ScriptedProvider(answer="Use /ready for readiness."))
    body = client.post("/ask", json={"question": "Which probe?"}).json()
    assert body["answer"] == "Use /ready for readiness."
    assert body["provider"] == "scripted"
    assert provider.questions == ["Which probe?"]


def test_ready_is_200_with_a_ready_provider(use_provider):
    use_provider(ScriptedProvider())
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"


def test_ready_is_503_when_the_provider_is_not_ready(use_provider):
    use_provider(ScriptedProvider(is_ready=False))
    response = client.get("/ready")
    assert response.status_code == 503
    assert response.json()["status"] == "not ready"


def test_ready_is_503_when_the_provider_check_raises(use_provider):
    use_provider(ScriptedProvider(error=TimeoutError("no answer in 2 s")))
    response = client.get("/ready")
    assert response.status_code == 503
    assert "no answer in 2 s" in response.json()["reason"]


def test_health_stays_200_when_the_provider_is_down(use_provider):
    use_provider(ScriptedProvider(is_ready=False))
    assert client.get("/health").status_code == 200
