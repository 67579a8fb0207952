"""The FastAPI stub that the workbench's FastAPI labs start from.

Run it from this folder:

    python3 -m uvicorn main:app --reload --port 8000

`GET /health` works as shipped. The endpoints marked TODO(lab) answer 501 with a JSON body
that says what to build; the tests in tests/test_app.py describe the finished behaviour.
The models are plain Pydantic models written for Pydantic v2; they use nothing that
Pydantic 1.10 (Debian 12's python3-pydantic) lacks, so the stub runs on both.
"""
import time  # noqa: F401 - POST /ask needs it once you build it
from typing import Dict, List, Optional

from fastapi import Depends, FastAPI, HTTPException  # noqa: F401 - the TODOs below use them
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

app = FastAPI(
    title="Workbench lab service",
    version="0.1.0",
    description="A small typed service that the workbench's labs grow step by step.",
)


# ---------------------------------------------------------------------------
# Models: the contract of the API. FastAPI validates requests against them and
# documents them at /docs.
# ---------------------------------------------------------------------------

class Health(BaseModel):
    status: str = Field(..., description="'ok' while the process can answer requests.")


class AskRequest(BaseModel):
    question: str = Field(..., min_length=1, max_length=2000, description="The question to answer.")
    max_words: Optional[int] = Field(None, ge=1, le=300, description="Cut the answer to at most this many words.")


class AskResponse(BaseModel):
    answer: str = Field(..., description="The answer text.")
    provider: str = Field(..., description="Which provider produced the answer.")
    latency_ms: float = Field(..., ge=0, description="How long the provider took, in milliseconds.")


class Item(BaseModel):
    id: int
    name: str
    owner: str
    tags: List[str] = Field(default_factory=list)


class NotImplementedBody(BaseModel):
    detail: str
    todo: str


# A tiny in-memory catalogue of services, enough for GET /items/{item_id}.
ITEMS: Dict[int, Item] = {
    1: Item(id=1, name="orders-api", owner="checkout", tags=["python", "fastapi"]),
    2: Item(id=2, name="payments-gateway", owner="payments", tags=["go", "pci"]),
    3: Item(id=3, name="search-indexer", owner="discovery", tags=["python", "qdrant"]),
}


class FakeProvider:
    """Stands in for a model provider: answers instantly with canned text, no network."""

    name = "fake"

    def complete(self, question: str, max_words: Optional[int] = None) -> str:
        words = ("A canned answer from the fake provider to the question: " + question).split()
        if max_words is not None:
            words = words[:max_words]
        return " ".join(words)


def get_provider() -> FakeProvider:
    """The dependency that hands a provider to a route; tests replace it with app.dependency_overrides."""
    return FakeProvider()


def not_implemented(todo: str) -> JSONResponse:
    return JSONResponse(status_code=501, content={"detail": "Not implemented yet", "todo": todo})


# ---------------------------------------------------------------------------
# Endpoints
# ---------------------------------------------------------------------------

@app.get("/health", response_model=Health, tags=["ops"])
def health() -> Health:
    """Liveness: cheap, no dependencies, 200 while the process runs."""
    return Health(status="ok")


# TODO(lab): answer the question through the provider.
#   - take the provider as a parameter: provider: FakeProvider = Depends(get_provider)
#   - time provider.complete(request.question, request.max_words) with time.perf_counter()
#   - return AskResponse(answer=..., provider=provider.name, latency_ms=...)
@app.post("/ask", response_model=AskResponse, tags=["lab"],
          responses={501: {"model": NotImplementedBody, "description": "Not built yet"}})
def ask(request: AskRequest):
    return not_implemented(
        "POST /ask: call the provider from get_provider (inject it with Depends), honour max_words, and "
        "return an AskResponse with answer, provider and latency_ms")


# TODO(lab): look the item up in ITEMS.
#   - return the Item when it exists
#   - raise HTTPException(status_code=404, detail=f"Item {item_id} not found") when it does not
@app.get("/items/{item_id}", response_model=Item, tags=["lab"],
         responses={404: {"description": "No such item"},
                    501: {"model": NotImplementedBody, "description": "Not built yet"}})
def get_item(item_id: int):
    return not_implemented(
        "GET /items/{item_id}: return the item from ITEMS, or a 404 whose detail says 'Item <id> not found'")
