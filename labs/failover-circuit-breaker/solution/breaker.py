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
        with self.lock:
            return self._current()

    def _current(self) -> str:
        if self._state == OPEN and self.clock() - self.opened_at >= self.cool_down_s:
            self._state = HALF_OPEN
        return self._state

    def allow(self) -> bool:
        with self.lock:
            state = self._current()
            if state == CLOSED:
                return True
            if state == HALF_OPEN and not self.probe_in_flight:
                self.probe_in_flight = True
                return True
            return False

    def record_success(self) -> None:
        with self.lock:
            self._state = CLOSED
            self.failures = 0
            self.probe_in_flight = False

    def record_failure(self) -> None:
        with self.lock:
            if self._current() == HALF_OPEN:
                self._open()
                return
            self.failures += 1
            if self._state == CLOSED and self.failures >= self.failure_threshold:
                self._open()

    def _open(self) -> None:
        self._state = OPEN
        self.opened_at = self.clock()
        self.opened_total += 1
        self.failures = 0
        self.probe_in_flight = False

    def snapshot(self) -> Dict[str, object]:
        state = self.state
        return {"state": state, "failures": self.failures, "opened_total": self.opened_total}
