"""The tool registry: schemas generated from Pydantic models, and every bad call refused readably."""
import json

import pytest
from pydantic import BaseModel

import tools
from tools import ToolRegistry, registry


def test_schemas_describe_every_tool_in_the_chat_api_format():
    specs = {spec["function"]["name"]: spec for spec in registry.schemas()}
    assert set(specs) == {"get_pod_status", "get_error_rate", "search_runbooks"}
    pod = specs["get_pod_status"]
    assert pod["type"] == "function"
    assert pod["function"]["description"]
    parameters = pod["function"]["parameters"]
    assert parameters["type"] == "object"
    assert set(parameters["required"]) == {"namespace", "pod"}
    assert parameters["properties"]["pod"]["description"]


def test_a_valid_call_returns_the_tool_output():
    result = registry.call("get_pod_status", {"namespace": "shop", "pod": "checkout-7d9f"})
    assert result.ok
    assert json.loads(result.content)["reason"] == "CrashLoopBackOff"


def test_an_unknown_tool_is_refused_and_the_known_ones_are_named():
    result = registry.call("delete_pod", {"namespace": "shop", "pod": "checkout-7d9f"})
    assert not result.ok
    assert "delete_pod" in result.content and "get_pod_status" in result.content


def test_a_missing_argument_is_a_readable_error():
    result = registry.call("get_pod_status", {"namespace": "shop"})
    assert not result.ok
    assert "pod" in result.content


def test_an_empty_argument_is_a_readable_error():
    result = registry.call("get_error_rate", {"service": ""})
    assert not result.ok
    assert "service" in result.content


def test_a_failing_tool_becomes_an_observation_not_an_exception():
    result = registry.call("get_pod_status", {"namespace": "shop", "pod": "nope"})
    assert not result.ok
    assert "checkout-7d9f" in result.content  # the error lists the pods that do exist


def test_long_output_is_truncated():
    local = ToolRegistry()

    class Args(BaseModel):
        n: int

    @local.register("long", "Returns a lot of text.", Args)
    def long(args):
        return "x" * (args.n)

    result = local.call("long", {"n": 5000})
    assert result.ok
    assert len(result.content) <= tools.MAX_OUTPUT


def test_a_name_cannot_be_registered_twice():
    local = ToolRegistry()

    class Args(BaseModel):
        q: str

    local.register("twice", "First.", Args)(lambda args: "one")
    with pytest.raises(ValueError):
        local.register("twice", "Second.", Args)(lambda args: "two")
