"""Measure how often the model's triage answers are schema-valid and correct, and how long they take.

usage: python measure.py samples/alerts.jsonl [--no-schema] [--min-valid 0.9] [--limit N]

Each line of the file is {"alert": "...", "expected": "P1".."P4"}. The script runs triage() on
every alert and prints a table and three numbers: the schema-valid rate (an answer that validated,
after at most one repair), the severity accuracy, and p50/p95 latency. With --min-valid it exits 1
when the schema-valid rate is below that fraction. Run it once with and once without --no-schema
to see what constrained decoding buys you.
"""
import argparse
import json
import math
import sys

import llm
import triage as triage_module


def percentile(values, fraction):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def main(argv=None):
    parser = argparse.ArgumentParser(description="Measure schema-valid rate, accuracy and latency.")
    parser.add_argument("dataset")
    parser.add_argument("--no-schema", action="store_true", help='send format "json" instead of the JSON Schema')
    parser.add_argument("--min-valid", type=float, default=None, help="exit 1 below this schema-valid rate")
    parser.add_argument("--limit", type=int, default=None, help="only the first N alerts")
    args = parser.parse_args(argv)

    with open(args.dataset, encoding="utf-8") as handle:
        cases = [json.loads(line) for line in handle if line.strip()]
    if args.limit:
        cases = cases[: args.limit]

    valid = first_try = correct = 0
    latencies = []
    print(f"{'#':>3}  {'expected':8}  {'got':4}  {'tries':5}  {'ms':>6}  alert")
    for number, case in enumerate(cases, 1):
        attempts = []
        got = "-"
        try:
            result = triage_module.triage(case["alert"], use_schema=not args.no_schema, attempts=attempts)
            valid += 1
            first_try += len(attempts) == 1
            got = result.severity
            correct += got == case["expected"]
        except NotImplementedError as error:
            print(f"Not done yet: {error}", file=sys.stderr)
            return 1
        except llm.OllamaError as error:
            print(f"The model server failed: {error}", file=sys.stderr)
            return 3
        except triage_module.TriageFailed:
            pass
        elapsed = sum(a.latency_ms for a in attempts)
        latencies.append(elapsed)
        print(f"{number:>3}  {case['expected']:8}  {got:4}  {len(attempts):5}  {elapsed:6.0f}  {case['alert'][:60]}")

    total = len(cases)
    rate = valid / total if total else 0.0
    print()
    print(f"alerts: {total}   model: {llm.MODEL}   format: {'json' if args.no_schema else 'json schema'}")
    print(f"schema-valid rate: {rate:.2f} ({valid}/{total}), valid on the first try: {first_try}/{total}")
    print(f"severity accuracy: {correct / total if total else 0:.2f} ({correct}/{total})")
    if latencies:
        print(f"latency p50: {percentile(latencies, 0.5):.0f} ms   p95: {percentile(latencies, 0.95):.0f} ms")
    if args.min_valid is not None and rate < args.min_valid:
        print(f"FAIL: the schema-valid rate {rate:.2f} is below {args.min_valid:.2f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
