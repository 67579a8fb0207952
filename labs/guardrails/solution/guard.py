"""Guardrails around an LLM step: screen what goes in, redact what must not leak, and send the
answers the model is unsure of to a person instead of to the user.

usage: python guard.py screen "ticket text"
       python guard.py redact "ticket text"
       python guard.py threshold datasets/calibration.csv [--target 0.9]
       python guard.py route "ticket text" --confidence 0.62 [--threshold 0.8]

No single layer is enough: a pattern list misses new phrasings, a hardened prompt can still be
talked round, and a confident model can be confidently wrong. Together they bound the damage,
which is the job (the prompt layer is checked by the eval suite; this file by tests/test_guard.py).
"""
import argparse
import csv
import json
import pathlib
import re
import sys
import time
from dataclasses import dataclass, field
from typing import Dict, List, Sequence, Tuple

PLACEHOLDERS = {"email": "[EMAIL]", "phone": "[PHONE]", "card": "[CARD]", "secret": "[SECRET]"}


@dataclass
class Screening:
    allowed: bool
    reasons: List[str] = field(default_factory=list)


@dataclass
class Redaction:
    text: str
    counts: Dict[str, int] = field(default_factory=dict)  # kind -> how many were replaced


@dataclass
class Route:
    queue: str     # "auto" (straight to the user) or "human" (the review queue)
    reason: str


# Each rule: a reason and a pattern. Phrasings change; the eval suite tests the prompt layer behind
# these, so a miss here is not the last line of defence.
INJECTION_RULES = [
    ("asks to ignore earlier instructions",
     re.compile(r"\b(ignore|disregard|forget)\b[^.\n]{0,40}?\b(previous|prior|above|earlier|your|all)\b[^.\n]{0,20}?"
                r"\b(instructions?|rules|prompts?|guidelines)\b", re.I)),
    ("asks for the system prompt or a secret",
     re.compile(r"\b(reveal|print|show|repeat|output|include|tell me)\b[^.\n]{0,40}?\b(system prompt|hidden instructions?"
                r"|secret|confidential|reference code|internal reference)\b", re.I)),
    ("tries to change the assistant's role",
     re.compile(r"\byou are now\b|\bdeveloper mode\b|\bact as (an? )?(admin|administrator|root|superuser)\b"
                r"|\bno restrictions\b", re.I)),
    ("carries a role marker",
     re.compile(r"(^|\n)\s*['\"]?(system|assistant)\s*:|</?(system|assistant)>", re.I)),
]


def screen_input(text: str) -> Screening:
    """Screening(False, reasons) when the text tries to steer the model, else Screening(True, [])."""
    reasons = [reason for reason, pattern in INJECTION_RULES if pattern.search(text)]
    return Screening(not reasons, reasons)


def luhn_valid(digits: str) -> bool:
    """The checksum every payment card number satisfies; it tells a card from an order number."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        d = int(char)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


SECRET = re.compile(r"\bsk-[A-Za-z0-9_-]{20,}|\bAKIA[0-9A-Z]{16}\b")
EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
CARD = re.compile(r"(?<![\w.])\d(?:[ -]?\d){12,18}(?![\w.])")
PHONE = re.compile(r"(?<![\w.+])(?:\+\d{1,3}[ -]?)?(?:\(\d{2,4}\)[ -]?)?\d{2,4}(?:[ -]\d{2,4}){1,3}(?![\w.:])")


def redact_pii(text: str) -> Redaction:
    """The text with secrets, e-mail addresses, card numbers and phone numbers replaced, and the counts."""
    counts: Dict[str, int] = {}

    def replace(kind, pattern, text, accept=lambda match: True):
        def one(match):
            if not accept(match.group(0)):
                return match.group(0)
            counts[kind] = counts.get(kind, 0) + 1
            return PLACEHOLDERS[kind]
        return pattern.sub(one, text)

    def digits(value):
        return re.sub(r"\D", "", value)

    text = replace("secret", SECRET, text)
    text = replace("email", EMAIL, text)
    text = replace("card", CARD, text, lambda value: 13 <= len(digits(value)) <= 19 and luhn_valid(digits(value)))
    # a phone number has 9 digits or more, and a date (2026-01-05) or a time is not one
    text = replace("phone", PHONE, text, lambda value: len(digits(value)) >= 9
                   and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
    return Redaction(text, counts)


def choose_threshold(calibration: Sequence[Tuple[float, bool]], target_accuracy: float) -> float:
    """The lowest threshold at which the answers sent straight to users are correct often enough;
    1.0 (everything to a person) when no threshold is."""
    if not calibration:
        raise ValueError("the calibration set is empty: label some answers first")
    for threshold in sorted({confidence for confidence, _ in calibration}):
        auto = [correct for confidence, correct in calibration if confidence >= threshold]
        if sum(auto) / len(auto) >= target_accuracy:
            return threshold
    return 1.0


def route(ticket: str, confidence: float, threshold: float) -> Route:
    """Screening first: a steered answer is suspect however confident the model sounds."""
    screening = screen_input(ticket)
    if not screening.allowed:
        return Route("human", "possible prompt injection: " + "; ".join(screening.reasons))
    if confidence < threshold:
        return Route("human", f"confidence {confidence:.2f} is below the threshold {threshold:.2f}")
    return Route("auto", f"confidence {confidence:.2f} meets the threshold {threshold:.2f}")


class HumanQueue:
    """The review queue: one JSON line per item, the ticket stored redacted (people read this file)."""

    def __init__(self, path: pathlib.Path):
        self.path = path

    def put(self, ticket: str, answer: str, decision: Route) -> Dict[str, object]:
        item = {"at": round(time.time()), "ticket": redact_pii(ticket).text, "draft": redact_pii(answer).text,
                "reason": decision.reason}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(item) + "\n")
        return item

    def items(self) -> List[Dict[str, object]]:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_calibration(path: str) -> List[Tuple[float, bool]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [(float(row["confidence"]), row["correct"].strip() == "1") for row in csv.DictReader(handle)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Guardrails around an LLM step.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("screen").add_argument("text")
    sub.add_parser("redact").add_argument("text")
    threshold = sub.add_parser("threshold")
    threshold.add_argument("calibration")
    threshold.add_argument("--target", type=float, default=0.9)
    routing = sub.add_parser("route")
    routing.add_argument("text")
    routing.add_argument("--confidence", type=float, required=True)
    routing.add_argument("--threshold", type=float, default=0.8)
    args = parser.parse_args(argv)
    try:
        if args.command == "screen":
            result = screen_input(args.text)
            print("allowed" if result.allowed else "blocked: " + "; ".join(result.reasons))
        elif args.command == "redact":
            result = redact_pii(args.text)
            print(result.text)
            print(json.dumps(result.counts, sort_keys=True), file=sys.stderr)
        elif args.command == "threshold":
            rows = read_calibration(args.calibration)
            chosen = choose_threshold(rows, args.target)
            auto = [correct for confidence, correct in rows if confidence >= chosen]
            accuracy = sum(auto) / len(auto) if auto else 1.0
            print(f"threshold {chosen:.2f}: {len(auto)} of {len(rows)} answers go straight to users,"
                  f" {accuracy:.1%} of them correct; {len(rows) - len(auto)} go to the human queue")
        else:
            decision = route(args.text, args.confidence, args.threshold)
            print(f"{decision.queue}: {decision.reason}")
    except NotImplementedError as error:
        print(f"Not done yet: {error}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
