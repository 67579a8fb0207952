"""Model providers behind one small interface, with structured output, timeouts and clear errors.

Both routes use local models through Ollama: a small one for simple questions and a larger one for
complex questions. A hosted provider (OpenAI, Anthropic) would be one more class with the same
methods; the gateway does not care which is which.
"""
import os
import time
from dataclasses import dataclass
from typing import Optional

import httpx
from pydantic import BaseModel, Field, ValidationError

from compat import json_schema, parse_json


class ModelAnswer(BaseModel):
    """What the model must return: one JSON object, validated before anyone sees it."""
    answer: str = Field(..., min_length=1, max_length=4000, description="The answer to the question.")


@dataclass
class Completion:
    text: str
    model: str
    input_tokens: int
    output_tokens: int
    latency_ms: float


class ProviderError(RuntimeError):
    """The model answered, but not with a valid object, even after one repair (maps to 502)."""


class ProviderUnavailable(RuntimeError):
    """The model server cannot be reached or refused the call (maps to 503)."""


class ProviderTimeout(RuntimeError):
    """The model did not answer within the timeout (maps to 504)."""


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


class OllamaProvider:
    def __init__(self, name: str, model: str, timeout_s: float = 60.0, num_predict: int = 300):
        self.name, self.model, self.timeout_s, self.num_predict = name, model, timeout_s, num_predict

    def _chat(self, messages) -> dict:
        payload = {"model": self.model, "messages": messages, "stream": False,
                   "format": json_schema(ModelAnswer),
                   "options": {"temperature": 0, "seed": 42, "num_predict": self.num_predict}}
        try:
            response = httpx.post(f"{ollama_url()}/api/chat", json=payload, timeout=self.timeout_s)
        except httpx.TimeoutException as error:
            raise ProviderTimeout(f"{self.model} gave no answer within {self.timeout_s:.0f} s") from error
        except httpx.HTTPError as error:
            raise ProviderUnavailable(f"cannot reach Ollama at {ollama_url()}: {error}") from error
        if response.status_code != 200:
            raise ProviderUnavailable(f"Ollama answered {response.status_code} for {self.model}: {response.text[:200]}")
        return response.json()

    def complete(self, question: str, system: str, max_words: Optional[int] = None) -> Completion:
        """Ask for a ModelAnswer; repair once with the validation error; ProviderError after that."""
        instruction = question if max_words is None else f"{question}\n\nAnswer in at most {max_words} words."
        messages = [{"role": "system", "content": system}, {"role": "user", "content": instruction}]
        started = time.perf_counter()
        tokens_in = tokens_out = 0
        for attempt in range(2):
            body = self._chat(messages)
            tokens_in += body.get("prompt_eval_count") or 0
            tokens_out += body.get("eval_count") or 0
            raw = body.get("message", {}).get("content", "")
            try:
                answer = parse_json(ModelAnswer, raw)
            except ValidationError as error:
                if attempt == 1:
                    raise ProviderError(f"{self.model} returned an invalid answer twice: {error.errors()[0]['msg']}")
                messages += [{"role": "assistant", "content": raw},
                             {"role": "user", "content": f"That is not valid for the schema ({error}). "
                                                         "Reply with only the corrected JSON object."}]
                continue
            return Completion(text=answer.answer, model=self.model, input_tokens=tokens_in,
                              output_tokens=tokens_out, latency_ms=(time.perf_counter() - started) * 1000)
        raise ProviderError("unreachable")  # pragma: no cover

    def ping(self, timeout_s: float = 2.0) -> bool:
        """Cheap readiness check, never a model call: is the server up and the model pulled?"""
        try:
            response = httpx.get(f"{ollama_url()}/api/tags", timeout=timeout_s)
            names = {m.get("name") for m in response.json().get("models", [])}
            return response.status_code == 200 and (self.model in names or f"{self.model}:latest" in names)
        except (httpx.HTTPError, ValueError):
            return False
