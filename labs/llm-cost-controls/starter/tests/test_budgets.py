"""Token budgets with a clock the test moves: no waiting for midnight."""
import calendar

import pytest

from budgets import BudgetExceeded, TokenBudgets

NOON = float(calendar.timegm((2026, 1, 1, 12, 0, 0)))      # 2026-01-01 12:00 UTC


@pytest.fixture
def clock():
    return [NOON]


@pytest.fixture
def budgets(clock):
    return TokenBudgets({"acme": 1000}, request_limit=300, clock=lambda: clock[0])


def test_a_request_over_the_per_request_cap_is_refused_by_that_budget(budgets):
    with pytest.raises(BudgetExceeded) as refused:
        budgets.check("acme", 301)
    assert refused.value.budget == "request_tokens" and refused.value.limit == 300


def test_the_daily_budget_refuses_what_would_go_over_it(budgets):
    budgets.record("acme", 900)
    budgets.check("acme", 100)
    with pytest.raises(BudgetExceeded) as refused:
        budgets.check("acme", 101)
    error = refused.value
    assert (error.budget, error.tenant, error.limit, error.used) == ("tenant_daily_tokens", "acme", 1000, 900)
    assert error.retry_after_s == 12 * 3600, "retry at midnight UTC"


def test_checking_does_not_spend(budgets):
    for _ in range(5):
        budgets.check("acme", 250)
    assert budgets.used("acme") == 0


def test_a_tenant_without_a_budget_gets_nothing(budgets):
    with pytest.raises(BudgetExceeded):
        budgets.check("stranger", 1)


def test_the_alert_comes_once_when_usage_crosses_eighty_percent(budgets):
    assert budgets.record("acme", 700) is None
    alert = budgets.record("acme", 150)
    assert (alert.tenant, alert.used, alert.limit) == ("acme", 850, 1000)
    assert budgets.record("acme", 50) is None, "one alert a day, not one per request"


def test_usage_and_the_alert_start_again_the_next_day(budgets, clock):
    budgets.record("acme", 950)
    clock[0] += 12 * 3600 + 1
    assert budgets.used("acme") == 0
    budgets.check("acme", 300)
    assert budgets.record("acme", 800) is not None
