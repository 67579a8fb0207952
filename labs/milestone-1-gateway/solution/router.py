"""Decide whether a question is simple (the small local model) or complex (the larger model).

A transparent heuristic: each feature adds points, and a question with at least COMPLEX_AT points
is complex. The reason names every feature that fired, so a wrong route can be explained.
"""
import re
from dataclasses import dataclass
from typing import List

COMPLEX_AT = 2
REASONING_WORDS = ("compare", "trade-off", "tradeoff", "design", "architecture", "why", "plan", "strategy",
                   "migrat", "evaluate", "recommend", "pros and cons", "step by step", "debug", "analys", "analyz",
                   "propose", "explain", "should we", "estimate", "walk through", "how would you", "how should")


@dataclass
class RouteDecision:
    route: str      # "simple" or "complex"
    reason: str     # the features that decided it
    score: int


def classify(question: str) -> RouteDecision:
    text = question.lower()
    score, reasons = 0, []
    words = len(question.split())
    if words > 25:
        score += 2
        reasons.append(f"long question ({words} words)")
    elif words > 15:
        score += 1
        reasons.append(f"medium-length question ({words} words)")
    hits = [w for w in REASONING_WORDS if w in text]
    if hits:
        score += 2
        reasons.append("asks for reasoning (" + ", ".join(hits[:3]) + ")")
    if question.count("?") > 1:
        score += 1
        reasons.append(f"{question.count('?')} questions in one")
    has_code = "```" in question or bool(re.search(r"\n\s*\d{2}:\d{2}", question))
    if has_code:
        score += 2
        reasons.append("contains code or logs")
    if re.match(r"^(what|which|who|where|is|how many|when)\b", text) and words <= 12 and not hits and not has_code:
        score -= 1
        reasons.append("short factual question")
    route = "complex" if score >= COMPLEX_AT else "simple"
    return RouteDecision(route=route, reason="; ".join(reasons) or "short question, no reasoning cues", score=score)


def accuracy(rows: List[dict]) -> float:
    return sum(classify(r["question"]).route == r["label"] for r in rows) / len(rows)
