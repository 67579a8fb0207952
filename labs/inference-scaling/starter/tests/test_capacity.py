"""capacity.py: Little's law, the per-pod target and the replica count."""
import math

import pytest

import capacity
from capacity import Capacity


def test_littles_law():
    assert capacity.in_flight(3.0, 6.0) == pytest.approx(18.0)
    assert capacity.in_flight(0.0, 6.0) == 0.0
    assert capacity.in_flight(40.0, 0.25) == pytest.approx(10.0)


def test_the_hpa_target_leaves_headroom():
    assert capacity.hpa_target(Capacity(3.0, 6.0, 4, 0.7)) == pytest.approx(2.8)
    assert capacity.hpa_target(Capacity(3.0, 6.0, 8, 1.0)) == pytest.approx(8.0)


@pytest.mark.parametrize("inputs, replicas", [
    (Capacity(3.0, 6.0, 4, 0.7), 7),     # 18 in flight / 2.8 per replica = 6.4 -> 7
    (Capacity(2.8, 1.0, 4, 0.7), 1),     # exactly one replica's target: no extra replica
    (Capacity(5.6, 1.0, 4, 0.7), 2),     # exactly two
    (Capacity(0.0, 6.0, 4, 0.7), 1),     # idle: keep one warm
    (Capacity(10.0, 12.0, 16, 0.8), 10),  # 120 in flight / 12.8 = 9.4 -> 10
])
def test_replicas_needed(inputs, replicas):
    assert capacity.replicas_needed(inputs) == replicas


@pytest.mark.parametrize("bad", [
    Capacity(3.0, 0.0, 4, 0.7), Capacity(-1.0, 6.0, 4, 0.7), Capacity(3.0, 6.0, 0, 0.7),
    Capacity(3.0, 6.0, 4, 0.0), Capacity(3.0, 6.0, 4, 1.2),
])
def test_inputs_that_make_no_sense_are_refused(bad):
    with pytest.raises(ValueError):
        capacity.replicas_needed(bad)


def test_the_replicas_carry_the_peak_and_the_ceiling_is_above_it():
    c = capacity.INPUTS
    n = capacity.replicas_needed(c)
    assert n * capacity.hpa_target(c) >= capacity.in_flight(c.peak_requests_per_second, c.mean_request_seconds)
    assert capacity.max_throughput(c, n) >= c.peak_requests_per_second
    assert capacity.max_throughput(Capacity(3.0, 6.0, 4, 0.7), 7) == pytest.approx(7 * 4 / 6.0)
    assert not math.isnan(capacity.max_throughput(c, 1))
