"""An LLM endpoint with cost controls: an exact cache, a semantic cache in Qdrant, token budgets per
request and per tenant, and a webhook alert when a tenant has used 80 % of its day.

POST /ask, in this order: exact cache, semantic cache (both free), then the budgets, then the paid
model call, whose answer fills both caches and whose tokens count against the tenant's budget.
A refused request is a 429 whose body says which budget refused it.

/admin/* exist for the lab's drills (point the alerts at a receiver, start from empty counters);
a real service would not expose them.
"""
import json
import pathlib
import time
from typing import Optional

import httpx
from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

import cache
import clients
import model
from alerts import WebhookAlerts
from budgets import BudgetExceeded, TokenBudgets

HERE = pathlib.Path(__file__).resolve().parent
SETTINGS = json.loads((HERE / "tenants.json").read_text(encoding="utf-8"))

app = FastAPI(title="LLM endpoint with cost controls", version="1.0.0")
exact = cache.ExactCache(ttl_s=3600)
semantic = cache.SemanticCache(clients.qdrant_client(), clients.embed, threshold=0.90)
budgets = TokenBudgets(SETTINGS["daily_token_budgets"], SETTINGS["request_token_limit"])
alerts = WebhookAlerts()
stats = {"exact_hits": 0, "semantic_hits": 0, "misses": 0}


class AskRequest(BaseModel):
    question: str = Field(..., min_length=1, max_length=20000)


class WebhookSetting(BaseModel):
    url: str


def current_tenant(authorization: Optional[str] = Header(None)) -> str:
    scheme, _, key = (authorization or "").partition(" ")
    tenant = SETTINGS["api_keys"].get(key.strip()) if scheme.lower() == "bearer" else None
    if not tenant:
        raise HTTPException(status_code=401, detail="A valid API key is required: send Authorization: Bearer <key>",
                            headers={"WWW-Authenticate": "Bearer"})
    return tenant


@app.exception_handler(NotImplementedError)
def not_written_yet(request: Request, error: NotImplementedError) -> JSONResponse:
    return JSONResponse(status_code=501, content={"detail": "Not implemented yet", "todo": str(error)})


@app.exception_handler(BudgetExceeded)
def over_budget(request: Request, error: BudgetExceeded) -> JSONResponse:
    headers = {"Retry-After": str(error.retry_after_s)} if error.retry_after_s else {}
    return JSONResponse(status_code=429, headers=headers, content={
        "error": "budget_exceeded", "budget": error.budget, "tenant": error.tenant, "limit": error.limit,
        "used": error.used, "detail": str(error)})


@app.exception_handler(clients.ServiceError)
@app.exception_handler(httpx.HTTPError)
def backend_down(request: Request, error: Exception) -> JSONResponse:
    return JSONResponse(status_code=503, content={"detail": f"A backend is unavailable: {error}"})


@app.get("/health")
def health():
    return {"status": "ok"}


@app.post("/ask")
def ask(request: AskRequest, tenant: str = Depends(current_tenant)):
    started = time.perf_counter()
    key = cache.exact_key(tenant, model.MODEL, model.PROMPT_VERSION, request.question)
    answer, source, tokens, cost = exact.get(key), "exact", 0, 0.0
    if answer is None:
        semantic.ensure_collection()
        hit = semantic.lookup(tenant, request.question)
        answer, source = (hit["answer"], "semantic") if hit else (None, "miss")
    if answer is None:
        budgets.check(tenant, model.estimate_input_tokens(request.question))
        answer, input_tokens, output_tokens = model.complete(request.question)
        tokens, cost = input_tokens + output_tokens, model.cost_dollars(input_tokens, output_tokens)
        semantic.store(tenant, request.question, answer)
        warning = budgets.record(tenant, tokens)
        if warning:
            alerts.send("TenantTokenBudget80", {"tenant": tenant, "severity": "warning"},
                        f"tenant {tenant} has used {warning.used} of its {warning.limit} daily tokens "
                        f"({warning.ratio:.0%})")
    if source != "exact":
        exact.put(key, answer)
    stats[{"exact": "exact_hits", "semantic": "semantic_hits", "miss": "misses"}[source]] += 1
    return {"answer": answer, "cache": source, "tokens": tokens, "cost_dollars": cost,
            "latency_ms": round((time.perf_counter() - started) * 1000, 1)}


@app.get("/cache/stats")
def cache_stats():
    total = sum(stats.values())
    hits = stats["exact_hits"] + stats["semantic_hits"]
    return {**stats, "requests": total, "hit_rate": round(hits / total, 4) if total else 0.0}


@app.get("/budgets/me")
def my_budget(tenant: str = Depends(current_tenant)):
    return {"tenant": tenant, "used": budgets.used(tenant), "limit": SETTINGS["daily_token_budgets"].get(tenant, 0)}


@app.put("/admin/alert-webhook")
def set_webhook(setting: WebhookSetting):
    alerts.url = setting.url
    return {"url": alerts.url}


@app.post("/admin/reset")
def reset():
    exact.entries.clear()
    semantic.clear()
    budgets.usage.clear()
    budgets.alerted.clear()
    for name in stats:
        stats[name] = 0
    return {"reset": True}
