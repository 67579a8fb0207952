"""release.py: the set-up check and the release decision, on temporary copies of the workspace."""
import json
import pathlib
import shutil

import pytest

import release

HERE = pathlib.Path(__file__).resolve().parent.parent
REPORTS = HERE / "reports"


@pytest.fixture
def workspace(tmp_path):
    """A copy of the release set-up with a candidate v2 and a gated suite that runs it."""
    (tmp_path / "prompts" / "status-update").mkdir(parents=True)
    (tmp_path / "prompts" / "status-update" / "v1.txt").write_text("old {{notes}}")
    (tmp_path / "prompts" / "status-update" / "v2.txt").write_text("new {{notes}}")
    (tmp_path / "promptfooconfig.yaml").write_text(
        "prompts:\n  - file://prompts/status-update/v2.txt\n"
        "# - file://prompts/status-update/v1.txt  (a comment does not count)\n"
        "tests: file://evals/status-update-tests.yaml\n"
        "gate:\n  baseline: last-passed\n  maxDrop: 0.02   # two points\n  alpha: 0.05\n")
    (tmp_path / "release.json").write_text(json.dumps(
        {"prompt": "status-update", "stable": "v1", "candidate": "v2", "history": "release-history.jsonl"}))
    return tmp_path


def report(name):
    return json.loads((REPORTS / name).read_text())


def config(**changes):
    return dict({"prompt": "status-update", "stable": "v1", "candidate": "v2"}, **changes)


# ---- check (given) ----

def test_a_complete_setup_passes_the_check(workspace):
    assert release.check(workspace) == []


def test_the_check_wants_a_gate_and_the_candidate_in_the_suite(workspace):
    (workspace / "promptfooconfig.yaml").write_text("prompts:\n  - file://prompts/status-update/v1.txt\n")
    problems = " ".join(release.check(workspace))
    assert "gate" in problems and "candidate v2" in problems


# ---- decide (yours) ----

def test_a_finished_passing_run_of_the_candidate_is_released():
    assert release.decide(config(), report("v2-passed.json")) == (True, [])


def test_a_gate_block_blocks_the_release_and_says_why():
    ok, reasons = release.decide(config(), report("v2-blocked.json"))
    assert not ok
    assert any("30.0 points" in reason for reason in reasons)


def test_a_pass_rate_under_the_floor_blocks_the_release():
    ok, reasons = release.decide(config(), report("v2-low.json"), min_pass_rate=0.7)
    assert not ok
    assert any("0.50" in reason for reason in reasons)


def test_a_run_of_another_version_proves_nothing():
    ok, reasons = release.decide(config(candidate="v3"), report("v2-passed.json"))
    assert not ok
    assert any("v3" in reason for reason in reasons)


def test_an_unfinished_run_blocks_the_release():
    unfinished = dict(report("v2-passed.json"), state="running")
    assert release.decide(config(), unfinished)[0] is False


def test_many_errors_block_the_release():
    flaky = dict(report("v2-passed.json"), errors=3)
    assert release.decide(config(), flaky)[0] is False


# ---- the command ----

def test_a_dry_run_changes_nothing(workspace):
    shutil.copy(REPORTS / "v2-passed.json", workspace / "r.json")
    assert release.main(["decide", str(workspace / "r.json"), "--dry-run"], root=workspace) == 0
    assert json.loads((workspace / "release.json").read_text())["stable"] == "v1"
    assert not (workspace / "release-history.jsonl").exists()


def test_a_release_moves_stable_and_records_the_scores(workspace):
    shutil.copy(REPORTS / "v2-passed.json", workspace / "r.json")
    assert release.main(["decide", str(workspace / "r.json")], root=workspace) == 0
    released = json.loads((workspace / "release.json").read_text())
    assert (released["stable"], released["candidate"]) == ("v2", None)
    entry = json.loads((workspace / "release-history.jsonl").read_text().splitlines()[-1])
    assert (entry["version"], entry["decision"], entry["passRate"]) == ("v2", "promoted", 0.9)


def test_a_blocked_release_is_recorded_and_stable_stays(workspace):
    shutil.copy(REPORTS / "v2-blocked.json", workspace / "r.json")
    assert release.main(["decide", str(workspace / "r.json")], root=workspace) == 1
    assert json.loads((workspace / "release.json").read_text())["stable"] == "v1"
    entry = json.loads((workspace / "release-history.jsonl").read_text().splitlines()[-1])
    assert entry["decision"] == "blocked" and entry["reasons"]
