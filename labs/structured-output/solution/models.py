"""The contract between your code and the model: what a triage answer must look like."""
from typing import Literal

from pydantic import BaseModel, Field

Severity = Literal["P1", "P2", "P3", "P4"]


class TriageResult(BaseModel):
    """One triaged alert. The field order is the order the model writes them in: it names the
    service and explains the impact before it commits to a severity."""

    service: str = Field(..., min_length=1, max_length=80,
                         description="The system the alert is about, e.g. orders-db.")
    reason: str = Field(..., min_length=3, max_length=300,
                        description="One short sentence naming the impact on users.")
    severity: Severity = Field(..., description="P1 critical, P2 major, P3 minor, P4 no user impact.")
