"""The service's Prometheus metrics, with prometheus_client (Debian: python3-prometheus-client).

The metrics live in their own CollectorRegistry rather than the library's global one: the tests
read exactly these series, and /metrics shows nothing the service did not choose to export.

Labels take a few known values only (route, outcome, model, direction). A question, a user or a
request id in a label makes a new time series per request and sooner or later takes Prometheus down.
"""
from typing import Tuple

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

import model

REGISTRY = CollectorRegistry()

REQUEST_SECONDS = Histogram(
    "llm_request_duration_seconds", "End-to-end time of a request, by route and outcome.",
    ["route", "outcome"], buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30), registry=REGISTRY)
TTFT_SECONDS = Histogram(
    "llm_time_to_first_token_seconds", "Time from the request to the model's first token.",
    ["model"], buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10), registry=REGISTRY)
TOKENS = Counter("llm_tokens_total", "Tokens by model and direction (input, output).",
                 ["model", "direction"], registry=REGISTRY)
COST = Counter("llm_cost_dollars_total", "Spend in US dollars at the price list's rates, by model.",
               ["model"], registry=REGISTRY)


def cost_dollars(model_name: str, input_tokens: int, output_tokens: int) -> float:
    input_price, output_price = model.PRICES[model_name]
    return (input_tokens * input_price + output_tokens * output_price) / 1_000_000


def record_generation(model_name: str, ttft_s: float, input_tokens: int, output_tokens: int) -> float:
    cost = cost_dollars(model_name, input_tokens, output_tokens)
    TTFT_SECONDS.labels(model=model_name).observe(ttft_s)
    TOKENS.labels(model=model_name, direction="input").inc(input_tokens)
    TOKENS.labels(model=model_name, direction="output").inc(output_tokens)
    COST.labels(model=model_name).inc(cost)
    return cost


def record_request(route: str, outcome: str, seconds: float) -> None:
    REQUEST_SECONDS.labels(route=route, outcome=outcome).observe(seconds)


def exposition() -> Tuple[bytes, str]:
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
