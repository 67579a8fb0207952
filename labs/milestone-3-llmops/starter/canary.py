"""Canary releases for prompt versions: a deterministic traffic split and an automated analysis.

usage:
  python canary.py split [--users 10000] [--weight W]
      simulate users and print the share the split sends to the canary (W: channels.json's canaryWeight)
  python canary.py analyze STABLE.json CANARY.json [--config canary.json]
      compare one window of metrics from each arm and decide: promote (exit 0), rollback (exit 1),
      or hold when the canary has too few requests to judge (exit 3)

A metrics file holds one window of one arm: {"version", "requests", "errors", "quality",
"p95_latency_ms", "cost_per_request_usd"}, as you would read them from Prometheus per version.
"""
import argparse
import hashlib
import json
import pathlib
import sys
from dataclasses import dataclass
from typing import Any, Dict, List


def assign(user_id: str, weight: float) -> str:
    """'canary' or 'stable' for a user: the same user always lands in the same arm.

    TODO(lab, step 3): hash the user id (hashlib.sha256), turn the first 8 hex digits into a
    number between 0 and 1 (int(..., 16) / 0x100000000), and return "canary" when it is below weight.
    Never use random(): a user who flips between versions on every request sees both and tells you
    nothing about either.
    """
    raise NotImplementedError("assign() is not written yet: see its TODO in canary.py")


@dataclass
class Finding:
    metric: str
    stable: float
    canary: float
    change: float     # canary - stable (absolute) or relative change, see `relative`
    limit: float
    relative: bool
    ok: bool


@dataclass
class Decision:
    action: str                # "promote", "rollback" or "hold"
    findings: List[Finding]
    reasons: List[str]


def analyze(stable: Dict[str, Any], canary: Dict[str, Any], config: Dict[str, Any]) -> Decision:
    """Compare the canary's window with stable's and decide.

    TODO(lab, step 3):
      - fewer than config["minRequests"] canary requests: Decision("hold", [], [reason]);
      - one Finding per metric, ok when the canary stays inside its limit:
          quality               canary - stable >= -maxQualityDrop            (absolute, relative=False)
          error_rate            errors/requests: canary - stable <= maxErrorRateIncrease (absolute)
          p95_latency_ms        canary / stable - 1 <= maxP95LatencyIncrease  (relative=True)
          cost_per_request_usd  canary / stable - 1 <= maxCostIncrease        (relative=True)
      - every Finding that is not ok becomes a sentence in reasons;
      - Decision("promote", findings, []) when all are ok, else Decision("rollback", findings, reasons).
    """
    raise NotImplementedError("analyze() is not written yet: see its TODO in canary.py")


def read(path: str) -> Dict[str, Any]:
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Canary split and analysis for prompt versions.")
    commands = parser.add_subparsers(dest="command", required=True)
    split = commands.add_parser("split")
    split.add_argument("--users", type=int, default=10000)
    split.add_argument("--weight", type=float, default=None)
    check = commands.add_parser("analyze")
    check.add_argument("stable")
    check.add_argument("canary")
    check.add_argument("--config", default="canary.json")
    args = parser.parse_args(argv)

    if args.command == "split":
        weight = args.weight
        if weight is None:
            weight = read("registry/channels.json").get("canaryWeight") or 0.0
        try:
            canary = sum(assign(f"user-{i}", weight) == "canary" for i in range(args.users))
        except NotImplementedError as error:
            print(f"Not done yet: {error}", file=sys.stderr)
            return 2
        print(f"canary share: {100 * canary / args.users:.1f}% of {args.users} users (weight {100 * weight:.1f}%)")
        return 0
    try:
        decision = analyze(read(args.stable), read(args.canary), read(args.config))
    except NotImplementedError as error:
        print(f"Not done yet: {error}", file=sys.stderr)
        return 2
    except (OSError, ValueError, KeyError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for f in decision.findings:
        shown = f"{f.change:+.1%}" if f.relative else f"{f.change:+.4f}"
        limit = f"{f.limit:+.0%}" if f.relative else f"{f.limit:+.3f}"
        print(f"{f.metric:22} stable {f.stable:<10.4g} canary {f.canary:<10.4g} change {shown:>8}  "
              f"limit {limit:>7}  {'ok' if f.ok else 'FAIL'}")
    if decision.action == "promote":
        print("decision: promote the canary")
        return 0
    print(f"decision: {decision.action}: " + "; ".join(decision.reasons))
    return 1 if decision.action == "rollback" else 3


if __name__ == "__main__":
    sys.exit(main())
