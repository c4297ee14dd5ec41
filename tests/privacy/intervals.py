"""What a published count tells someone comparing views: the range of true counts it could stand for, and what
adding, subtracting and dividing such ranges pins down."""
from __future__ import annotations

import math

from data_access.suppression import possible_counts

Span = tuple[int, int]
EPSILON = 1e-9


def span(published: int) -> Span:
    """The lowest and highest true count a published count could stand for."""
    counts = possible_counts(published)
    return counts[0], counts[-1]


def minus(whole: Span, part: Span) -> Span:
    """What is left of a count when a part is taken away (never below none)."""
    return max(whole[0] - part[1], 0), max(whole[1] - part[0], 0)


def plus(first: Span, second: Span) -> Span:
    return first[0] + second[0], first[1] + second[1]


def meet(first: Span | None, second: Span) -> Span:
    """Both at once: the overlap of two ranges (an empty overlap keeps the second)."""
    if first is None:
        return second
    low, high = max(first[0], second[0]), min(first[1], second[1])
    return (low, high) if low <= high else second


def over(part: Span, share: float) -> Span:
    """The whole a part and its share imply, in whole numbers."""
    return math.ceil(part[0] / share - EPSILON), math.floor(part[1] / share + EPSILON)


def pinned(found: Span | None) -> int | None:
    """The one value a range allows, if it allows one."""
    return found[0] if found is not None and found[0] == found[1] else None
