"""triage() with scripted chat functions: the success, repair and failure paths, no network."""
import json

import pytest

import llm
from compat import json_schema
from models import TriageResult
from triage import TriageFailed, triage

VALID = '{"service": "search-api", "reason": "Searches are slow for many users.", "severity": "P2"}'
INVALID = '{"service": "search-api", "severity": "urgent"}'


class ScriptedChat:
    """Answers each call with the next scripted text and remembers what it was sent."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.calls = []

    def __call__(self, messages, **kwargs):
        self.calls.append({"messages": [dict(m) for m in messages], **kwargs})
        return llm.ChatResult(text=self.answers.pop(0), model="fake", input_tokens=10, output_tokens=5,
                              latency_ms=12.0, done_reason="stop")


def test_a_valid_answer_is_returned_after_one_call():
    chat = ScriptedChat(VALID)
    result = triage("search-api p95 is 4 s", chat=chat)
    assert isinstance(result, TriageResult)
    assert result.severity == "P2"
    assert len(chat.calls) == 1


def test_the_request_carries_the_schema_and_the_alert():
    chat = ScriptedChat(VALID)
    triage("search-api p95 is 4 s", chat=chat)
    call = chat.calls[0]
    assert call["format"] == json_schema(TriageResult)
    assert call["messages"][0]["role"] == "system"
    assert call["messages"][-1] == {"role": "user", "content": "search-api p95 is 4 s"}
    assert call["options"]["temperature"] == 0


def test_without_the_schema_it_asks_for_plain_json():
    chat = ScriptedChat(VALID)
    triage("search-api p95 is 4 s", chat=chat, use_schema=False)
    assert chat.calls[0]["format"] == "json"


def test_an_invalid_answer_is_repaired_once_with_the_error_quoted():
    chat = ScriptedChat(INVALID, VALID)
    result = triage("search-api p95 is 4 s", chat=chat)
    assert result.severity == "P2"
    assert len(chat.calls) == 2
    repair = chat.calls[1]["messages"]
    assert repair[-2] == {"role": "assistant", "content": INVALID}
    assert repair[-1]["role"] == "user"
    assert "severity" in repair[-1]["content"]  # the validation error names the bad field


def test_two_invalid_answers_raise_triage_failed_with_the_last_answer():
    chat = ScriptedChat(INVALID, "not json at all")
    with pytest.raises(TriageFailed) as raised:
        triage("search-api p95 is 4 s", chat=chat)
    assert raised.value.raw == "not json at all"
    assert len(chat.calls) == 2


def test_attempts_are_recorded_for_measurement():
    attempts = []
    triage("search-api p95 is 4 s", chat=ScriptedChat(INVALID, VALID), attempts=attempts)
    assert [a.latency_ms for a in attempts] == [12.0, 12.0]
    assert json.loads(attempts[-1].text)["severity"] == "P2"
