"""Recompute the capacity plan from the numbers in capacity.INPUTS and compare it with what
capacity.py and k8s/hpa.yaml say. The lab's check runs this; so can you.

Exit codes: 0 the plan adds up, 1 it does not (each problem on a line of its own).
"""
import math
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))


def number(pattern: str, text: str):
    found = re.search(pattern, text, re.MULTILINE)
    return float(found.group(1)) if found else None


def main() -> int:
    try:
        import capacity
    except Exception as error:  # a syntax error in the learner's file is a finding, not a crash
        print(f"problem: capacity.py cannot be imported ({type(error).__name__}: {error})")
        return 1
    c = capacity.INPUTS
    load = c.peak_requests_per_second * c.mean_request_seconds
    per_pod = c.slots_per_replica * c.target_utilisation
    replicas = max(1, math.ceil(load / per_pod - 1e-9))
    print(f"from INPUTS: L = {c.peak_requests_per_second:g}/s x {c.mean_request_seconds:g} s = {load:.2f} in flight;"
          f" {per_pod:.2f} per replica; {replicas} replica(s)")
    problems = []
    try:
        answers = {
            "in_flight": (capacity.in_flight(c.peak_requests_per_second, c.mean_request_seconds), load),
            "hpa_target": (capacity.hpa_target(c), per_pod),
            "replicas_needed": (capacity.replicas_needed(c), replicas),
            "max_throughput": (capacity.max_throughput(c, replicas), replicas * c.slots_per_replica / c.mean_request_seconds),
        }
    except NotImplementedError as error:
        print(f"problem: {error}")
        return 1
    for name, (theirs, ours) in answers.items():
        if theirs is None or not math.isclose(float(theirs), ours, rel_tol=1e-6, abs_tol=1e-9):
            problems.append(f"{name}() gave {theirs!r}; Little's law on INPUTS gives {ours:.4g}")
    hpa = ROOT / "k8s" / "hpa.yaml"
    text = hpa.read_text(encoding="utf-8") if hpa.exists() else ""
    target = number(r"^\s*target:.*averageValue:\s*\"?([0-9.]+)", text) or number(r"^\s*averageValue:\s*\"?([0-9.]+)", text)
    ceiling = number(r"^\s*maxReplicas:\s*([0-9]+)", text)
    if target is None:
        problems.append("k8s/hpa.yaml has no averageValue target: scale on requests in flight per pod")
    elif not math.isclose(target, per_pod, rel_tol=0.05):
        problems.append(f"k8s/hpa.yaml targets {target:g} in flight per pod, but the plan says {per_pod:.2f}")
    if ceiling is not None and ceiling < replicas:
        problems.append(f"k8s/hpa.yaml allows at most {ceiling:g} replicas, fewer than the {replicas} the peak needs")
    for problem in problems:
        print(f"problem: {problem}")
    if problems:
        return 1
    print(f"capacity plan adds up: {replicas} replicas at peak, HPA target {per_pod:.2f} per pod")
    return 0


if __name__ == "__main__":
    sys.exit(main())
