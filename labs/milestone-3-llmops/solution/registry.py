"""A Git-backed prompt registry: immutable versioned files, channel pointers, content hashes.

Layout:
  registry/prompts/<name>/<version>/prompt.txt   the template, with {{variables}}
  registry/prompts/<name>/<version>/meta.json    version, owner, model, parameters, variables, created,
                                                 baseline scores and the sha256 of prompt.txt
  registry/channels.json                         {"prompt", "stable", "canary", "canaryWeight"}
  registry/merged.json                           sha256 of every version already merged: those files
                                                 must never change again
  registry/history.jsonl                         append-only log of releases

usage:
  python registry.py validate        every rule below; exit 1 with one line per problem
  python registry.py version         the active versions with their hashes, as GET /version shows them
  python registry.py lock            record the hashes of new versions in merged.json (run on merge)
  python registry.py hash FILE       print a file's sha256, for meta.json
"""
import hashlib
import json
import pathlib
import re
import sys
from typing import Any, Dict, List

REGISTRY = pathlib.Path("registry")
META_REQUIRED = {"version", "owner", "model", "parameters", "variables", "created", "sha256"}
META_ALLOWED = META_REQUIRED | {"baseline", "notes"}
VARIABLE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
VERSION_NAME = re.compile(r"^v[1-9][0-9]*$")


def sha256_of(path: pathlib.Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_json(path: pathlib.Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def versions(root: pathlib.Path, prompt: str) -> Dict[str, pathlib.Path]:
    folder = root / "prompts" / prompt
    if not folder.is_dir():
        return {}
    return {p.name: p for p in sorted(folder.iterdir()) if p.is_dir()}


def validate(root: pathlib.Path = REGISTRY) -> List[str]:
    """Every problem in the registry, one sentence each; an empty list means it is valid."""
    problems: List[str] = []
    try:
        channels = read_json(root / "channels.json")
        merged = read_json(root / "merged.json") if (root / "merged.json").exists() else {}
    except (OSError, ValueError) as error:
        return [f"cannot read the registry: {error}"]
    prompt = channels.get("prompt")
    found = versions(root, prompt) if prompt else {}
    if not found:
        problems.append(f"no versions of prompt {prompt!r} under {root.as_posix()}/prompts/")
    for name, folder in found.items():
        where = f"{prompt}/{name}"
        if not VERSION_NAME.match(name):
            problems.append(f"{where}: version folders are named v1, v2, ...")
        template_file, meta_file = folder / "prompt.txt", folder / "meta.json"
        if not template_file.is_file() or not meta_file.is_file():
            problems.append(f"{where}: needs both prompt.txt and meta.json")
            continue
        try:
            meta = read_json(meta_file)
        except ValueError as error:
            problems.append(f"{where}/meta.json is not valid JSON: {error}")
            continue
        missing, unknown = META_REQUIRED - set(meta), set(meta) - META_ALLOWED
        if missing:
            problems.append(f"{where}/meta.json lacks {', '.join(sorted(missing))}")
        if unknown:
            problems.append(f"{where}/meta.json has unknown keys {', '.join(sorted(unknown))}")
        if meta.get("version") != name:
            problems.append(f"{where}/meta.json says version {meta.get('version')!r}, but the folder is {name}")
        used = set(VARIABLE.findall(template_file.read_text(encoding="utf-8")))
        declared = set(meta.get("variables") or [])
        if used - declared:
            problems.append(f"{where}: the template uses undeclared variables {', '.join(sorted(used - declared))}")
        if declared - used:
            problems.append(f"{where}: meta.json declares variables the template never uses: "
                            f"{', '.join(sorted(declared - used))}")
        actual = sha256_of(template_file)
        if meta.get("sha256") != actual:
            problems.append(f"{where}: meta.json sha256 does not match prompt.txt (it is {actual})")
        if where in merged and merged[where] != actual:
            problems.append(f"{where}: prompt.txt changed after it was merged; released versions are "
                            f"immutable, so write a new version instead")
    for channel in ("stable", "canary"):
        version = channels.get(channel)
        if version is None and channel == "canary":
            continue
        if version not in found:
            problems.append(f"channel {channel} points at {version!r}, which does not exist")
    if channels.get("canary") is not None:
        if channels.get("canary") == channels.get("stable"):
            problems.append("the canary and the stable channel point at the same version")
        weight = channels.get("canaryWeight")
        if not isinstance(weight, (int, float)) or not 0 < weight <= 0.5:
            problems.append(f"canaryWeight must be above 0 and at most 0.5, not {weight!r}")
    return problems


def version_info(root: pathlib.Path = REGISTRY) -> Dict[str, Any]:
    """What GET /version would answer: the active versions, their content hashes and models."""
    channels = read_json(root / "channels.json")
    info: Dict[str, Any] = {"prompt": channels["prompt"], "canaryWeight": channels.get("canaryWeight")}
    for channel in ("stable", "canary"):
        version = channels.get(channel)
        if version is None:
            info[channel] = None
            continue
        folder = root / "prompts" / channels["prompt"] / version
        meta = read_json(folder / "meta.json")
        info[channel] = {"version": version, "sha256": sha256_of(folder / "prompt.txt"), "model": meta["model"]}
    return info


def lock(root: pathlib.Path = REGISTRY) -> List[str]:
    """Add the hash of every version not yet in merged.json; returns the versions it added."""
    path = root / "merged.json"
    merged = read_json(path) if path.exists() else {}
    channels = read_json(root / "channels.json")
    added = []
    for name, folder in versions(root, channels["prompt"]).items():
        key = f"{channels['prompt']}/{name}"
        if key not in merged and (folder / "prompt.txt").is_file():
            merged[key] = sha256_of(folder / "prompt.txt")
            added.append(key)
    path.write_text(json.dumps(merged, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return added


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = argv[0] if argv else ""
    if command == "validate":
        problems = validate()
        for problem in problems:
            print(f"problem: {problem}")
        if problems:
            return 1
        info = version_info()
        canary = info["canary"]
        print(f"registry OK: {info['prompt']} stable {info['stable']['version']} "
              f"(sha256 {info['stable']['sha256'][:12]})"
              + (f", canary {canary['version']} (sha256 {canary['sha256'][:12]}) at weight {info['canaryWeight']}"
                 if canary else ", no canary"))
        return 0
    if command == "version":
        print(json.dumps(version_info(), indent=2))
        return 0
    if command == "lock":
        added = lock()
        print("locked: " + (", ".join(added) if added else "nothing new"))
        return 0
    if command == "hash" and len(argv) == 2:
        print(sha256_of(pathlib.Path(argv[1])))
        return 0
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
