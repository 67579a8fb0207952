"""A tool-calling agent loop written without a framework: ask the model, run the tools it asks
for, give it the results, repeat until it answers or the step budget runs out."""
import json
import os
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List

import httpx

from tools import ToolRegistry

MODEL = os.environ.get("LAB_MODEL", "qwen2.5:1.5b")

SYSTEM_PROMPT = (
    "You are an operations assistant for a Kubernetes platform. You can look up live state with "
    "tools. Always call a tool to check pods, error rates or runbooks before you answer; never "
    "guess live state. Answer in two or three sentences and name the facts the tools returned.")

# model_call(messages, tools) -> {"message": {"role", "content", "tool_calls"?}, "prompt_eval_count"?, "eval_count"?}
ModelCall = Callable[[List[Dict[str, Any]], List[Dict[str, Any]]], Dict[str, Any]]


class ModelUnavailable(RuntimeError):
    """The model server could not be reached or refused the request."""


@dataclass
class ToolCallRecord:
    name: str
    arguments: Dict[str, Any]
    ok: bool
    content: str


@dataclass
class AgentResult:
    answer: str
    stop_reason: str                 # "answer" or "max_steps"
    steps: int                       # model calls made
    tool_calls: List[ToolCallRecord] = field(default_factory=list)
    input_tokens: int = 0
    output_tokens: int = 0


def ollama_url() -> str:
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


def ollama_chat(messages: List[Dict[str, Any]], tools: List[Dict[str, Any]]) -> Dict[str, Any]:
    """One non-streaming /api/chat call with tools; the real ModelCall."""
    payload = {"model": MODEL, "messages": messages, "tools": tools, "stream": False,
               "options": {"temperature": 0, "seed": 42, "num_predict": 300}}
    try:
        response = httpx.post(f"{ollama_url()}/api/chat", json=payload, timeout=120)
    except httpx.HTTPError as error:
        raise ModelUnavailable(f"cannot reach Ollama at {ollama_url()}: {error}") from error
    if response.status_code != 200:
        raise ModelUnavailable(f"Ollama answered {response.status_code}: {response.text[:300]}")
    return response.json()


def parse_arguments(raw: Any) -> Dict[str, Any]:
    """Tool arguments arrive as an object (Ollama) or a JSON string (some models and APIs)."""
    if isinstance(raw, dict):
        return raw
    if isinstance(raw, str) and raw.strip():
        try:
            value = json.loads(raw)
            return value if isinstance(value, dict) else {"value": value}
        except ValueError:
            return {"raw": raw}
    return {}


def run_agent(question: str, model_call: ModelCall, registry: ToolRegistry, max_steps: int = 6,
              system_prompt: str = SYSTEM_PROMPT) -> AgentResult:
    """Run the loop until the model answers without asking for a tool, or max_steps model calls.

    TODO(lab, step 2):
      - start the conversation with the system prompt and the question as the user message;
      - each step: reply = model_call(messages, registry.schemas()); count the step and add
        reply["prompt_eval_count"] and reply["eval_count"] (either may be missing) to the totals;
      - no tool_calls in reply["message"]: its content is the answer, stop_reason "answer";
      - otherwise append the assistant message (content and tool_calls), then for EVERY call, in
        order: parse_arguments(call["function"]["arguments"]), registry.call(name, arguments),
        record a ToolCallRecord, and append {"role": "tool", "tool_name": name, "content": ...},
        prefixing failed results with "ERROR: " so the model knows;
      - when the budget runs out: stop_reason "max_steps" and an answer that says so.
    """
    raise NotImplementedError("run_agent() is not written yet: see its TODO in agent.py")
