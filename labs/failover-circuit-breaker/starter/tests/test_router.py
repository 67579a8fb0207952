"""The fallback chain against two real local providers (uvicorn in threads), one broken on purpose."""
import time

import pytest

from breaker import OPEN, CircuitBreaker
from router import AllProvidersFailed, ProviderRejected, Router
from upstreams import start_upstreams


@pytest.fixture(scope="module")
def upstreams():
    servers = start_upstreams()
    yield servers
    for server in servers.values():
        server.stop()


@pytest.fixture
def router(upstreams):
    for server in upstreams.values():
        server.set_fault("ok")
    breakers = {name: CircuitBreaker(failure_threshold=3, cool_down_s=60) for name in upstreams}
    return Router([(name, server.url) for name, server in upstreams.items()], breakers,
                  attempt_timeout_s=0.5, deadline_s=2.0)


def test_the_primary_answers_when_it_is_healthy(router):
    completion = router.complete("hello")
    assert completion.provider == "primary"
    assert [a.outcome for a in completion.attempts] == ["ok"]
    assert completion.failover_ms < 50


def test_a_failing_primary_fails_over_to_the_secondary_quickly(router, upstreams):
    upstreams["primary"].set_fault("down")
    completion = router.complete("hello")
    assert completion.provider == "secondary"
    assert [(a.provider, a.outcome, a.status) for a in completion.attempts] == [
        ("primary", "failed", 503), ("secondary", "ok", 200)]
    assert completion.failover_ms < 400, "a 503 answers at once: failing over must not wait for a timeout"


def test_a_rate_limited_primary_fails_over(router, upstreams):
    upstreams["primary"].set_fault("rate_limited")
    assert router.complete("hello").provider == "secondary"


def test_a_stalled_primary_is_abandoned_at_the_attempt_timeout(router, upstreams):
    upstreams["primary"].set_fault("slow", delay_s=5)
    started = time.monotonic()
    completion = router.complete("hello")
    took = time.monotonic() - started
    assert completion.provider == "secondary"
    assert completion.attempts[0].outcome == "failed" and completion.attempts[0].status is None
    assert 0.4 <= completion.failover_ms / 1000 < 1.0, "fail over at the 0.5 s attempt timeout"
    assert took < 1.5


def test_the_breaker_opens_after_three_failures_and_then_skips_the_primary(router, upstreams):
    upstreams["primary"].set_fault("down")
    for _ in range(3):
        router.complete("hello")
    assert router.breakers["primary"].state == OPEN
    calls = upstreams["primary"].calls
    completion = router.complete("hello")
    assert completion.attempts[0].outcome == "skipped" and completion.attempts[0].reason == "circuit open"
    assert upstreams["primary"].calls == calls, "an open breaker must not call the provider"


def test_a_rejected_request_stops_the_chain_without_counting_against_the_provider(router, upstreams):
    with pytest.raises(ProviderRejected) as rejected:
        router.complete("INVALID request")
    assert rejected.value.provider == "primary" and rejected.value.status == 400
    assert [a.outcome for a in rejected.value.attempts] == ["rejected"]
    assert router.breakers["primary"].failures == 0


def test_when_every_provider_fails_the_caller_gets_every_attempt(router, upstreams):
    upstreams["primary"].set_fault("down")
    upstreams["secondary"].set_fault("rate_limited")
    with pytest.raises(AllProvidersFailed) as failed:
        router.complete("hello")
    assert [(a.provider, a.status) for a in failed.value.attempts] == [("primary", 503), ("secondary", 429)]


def test_the_overall_deadline_bounds_a_chain_of_slow_providers(upstreams):
    for server in upstreams.values():
        server.set_fault("slow", delay_s=5)
    breakers = {name: CircuitBreaker() for name in upstreams}
    router = Router([(name, server.url) for name, server in upstreams.items()], breakers,
                    attempt_timeout_s=1.0, deadline_s=1.2)
    started = time.monotonic()
    with pytest.raises(AllProvidersFailed):
        router.complete("hello")
    assert time.monotonic() - started < 1.7, "the second attempt gets only what is left of the deadline"
