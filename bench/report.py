"""Timing helpers and the table every benchmark prints.

Machines here are noisy: each figure is printed next to a baseline measured in the same run,
and targets are stated as ratios or as limits checked against those same-run numbers.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


@dataclass
class Row:
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    ok: bool | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline


def fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.2f} ms"
    if unit == "ops/s":
        return f"{value:,.0f} ops/s"
    if unit == "MB/s":
        return f"{value:.1f} MB/s"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value:g} {unit}"


def print_table(title: str, rows: list[Row]) -> None:
    print(f"\n## {title}\n")
    header = ["figure", "value", "baseline (same run)", "ratio", "target", "met"]
    lines = []
    for r in rows:
        base = f"{fmt(r.baseline, r.unit)} {r.baseline_name}".strip() if r.baseline is not None else "-"
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
        met = "-" if r.ok is None else ("yes" if r.ok else "NO")
        lines.append([r.name, fmt(r.value, r.unit), base, ratio, r.target or "-", met])
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for line in lines:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |")


def median(samples: list[float]) -> float:
    return statistics.median(samples)
