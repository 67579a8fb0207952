#!/usr/bin/env python3
"""A tiny stand-in for an Ollama server, for the packaging smoke test and the AOT training run only.

It answers /api/version, /api/tags, /api/show and /api/chat (streamed NDJSON or one JSON object, with Ollama's
final counters) at once, echoing the last user message, so an eval suite whose assertions look for the question
passes. It binds 127.0.0.1 on the given port (0 picks a free one) and prints the port it took on its first line.
TCP_NODELAY is set on every connection, as Ollama does: without it a kept-alive connection with small writes waits
on delayed ACKs and every request pays 40 ms.
"""
import json
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODEL = "smoke:latest"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/":
            self.send(200, b"Ollama is running", "text/plain; charset=utf-8")
        elif self.path == "/api/version":
            self.send(200, {"version": "0.12.6"})
        elif self.path == "/api/tags":
            self.send(200, {"models": [{"name": MODEL, "model": MODEL, "modified_at": "2025-10-26T17:21:21Z",
                                        "size": 1, "digest": "0" * 64,
                                        "details": {"format": "gguf", "family": "smoke", "parameter_size": "1M",
                                                    "quantization_level": "Q4_0"}}]})
        else:
            self.send(404, b"404 page not found", "text/plain")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        request = json.loads(self.rfile.read(length) or b"{}")
        if self.path == "/api/show":
            self.send(200, {"details": {"format": "gguf", "family": "smoke"}, "model_info": {},
                            "capabilities": ["completion"]})
        elif self.path == "/api/chat":
            self.chat(request)
        else:
            self.send(404, b"404 page not found", "text/plain")

    def chat(self, request):
        messages = request.get("messages") or [{}]
        answer = "You asked: " + str(messages[-1].get("content", ""))
        model = request.get("model", MODEL)
        final = {"model": model, "created_at": "2025-10-26T17:21:21Z", "done": True, "done_reason": "stop",
                 "total_duration": 2000000, "load_duration": 0, "prompt_eval_count": max(1, len(answer) // 4),
                 "prompt_eval_duration": 1000000, "eval_count": 1, "eval_duration": 1000000}
        message = {"role": "assistant", "content": answer}
        if request.get("stream", True):
            lines = [{"model": model, "created_at": final["created_at"], "message": message, "done": False},
                     dict(final, message={"role": "assistant", "content": ""})]
            self.send(200, "".join(json.dumps(line) + "\n" for line in lines).encode(), "application/x-ndjson")
        else:
            self.send(200, dict(final, message=message))


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
