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


def screen_input(text: str) -> Screening:
    """TODO(lab, step 1): flag text that tries to steer the model rather than describe a problem.

    Return Screening(False, [one short reason per rule that fired]) when any rule fires, else
    Screening(True, []). Cover at least: "ignore/disregard/forget ... previous/above/earlier/your
    instructions/rules"; requests to reveal/print/show the system prompt, hidden instructions or a
    secret/confidential reference; "you are now", "developer mode", acting as an admin or root; and
    role markers at the start of a line ("SYSTEM:", "assistant:") or tags such as <system>.
    datasets/injection.csv has both kinds of row: text about ignoring a previous *alert* is fine.
    """
    raise NotImplementedError("screen_input() is not written yet: see its TODO in guard.py")


def luhn_valid(digits: str) -> bool:
    """The checksum every payment card number satisfies; it tells a card from an order number."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        d = int(char)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def redact_pii(text: str) -> Redaction:
    """TODO(lab, step 1): replace personal data and secrets with PLACEHOLDERS and count them.

    In this order: secrets (OpenAI-style keys "sk-" followed by 20 or more letters, digits, - or _,
    and AWS access key ids "AKIA" + 16 upper-case letters or digits), e-mail addresses, card numbers
    (13 to 19 digits, optionally grouped by spaces or dashes, that pass luhn_valid), and phone
    numbers (an optional +country code, an optional (area) code, then groups of digits separated by
    spaces or dashes, 9 digits or more in all). Leave IP addresses, dates, times, build and order
    numbers alone: datasets/pii.csv lists what must stay in its `keep` column.
    """
    raise NotImplementedError("redact_pii() is not written yet: see its TODO in guard.py")


def choose_threshold(calibration: Sequence[Tuple[float, bool]], target_accuracy: float) -> float:
    """TODO(lab, step 2): the lowest confidence threshold at which the answers sent straight to users
    (confidence >= threshold) are correct at least `target_accuracy` of the time.

    Try each confidence seen in `calibration` as the threshold, lowest first; return the first that
    meets the target. When none does, return 1.0: every answer goes to a person. Raise ValueError for
    an empty calibration set.
    """
    raise NotImplementedError("choose_threshold() is not written yet: see its TODO in guard.py")


def route(ticket: str, confidence: float, threshold: float) -> Route:
    """TODO(lab, step 2): where an answer to `ticket` goes.

    - the ticket fails screen_input: Route("human", "possible prompt injection: <reasons>");
    - confidence below threshold: Route("human", "confidence 0.62 is below the threshold 0.80")
      (two decimals);
    - otherwise Route("auto", "confidence 0.91 meets the threshold 0.80").
    """
    raise NotImplementedError("route() is not written yet: see its TODO in guard.py")


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
