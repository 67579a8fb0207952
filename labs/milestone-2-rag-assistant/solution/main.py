"""The monitored RAG documentation assistant (milestone 2), grown from the workbench's FastAPI stub.

POST /ask retrieves from Qdrant, answers with a local model and returns its sources, or declines
when the documents do not cover the question. /metrics exposes latency, retrieval and token
metrics in Prometheus' text format; /ready checks Qdrant and Ollama; /health is liveness only.
"""
import json
import time
import uuid
from typing import List, Optional

from fastapi import Depends, FastAPI
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

import clients
import metrics
from rag import PROMPT_VERSION, Assistant

app = FastAPI(title="Runbook assistant", version="2.0.0",
              description="Answers on-call questions from the team's runbooks, with sources.")
COLLECTION = "runbooks"

REGISTRY = metrics.Registry()
REQUESTS = REGISTRY.add(metrics.Counter("rag_requests_total", "Questions by outcome (answered, refused, error).",
                                        ["outcome"]))
LATENCY = REGISTRY.add(metrics.Histogram("rag_request_duration_seconds", "End-to-end latency of POST /ask.",
                                         [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60], ["outcome"]))
RETRIEVAL = REGISTRY.add(metrics.Histogram("rag_retrieval_duration_seconds", "Embedding plus vector search time.",
                                           [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]))
TOP_SCORE = REGISTRY.add(metrics.Histogram("rag_retrieval_top_score", "Cosine similarity of the best hit.",
                                           [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]))
TOKENS = REGISTRY.add(metrics.Counter("rag_tokens_total", "Tokens by model and direction.", ["model", "direction"]))
COST = REGISTRY.add(metrics.Counter("llm_cost_dollars_total", "Estimated cost in US dollars (0 for local models).", ["model"]))


class Health(BaseModel):
    status: str


class AskRequest(BaseModel):
    question: str = Field(..., min_length=1, max_length=2000, description="The question to answer.")
    top_k: int = Field(4, ge=1, le=20, description="How many chunks to retrieve.")
    path: Optional[str] = Field(None, description="Only search this document, e.g. docs/dns-outage.md.")


class SourceOut(BaseModel):
    path: str
    heading: str
    chunk_id: str
    score: float


class AskResponse(BaseModel):
    answer: str
    refused: bool = Field(..., description="True when the documents do not cover the question.")
    sources: List[SourceOut]
    model: Optional[str]
    prompt_version: str
    input_tokens: int
    output_tokens: int
    top_score: float
    retrieval_ms: float
    latency_ms: float
    request_id: str


def get_assistant() -> Assistant:
    """The assistant wired to Ollama and Qdrant; tests replace it with fakes."""
    store = clients.QdrantStore(COLLECTION)
    return Assistant(embed=clients.embed, search=store.search, generate=clients.generate)


@app.get("/health", response_model=Health, tags=["ops"])
def health() -> Health:
    """Liveness: the process answers. It checks nothing else, so a Qdrant outage never restarts pods."""
    return Health(status="ok")


@app.get("/ready", tags=["ops"])
def ready():
    """Readiness: Qdrant has the collection and Ollama has both models; 503 otherwise."""
    checks = {"qdrant": clients.QdrantStore(COLLECTION).ready(), "ollama": clients.ollama_ready()}
    body = {"status": "ready" if all(checks.values()) else "not ready", "checks": checks}
    return JSONResponse(status_code=200 if all(checks.values()) else 503, content=body)


@app.post("/ask", response_model=AskResponse, tags=["assistant"],
          responses={503: {"description": "Qdrant or Ollama is unavailable"}})
def ask(request: AskRequest, assistant: Assistant = Depends(get_assistant)):
    request_id = uuid.uuid4().hex
    started = time.perf_counter()
    try:
        result = assistant.ask(request.question, top_k=request.top_k, path=request.path)
    except clients.ServiceError as error:
        elapsed = time.perf_counter() - started
        REQUESTS.inc(outcome="error")
        LATENCY.observe(elapsed, outcome="error")
        print(json.dumps({"request_id": request_id, "outcome": "error", "error": str(error)}), flush=True)
        return JSONResponse(status_code=503, content={"detail": str(error), "request_id": request_id})
    elapsed = time.perf_counter() - started
    outcome = "refused" if result.refused else "answered"
    REQUESTS.inc(outcome=outcome)
    LATENCY.observe(elapsed, outcome=outcome)
    RETRIEVAL.observe(result.retrieval_ms / 1000)
    TOP_SCORE.observe(result.top_score)
    if result.model:
        TOKENS.inc(result.input_tokens, model=result.model, direction="input")
        TOKENS.inc(result.output_tokens, model=result.model, direction="output")
        COST.inc(0.0, model=result.model)
    response = AskResponse(
        answer=result.answer, refused=result.refused,
        sources=[SourceOut(path=s.path, heading=s.heading, chunk_id=s.chunk_id, score=s.score) for s in result.sources],
        model=result.model, prompt_version=PROMPT_VERSION, input_tokens=result.input_tokens,
        output_tokens=result.output_tokens, top_score=round(result.top_score, 4),
        retrieval_ms=round(result.retrieval_ms, 1), latency_ms=round(elapsed * 1000, 1), request_id=request_id)
    print(json.dumps({"request_id": request_id, "outcome": outcome, "model": result.model,
                      "prompt_version": PROMPT_VERSION, "top_score": response.top_score,
                      "sources": [s.path for s in result.sources], "input_tokens": result.input_tokens,
                      "output_tokens": result.output_tokens, "latency_ms": response.latency_ms}), flush=True)
    return response


@app.get("/metrics", tags=["ops"])
def prometheus_metrics() -> Response:
    return Response(content=REGISTRY.render(), media_type=metrics.CONTENT_TYPE)
