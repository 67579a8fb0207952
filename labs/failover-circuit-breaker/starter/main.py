"""An LLM gateway with automatic failover: POST /v1/complete tries the primary provider, then the
secondary, each behind a circuit breaker.

At startup it starts the two stand-in providers of upstreams.py on free local ports. Settings come
from the environment: FAILURE_THRESHOLD (3), COOL_DOWN_S (2), ATTEMPT_TIMEOUT_S (1.0), DEADLINE_S (3.0).

The contract a caller relies on:
  200  {text, provider, attempts, failover_ms}
  400  {error: "provider_rejected_request", provider, detail, attempts}   the request itself was refused
  503  {error: "all_providers_failed", detail, attempts} + Retry-After   nobody could answer
  422  a missing or empty prompt (FastAPI's validation)

/lab/faults/{provider} breaks a provider on purpose (modes: ok, down, rate_limited, slow); it exists
for the drills and would never ship to production.
"""
import math
import os
from dataclasses import asdict
from typing import Dict

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from breaker import CircuitBreaker
from router import AllProvidersFailed, ProviderRejected, Router
from upstreams import Fault, UpstreamServer, start_upstreams

FAILURE_THRESHOLD = int(os.environ.get("FAILURE_THRESHOLD", "3"))
COOL_DOWN_S = float(os.environ.get("COOL_DOWN_S", "2"))
ATTEMPT_TIMEOUT_S = float(os.environ.get("ATTEMPT_TIMEOUT_S", "1.0"))
DEADLINE_S = float(os.environ.get("DEADLINE_S", "3.0"))

app = FastAPI(title="Failover gateway", version="1.0.0",
              description="One completion endpoint in front of two providers, with circuit breakers.")
upstreams: Dict[str, UpstreamServer] = {}
breakers: Dict[str, CircuitBreaker] = {}
router: Router = None  # type: ignore[assignment]  # built at startup, once the providers have ports


class CompleteRequest(BaseModel):
    prompt: str = Field(..., min_length=1, max_length=4000)


@app.on_event("startup")
def start_providers() -> None:
    global router
    upstreams.update(start_upstreams())
    for name in upstreams:
        breakers[name] = CircuitBreaker(FAILURE_THRESHOLD, COOL_DOWN_S)
    router = Router([(name, server.url) for name, server in upstreams.items()], breakers,
                    attempt_timeout_s=ATTEMPT_TIMEOUT_S, deadline_s=DEADLINE_S)


@app.on_event("shutdown")
def stop_providers() -> None:
    for server in upstreams.values():
        server.stop()


@app.exception_handler(NotImplementedError)
def not_written_yet(request: Request, error: NotImplementedError) -> JSONResponse:
    return JSONResponse(status_code=501, content={"detail": "Not implemented yet", "todo": str(error)})


@app.get("/health")
def health():
    return {"status": "ok"}


@app.post("/v1/complete")
def complete(request: CompleteRequest):
    try:
        completion = router.complete(request.prompt)
    except ProviderRejected as rejected:
        return JSONResponse(status_code=400, content={
            "error": "provider_rejected_request", "provider": rejected.provider, "detail": rejected.detail,
            "attempts": [asdict(a) for a in rejected.attempts]})
    except AllProvidersFailed as failed:
        return JSONResponse(status_code=503, headers={"Retry-After": str(math.ceil(COOL_DOWN_S))}, content={
            "error": "all_providers_failed", "detail": str(failed),
            "attempts": [asdict(a) for a in failed.attempts]})
    return {"text": completion.text, "provider": completion.provider, "failover_ms": round(completion.failover_ms, 1),
            "attempts": [asdict(a) for a in completion.attempts]}


@app.get("/v1/breakers")
def breaker_states():
    return {name: breaker.snapshot() for name, breaker in breakers.items()}


@app.put("/lab/faults/{provider}")
def set_fault(provider: str, fault: Fault):
    if provider not in upstreams:
        raise HTTPException(status_code=404, detail=f"No provider {provider}: use one of {', '.join(upstreams)}")
    upstreams[provider].set_fault(fault.mode, fault.delay_s)
    return {"provider": provider, "mode": fault.mode, "delay_s": fault.delay_s, "calls": upstreams[provider].calls}


@app.get("/lab/faults")
def faults():
    return {name: {"mode": server.app.state.fault.mode, "calls": server.calls} for name, server in upstreams.items()}
