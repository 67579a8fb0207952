"""mcp_server.py, one message at a time, and once over a real pipe."""
import io
import json

import mcp_server


def request(method, params=None, id_=1):
    message = {"jsonrpc": "2.0", "id": id_, "method": method}
    if params is not None:
        message["params"] = params
    return mcp_server.handle(message)


def test_initialize_agrees_on_the_clients_version_when_it_can():
    result = request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {}})["result"]
    assert result["protocolVersion"] == "2025-06-18"
    assert result["capabilities"]["tools"] == {"listChanged": False}
    assert result["serverInfo"]["name"] == "cluster-tools"


def test_initialize_offers_its_latest_version_for_one_it_does_not_know():
    result = request("initialize", {"protocolVersion": "1999-01-01"})["result"]
    assert result["protocolVersion"] == mcp_server.PROTOCOL_VERSION


def test_notifications_get_no_answer():
    assert mcp_server.handle({"jsonrpc": "2.0", "method": "notifications/initialized"}) is None


def test_tools_list_describes_the_tool_with_a_json_schema():
    tools = request("tools/list", {})["result"]["tools"]
    assert [t["name"] for t in tools] == ["get_pod_status"]
    assert tools[0]["inputSchema"]["required"] == ["namespace", "pod"]
    assert tools[0]["description"]


def test_a_call_returns_text_and_structured_content():
    result = request("tools/call", {"name": "get_pod_status",
                                    "arguments": {"namespace": "shop", "pod": "checkout-7d9f"}})["result"]
    assert result["isError"] is False
    assert result["structuredContent"]["reason"] == "CrashLoopBackOff"
    assert json.loads(result["content"][0]["text"]) == result["structuredContent"]


def test_a_missing_pod_is_a_tool_error_naming_the_known_pods():
    result = request("tools/call", {"name": "get_pod_status",
                                    "arguments": {"namespace": "shop", "pod": "nope"}})["result"]
    assert result["isError"] is True
    assert "shop/cart-5b2c" in result["content"][0]["text"]


def test_bad_arguments_are_tool_errors_the_model_can_correct():
    for arguments in ({"namespace": "shop"}, {"namespace": "shop", "pod": 7}, "shop/cart",
                      {"namespace": "shop", "pod": "cart-5b2c", "force": True}):
        result = request("tools/call", {"name": "get_pod_status", "arguments": arguments})["result"]
        assert result["isError"] is True, arguments
        assert result["content"][0]["type"] == "text"


def test_an_unknown_tool_and_an_unknown_method_are_protocol_errors():
    assert request("tools/call", {"name": "delete_pod", "arguments": {}})["error"]["code"] == -32602
    assert request("resources/list", {})["error"]["code"] == -32601


def test_serve_answers_one_line_per_request_and_reports_bad_json():
    stdin = io.StringIO(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                    "params": {"protocolVersion": "2025-11-25"}}) + "\n"
                        + json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n"
                        + "{not json\n"
                        + json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}) + "\n")
    stdout = io.StringIO()
    mcp_server.serve(stdin, stdout)
    answers = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert [a.get("id") for a in answers] == [1, None, 2]
    assert answers[1]["error"]["code"] == -32700
    assert answers[2]["result"]["tools"][0]["name"] == "get_pod_status"
