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
    """'canary' or 'stable' for a user: the same user always lands in the same arm."""
    bucket = int(hashlib.sha256(user_id.encode("utf-8")).hexdigest()[:8], 16) / 0x100000000
    return "canary" if bucket < weight else "stable"


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
    if canary["requests"] < config["minRequests"]:
        return Decision("hold", [], [f"the canary has {canary['requests']} requests; at least "
                                     f"{config['minRequests']} are needed to judge it"])
    stable_errors = stable["errors"] / stable["requests"]
    canary_errors = canary["errors"] / canary["requests"]
    findings = [
        Finding("quality", stable["quality"], canary["quality"], canary["quality"] - stable["quality"],
                -config["maxQualityDrop"], False, canary["quality"] - stable["quality"] >= -config["maxQualityDrop"]),
        Finding("error_rate", stable_errors, canary_errors, canary_errors - stable_errors,
                config["maxErrorRateIncrease"], False, canary_errors - stable_errors <= config["maxErrorRateIncrease"]),
    ]
    for metric, key, limit in (("p95_latency_ms", "p95_latency_ms", "maxP95LatencyIncrease"),
                               ("cost_per_request_usd", "cost_per_request_usd", "maxCostIncrease")):
        change = canary[key] / stable[key] - 1 if stable[key] else 0.0
        findings.append(Finding(metric, stable[key], canary[key], change, config[limit], True, change <= config[limit]))
    reasons = []
    for f in findings:
        if f.ok:
            continue
        if f.relative:
            reasons.append(f"{f.metric} changed by {f.change:+.1%}, beyond the limit {f.limit:+.0%}")
        else:
            reasons.append(f"{f.metric} moved from {f.stable:.4g} to {f.canary:.4g} ({f.change:+.4f}), "
                           f"beyond the limit {f.limit:+.3f}")
    return Decision("promote" if not reasons else "rollback", findings, reasons)


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
        canary = sum(assign(f"user-{i}", weight) == "canary" for i in range(args.users))
        print(f"canary share: {100 * canary / args.users:.1f}% of {args.users} users (weight {100 * weight:.1f}%)")
        return 0
    try:
        decision = analyze(read(args.stable), read(args.canary), read(args.config))
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
