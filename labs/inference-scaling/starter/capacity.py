"""How many model-server replicas the peak needs, from Little's law.

Little's law: in a stable system, the average number of requests in flight (L) equals the arrival
rate (lambda, requests per second) times the average time a request spends in the system (W,
seconds): L = lambda * W. It holds whatever the distribution of arrivals or latencies.

A replica serves at most `slots_per_replica` sequences at once (vLLM's --max-num-seqs, Ollama's
OLLAMA_NUM_PARALLEL). Running it full makes every request wait in its queue, so plan for a target
utilisation below 1: each replica then carries slots_per_replica * target_utilisation requests in
flight, which is also the per-pod target of the HPA in k8s/hpa.yaml.

Put your own numbers in INPUTS (from the saturation lab of week 31), then write the functions.
check_capacity.py recomputes everything from INPUTS and compares.
"""
import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Capacity:
    peak_requests_per_second: float   # lambda at the busiest minute you plan for
    mean_request_seconds: float       # W: queueing + time to first token + decoding, end to end
    slots_per_replica: int            # sequences one replica decodes at once
    target_utilisation: float         # share of the slots busy at peak, above 0 and at most 1


INPUTS = Capacity(peak_requests_per_second=3.0, mean_request_seconds=6.0, slots_per_replica=4,
                  target_utilisation=0.7)


def validate(c: Capacity) -> None:
    """Raise ValueError with a sentence when an input makes no sense."""
    if c.peak_requests_per_second < 0 or c.mean_request_seconds <= 0:
        raise ValueError("the arrival rate must be 0 or more and the request time above 0 seconds")
    if c.slots_per_replica < 1:
        raise ValueError("a replica needs at least one slot")
    if not 0 < c.target_utilisation <= 1:
        raise ValueError("the target utilisation is a share above 0 and at most 1, such as 0.7")


def in_flight(arrival_rate: float, mean_seconds: float) -> float:
    """TODO(lab, step 2): the average number of requests in flight, by Little's law."""
    raise NotImplementedError("in_flight() is not written yet: see its TODO in capacity.py")


def hpa_target(c: Capacity) -> float:
    """TODO(lab, step 2): requests in flight one replica should carry at the target utilisation
    (the HPA's averageValue)."""
    raise NotImplementedError("hpa_target() is not written yet: see its TODO in capacity.py")


def replicas_needed(c: Capacity) -> int:
    """TODO(lab, step 2): validate(c), then the replicas that keep each one at or under hpa_target(c)
    at peak: in flight divided by the per-replica target, rounded up, and never fewer than 1."""
    raise NotImplementedError("replicas_needed() is not written yet: see its TODO in capacity.py")


def max_throughput(c: Capacity, replicas: int) -> float:
    """TODO(lab, step 2): requests per second that `replicas` replicas finish with every slot busy
    (Little's law turned around: lambda = L / W)."""
    raise NotImplementedError("max_throughput() is not written yet: see its TODO in capacity.py")


if __name__ == "__main__":
    n = replicas_needed(INPUTS)
    print(f"in flight at peak: {in_flight(INPUTS.peak_requests_per_second, INPUTS.mean_request_seconds):.2f}")
    print(f"HPA target per pod: {hpa_target(INPUTS):.2f} requests in flight")
    print(f"replicas at peak: {n} (ceiling {max_throughput(INPUTS, n):.2f} requests/s with every slot busy)")
