"""The complexity-routed LLM gateway (milestone 1), grown from the workbench's FastAPI stub.

POST /ask routes each question to a small or a larger local model, returns a validated answer
with the routing decision, and measures every request: one JSON log line, Prometheus metrics
on /metrics. GET /health reports each provider without calling a model.
"""
import json
import os
import pathlib
import time
import uuid
from typing import Dict, List, Optional

from fastapi import Depends, FastAPI, HTTPException
from fastapi.responses import Response
from pydantic import BaseModel, Field

import metrics
from providers import OllamaProvider, ProviderError, ProviderTimeout, ProviderUnavailable
from router import classify

app = FastAPI(title="LLM gateway", version="1.0.0",
              description="Routes questions between a small and a larger model by complexity.")

HERE = pathlib.Path(__file__).resolve().parent
PROMPT_VERSION = "answer-v1"
SYSTEM_PROMPT = (HERE / "prompts" / f"{PROMPT_VERSION}.txt").read_text(encoding="utf-8")
PRICES = json.loads((HERE / "prices.json").read_text(encoding="utf-8"))["models"]
REQUEST_LOG = os.environ.get("GATEWAY_REQUEST_LOG", str(HERE / "logs" / "requests.jsonl"))
SMALL_MODEL = os.environ.get("GATEWAY_SMALL_MODEL", "qwen2.5:0.5b")
LARGE_MODEL = os.environ.get("GATEWAY_LARGE_MODEL", "qwen2.5:1.5b")
TIMEOUT_S = float(os.environ.get("GATEWAY_TIMEOUT_S", "120"))

REGISTRY = metrics.Registry()
REQUESTS = REGISTRY.add(metrics.Counter("gateway_requests_total", "Requests by route, model and outcome.",
                                        ["route", "model", "outcome"]))
LATENCY = REGISTRY.add(metrics.Histogram("gateway_request_duration_seconds", "End-to-end latency of POST /ask.",
                                         [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120], ["route", "model"]))
TOKENS = REGISTRY.add(metrics.Counter("gateway_tokens_total", "Tokens by model and direction (input, output).",
                                      ["model", "direction"]))
COST = REGISTRY.add(metrics.Counter("llm_cost_dollars_total", "Estimated cost in US dollars at the price table.", ["model"]))


class AskRequest(BaseModel):
    question: str = Field(..., min_length=1, max_length=4000, description="The question to answer.")
    max_words: Optional[int] = Field(None, ge=1, le=300, description="Ask for at most this many words.")


class GatewayAnswer(BaseModel):
    answer: str
    route: str = Field(..., description="simple or complex")
    reason: str = Field(..., description="Why the router chose that route.")
    provider: str
    model: str
    prompt_version: str
    input_tokens: int
    output_tokens: int
    cost_usd: float
    latency_ms: float
    request_id: str


class ProviderStatus(BaseModel):
    route: str
    provider: str
    model: str
    ready: bool


class GatewayHealth(BaseModel):
    status: str = Field(..., description="ok, or degraded when a provider is not ready")
    providers: List[ProviderStatus]


def get_providers() -> Dict[str, OllamaProvider]:
    """Route name -> provider. Tests replace this dependency with fakes."""
    return {"simple": OllamaProvider("local-small", SMALL_MODEL, timeout_s=TIMEOUT_S),
            "complex": OllamaProvider("local-large", LARGE_MODEL, timeout_s=TIMEOUT_S)}


def cost_usd(model: str, tokens_in: int, tokens_out: int) -> float:
    price = PRICES.get(model, {"input": 0.0, "output": 0.0})
    return round((tokens_in * price["input"] + tokens_out * price["output"]) / 1_000_000, 8)


def log_request(record: dict) -> None:
    """One JSON line per request: to the request log file and to stdout (the container log)."""
    line = json.dumps(record, sort_keys=True)
    path = pathlib.Path(REQUEST_LOG)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    print(line, flush=True)


@app.get("/health", response_model=GatewayHealth, tags=["ops"])
def health(providers: Dict[str, OllamaProvider] = Depends(get_providers)) -> GatewayHealth:
    """200 while the process runs; each provider's readiness comes from a cheap ping, never a model call."""
    statuses = [ProviderStatus(route=route, provider=p.name, model=p.model, ready=p.ping())
                for route, p in providers.items()]
    return GatewayHealth(status="ok" if all(s.ready for s in statuses) else "degraded", providers=statuses)


@app.post("/ask", response_model=GatewayAnswer, tags=["gateway"],
          responses={502: {"description": "The model's answer stayed invalid"},
                     503: {"description": "The model server is unavailable"},
                     504: {"description": "The model did not answer in time"}})
def ask(request: AskRequest, providers: Dict[str, OllamaProvider] = Depends(get_providers)) -> GatewayAnswer:
    request_id = uuid.uuid4().hex
    started = time.perf_counter()
    decision = classify(request.question)
    provider = providers[decision.route]
    record = {"request_id": request_id, "route": decision.route, "reason": decision.reason,
              "provider": provider.name, "model": provider.model, "prompt_version": PROMPT_VERSION}
    try:
        completion = provider.complete(request.question, SYSTEM_PROMPT, max_words=request.max_words)
    except (ProviderError, ProviderUnavailable, ProviderTimeout) as error:
        status = 502 if isinstance(error, ProviderError) else 503 if isinstance(error, ProviderUnavailable) else 504
        outcome = {502: "invalid_output", 503: "unavailable", 504: "timeout"}[status]
        elapsed = time.perf_counter() - started
        REQUESTS.inc(route=decision.route, model=provider.model, outcome=outcome)
        LATENCY.observe(elapsed, route=decision.route, model=provider.model)
        log_request({**record, "status": status, "outcome": outcome, "error": str(error), "input_tokens": 0,
                     "output_tokens": 0, "cost_usd": 0.0, "latency_ms": round(elapsed * 1000, 1)})
        raise HTTPException(status_code=status, detail=f"{provider.name} ({provider.model}): {error}")
    elapsed = time.perf_counter() - started
    cost = cost_usd(completion.model, completion.input_tokens, completion.output_tokens)
    REQUESTS.inc(route=decision.route, model=completion.model, outcome="ok")
    LATENCY.observe(elapsed, route=decision.route, model=completion.model)
    TOKENS.inc(completion.input_tokens, model=completion.model, direction="input")
    TOKENS.inc(completion.output_tokens, model=completion.model, direction="output")
    COST.inc(cost, model=completion.model)
    answer = GatewayAnswer(answer=completion.text, route=decision.route, reason=decision.reason,
                           provider=provider.name, model=completion.model, prompt_version=PROMPT_VERSION,
                           input_tokens=completion.input_tokens, output_tokens=completion.output_tokens,
                           cost_usd=cost, latency_ms=round(elapsed * 1000, 1), request_id=request_id)
    log_request({**record, "status": 200, "outcome": "ok", "input_tokens": completion.input_tokens,
                 "output_tokens": completion.output_tokens, "cost_usd": cost, "latency_ms": answer.latency_ms})
    return answer


@app.get("/metrics", tags=["ops"])
def prometheus_metrics() -> Response:
    return Response(content=REGISTRY.render(), media_type=metrics.CONTENT_TYPE)
