"""A tiny Prometheus registry: counters and histograms rendered in the text exposition format.

prometheus_client does the same and more; this file has no dependency and shows what the format is.
Labels must have few values (route, model, outcome): never put a question or a user id in a label.
"""
import threading
from typing import Dict, Iterable, List, Sequence, Tuple

LabelValues = Tuple[str, ...]


def _labels(names: Sequence[str], values: LabelValues, extra: str = "") -> str:
    pairs = [f'{n}="{v}"' for n, v in zip(names, values)]
    if extra:
        pairs.append(extra)
    return "{" + ",".join(pairs) + "}" if pairs else ""


def _number(value: float) -> str:
    return repr(float(value)) if value != int(value) else f"{int(value)}"


class Counter:
    def __init__(self, name: str, help_text: str, labelnames: Sequence[str] = ()):
        self.name, self.help, self.labelnames = name, help_text, tuple(labelnames)
        self.values: Dict[LabelValues, float] = {}
        self.lock = threading.Lock()

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        if amount < 0:
            raise ValueError("a counter only goes up")
        key = tuple(str(labels[n]) for n in self.labelnames)
        with self.lock:
            self.values[key] = self.values.get(key, 0.0) + amount

    def render(self) -> List[str]:
        lines = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} counter"]
        with self.lock:
            for key, value in sorted(self.values.items()):
                lines.append(f"{self.name}{_labels(self.labelnames, key)} {_number(value)}")
        return lines


class Histogram:
    def __init__(self, name: str, help_text: str, buckets: Iterable[float], labelnames: Sequence[str] = ()):
        self.name, self.help, self.labelnames = name, help_text, tuple(labelnames)
        self.buckets = sorted(buckets)
        self.series: Dict[LabelValues, List[float]] = {}   # bucket counts..., sum, count
        self.lock = threading.Lock()

    def observe(self, value: float, **labels: str) -> None:
        key = tuple(str(labels[n]) for n in self.labelnames)
        with self.lock:
            series = self.series.setdefault(key, [0.0] * (len(self.buckets) + 2))
            for i, bound in enumerate(self.buckets):
                if value <= bound:
                    series[i] += 1
            series[-2] += value
            series[-1] += 1

    def render(self) -> List[str]:
        lines = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} histogram"]
        with self.lock:
            for key, series in sorted(self.series.items()):
                for bound, count in zip(self.buckets, series):
                    le = 'le="' + _number(bound) + '"'
                    lines.append(f"{self.name}_bucket{_labels(self.labelnames, key, le)} {_number(count)}")
                inf = 'le="+Inf"'
                lines.append(f"{self.name}_bucket{_labels(self.labelnames, key, inf)} {_number(series[-1])}")
                lines.append(f"{self.name}_sum{_labels(self.labelnames, key)} {_number(series[-2])}")
                lines.append(f"{self.name}_count{_labels(self.labelnames, key)} {_number(series[-1])}")
        return lines


class Registry:
    def __init__(self):
        self.metrics: List[object] = []

    def add(self, metric):
        self.metrics.append(metric)
        return metric

    def render(self) -> str:
        lines: List[str] = []
        for metric in self.metrics:
            lines += metric.render()
        return "\n".join(lines) + "\n"


CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
