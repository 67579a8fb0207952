"""An MCP server on stdio that exposes one read-only operations tool, get_pod_status.

The Model Context Protocol (https://modelcontextprotocol.io/specification/2025-11-25) is JSON-RPC
2.0. Over the stdio transport the client starts this program and writes one JSON message per line
to its stdin; the server answers on stdout, one message per line, and logs only to stderr (anything
else on stdout would corrupt the stream).

The framing (serve) and the dispatch (handle) are written. Step 1 of the lab writes initialize(),
list_tools() and call_tool(). Standard library only: the official `mcp` Python SDK does the same
with a decorator per tool, and is what you would use in a project (see the step's guide).
"""
import json
import pathlib
import sys
from typing import Any, Dict, Optional

PROTOCOL_VERSION = "2025-11-25"
SUPPORTED_VERSIONS = ("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05")
SERVER_INFO = {"name": "cluster-tools", "title": "Read-only cluster tools", "version": "1.0.0"}

# JSON-RPC 2.0 error codes
PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602

FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures" / "cluster.json"

GET_POD_STATUS = {
    "name": "get_pod_status",
    "title": "Pod status",
    "description": "Phase, readiness, restarts and the last exit reason of one Kubernetes pod. Read-only.",
    "inputSchema": {
        "type": "object",
        "properties": {
            "namespace": {"type": "string", "description": "The pod's namespace, e.g. shop"},
            "pod": {"type": "string", "description": "The pod's name, e.g. checkout-7d9f"},
        },
        "required": ["namespace", "pod"],
        "additionalProperties": False,
    },
}


class RpcError(Exception):
    """A protocol error: becomes a JSON-RPC error response."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def pod_status(namespace: str, pod: str) -> Dict[str, Any]:
    """The fixture's record of one pod; LookupError naming the known pods when there is none."""
    pods = json.loads(FIXTURES.read_text(encoding="utf-8"))["pods"]
    key = f"{namespace}/{pod}"
    if key not in pods:
        raise LookupError(f"no pod {key}; known pods: {', '.join(sorted(pods))}")
    return {"pod": key, **pods[key]}


def initialize(params: Dict[str, Any]) -> Dict[str, Any]:
    """The result of `initialize`: the agreed protocol version, the capabilities and who we are."""
    asked = params.get("protocolVersion")
    return {"protocolVersion": asked if asked in SUPPORTED_VERSIONS else PROTOCOL_VERSION,
            "capabilities": {"tools": {"listChanged": False}}, "serverInfo": SERVER_INFO}


def list_tools(params: Dict[str, Any]) -> Dict[str, Any]:
    """The result of `tools/list`."""
    return {"tools": [GET_POD_STATUS]}


def tool_error(text: str) -> Dict[str, Any]:
    """A failure the model should see and can correct: a result, not a protocol error."""
    return {"content": [{"type": "text", "text": text}], "isError": True}


def argument_problem(arguments: Any) -> Optional[str]:
    """A sentence saying what is wrong with the arguments, or None when they fit the input schema."""
    if not isinstance(arguments, dict):
        return "arguments must be an object with namespace and pod"
    schema = GET_POD_STATUS["inputSchema"]
    unknown = sorted(set(arguments) - set(schema["properties"]))
    if unknown:
        return f"unknown argument(s) {', '.join(unknown)}; get_pod_status takes namespace and pod"
    for name in schema["required"]:
        if name not in arguments:
            return f"missing argument {name}; get_pod_status takes namespace and pod"
        if not isinstance(arguments[name], str) or not arguments[name]:
            return f"{name} must be a non-empty string"
    return None


def call_tool(params: Dict[str, Any]) -> Dict[str, Any]:
    """The result of `tools/call`. An unknown tool is a protocol error; bad arguments and a missing
    pod are tool errors, which the model reads and can correct on its next turn."""
    name = params.get("name")
    if name != GET_POD_STATUS["name"]:
        raise RpcError(INVALID_PARAMS, f"Unknown tool: {name}")
    arguments = params.get("arguments", {})
    problem = argument_problem(arguments)
    if problem:
        return tool_error(problem)
    try:
        status = pod_status(arguments["namespace"], arguments["pod"])
    except LookupError as error:
        return tool_error(str(error))
    return {"content": [{"type": "text", "text": json.dumps(status)}], "structuredContent": status, "isError": False}


METHODS = {"initialize": initialize, "tools/list": list_tools, "tools/call": call_tool,
           "ping": lambda params: {}}


def handle(message: Any) -> Optional[Dict[str, Any]]:
    """One JSON-RPC message in; its response out, or None for a notification (no id)."""
    if not isinstance(message, dict) or message.get("jsonrpc") != "2.0" or not isinstance(message.get("method"), str):
        return {"jsonrpc": "2.0", "id": message.get("id") if isinstance(message, dict) else None,
                "error": {"code": INVALID_REQUEST, "message": "Invalid Request: expected a JSON-RPC 2.0 request"}}
    if "id" not in message:
        return None  # notifications/initialized and friends need no answer
    params = message.get("params") or {}
    method = METHODS.get(message["method"])
    try:
        if method is None:
            raise RpcError(METHOD_NOT_FOUND, f"Method not found: {message['method']}")
        if not isinstance(params, dict):
            raise RpcError(INVALID_PARAMS, "params must be an object")
        return {"jsonrpc": "2.0", "id": message["id"], "result": method(params)}
    except RpcError as error:
        return {"jsonrpc": "2.0", "id": message["id"], "error": {"code": error.code, "message": error.message}}


def serve(stdin=sys.stdin, stdout=sys.stdout) -> None:
    """Read one message per line until stdin closes; answer each request on its own line."""
    for line in stdin:
        if not line.strip():
            continue
        try:
            message = json.loads(line)
        except ValueError:
            response = {"jsonrpc": "2.0", "id": None, "error": {"code": PARSE_ERROR, "message": "Parse error"}}
        else:
            try:
                response = handle(message)
            except NotImplementedError as error:
                print(f"not done yet: {error}", file=sys.stderr)
                response = {"jsonrpc": "2.0", "id": message.get("id"),
                            "error": {"code": -32603, "message": f"Internal error: {error}"}}
        if response is not None:
            stdout.write(json.dumps(response) + "\n")
            stdout.flush()


if __name__ == "__main__":
    serve()
