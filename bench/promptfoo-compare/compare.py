#!/usr/bin/env python3
"""Compares promptfoo 0.118's JSON output (-o) with the workbench's (eval run -o) for one config: every case's verdict
and score, and each prompt × provider cell's pass rate. Prints each difference; exits 1 when there is one, 0 otherwise.

A case is keyed by (provider, prompt, vars). Provider ids are compared in one form (ollama:<m> is
ollama:completion:<m>, openai:<m> is openai:chat:<m>, anthropic:<m> is anthropic:messages:<m>, as promptfoo reads them); a labelled provider by its label.
promptfoo labels a file's prompt "[label: ]path: text", so a workbench label L matches "L" or "L: ...".
"""
import json
import sys


def provider_key(pid, label=None):
    if label:
        return label
    parts = pid.split(":")
    if parts[0] == "ollama" and parts[1] not in ("chat", "completion", "embedding", "embeddings"):
        return "ollama:completion:" + ":".join(parts[1:])
    if parts[0] == "openai" and parts[1] not in ("chat", "completion", "responses", "embedding", "embeddings"):
        return "openai:chat:" + ":".join(parts[1:])
    if parts[0] == "anthropic" and parts[1] not in ("messages", "completion"):
        return "anthropic:messages:" + ":".join(parts[1:])
    return pid


def vars_key(v):
    return json.dumps(v or {}, sort_keys=True)


def promptfoo_cases(path):
    data = json.load(open(path))
    cases = {}
    for r in data["results"]["results"]:
        provider = r.get("provider") or {}
        key = (provider_key(provider.get("id", ""), provider.get("label")), r["prompt"].get("label", r["prompt"]["raw"]),
               vars_key(r.get("vars")))
        error = r.get("error") if not r.get("gradingResult") else None
        cases[key] = {"pass": bool(r.get("success")), "score": float(r.get("score") or 0), "error": error}
    return cases


def workbench_cases(path, labels):
    data = json.load(open(path))
    cells = data["cells"] if "cells" in data else [data]
    cases = {}
    for cell in cells:
        provider = provider_key(cell["provider"], labels.get(cell["provider"]))
        for c in cell["cases"]:
            cases[(provider, cell["prompt"], vars_key(c.get("vars")))] = {
                "pass": bool(c["pass"]), "score": float(c["score"] or 0), "error": c.get("error")}
    return cases


def same_prompt(workbench, promptfoo):
    names = {workbench}
    if workbench.startswith("file://"):
        names.add(workbench[len("file://"):])
    return any(promptfoo == n or promptfoo.startswith(n + ": ") for n in names)


def provider_labels(config_path):
    """The labelled providers of the config, id -> label (promptfoo keys a labelled provider's results by its label)."""
    try:
        import yaml
    except ImportError:
        return {}
    providers = yaml.safe_load(open(config_path)).get("providers") or []
    return {p["id"]: p["label"] for p in providers if isinstance(p, dict) and p.get("id") and p.get("label")}


def main(pf_path, wb_path, config_path):
    labels = provider_labels(config_path)
    pf = promptfoo_cases(pf_path)
    wb = workbench_cases(wb_path, labels)
    differences = []
    matched = {}
    for key in wb:
        found = [k for k in pf if k[0] == key[0] and k[2] == key[2] and same_prompt(key[1], k[1])]
        if len(found) != 1:
            differences.append(f"only the workbench ran {key[0]} / {key[1]} / {key[2]}" if not found
                               else f"several promptfoo cases fit {key}")
            continue
        matched[found[0]] = key
        a, b = pf[found[0]], wb[key]
        if a["pass"] != b["pass"]:
            differences.append(f"verdict {key[0]} / {key[1]} / {key[2]}: promptfoo {a['pass']}, workbench {b['pass']}"
                               + (f" (workbench error: {b['error']})" if b["error"] else "")
                               + (f" (promptfoo error: {a['error']})" if a["error"] else ""))
        if abs(a["score"] - b["score"]) > 1e-9:
            differences.append(f"score {key[0]} / {key[1]} / {key[2]}: promptfoo {a['score']}, workbench {b['score']}")
    for key in pf:
        if key not in matched:
            differences.append(f"only promptfoo ran {key[0]} / {key[1]} / {key[2]}")
    cells = {}
    for pf_key, wb_key in matched.items():
        cell = cells.setdefault((wb_key[0], wb_key[1]), [0, 0, 0])
        cell[0] += pf[pf_key]["pass"]
        cell[1] += wb[wb_key]["pass"]
        cell[2] += 1
    for (provider, prompt), (pf_passed, wb_passed, n) in sorted(cells.items()):
        line = f"  {prompt!r} on {provider}: promptfoo {pf_passed}/{n}, workbench {wb_passed}/{n}"
        print(line + ("" if pf_passed == wb_passed else "   <-- pass rates differ"))
        if pf_passed != wb_passed:
            differences.append(f"pass rate of {prompt!r} on {provider}: promptfoo {pf_passed}/{n}, "
                               f"workbench {wb_passed}/{n}")
    print(f"  {len(matched)} cases in both, {len(pf)} by promptfoo, {len(wb)} by the workbench")
    for d in differences:
        print("  DIFFERENCE: " + d)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
