#!/usr/bin/env python3
"""One local model server both tools talk to: Ollama's API (/api/tags, /api/show, /api/chat, /api/generate, streamed or
not), OpenAI's (/v1/models, /v1/chat/completions, streamed as server-sent events or not) and Anthropic's
(/v1/models[/<id>], /v1/messages, streamed as server-sent events or not).

Every answer is a function of the model and the prompt alone, so promptfoo and the workbench see the same output for
the same request: "<model> says <yes|no>: <the prompt's first 60 characters>", yes or no from a SHA-256 of both.
Prints "port=<n>" once it listens on 127.0.0.1.
"""
import hashlib
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODELS = sys.argv[1].split(",") if len(sys.argv) > 1 else ["alpha", "beta"]
DIGEST = "0" * 64


def answer(model, text):
    text = text.strip()
    digest = hashlib.sha256((model + "\n" + text).encode("utf-8")).digest()
    verdict = "yes" if digest[0] % 3 else "no"
    return f"{model} says {verdict}: {text[:60]}"


def base(model):
    return model[:-len(":latest")] if model.endswith(":latest") else model


def prompt_of(body, chat):
    if not chat:
        return body.get("prompt", "")
    users = [text_of(m.get("content", "")) for m in body.get("messages", []) if m.get("role") == "user"]
    return users[-1] if users else ""


def text_of(content):
    """A message's text: OpenAI's and Ollama's are strings; Anthropic's may be a list of blocks."""
    if isinstance(content, list):
        return "".join(block.get("text", "") for block in content if block.get("type") == "text")
    return content


def model_entry(m):
    """A model as both listings read it: OpenAI's object fields and Anthropic's (type, display_name, created_at)."""
    return {"id": m, "object": "model", "owned_by": "fake", "type": "model", "display_name": m,
            "created_at": "2026-01-01T00:00:00Z"}


def tokens(text):
    words = text.split(" ")
    return [w if i == 0 else " " + w for i, w in enumerate(words)]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, kind="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def stream(self, kind, chunks):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in chunks:
            data = chunk.encode("utf-8")
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/":
            self.send(200, b"Ollama is running", "text/plain")
        elif path == "/api/version":
            self.send(200, {"version": "0.32.15"})
        elif path == "/api/tags":
            self.send(200, {"models": [{"name": m + ":latest", "model": m + ":latest", "size": 1, "digest": DIGEST,
                                        "modified_at": "2026-01-01T00:00:00Z",
                                        "details": {"family": "fake", "parameter_size": "1B",
                                                    "quantization_level": "Q4_0"}} for m in MODELS]})
        elif path in ("/v1/models", "/models"):
            self.send(200, {"object": "list", "data": [model_entry(m) for m in MODELS], "has_more": False,
                            "first_id": MODELS[0], "last_id": MODELS[-1]})
        elif path.startswith("/v1/models/") and path[len("/v1/models/"):] in MODELS:
            self.send(200, model_entry(path[len("/v1/models/"):]))
        else:
            self.send(404, b"404 page not found", "text/plain")

    def do_POST(self):
        path = self.path.split("?")[0]
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        model = base(body.get("model", ""))
        if path == "/api/show":
            self.send(200, {"details": {"family": "fake"}, "model_info": {}, "capabilities": ["completion"]})
        elif path in ("/api/chat", "/api/generate"):
            chat = path == "/api/chat"
            if model not in MODELS:
                self.send(404, {"error": f"model '{model}' not found"})
                return
            text = answer(model, prompt_of(body, chat))
            done = {"model": body["model"], "created_at": "2026-01-01T00:00:00Z", "done": True, "done_reason": "stop",
                    "prompt_eval_count": 10, "eval_count": len(tokens(text)), "total_duration": 1000,
                    "eval_duration": 500, "prompt_eval_duration": 100, "load_duration": 1}
            if body.get("stream", True):
                lines = []
                for token in tokens(text):
                    part = {"model": body["model"], "created_at": "2026-01-01T00:00:00Z", "done": False}
                    part.update({"message": {"role": "assistant", "content": token}} if chat else {"response": token})
                    lines.append(json.dumps(part) + "\n")
                done.update({"message": {"role": "assistant", "content": ""}} if chat else {"response": ""})
                lines.append(json.dumps(done) + "\n")
                self.stream("application/x-ndjson", lines)
            else:
                done.update({"message": {"role": "assistant", "content": text}} if chat else {"response": text})
                self.send(200, done)
        elif path in ("/v1/chat/completions", "/chat/completions"):
            if model not in MODELS:
                self.send(404, {"error": {"message": f"The model '{model}' does not exist", "type": "invalid_request_error",
                                          "code": "model_not_found"}})
                return
            text = answer(model, prompt_of(body, True))
            usage = {"prompt_tokens": 10, "completion_tokens": len(tokens(text)), "total_tokens": 10 + len(tokens(text))}
            if body.get("stream"):
                events = []
                for token in tokens(text):
                    events.append("data: " + json.dumps({"id": "c1", "object": "chat.completion.chunk", "model": model,
                                                         "choices": [{"index": 0, "delta": {"content": token},
                                                                      "finish_reason": None}]}) + "\n\n")
                events.append("data: " + json.dumps({"id": "c1", "object": "chat.completion.chunk", "model": model,
                                                     "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                                                     "usage": usage}) + "\n\n")
                events.append("data: [DONE]\n\n")
                self.stream("text/event-stream", events)
            else:
                self.send(200, {"id": "c1", "object": "chat.completion", "model": model, "usage": usage,
                                "choices": [{"index": 0, "finish_reason": "stop",
                                             "message": {"role": "assistant", "content": text}}]})
        elif path == "/v1/messages":
            self.anthropic(body, model)
        else:
            self.send(404, b"404 page not found", "text/plain")

    def anthropic(self, body, model):
        if model not in MODELS:
            self.send(404, {"type": "error", "error": {"type": "not_found_error", "message": f"model: {model}"}})
            return
        text = answer(model, prompt_of(body, True))
        usage = {"input_tokens": 10, "output_tokens": len(tokens(text))}
        if not body.get("stream"):
            self.send(200, {"id": "msg_1", "type": "message", "role": "assistant", "model": model,
                            "content": [{"type": "text", "text": text}], "stop_reason": "end_turn",
                            "stop_sequence": None, "usage": usage})
            return

        def event(name, data):
            return f"event: {name}\ndata: {json.dumps(data)}\n\n"
        events = [event("message_start", {"type": "message_start", "message": {
                      "id": "msg_1", "type": "message", "role": "assistant", "model": model, "content": [],
                      "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": 10, "output_tokens": 1}}}),
                  event("content_block_start", {"type": "content_block_start", "index": 0,
                                                "content_block": {"type": "text", "text": ""}})]
        for token in tokens(text):
            events.append(event("content_block_delta", {"type": "content_block_delta", "index": 0,
                                                        "delta": {"type": "text_delta", "text": token}}))
        events += [event("content_block_stop", {"type": "content_block_stop", "index": 0}),
                   event("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn",
                                                                             "stop_sequence": None},
                                           "usage": {"output_tokens": usage["output_tokens"]}}),
                   event("message_stop", {"type": "message_stop"})]
        self.stream("text/event-stream", events)


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"port={server.server_address[1]}", flush=True)
    server.serve_forever()
