"""The service's Prometheus metrics, with prometheus_client (Debian: python3-prometheus-client).

The metrics live in their own CollectorRegistry rather than the library's global one: the tests
read exactly these series, and /metrics shows nothing the service did not choose to export.

Labels take a few known values only (route, outcome, model, direction). A question, a user or a
request id in a label makes a new time series per request and sooner or later takes Prometheus down.
"""
from typing import Tuple

from prometheus_client import CollectorRegistry, Counter, Histogram  # noqa: F401 - the TODOs use them
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest  # noqa: F401

import model

REGISTRY = CollectorRegistry()

# TODO(lab, step 1): declare the four metrics on REGISTRY (registry=REGISTRY):
#   llm_request_duration_seconds     Histogram, labels ["route", "outcome"],
#                                    buckets 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30
#   llm_time_to_first_token_seconds  Histogram, labels ["model"],
#                                    buckets 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
#   llm_tokens_total                 Counter, labels ["model", "direction"]  (direction: input or output)
#   llm_cost_dollars_total           Counter, labels ["model"]


def cost_dollars(model_name: str, input_tokens: int, output_tokens: int) -> float:
    """TODO(lab, step 1): the price of one call from model.PRICES (dollars per million tokens: input, output)."""
    raise NotImplementedError("metrics.cost_dollars() is not written yet: see its TODO in metrics.py")


def record_generation(model_name: str, ttft_s: float, input_tokens: int, output_tokens: int) -> float:
    """TODO(lab, step 1): observe the time to first token, add the tokens (input and output) and the cost
    to their counters, and return the cost in dollars."""
    raise NotImplementedError("metrics.record_generation() is not written yet: see its TODO in metrics.py")


def record_request(route: str, outcome: str, seconds: float) -> None:
    """TODO(lab, step 1): observe one request's duration with its route and outcome (ok or error)."""
    raise NotImplementedError("metrics.record_request() is not written yet: see its TODO in metrics.py")


def exposition() -> Tuple[bytes, str]:
    """TODO(lab, step 1): the text format of REGISTRY and its content type (generate_latest, CONTENT_TYPE_LATEST)."""
    raise NotImplementedError("metrics.exposition() is not written yet: see its TODO in metrics.py")
