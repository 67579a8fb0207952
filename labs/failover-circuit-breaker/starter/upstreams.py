"""Two stand-in model providers and the HTTP client the gateway uses to call them.

Each provider is a tiny FastAPI app served by its own uvicorn on a free 127.0.0.1 port, in a
background thread of the process that starts it (the gateway at startup, or a test fixture).
A provider's fault mode can be changed while it runs, which is how the drills break it on purpose:

  ok            answers at once
  down          503 at once (an overloaded or broken provider)
  rate_limited  429 at once, with Retry-After (a provider out of quota)
  slow          answers after `delay_s` seconds (a stalled first token)

A prompt that starts with "INVALID" is refused with 400 in every mode, as a real provider refuses
a request that is wrong whoever receives it.
"""
import asyncio
import socket
import threading
import time
from typing import Dict, Literal, Optional

import httpx
import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

class Fault(BaseModel):
    mode: Literal["ok", "down", "rate_limited", "slow"] = "ok"
    delay_s: float = Field(5.0, ge=0, le=60, description="How long 'slow' stalls before it answers.")


class CompleteIn(BaseModel):
    prompt: str


def make_provider_app(name: str) -> FastAPI:
    """A provider that answers with a canned completion and counts the calls it received."""
    app = FastAPI(title=f"provider {name}")
    app.state.fault = Fault()
    app.state.calls = 0

    @app.post("/v1/complete")
    async def complete(body: CompleteIn):
        app.state.calls += 1
        if body.prompt.startswith("INVALID"):
            return JSONResponse(status_code=400, content={"error": "invalid_request",
                                                          "detail": "the prompt was refused by the provider"})
        fault: Fault = app.state.fault
        if fault.mode == "down":
            return JSONResponse(status_code=503, content={"error": "overloaded"})
        if fault.mode == "rate_limited":
            return JSONResponse(status_code=429, content={"error": "rate_limited"}, headers={"Retry-After": "30"})
        if fault.mode == "slow":
            await asyncio.sleep(fault.delay_s)
        return {"text": f"[{name}] a completion for: {body.prompt[:80]}", "provider": name}

    @app.put("/fault")
    def set_fault(fault: Fault):
        app.state.fault = fault
        return {"provider": name, "mode": fault.mode, "delay_s": fault.delay_s, "calls": app.state.calls}

    @app.get("/fault")
    def get_fault():
        return {"provider": name, "mode": app.state.fault.mode, "delay_s": app.state.fault.delay_s,
                "calls": app.state.calls}

    return app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class UpstreamServer:
    """One provider app served by uvicorn in a daemon thread."""

    def __init__(self, name: str):
        self.name = name
        self.app = make_provider_app(name)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # log_config=None: a Config with its own logging settings would reconfigure the gateway's uvicorn loggers
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_config=None,
                                                    access_log=False, lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, name=f"provider-{name}", daemon=True)

    def start(self, timeout: float = 10.0) -> "UpstreamServer":
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"provider {self.name} did not start on port {self.port}")
            time.sleep(0.02)
        return self

    def set_fault(self, mode: str, delay_s: float = 5.0) -> None:
        self.app.state.fault = Fault(mode=mode, delay_s=delay_s)

    @property
    def calls(self) -> int:
        return self.app.state.calls

    def stop(self) -> None:
        # force_exit: a stalled 'slow' request would otherwise hold the shutdown for its whole delay
        self.server.should_exit = True
        self.server.force_exit = True
        self.thread.join(timeout=5)


def start_upstreams(names=("primary", "secondary")) -> Dict[str, UpstreamServer]:
    return {name: UpstreamServer(name).start() for name in names}


class UpstreamError(Exception):
    """A provider call that did not produce a completion.

    status is the provider's HTTP status, or None when no answer came (timeout, connection refused).
    """

    def __init__(self, provider: str, status: Optional[int], reason: str):
        super().__init__(f"{provider}: {reason}")
        self.provider, self.status, self.reason = provider, status, reason


def call_provider(name: str, url: str, prompt: str, timeout: float) -> Dict[str, str]:
    """POST the prompt to one provider with a total timeout in seconds; the completion, or UpstreamError."""
    try:
        response = httpx.post(f"{url}/v1/complete", json={"prompt": prompt}, timeout=timeout)
    except httpx.TimeoutException:
        raise UpstreamError(name, None, f"no answer within {timeout:.2f} s") from None
    except httpx.HTTPError as error:
        raise UpstreamError(name, None, f"cannot connect ({type(error).__name__})") from None
    if response.status_code != 200:
        raise UpstreamError(name, response.status_code, f"answered {response.status_code}: {response.text[:200]}")
    return response.json()
