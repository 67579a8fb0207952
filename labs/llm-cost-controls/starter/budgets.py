"""Token budgets: a cap per request and a daily allowance per tenant, with a warning at 80 %.

Counters live in this process and reset at midnight UTC. A deployment with several replicas keeps
them in Redis instead (INCRBY tenant:<id>:<date> n, then EXPIRE 172800), with the same rules.
"""
import datetime
import time
from dataclasses import dataclass
from typing import Callable, Dict, Optional, Tuple


class BudgetExceeded(Exception):
    """A request refused by a budget; main.py answers 429 with these fields."""

    def __init__(self, budget: str, tenant: str, limit: int, used: int, retry_after_s: int):
        super().__init__(f"{budget} budget of tenant {tenant} exceeded: {used} of {limit} tokens")
        self.budget, self.tenant, self.limit, self.used, self.retry_after_s = budget, tenant, limit, used, retry_after_s


@dataclass
class BudgetAlert:
    tenant: str
    used: int
    limit: int

    @property
    def ratio(self) -> float:
        return self.used / self.limit


class TokenBudgets:
    REQUEST = "request_tokens"
    DAILY = "tenant_daily_tokens"

    def __init__(self, daily_limits: Dict[str, int], request_limit: int, alert_ratio: float = 0.8,
                 clock: Callable[[], float] = time.time):
        self.daily_limits, self.request_limit, self.alert_ratio, self.clock = daily_limits, request_limit, alert_ratio, clock
        self.usage: Dict[Tuple[str, str], int] = {}      # (tenant, UTC date) -> tokens used
        self.alerted: Dict[Tuple[str, str], bool] = {}   # (tenant, UTC date) -> the 80 % alert was sent

    def today(self) -> str:
        return datetime.datetime.fromtimestamp(self.clock(), datetime.timezone.utc).date().isoformat()

    def used(self, tenant: str) -> int:
        return self.usage.get((tenant, self.today()), 0)

    def seconds_to_midnight(self) -> int:
        now = datetime.datetime.fromtimestamp(self.clock(), datetime.timezone.utc)
        midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        return max(1, int((midnight - now).total_seconds()))

    def check(self, tenant: str, estimated_tokens: int) -> None:
        """Refuse a request before it costs anything; it records nothing.

        TODO(lab, step 2):
          - estimated_tokens above request_limit: raise BudgetExceeded(REQUEST, tenant, request_limit,
            estimated_tokens, retry_after_s=0), since waiting will not make that request fit;
          - used(tenant) + estimated_tokens above the tenant's daily limit (a tenant without one has 0):
            raise BudgetExceeded(DAILY, tenant, limit, used(tenant), seconds_to_midnight()).
        """
        raise NotImplementedError("TokenBudgets.check() is not written yet: see its TODO in budgets.py")

    def record(self, tenant: str, tokens: int) -> Optional[BudgetAlert]:
        """Count tokens a call really used; the alert to send when this call crossed alert_ratio.

        TODO(lab, step 2): add tokens to today's usage of the tenant. When usage is now at or above
        alert_ratio of the daily limit and no alert was sent for this tenant today, remember that one
        was and return BudgetAlert(tenant, used, limit); otherwise return None. Exactly one alert per
        tenant and day: an alert on every request after 80 % is noise that teaches people to mute it.
        """
        raise NotImplementedError("TokenBudgets.record() is not written yet: see its TODO in budgets.py")
