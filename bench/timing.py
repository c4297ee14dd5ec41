"""Repeated timings summarised as median and 95th percentile, in seconds."""
from __future__ import annotations

import resource
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Timing:
    median: float
    p95: float
    runs: int

    @classmethod
    def of(cls, samples: list[float]) -> Timing:
        return cls(float(np.median(samples)), float(np.percentile(samples, 95)), len(samples))


def seconds(action: Callable[[], object]) -> float:
    """How long one call takes."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def repeated(action: Callable[[], object], repeat: int) -> Timing:
    return Timing.of([seconds(action) for _ in range(repeat)])


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
