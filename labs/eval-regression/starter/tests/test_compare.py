"""compare.py: pairing, the paired bootstrap, the verdicts, and the command on the sample runs."""
import pathlib
import random

import pytest

import compare

RESULTS = pathlib.Path(__file__).resolve().parent.parent / "results"


def runs(base_passes, cand_passes):
    base = {f"k{i}": {"pass_rate": float(p), "mean_score": float(p)} for i, p in enumerate(base_passes)}
    cand = {f"k{i}": {"pass_rate": float(p), "mean_score": float(p)} for i, p in enumerate(cand_passes)}
    return base, cand


def test_pairing_keeps_shared_keys_and_counts_the_rest():
    base = {"a": {}, "b": {}, "c": {}}
    cand = {"b": {}, "c": {}, "d": {}, "e": {}}
    assert compare.pair(base, cand) == (["b", "c"], 3)


def test_runs_without_a_shared_item_are_bad_input():
    with pytest.raises(compare.BadInput):
        compare.pair({"a": {}}, {"b": {}})


def test_identical_runs_give_a_zero_interval():
    assert compare.paired_bootstrap([0.0] * 40) == (0.0, 0.0)


def test_the_bootstrap_is_reproducible_and_brackets_the_mean():
    rng = random.Random(1)
    diffs = [rng.choice([-1.0, 0.0, 0.0, 1.0]) for _ in range(80)]
    first = compare.paired_bootstrap(diffs, resamples=1000, seed=3)
    assert first == compare.paired_bootstrap(diffs, resamples=1000, seed=3)
    mean = sum(diffs) / len(diffs)
    assert first[0] <= mean <= first[1]
    assert first[0] < first[1]


def test_an_empty_list_cannot_be_resampled():
    with pytest.raises(ValueError):
        compare.paired_bootstrap([])


@pytest.mark.parametrize("diff, low, high, expected", [
    (-0.10, -0.15, -0.05, "REGRESSION"),   # big drop, interval below zero
    (-0.05, -0.10, 0.01, "WARNING"),       # big drop, but it could be noise
    (-0.01, -0.03, -0.001, "OK"),          # real but smaller than the tolerated drop
    (0.04, 0.01, 0.07, "OK"),              # an improvement
])
def test_verdicts(diff, low, high, expected):
    assert compare.verdict(diff, low, high, max_drop=0.02) == expected


def test_a_known_regression_on_synthetic_data_is_caught():
    base, cand = runs([1] * 80 + [0] * 20, [1] * 62 + [0] * 38)   # 18 items flip from pass to fail
    results, paired, unmatched = compare.compare(base, cand)
    assert (paired, unmatched) == (100, 0)
    by_metric = {r.metric: r for r in results}
    assert by_metric["pass_rate"].verdict == "REGRESSION"
    assert by_metric["pass_rate"].diff == pytest.approx(-0.18)


def test_flips_that_cancel_out_are_not_a_regression():
    base, cand = runs([1, 0] * 30, [0, 1] * 30)
    results, _, _ = compare.compare(base, cand)
    assert all(r.verdict == "OK" for r in results)


@pytest.mark.parametrize("candidate, code", [("candidate-steady.json", 0), ("candidate-regressed.json", 1),
                                             ("candidate-noisy.json", 0)])
def test_the_command_exit_codes_on_the_sample_runs(candidate, code):
    assert compare.main([str(RESULTS / "baseline.json"), str(RESULTS / candidate)]) == code


def test_a_missing_file_is_exit_code_2():
    assert compare.main([str(RESULTS / "baseline.json"), str(RESULTS / "nope.json")]) == 2
