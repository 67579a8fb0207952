"""Release a prompt version only when its eval run clears the gate.

usage:
  python release.py check
      validate release.json and the suite: the stable and candidate versions exist, the suite
      runs the candidate, and the suite has a gate
  python release.py decide REPORT.json [--min-pass-rate 0.7] [--dry-run]
      read an eval report (workbench eval run promptfooconfig.yaml -o REPORT.json) and either
      promote the candidate to stable and record the scores, or block it and say why

Exit codes: 0 OK / promoted, 1 problems / blocked, 2 bad input.
"""
import argparse
import datetime
import json
import pathlib
import re
import sys
from typing import Any, Dict, List, Optional, Tuple

ROOT = pathlib.Path(".")
CONFIG = "release.json"
SUITE = "promptfooconfig.yaml"
MAX_TOLERATED_DROP = 0.05


def load_config(root: pathlib.Path) -> Dict[str, Any]:
    return json.loads((root / CONFIG).read_text(encoding="utf-8"))


def prompt_file(root: pathlib.Path, config: Dict[str, Any], version: str) -> pathlib.Path:
    return root / "prompts" / config["prompt"] / f"{version}.txt"


def suite_versions(suite_text: str, prompt: str) -> List[str]:
    """The versions of `prompt` that the suite's non-comment lines reference with file://."""
    versions = []
    for line in suite_text.splitlines():
        code = line.split("#", 1)[0]
        versions += re.findall(rf"file://\S*prompts/{re.escape(prompt)}/(v\d+)\.txt", code)
    return versions


def suite_gate(suite_text: str) -> Optional[Dict[str, str]]:
    """The key: value pairs of the suite's top-level gate block, or None when there is none."""
    gate, inside = None, False
    for line in suite_text.splitlines():
        if re.match(r"^gate:\s*(#.*)?$", line):
            gate, inside = {}, True
            continue
        if inside:
            if line.strip() == "" or line.lstrip().startswith("#"):
                continue
            if not line.startswith((" ", "\t")):
                break
            key, _, value = line.strip().partition(":")
            gate[key.strip()] = value.split("#", 1)[0].strip()
    return gate


def check(root: pathlib.Path) -> List[str]:
    """Everything wrong with the release set-up, as sentences; an empty list means OK."""
    problems = []
    config = load_config(root)
    stable, candidate = config.get("stable"), config.get("candidate")
    if not stable or not prompt_file(root, config, stable).is_file():
        problems.append(f"the stable version {stable!r} has no prompt file")
    if not candidate:
        problems.append("release.json names no candidate: set \"candidate\" to the version you want to release")
    elif candidate == stable:
        problems.append(f"the candidate {candidate} is already stable")
    elif not prompt_file(root, config, candidate).is_file():
        problems.append(f"the candidate {candidate} has no file {prompt_file(root, config, candidate).as_posix()}")
    suite_path = root / SUITE
    if not suite_path.is_file():
        problems.append(f"there is no suite {SUITE}")
        return problems
    text = suite_path.read_text(encoding="utf-8")
    versions = suite_versions(text, config["prompt"])
    if candidate and versions != [candidate]:
        problems.append(f"the suite must run exactly the candidate {candidate}, but it runs {versions or 'no version'}")
    gate = suite_gate(text)
    if gate is None:
        problems.append("the suite has no gate: section, so nothing stops a worse version")
    else:
        try:
            drop = float(gate.get("maxDrop", "0.02"))
            if drop > MAX_TOLERATED_DROP:
                problems.append(f"gate.maxDrop {drop} tolerates more than {MAX_TOLERATED_DROP} (5 points)")
        except ValueError:
            problems.append(f"gate.maxDrop {gate.get('maxDrop')!r} is not a number")
    return problems


def decide(config: Dict[str, Any], report: Dict[str, Any], min_pass_rate: float = 0.7) -> Tuple[bool, List[str]]:
    """Whether the report lets the candidate go out, and the reasons it does not."""
    reasons = []
    candidate = config.get("candidate")
    label = str(report.get("prompt") or "")
    if not candidate or not (label == candidate or label.endswith(f"/{candidate}.txt")):
        reasons.append(f"the report is for prompt {label!r}, not for the candidate {candidate}")
    if report.get("state") != "finished":
        reasons.append(f"the run is {report.get('state')!r}, not finished")
    n = report.get("n") or 0
    pass_rate = report.get("passRate")
    if not n or pass_rate is None:
        reasons.append("the report has no scored cases")
    else:
        if pass_rate < min_pass_rate:
            reasons.append(f"the pass rate {pass_rate:.2f} is below the floor {min_pass_rate:.2f}")
        if (report.get("errors") or 0) > 0.05 * n:
            reasons.append(f"{report['errors']} of {n} cases errored; rerun before deciding")
    gate = report.get("gate")
    if gate and gate.get("decision") != "pass":
        reasons.append(f"the gate blocked it: {gate.get('reason')}")
    return not reasons, reasons


def record(root: pathlib.Path, config: Dict[str, Any], report: Dict[str, Any], promoted: bool,
           reasons: List[str]) -> None:
    """Append the decision to the history, and on a promotion move the stable pointer."""
    entry = {"at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
             "prompt": config["prompt"], "version": config.get("candidate"),
             "decision": "promoted" if promoted else "blocked", "runId": report.get("runId"),
             "passRate": report.get("passRate"), "passRateCi95": report.get("passRateCi95"),
             "gate": (report.get("gate") or {}).get("decision"), "reasons": reasons}
    with open(root / config.get("history", "release-history.jsonl"), "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")
    if promoted:
        config = dict(config, stable=config["candidate"], candidate=None)
        (root / CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def main(argv=None, root: pathlib.Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description="Release a prompt version behind an eval gate.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check")
    decide_parser = commands.add_parser("decide")
    decide_parser.add_argument("report")
    decide_parser.add_argument("--min-pass-rate", type=float, default=0.7)
    decide_parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    try:
        config = load_config(root)
    except (OSError, ValueError) as error:
        print(f"error: cannot read {CONFIG}: {error}", file=sys.stderr)
        return 2
    if args.command == "check":
        problems = check(root)
        for problem in problems:
            print(f"problem: {problem}")
        if problems:
            return 1
        print(f"release config OK: stable {config['stable']}, candidate {config['candidate']}, gated suite {SUITE}")
        return 0
    try:
        report = json.loads(pathlib.Path(args.report).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"error: cannot read the report {args.report}: {error}", file=sys.stderr)
        return 2
    promoted, reasons = decide(config, report, args.min_pass_rate)
    rate = report.get("passRate")
    shown = f"{rate:.2f}" if isinstance(rate, (int, float)) else "n/a"
    if promoted:
        verb = "would promote" if args.dry_run else "promoted"
        print(f"{verb} {config['candidate']} to stable (pass rate {shown}, run {report.get('runId')})")
    else:
        print(f"blocked {config.get('candidate')}: " + "; ".join(reasons))
    if not args.dry_run:
        record(root, config, report, promoted, reasons)
    return 0 if promoted else 1


if __name__ == "__main__":
    sys.exit(main())
