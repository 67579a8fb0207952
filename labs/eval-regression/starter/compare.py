"""Compare a candidate eval run with a baseline, item by item, and flag regressions.

usage: python compare.py BASELINE.json CANDIDATE.json [--max-drop 0.02] [--resamples 2000]
                         [--seed 7] [--markdown summary.md] [--prom eval.prom]

Both files are eval reports as `workbench eval run ... -o report.json` writes them: the cases
are paired by their `key`. For each metric (pass_rate: the share of passing items; mean_score:
the mean item score) the script prints the baseline, the candidate, their difference and a 95%
paired bootstrap interval of the difference, and a verdict:

  REGRESSION  the drop is larger than --max-drop and the whole interval is below zero
  WARNING     the drop is larger than --max-drop but the interval reaches zero: maybe noise
  OK          anything else

Exit codes: 0 no regression, 1 at least one regression, 2 bad input.
"""
import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from typing import Dict, List, Tuple

METRICS = ("pass_rate", "mean_score")


class BadInput(ValueError):
    """A report cannot be read or the two runs share no items."""


@dataclass
class Comparison:
    metric: str
    baseline: float
    candidate: float
    diff: float
    low: float
    high: float
    verdict: str


def load_report(path: str) -> Dict[str, Dict[str, float]]:
    """key -> {"pass_rate": 0 or 1, "mean_score": score} for every case of a report."""
    try:
        with open(path, encoding="utf-8") as handle:
            report = json.load(handle)
    except (OSError, ValueError) as error:
        raise BadInput(f"cannot read {path}: {error}") from error
    items = {}
    for case in report.get("cases") or []:
        if case.get("key") is None or case.get("pass") is None:
            continue  # an errored case has no verdict to compare
        score = case.get("score")
        items[case["key"]] = {"pass_rate": 1.0 if case["pass"] else 0.0,
                              "mean_score": float(score if score is not None else (1.0 if case["pass"] else 0.0))}
    if not items:
        raise BadInput(f"{path} holds no cases with a key and a verdict")
    return items


def pair(baseline: Dict[str, Dict[str, float]], candidate: Dict[str, Dict[str, float]]) -> Tuple[List[str], int]:
    """The keys both runs have, sorted, and how many keys only one of them has.

    TODO(lab, step 1): return (sorted shared keys, number of keys in exactly one of the runs);
    raise BadInput with a sentence that says so when the runs share no key.
    """
    raise NotImplementedError("pair() is not written yet: see its TODO in compare.py")


def paired_bootstrap(diffs: List[float], resamples: int = 2000, seed: int = 7) -> Tuple[float, float]:
    """95% percentile interval of the mean of per-item differences, resampling items with replacement.

    TODO(lab, step 1):
      - raise ValueError for an empty list;
      - rng = random.Random(seed), so the same inputs always give the same interval;
      - `resamples` times: draw len(diffs) items with replacement (rng.randrange) and take the mean;
      - sort the means and return the ones at positions int(0.025 * (resamples - 1)) and
        int(round(0.975 * (resamples - 1))).
    """
    raise NotImplementedError("paired_bootstrap() is not written yet: see its TODO in compare.py")


def verdict(diff: float, low: float, high: float, max_drop: float = 0.02) -> str:
    """TODO(lab, step 1): "REGRESSION" when diff < -max_drop and high < 0; "WARNING" when
    diff < -max_drop but the interval reaches zero; "OK" otherwise."""
    raise NotImplementedError("verdict() is not written yet: see its TODO in compare.py")


def compare(baseline: Dict[str, Dict[str, float]], candidate: Dict[str, Dict[str, float]],
            max_drop: float = 0.02, resamples: int = 2000, seed: int = 7) -> Tuple[List[Comparison], int, int]:
    keys, unmatched = pair(baseline, candidate)
    results = []
    for metric in METRICS:
        base = [baseline[k][metric] for k in keys]
        cand = [candidate[k][metric] for k in keys]
        diffs = [c - b for b, c in zip(base, cand)]
        low, high = paired_bootstrap(diffs, resamples, seed)
        diff = sum(diffs) / len(diffs)
        results.append(Comparison(metric, sum(base) / len(base), sum(cand) / len(cand), diff, low, high,
                                  verdict(diff, low, high, max_drop)))
    return results, len(keys), unmatched


def table(results: List[Comparison]) -> List[str]:
    rows = ["| metric | baseline | candidate | diff | 95% CI | verdict |", "|---|---|---|---|---|---|"]
    for r in results:
        rows.append(f"| {r.metric} | {r.baseline:.3f} | {r.candidate:.3f} | {r.diff:+.3f} | "
                    f"[{r.low:+.3f}, {r.high:+.3f}] | {r.verdict} |")
    return rows


def prometheus(results: List[Comparison]) -> str:
    """Gauges in the text exposition format, for node_exporter's textfile collector or a Pushgateway."""
    lines = ["# HELP eval_score Candidate value of an eval metric.", "# TYPE eval_score gauge"]
    lines += [f'eval_score{{metric="{r.metric}"}} {r.candidate:.6f}' for r in results]
    lines += ["# HELP eval_score_baseline Baseline value of an eval metric.", "# TYPE eval_score_baseline gauge"]
    lines += [f'eval_score_baseline{{metric="{r.metric}"}} {r.baseline:.6f}' for r in results]
    lines += ["# HELP eval_regression 1 when the metric regressed significantly against the baseline.",
              "# TYPE eval_regression gauge"]
    lines += [f'eval_regression{{metric="{r.metric}"}} {1 if r.verdict == "REGRESSION" else 0}' for r in results]
    lines += ["# HELP eval_last_run_timestamp_seconds When the last comparison finished.",
              "# TYPE eval_last_run_timestamp_seconds gauge", f"eval_last_run_timestamp_seconds {time.time():.0f}"]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Compare a candidate eval run with a baseline.")
    parser.add_argument("baseline")
    parser.add_argument("candidate")
    parser.add_argument("--max-drop", type=float, default=0.02, help="largest tolerated drop (0.02 = 2 points)")
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--markdown", help="also write the table to this file (e.g. a CI job summary)")
    parser.add_argument("--prom", help="also write Prometheus gauges to this file")
    args = parser.parse_args(argv)
    try:
        results, paired, unmatched = compare(load_report(args.baseline), load_report(args.candidate),
                                             args.max_drop, args.resamples, args.seed)
    except BadInput as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except NotImplementedError as error:
        print(f"Not done yet: {error}", file=sys.stderr)
        return 3
    rows = table(results)
    print("\n".join(rows))
    print(f"paired items: {paired}, unmatched: {unmatched}, max drop: {args.max_drop:.3f}")
    regressions = [r.metric for r in results if r.verdict == "REGRESSION"]
    warnings = [r.metric for r in results if r.verdict == "WARNING"]
    if warnings:
        print(f"WARNING: {', '.join(warnings)} dropped more than {args.max_drop:.3f} but the interval reaches "
              "zero; rerun or grow the dataset before trusting it")
    print(f"REGRESSION: {', '.join(regressions)}" if regressions else "OK: no significant regression")
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(f"### Eval comparison\n\n{args.baseline} -> {args.candidate}, {paired} paired items\n\n")
            handle.write("\n".join(rows) + "\n")
    if args.prom:
        with open(args.prom, "w", encoding="utf-8") as handle:
            handle.write(prometheus(results))
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
