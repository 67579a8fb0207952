"""The agent loop with a scripted model: answers, tool round trips, errors, budgets, parallel calls."""
import copy

from agent import run_agent
from tools import registry


class ScriptedModel:
    """Returns the scripted replies in order and keeps a copy of every request."""

    def __init__(self, *replies):
        self.replies = list(replies)
        self.requests = []

    def __call__(self, messages, tools):
        self.requests.append(copy.deepcopy(messages))
        reply = self.replies.pop(0) if self.replies else self.replies_exhausted()
        return {"message": {"role": "assistant", **reply}, "prompt_eval_count": 100, "eval_count": 10}

    @staticmethod
    def replies_exhausted():
        return {"content": "", "tool_calls": [{"function": {"name": "get_error_rate", "arguments": {"service": "cart"}}}]}


def call(name, **arguments):
    return {"function": {"name": name, "arguments": arguments}}


def test_a_direct_answer_ends_the_run_after_one_step():
    result = run_agent("Say hello", ScriptedModel({"content": "Hello."}), registry)
    assert (result.answer, result.stop_reason, result.steps, result.tool_calls) == ("Hello.", "answer", 1, [])


def test_a_tool_round_trip_feeds_the_result_back_to_the_model():
    model = ScriptedModel({"content": "", "tool_calls": [call("get_pod_status", namespace="shop", pod="checkout-7d9f")]},
                          {"content": "checkout-7d9f is in CrashLoopBackOff."})
    result = run_agent("Is checkout healthy?", model, registry)
    assert result.stop_reason == "answer"
    assert result.steps == 2
    assert [c.name for c in result.tool_calls] == ["get_pod_status"]
    assert result.tool_calls[0].ok and result.tool_calls[0].arguments == {"namespace": "shop", "pod": "checkout-7d9f"}
    second = model.requests[1]
    assert second[0]["role"] == "system" and second[1] == {"role": "user", "content": "Is checkout healthy?"}
    assert second[-2]["role"] == "assistant" and second[-2]["tool_calls"]
    assert second[-1]["role"] == "tool" and "CrashLoopBackOff" in second[-1]["content"]


def test_an_unknown_tool_is_reported_to_the_model_as_an_error():
    model = ScriptedModel({"content": "", "tool_calls": [call("restart_pod", pod="x")]},
                          {"content": "I cannot restart pods."})
    result = run_agent("Restart checkout", model, registry)
    assert result.tool_calls[0].ok is False
    assert model.requests[1][-1]["role"] == "tool"
    assert model.requests[1][-1]["content"].startswith("ERROR")
    assert result.answer == "I cannot restart pods."


def test_the_step_budget_stops_a_model_that_never_answers():
    result = run_agent("Loop forever", ScriptedModel(), registry, max_steps=3)
    assert result.stop_reason == "max_steps"
    assert result.steps == 3
    assert len(result.tool_calls) == 3
    assert result.answer


def test_parallel_tool_calls_are_all_run_before_the_next_model_call():
    model = ScriptedModel({"content": "", "tool_calls": [call("get_error_rate", service="checkout"),
                                                         call("get_error_rate", service="cart")]},
                          {"content": "checkout is failing, cart is fine."})
    result = run_agent("Compare checkout and cart", model, registry)
    assert [c.arguments["service"] for c in result.tool_calls] == ["checkout", "cart"]
    tool_messages = [m for m in model.requests[1] if m["role"] == "tool"]
    assert len(tool_messages) == 2 and "0.187" in tool_messages[0]["content"]


def test_arguments_given_as_a_json_string_are_parsed():
    model = ScriptedModel({"content": "", "tool_calls": [{"function": {"name": "get_error_rate",
                                                                       "arguments": '{"service": "cart"}'}}]},
                          {"content": "cart is fine."})
    result = run_agent("cart?", model, registry)
    assert result.tool_calls[0].ok and result.tool_calls[0].arguments == {"service": "cart"}


def test_tokens_are_summed_over_all_steps():
    model = ScriptedModel({"content": "", "tool_calls": [call("get_error_rate", service="cart")]}, {"content": "ok"})
    result = run_agent("cart?", model, registry)
    assert (result.input_tokens, result.output_tokens) == (200, 20)
