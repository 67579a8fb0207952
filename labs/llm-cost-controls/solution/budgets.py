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
        if estimated_tokens > self.request_limit:
            raise BudgetExceeded(self.REQUEST, tenant, self.request_limit, estimated_tokens, 0)
        limit = self.daily_limits.get(tenant, 0)
        used = self.used(tenant)
        if used + estimated_tokens > limit:
            raise BudgetExceeded(self.DAILY, tenant, limit, used, self.seconds_to_midnight())

    def record(self, tenant: str, tokens: int) -> Optional[BudgetAlert]:
        key = (tenant, self.today())
        self.usage[key] = self.usage.get(key, 0) + tokens
        limit = self.daily_limits.get(tenant, 0)
        if limit and self.usage[key] >= self.alert_ratio * limit and not self.alerted.get(key):
            self.alerted[key] = True
            return BudgetAlert(tenant, self.usage[key], limit)
        return None
