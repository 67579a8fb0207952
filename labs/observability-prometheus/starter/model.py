"""A stand-in for a streaming model provider, so the lab measures instrumentation, not a GPU.

It streams a canned answer word by word with a small, fixed delay, reports token counts the way
providers do (prompt and completion tokens), and has a price per million tokens for each model,
as a provider's price list would. A question containing "FAIL" makes it raise ModelError, so the
error path can be observed too. Swap in your week-8 gateway's streaming call to instrument a real
model: the metrics code does not change.
"""
import time
from dataclasses import dataclass
from typing import Dict, Iterator

# dollars per million tokens: (input, output)
PRICES: Dict[str, tuple] = {
    "lab-small": (0.15, 0.60),
    "lab-large": (2.50, 10.00),
}
FIRST_TOKEN_DELAY_S = {"lab-small": 0.03, "lab-large": 0.12}
NEXT_TOKEN_DELAY_S = 0.002


class ModelError(RuntimeError):
    """The provider failed; the caller answers 502."""


@dataclass
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0


def count_tokens(text: str) -> int:
    """About right for English with these models' tokenizers: one token per word plus punctuation."""
    return max(1, len(text.split()) + text.count(",") + text.count("."))


def stream(model: str, question: str, usage: Usage) -> Iterator[str]:
    """Yield the answer's tokens; `usage` is filled in as the stream goes, as a provider's final chunk would."""
    if model not in PRICES:
        raise ModelError(f"unknown model {model}")
    if "FAIL" in question:
        time.sleep(FIRST_TOKEN_DELAY_S[model])
        raise ModelError("the provider answered 500 (the question asked for a failure)")
    usage.input_tokens = count_tokens(question) + 40   # the system prompt costs tokens too
    answer = (f"Here is what the runbook says about: {question} Check the dashboards first, then roll back "
              f"the last change if the error rate rose after it.").split()
    time.sleep(FIRST_TOKEN_DELAY_S[model])
    for index, word in enumerate(answer):
        if index:
            time.sleep(NEXT_TOKEN_DELAY_S)
        usage.output_tokens += 1
        yield word + " "
