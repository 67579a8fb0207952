"""The canary split and the canary analysis."""
import json
import pathlib

import pytest

import canary

HERE = pathlib.Path(__file__).resolve().parent.parent
CONFIG = json.loads((HERE / "canary.json").read_text())


def metrics(name):
    return json.loads((HERE / "metrics" / name).read_text())


def test_a_user_always_lands_in_the_same_arm():
    assert len({canary.assign("user-42", 0.1) for _ in range(20)}) == 1


def test_ten_percent_of_ten_thousand_users_go_to_the_canary():
    share = sum(canary.assign(f"user-{i}", 0.1) == "canary" for i in range(10000)) / 10000
    assert 0.09 <= share <= 0.11


def test_weight_zero_and_one_are_all_or_nothing():
    users = [f"user-{i}" for i in range(500)]
    assert {canary.assign(u, 0.0) for u in users} == {"stable"}
    assert {canary.assign(u, 1.0) for u in users} == {"canary"}


def test_a_healthy_canary_is_promoted():
    decision = canary.analyze(metrics("stable.json"), metrics("canary-good.json"), CONFIG)
    assert decision.action == "promote" and decision.reasons == []
    assert {f.metric for f in decision.findings} == {"quality", "error_rate", "p95_latency_ms", "cost_per_request_usd"}


def test_a_bad_canary_is_rolled_back_with_every_reason():
    decision = canary.analyze(metrics("stable.json"), metrics("canary-bad.json"), CONFIG)
    assert decision.action == "rollback"
    assert len(decision.reasons) == 4
    assert not any(f.ok for f in decision.findings)


def test_a_canary_with_too_few_requests_is_held():
    decision = canary.analyze(metrics("stable.json"), metrics("canary-early.json"), CONFIG)
    assert decision.action == "hold"


@pytest.mark.parametrize("change, action", [
    ({"quality": 0.80}, "promote"),            # 1.2 points worse: inside the 2-point limit
    ({"quality": 0.78}, "rollback"),           # 3.2 points worse
    ({"p95_latency_ms": 2500}, "rollback"),    # +19%
    ({"cost_per_request_usd": 0.00045}, "promote"),  # +7%
])
def test_each_limit_is_applied_on_its_own(change, action):
    candidate = dict(metrics("stable.json"), requests=1000, errors=5, **change)
    assert canary.analyze(metrics("stable.json"), candidate, CONFIG).action == action
