"""A minimal client for Ollama's chat endpoint, written with httpx and no SDK in between."""
import os
import time
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Union

import httpx

MODEL = os.environ.get("LAB_MODEL", "qwen2.5:0.5b")


def ollama_url() -> str:
    """Where Ollama answers: OLLAMA_HOST read the way the ollama CLI reads it, else 127.0.0.1:11434.

    The workbench sets OLLAMA_HOST for the lab's commands and services, so the same code works with a
    native Ollama and with the Ollama container.
    """
    raw = os.environ.get("OLLAMA_HOST", "").strip()
    scheme, default_port = "http", "11434"
    if "://" in raw:
        scheme, raw = raw.split("://", 1)
        default_port = {"http": "80", "https": "443"}.get(scheme, "11434")
    host = raw.strip("/") or "127.0.0.1"
    if host.startswith(":"):
        host = "127.0.0.1" + host
    if host.startswith("0.0.0.0"):
        host = "127.0.0.1" + host[len("0.0.0.0"):]
    if ":" not in host.rsplit("]", 1)[-1]:
        host = f"{host}:{default_port}"
    return f"{scheme}://{host}"


@dataclass
class ChatResult:
    text: str
    model: str
    input_tokens: Optional[int]   # prompt_eval_count; None when the server left it out
    output_tokens: Optional[int]  # eval_count
    latency_ms: float             # measured here, around the whole call
    done_reason: Optional[str]


class OllamaError(RuntimeError):
    """The server could not be reached or answered with an error."""


def chat(messages: List[Dict[str, str]], model: str = MODEL,
         format: Optional[Union[str, Dict[str, Any]]] = None,
         options: Optional[Dict[str, Any]] = None, timeout: float = 120.0,
         client: Optional[httpx.Client] = None) -> ChatResult:
    """Send one non-streaming chat request to Ollama and return the answer with its counters.

    TODO(lab, step 1):
      - POST {ollama_url()}/api/chat with JSON {"model", "messages", "stream": False} plus
        "format" and "options" when they are given;
      - use `client` when one is passed (the tests pass one), else a new httpx.Client(timeout=timeout);
      - raise OllamaError with the server's {"error": ...} text for a non-200 answer, and for
        connection errors (httpx.HTTPError);
      - return ChatResult(text=body["message"]["content"], model=body["model"],
        input_tokens=body.get("prompt_eval_count"), output_tokens=body.get("eval_count"),
        latency_ms=..., done_reason=body.get("done_reason")).
    """
    raise NotImplementedError("llm.chat is not written yet: see its TODO in llm.py")
