"""A stand-in for a paid model: a fixed delay, token counts and a price, so caching and budgets have
something to save. Swap in your gateway's call to put real money behind the same code."""
import time
from typing import Tuple

MODEL = "lab-small"
PROMPT_VERSION = "answer-v3"
PRICE_PER_MILLION = (0.15, 0.60)       # dollars per million tokens: input, output
SYSTEM_PROMPT_TOKENS = 40
LATENCY_S = 0.25


def count_tokens(text: str) -> int:
    """About right for English: one token per word plus punctuation."""
    return max(1, len(text.split()) + text.count(",") + text.count("."))


def estimate_input_tokens(question: str) -> int:
    return count_tokens(question) + SYSTEM_PROMPT_TOKENS


def complete(question: str) -> Tuple[str, int, int]:
    """The answer, input tokens and output tokens of one (slow, paid) call."""
    time.sleep(LATENCY_S)
    answer = f"From the runbook, about '{question.strip()}': check the dashboard, then follow the listed steps."
    return answer, estimate_input_tokens(question), count_tokens(answer)


def cost_dollars(input_tokens: int, output_tokens: int) -> float:
    return (input_tokens * PRICE_PER_MILLION[0] + output_tokens * PRICE_PER_MILLION[1]) / 1_000_000
