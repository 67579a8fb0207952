"""Reference solution of the fastapi-typed-service lab: the stub with its TODO(lab) endpoints
built, the provider injected with Depends, and a readiness endpoint next to /health."""
import time
from typing import Dict, List, Optional

from fastapi import Depends, FastAPI, HTTPException
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

app = FastAPI(
    title="Workbench lab service",
    version="0.2.0",
    description="A small typed service that the workbench's labs grow step by step.",
)


class Health(BaseModel):
    status: str = Field(..., description="'ok' while the process can answer requests.")


class Readiness(BaseModel):
    status: str = Field(..., description="'ready', or 'not ready' with a reason.")
    provider: str
    reason: Optional[str] = None


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

    def ready(self) -> bool:
        """A real provider would make a cheap call here (Ollama: GET /api/tags) with a short timeout."""
        return True


def get_provider() -> FakeProvider:
    """The dependency that hands a provider to a route; tests replace it with app.dependency_overrides."""
    return FakeProvider()


@app.get("/health", response_model=Health, tags=["ops"])
def health() -> Health:
    """Liveness: cheap, no dependencies, 200 while the process runs."""
    return Health(status="ok")


@app.get("/ready", response_model=Readiness, tags=["ops"], responses={503: {"model": Readiness}})
def ready(provider: FakeProvider = Depends(get_provider)):
    """Readiness: 200 only when the provider can take work, else 503 so a load balancer stops sending traffic."""
    try:
        is_ready = provider.ready()
        reason = None if is_ready else "the provider reports it is not ready"
    except Exception as error:  # a readiness probe must answer, whatever the dependency does
        is_ready, reason = False, f"the provider check failed: {error}"
    if is_ready:
        return Readiness(status="ready", provider=provider.name)
    body = Readiness(status="not ready", provider=provider.name, reason=reason)
    return JSONResponse(status_code=503, content=jsonable_encoder(body))


@app.post("/ask", response_model=AskResponse, tags=["lab"])
def ask(request: AskRequest, provider: FakeProvider = Depends(get_provider)) -> AskResponse:
    started = time.perf_counter()
    answer = provider.complete(request.question, request.max_words)
    latency_ms = (time.perf_counter() - started) * 1000
    return AskResponse(answer=answer, provider=provider.name, latency_ms=round(latency_ms, 3))


@app.get("/items/{item_id}", response_model=Item, tags=["lab"], responses={404: {"description": "No such item"}})
def get_item(item_id: int) -> Item:
    item = ITEMS.get(item_id)
    if item is None:
        raise HTTPException(status_code=404, detail=f"Item {item_id} not found")
    return item
