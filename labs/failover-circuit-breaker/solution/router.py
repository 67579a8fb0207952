"""The fallback chain: providers in order, each behind its circuit breaker, with a per-attempt timeout
and an overall deadline.

What reaches the caller (main.py turns these into HTTP answers):
  Completion          a provider answered; attempts lists every provider tried or skipped, in order
  ProviderRejected    a provider refused the request itself (a 4xx other than 429): the next provider
                      would refuse it too, so the chain stops and the caller gets 400
  AllProvidersFailed  no provider answered in time: the caller gets 503 with the attempts
"""
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

from breaker import CircuitBreaker
from upstreams import UpstreamError, call_provider


@dataclass
class Attempt:
    provider: str
    outcome: str                 # ok, failed, rejected, skipped
    reason: str = ""
    status: Optional[int] = None
    ms: float = 0.0


@dataclass
class Completion:
    text: str
    provider: str
    attempts: List[Attempt] = field(default_factory=list)
    failover_ms: float = 0.0     # time spent before the attempt that answered started


class ProviderRejected(Exception):
    def __init__(self, provider: str, status: int, detail: str, attempts: List[Attempt]):
        super().__init__(f"{provider} refused the request ({status}): {detail}")
        self.provider, self.status, self.detail, self.attempts = provider, status, detail, attempts


class AllProvidersFailed(Exception):
    def __init__(self, attempts: List[Attempt]):
        super().__init__("no provider answered: " + "; ".join(f"{a.provider} {a.reason}" for a in attempts))
        self.attempts = attempts


def fails_over(error: UpstreamError) -> bool:
    """No answer (timeout, connection refused), 429 and 5xx are the provider's trouble: try the next one."""
    return error.status is None or error.status == 429 or error.status >= 500


class Router:
    def __init__(self, providers: List[Tuple[str, str]], breakers: Dict[str, CircuitBreaker],
                 attempt_timeout_s: float = 1.0, deadline_s: float = 3.0,
                 call: Callable[[str, str, str, float], Dict[str, str]] = call_provider,
                 clock: Callable[[], float] = time.monotonic):
        self.providers = providers           # (name, base url), in order of preference
        self.breakers = breakers
        self.attempt_timeout_s = attempt_timeout_s
        self.deadline_s = deadline_s
        self.call = call
        self.clock = clock

    def complete(self, prompt: str) -> Completion:
        started = self.clock()
        attempts: List[Attempt] = []
        for name, url in self.providers:
            breaker = self.breakers[name]
            left = self.deadline_s - (self.clock() - started)
            if left <= 0:
                attempts.append(Attempt(name, "skipped", "deadline exceeded"))
                continue
            if not breaker.allow():
                attempts.append(Attempt(name, "skipped", "circuit open"))
                continue
            attempt_started = self.clock()
            try:
                answer = self.call(name, url, prompt, min(self.attempt_timeout_s, left))
            except UpstreamError as error:
                ms = (self.clock() - attempt_started) * 1000
                if fails_over(error):
                    breaker.record_failure()
                    attempts.append(Attempt(name, "failed", error.reason, error.status, ms))
                    continue
                breaker.record_success()
                attempts.append(Attempt(name, "rejected", error.reason, error.status, ms))
                raise ProviderRejected(name, error.status, error.reason, attempts) from None
            breaker.record_success()
            attempts.append(Attempt(name, "ok", "", 200, (self.clock() - attempt_started) * 1000))
            return Completion(text=answer["text"], provider=name, attempts=attempts,
                              failover_ms=(attempt_started - started) * 1000)
        raise AllProvidersFailed(attempts)
