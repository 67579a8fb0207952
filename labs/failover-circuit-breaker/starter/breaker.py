"""A per-provider circuit breaker: closed, open, half-open, with the clock injected so tests need no sleep.

  closed     calls go through; consecutive failures are counted, a success resets the count
  open       after `failure_threshold` consecutive failures: calls are refused at once, without
             touching the provider, until `cool_down_s` has passed since it opened
  half_open  after the cool-down: exactly one caller is let through as a probe; its success closes
             the breaker, its failure opens it again for another cool-down
"""
import threading
import time
from typing import Callable, Dict

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"


class CircuitBreaker:
    def __init__(self, failure_threshold: int = 3, cool_down_s: float = 2.0,
                 clock: Callable[[], float] = time.monotonic):
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        self.failure_threshold = failure_threshold
        self.cool_down_s = cool_down_s
        self.clock = clock
        self.lock = threading.Lock()       # the gateway serves requests on several threads
        self.failures = 0                  # consecutive failures while closed
        self.opened_at = 0.0               # clock() when it last opened
        self.opened_total = 0              # how many times it has opened, for /v1/breakers and metrics
        self._state = CLOSED
        self.probe_in_flight = False       # half-open lets one probe through at a time

    @property
    def state(self) -> str:
        """The state now: an open breaker whose cool-down has passed reads as half_open.

        TODO(lab, step 1): return self._state, except that OPEN becomes HALF_OPEN once
        clock() - opened_at >= cool_down_s (store that change in self._state).
        """
        raise NotImplementedError("CircuitBreaker.state is not written yet: see its TODO in breaker.py")

    def allow(self) -> bool:
        """May a call go to the provider now?

        TODO(lab, step 1): closed -> True; open -> False; half_open -> True for the first caller
        (set probe_in_flight) and False for every other caller while that probe is out. Hold
        self.lock while you read and change the fields.
        """
        raise NotImplementedError("CircuitBreaker.allow() is not written yet: see its TODO in breaker.py")

    def record_success(self) -> None:
        """TODO(lab, step 1): close the breaker, reset failures, clear probe_in_flight."""
        raise NotImplementedError("CircuitBreaker.record_success() is not written yet: see its TODO in breaker.py")

    def record_failure(self) -> None:
        """TODO(lab, step 1): a failed half-open probe opens the breaker again; while closed, count the
        failure and open at failure_threshold. Opening sets opened_at = clock(), adds one to
        opened_total, resets failures and clears probe_in_flight."""
        raise NotImplementedError("CircuitBreaker.record_failure() is not written yet: see its TODO in breaker.py")

    def snapshot(self) -> Dict[str, object]:
        state = self.state
        return {"state": state, "failures": self.failures, "opened_total": self.opened_total}
