"""A small LLM service to instrument: POST /ask streams an answer from a model and reports what it cost.

GET /metrics serves the Prometheus text format from metrics.py; the alert rules for these metrics
live in alerts.yml and their unit tests in alerts_test.yml (run with promtool).
"""
import time
from typing import Literal

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

import metrics
import model

app = FastAPI(title="Instrumented LLM service", version="1.0.0")


class AskRequest(BaseModel):
    question: str = Field(..., min_length=1, max_length=2000)
    model: Literal["lab-small", "lab-large"] = "lab-small"


class AskResponse(BaseModel):
    answer: str
    model: str
    input_tokens: int
    output_tokens: int
    cost_dollars: float
    ttft_ms: float
    latency_ms: float


@app.exception_handler(NotImplementedError)
def not_written_yet(request: Request, error: NotImplementedError) -> JSONResponse:
    return JSONResponse(status_code=501, content={"detail": "Not implemented yet", "todo": str(error)})


@app.get("/health")
def health():
    return {"status": "ok"}


@app.post("/ask", response_model=AskResponse)
def ask(request: AskRequest):
    started = time.perf_counter()
    usage = model.Usage()
    parts, ttft_s = [], None
    try:
        for token in model.stream(request.model, request.question, usage):
            if ttft_s is None:
                ttft_s = time.perf_counter() - started
            parts.append(token)
    except model.ModelError as error:
        metrics.record_request("/ask", "error", time.perf_counter() - started)
        return JSONResponse(status_code=502, content={"detail": f"The model failed: {error}"})
    cost = metrics.record_generation(request.model, ttft_s or 0.0, usage.input_tokens, usage.output_tokens)
    elapsed = time.perf_counter() - started
    metrics.record_request("/ask", "ok", elapsed)
    return AskResponse(answer="".join(parts).strip(), model=request.model, input_tokens=usage.input_tokens,
                       output_tokens=usage.output_tokens, cost_dollars=cost, ttft_ms=round((ttft_s or 0) * 1000, 1),
                       latency_ms=round(elapsed * 1000, 1))


@app.get("/metrics")
def prometheus_metrics() -> Response:
    body, content_type = metrics.exposition()
    return Response(content=body, media_type=content_type)
