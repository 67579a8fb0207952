"""A small MCP client on stdio: it starts a server, initializes, lists its tools and calls them.

usage: python mcp_client.py [--server "python3 mcp_server.py"] list
       python mcp_client.py call get_pod_status '{"namespace": "shop", "pod": "checkout-7d9f"}'
       python mcp_client.py check        # what the lab's check runs: the protocol, step by step

Standard library only, so it runs wherever the server does. Exit codes: 0 fine, 1 the server
broke the protocol or a check failed, 2 the server could not be started or went silent.
"""
import argparse
import json
import queue
import shlex
import subprocess
import sys
import threading
from typing import Any, Dict, List, Optional

CLIENT_VERSION = "2025-11-25"
TIMEOUT = 10.0


class ServerGone(Exception):
    """The server exited, or did not answer within the timeout."""


class Connection:
    """One server process, spoken to in JSON-RPC 2.0 messages, one per line."""

    def __init__(self, command: List[str]):
        try:
            self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=subprocess.PIPE, text=True, encoding="utf-8")
        except OSError as error:
            raise ServerGone(f"cannot start {' '.join(command)}: {error}") from error
        self.lines: "queue.Queue[Optional[str]]" = queue.Queue()
        self.stderr: List[str] = []
        threading.Thread(target=self._read, args=(self.process.stdout, self.lines), daemon=True).start()
        threading.Thread(target=self._drain, daemon=True).start()
        self.next_id = 1
        self.initialized: Dict[str, Any] = {}  # the result of initialize, once open_session() ran it

    @staticmethod
    def _read(stream, lines):
        for line in stream:
            lines.put(line)
        lines.put(None)

    def _drain(self):
        for line in self.process.stderr:
            self.stderr.append(line.rstrip())

    def send(self, message: Dict[str, Any]) -> None:
        try:
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError) as error:
            raise ServerGone(f"the server closed its input ({error}){self.last_words()}") from error

    def request(self, method: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """Send a request and return the response with the same id (the whole message)."""
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.next_id += 1
        self.send(message)
        return self.receive(message["id"])

    def notify(self, method: str) -> None:
        self.send({"jsonrpc": "2.0", "method": method})

    def receive(self, expected_id: Any) -> Dict[str, Any]:
        try:
            line = self.lines.get(timeout=TIMEOUT)
        except queue.Empty:
            raise ServerGone(f"no answer within {TIMEOUT:.0f} s to request {expected_id}{self.last_words()}")
        if line is None:
            raise ServerGone(f"the server exited (code {self.process.wait()}){self.last_words()}")
        try:
            response = json.loads(line)
        except ValueError:
            raise ProtocolBroken(f"stdout carried a line that is not JSON: {line.strip()[:120]!r} (log to stderr)")
        if response.get("jsonrpc") != "2.0" or response.get("id") != expected_id:
            raise ProtocolBroken(f"expected a JSON-RPC 2.0 response with id {expected_id}, got {line.strip()[:200]}")
        return response

    def last_words(self) -> str:
        return f"; its stderr ends: {' | '.join(self.stderr[-3:])}" if self.stderr else ""

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class ProtocolBroken(Exception):
    """The server answered, but not as the protocol says."""


def open_session(command: List[str]) -> Connection:
    connection = Connection(command)
    response = connection.request("initialize", {"protocolVersion": CLIENT_VERSION, "capabilities": {},
                                                 "clientInfo": {"name": "lab-client", "version": "1.0.0"}})
    if "error" in response:
        connection.close()
        raise ProtocolBroken(f"initialize failed: {response['error'].get('message')}")
    connection.notify("notifications/initialized")
    connection.initialized = response["result"]
    return connection


def check(command: List[str]) -> int:
    """The protocol step by step; one line per finding, 'ok:' or 'problem:'."""
    problems = []

    def expect(ok: bool, good: str, bad: str) -> None:
        print(f"ok: {good}" if ok else f"problem: {bad}")
        if not ok:
            problems.append(bad)

    connection = open_session(command)
    try:
        init = connection.initialized
        expect(init.get("protocolVersion") == CLIENT_VERSION,
               f"initialize agreed on protocol version {CLIENT_VERSION}",
               f"initialize answered protocolVersion {init.get('protocolVersion')!r}; a server that supports the"
               f" client's {CLIENT_VERSION} answers with it")
        expect(isinstance(init.get("capabilities", {}).get("tools"), dict), "the server declares the tools capability",
               "capabilities has no tools object: a server with tools declares {\"tools\": {...}}")
        expect(bool(init.get("serverInfo", {}).get("name")), "the server names itself in serverInfo",
               "serverInfo.name is missing")

        listed = connection.request("tools/list", {}).get("result", {})
        tools = {t.get("name"): t for t in listed.get("tools", []) if isinstance(t, dict)}
        tool = tools.get("get_pod_status", {})
        expect(bool(tool), "tools/list offers get_pod_status", f"tools/list offers {sorted(tools)}, not get_pod_status")
        schema = tool.get("inputSchema", {})
        expect(schema.get("type") == "object" and set(schema.get("required", [])) == {"namespace", "pod"},
               "its inputSchema requires namespace and pod", "get_pod_status needs an inputSchema of type object"
               " that requires namespace and pod")

        good = connection.request("tools/call", {"name": "get_pod_status",
                                                  "arguments": {"namespace": "shop", "pod": "checkout-7d9f"}})
        result = good.get("result", {})
        text = " ".join(c.get("text", "") for c in result.get("content", []) if c.get("type") == "text")
        expect(result.get("isError") is False and "CrashLoopBackOff" in text,
               "tools/call get_pod_status(shop, checkout-7d9f) reports CrashLoopBackOff",
               f"tools/call get_pod_status(shop, checkout-7d9f) answered {json.dumps(good)[:200]}")
        expect(isinstance(result.get("structuredContent"), dict)
               and result["structuredContent"].get("restarts") == 14,
               "the result carries structuredContent with the pod's fields",
               "the result has no structuredContent object with the pod's fields (restarts: 14)")

        missing = connection.request("tools/call", {"name": "get_pod_status",
                                                     "arguments": {"namespace": "shop", "pod": "nope-1"}})
        result = missing.get("result", {})
        text = " ".join(c.get("text", "") for c in result.get("content", []))
        expect(result.get("isError") is True and "shop/nope-1" in text,
               "a pod that does not exist is a tool error the model can read",
               f"a missing pod must be a result with isError: true naming shop/nope-1, got {json.dumps(missing)[:200]}")

        bad = connection.request("tools/call", {"name": "get_pod_status", "arguments": {"namespace": "shop"}})
        expect(bad.get("result", {}).get("isError") is True,
               "arguments without pod are a tool error",
               f"arguments without pod must be a result with isError: true, got {json.dumps(bad)[:200]}")

        unknown = connection.request("tools/call", {"name": "delete_pod", "arguments": {}})
        expect(unknown.get("error", {}).get("code") == -32602,
               "an unknown tool is a JSON-RPC error -32602",
               f"an unknown tool must be a JSON-RPC error with code -32602, got {json.dumps(unknown)[:200]}")

        nonsense = connection.request("resources/list", {})
        expect(nonsense.get("error", {}).get("code") == -32601,
               "a method the server lacks is a JSON-RPC error -32601",
               f"resources/list must be error -32601 (method not found), got {json.dumps(nonsense)[:200]}")
    finally:
        connection.close()
    if problems:
        print(f"MCP check failed: {len(problems)} problem(s)")
        return 1
    print("MCP check passed: initialize, tools/list and tools/call behave as the protocol says")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="A small MCP client on stdio.")
    parser.add_argument("--server", default=f"{shlex.quote(sys.executable)} mcp_server.py",
                        help="the command that starts the server")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list")
    call = sub.add_parser("call")
    call.add_argument("tool")
    call.add_argument("arguments", nargs="?", default="{}")
    sub.add_parser("check")
    args = parser.parse_args(argv)
    command = shlex.split(args.server)
    try:
        if args.command == "check":
            return check(command)
        connection = open_session(command)
        try:
            if args.command == "list":
                response = connection.request("tools/list", {})
            else:
                response = connection.request("tools/call", {"name": args.tool, "arguments": json.loads(args.arguments)})
        finally:
            connection.close()
        print(json.dumps(response, indent=2))
        return 1 if "error" in response else 0
    except ProtocolBroken as error:
        print(f"problem: {error}")
        return 1
    except ServerGone as error:
        print(f"problem: {error}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
