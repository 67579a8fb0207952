"""The circuit breaker, driven by a fake clock: no test sleeps."""
import threading

import pytest

from breaker import CLOSED, HALF_OPEN, OPEN, CircuitBreaker


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def breaker(clock):
    return CircuitBreaker(failure_threshold=3, cool_down_s=10, clock=clock)


def fail(breaker, times):
    for _ in range(times):
        assert breaker.allow()
        breaker.record_failure()


def test_a_new_breaker_is_closed_and_lets_calls_through(breaker):
    assert breaker.state == CLOSED
    assert breaker.allow()


def test_it_opens_after_the_threshold_of_consecutive_failures(breaker):
    fail(breaker, 2)
    assert breaker.state == CLOSED
    fail(breaker, 1)
    assert breaker.state == OPEN
    assert breaker.opened_total == 1
    assert not breaker.allow(), "an open breaker refuses calls without touching the provider"


def test_a_success_resets_the_count_of_consecutive_failures(breaker):
    fail(breaker, 2)
    breaker.record_success()
    fail(breaker, 2)
    assert breaker.state == CLOSED


def test_it_stays_open_until_the_cool_down_has_passed(breaker, clock):
    fail(breaker, 3)
    clock.advance(9.9)
    assert breaker.state == OPEN and not breaker.allow()
    clock.advance(0.1)
    assert breaker.state == HALF_OPEN


def test_half_open_lets_exactly_one_probe_through(breaker, clock):
    fail(breaker, 3)
    clock.advance(10)
    assert breaker.allow()
    assert not breaker.allow(), "a second caller must wait for the probe's outcome"


def test_a_successful_probe_closes_the_breaker(breaker, clock):
    fail(breaker, 3)
    clock.advance(10)
    assert breaker.allow()
    breaker.record_success()
    assert breaker.state == CLOSED
    assert breaker.allow() and breaker.allow()


def test_a_failed_probe_opens_it_again_for_a_full_cool_down(breaker, clock):
    fail(breaker, 3)
    clock.advance(10)
    assert breaker.allow()
    breaker.record_failure()
    assert breaker.state == OPEN and breaker.opened_total == 2
    clock.advance(9)
    assert not breaker.allow()
    clock.advance(1)
    assert breaker.state == HALF_OPEN


def test_concurrent_callers_get_a_single_probe(breaker, clock):
    fail(breaker, 3)
    clock.advance(10)
    allowed = []
    start = threading.Barrier(16)

    def caller():
        start.wait()
        allowed.append(breaker.allow())

    threads = [threading.Thread(target=caller) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 1
