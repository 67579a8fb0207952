"""registry.validate on small registries built in a temporary folder."""
import hashlib
import json

import pytest

import registry

TEMPLATE = "Runbook: {{runbook}}\nQuestion: {{question}}\n"


def write_version(root, folder_name, template=TEMPLATE, **meta_changes):
    folder = root / "prompts" / "runbook-answer" / folder_name
    folder.mkdir(parents=True)
    (folder / "prompt.txt").write_text(template)
    meta = {"version": folder_name, "owner": "platform-team", "model": "qwen2.5:0.5b", "parameters": {"temperature": 0},
            "variables": ["question", "runbook"], "created": "2025-06-10",
            "sha256": hashlib.sha256(template.encode()).hexdigest()}
    meta.update(meta_changes)
    (folder / "meta.json").write_text(json.dumps({k: v for k, v in meta.items() if v is not None}))
    return folder


@pytest.fixture
def root(tmp_path):
    write_version(tmp_path, "v1")
    write_version(tmp_path, "v2", template=TEMPLATE + "Answer briefly.\n")
    (tmp_path / "channels.json").write_text(json.dumps(
        {"prompt": "runbook-answer", "stable": "v1", "canary": "v2", "canaryWeight": 0.1}))
    v1 = hashlib.sha256(TEMPLATE.encode()).hexdigest()
    (tmp_path / "merged.json").write_text(json.dumps({"runbook-answer/v1": v1}))
    return tmp_path


def problems(root):
    return " | ".join(registry.validate(root))


def test_a_consistent_registry_has_no_problems(root):
    assert registry.validate(root) == []


def test_an_undeclared_template_variable_is_reported(root):
    write_version(root, "v3", template=TEMPLATE + "Service: {{service}}\n")
    assert "undeclared" in problems(root) and "service" in problems(root)


def test_a_declared_variable_the_template_never_uses_is_reported(root):
    write_version(root, "v3", variables=["question", "runbook", "tone"])
    assert "tone" in problems(root)


def test_unknown_and_missing_meta_keys_are_reported(root):
    write_version(root, "v3", colour="blue", owner=None)
    found = problems(root)
    assert "colour" in found and "owner" in found


def test_a_meta_version_that_differs_from_its_folder_is_reported(root):
    write_version(root, "v3", version="v4")
    assert "v4" in problems(root)


def test_a_hash_that_does_not_match_the_template_is_reported(root):
    write_version(root, "v3", sha256="0" * 64)
    assert "sha256" in problems(root)


def test_editing_a_merged_version_is_reported(root):
    template = root / "prompts" / "runbook-answer" / "v1" / "prompt.txt"
    template.write_text(TEMPLATE + "Sneaky edit.\n")
    meta_file = template.parent / "meta.json"
    meta = json.loads(meta_file.read_text())
    meta["sha256"] = hashlib.sha256(template.read_bytes()).hexdigest()  # even with a matching hash
    meta_file.write_text(json.dumps(meta))
    assert "merged" in problems(root)


def test_a_channel_pointing_at_a_missing_version_is_reported(root):
    (root / "channels.json").write_text(json.dumps(
        {"prompt": "runbook-answer", "stable": "v1", "canary": "v9", "canaryWeight": 0.1}))
    assert "v9" in problems(root)


@pytest.mark.parametrize("weight", [0, 0.75, "ten percent"])
def test_a_canary_weight_outside_the_range_is_reported(root, weight):
    (root / "channels.json").write_text(json.dumps(
        {"prompt": "runbook-answer", "stable": "v1", "canary": "v2", "canaryWeight": weight}))
    assert "canaryWeight" in problems(root)


def test_version_info_reports_the_active_hashes(root):
    info = registry.version_info(root)
    assert info["stable"]["version"] == "v1" and info["canary"]["version"] == "v2"
    assert info["stable"]["sha256"] == hashlib.sha256(TEMPLATE.encode()).hexdigest()
