"""Document search for several customers (tenants) over one shared Qdrant collection.

Every route takes its tenant from the caller's API key (Authorization: Bearer <key>, keys in
tenants.json): never from the body, a header or the query text. Whatever a request says about
tenants is ignored, so the only way to read a tenant's documents is to hold that tenant's key.
"""
import json
import pathlib
import uuid
from typing import Callable, List, Optional

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

import clients
from tenancy import StoreError, TenantError, TenantScopedStore

HERE = pathlib.Path(__file__).resolve().parent
API_KEYS = json.loads((HERE / "tenants.json").read_text(encoding="utf-8"))["api_keys"]

app = FastAPI(title="Multi-tenant document search", version="1.0.0")


class SearchRequest(BaseModel):
    query: str = Field(..., min_length=1, max_length=1000)
    limit: int = Field(5, ge=1, le=50)


class Hit(BaseModel):
    id: str
    tenant: str
    path: str
    score: float
    text: str


class SearchResponse(BaseModel):
    tenant: str
    hits: List[Hit]


def get_store() -> TenantScopedStore:
    return TenantScopedStore(clients.qdrant_client())


def get_embed() -> Callable[[List[str]], List[List[float]]]:
    return clients.embed


@app.exception_handler(NotImplementedError)
def not_written_yet(request: Request, error: NotImplementedError) -> JSONResponse:
    return JSONResponse(status_code=501, content={"detail": "Not implemented yet", "todo": str(error)})


@app.exception_handler(TenantError)
def bad_tenant(request: Request, error: TenantError) -> JSONResponse:
    return JSONResponse(status_code=403, content={"detail": str(error)})


@app.exception_handler(StoreError)
@app.exception_handler(clients.ServiceError)
def backend_down(request: Request, error: Exception) -> JSONResponse:
    return JSONResponse(status_code=503, content={"detail": f"A backend is unavailable: {error}"})


def current_tenant(authorization: Optional[str] = Header(None)) -> str:
    """The tenant of the caller's API key.

    TODO(lab, step 2): accept only "Bearer <key>" with a key in API_KEYS and return its tenant.
    Anything else (no header, another scheme, an empty or unknown key) raises
    HTTPException(401, detail="A valid API key is required: send Authorization: Bearer <key>",
    headers={"WWW-Authenticate": "Bearer"}).
    """
    raise NotImplementedError("main.current_tenant() is not written yet: see its TODO in main.py")


@app.get("/health")
def health():
    return {"status": "ok"}


@app.post("/search", response_model=SearchResponse)
def search(request: SearchRequest, tenant: str = Depends(current_tenant),
           store: TenantScopedStore = Depends(get_store), embed=Depends(get_embed)):
    vector = embed([request.query])[0]
    hits = store.search(tenant, vector, request.limit)
    return SearchResponse(tenant=tenant, hits=[
        Hit(id=str(h["id"]), tenant=h["payload"]["tenant_id"], path=h["payload"].get("path", ""), score=h["score"],
            text=h["payload"].get("text", "")) for h in hits])


@app.get("/documents/{point_id}")
def document(point_id: str, tenant: str = Depends(current_tenant), store: TenantScopedStore = Depends(get_store)):
    # the same 404 for a malformed id, a missing one and another tenant's: nothing to learn from the difference
    missing = HTTPException(status_code=404, detail=f"No document {point_id}")
    try:
        uuid.UUID(point_id)
    except ValueError:
        raise missing from None
    point = store.get(tenant, point_id)
    if point is None:
        raise missing
    return {"id": str(point["id"]), "tenant": point["payload"]["tenant_id"], "path": point["payload"].get("path"),
            "text": point["payload"].get("text")}
