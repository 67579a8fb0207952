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
    """Send one non-streaming chat request to Ollama and return the answer with its counters."""
    payload: Dict[str, Any] = {"model": model, "messages": messages, "stream": False}
    if format is not None:
        payload["format"] = format
    if options:
        payload["options"] = options
    own_client = client is None
    http = client if client is not None else httpx.Client(timeout=timeout)
    started = time.perf_counter()
    try:
        response = http.post(f"{ollama_url()}/api/chat", json=payload)
    except httpx.HTTPError as error:
        raise OllamaError(f"cannot reach Ollama at {ollama_url()}: {error}") from error
    finally:
        if own_client:
            http.close()
    latency_ms = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        try:
            reason = response.json().get("error", response.text)
        except ValueError:
            reason = response.text
        raise OllamaError(f"Ollama answered {response.status_code}: {reason}")
    body = response.json()
    return ChatResult(text=body["message"]["content"], model=body.get("model", model),
                      input_tokens=body.get("prompt_eval_count"), output_tokens=body.get("eval_count"),
                      latency_ms=latency_ms, done_reason=body.get("done_reason"))
