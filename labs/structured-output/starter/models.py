"""The contract between your code and the model: what a triage answer must look like."""
from typing import Literal  # noqa: F401 - you will need it

from pydantic import BaseModel, Field  # noqa: F401 - you will need it

Severity = Literal["P1", "P2", "P3", "P4"]


class TriageResult(BaseModel):
    """One triaged alert.

    TODO(lab, step 2): declare three fields, in this order (the model writes them in this order,
    so it explains itself before it commits to a severity):
      - service:  str, 1 to 80 characters, the system the alert is about
      - reason:   str, 3 to 300 characters, one sentence naming the impact
      - severity: Severity (P1 critical .. P4 no user impact)
    Give each a Field(..., description=...): the descriptions end up in the JSON Schema the model sees.
    """
