"""POST /agent with the model replaced through dependency_overrides: no model server needed."""
import pytest
from fastapi.testclient import TestClient

import agent
import main

client = TestClient(main.app)


@pytest.fixture
def model(request):
    replies = list(request.param)

    def scripted(messages, tools):
        reply = replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return {"message": {"role": "assistant", **reply}, "prompt_eval_count": 50, "eval_count": 5}

    main.app.dependency_overrides[main.get_model_call] = lambda: scripted
    yield
    main.app.dependency_overrides.clear()


ROUND_TRIP = [{"content": "", "tool_calls": [{"function": {"name": "get_pod_status",
                                                          "arguments": {"namespace": "shop", "pod": "checkout-7d9f"}}}]},
              {"content": "checkout-7d9f is crash-looping: PAYMENTS_URL is missing."}]


@pytest.mark.parametrize("model", [ROUND_TRIP], indirect=True)
def test_the_agent_endpoint_returns_the_answer_and_the_tool_calls(model):
    response = client.post("/agent", json={"question": "Is checkout-7d9f in shop healthy?"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stop_reason"] == "answer" and body["steps"] == 2
    assert body["tool_calls"][0]["name"] == "get_pod_status" and body["tool_calls"][0]["ok"] is True
    assert "PAYMENTS_URL" in body["answer"]
    assert body["input_tokens"] == 100 and body["latency_ms"] >= 0


@pytest.mark.parametrize("model", [[]], indirect=True)
def test_an_empty_question_is_rejected(model):
    assert client.post("/agent", json={"question": ""}).status_code == 422


@pytest.mark.parametrize("model", [[agent.ModelUnavailable("connection refused")]], indirect=True)
def test_an_unreachable_model_is_a_503_with_a_reason(model):
    response = client.post("/agent", json={"question": "Is checkout healthy?"})
    assert response.status_code == 503
    assert "connection refused" in response.json()["detail"]
