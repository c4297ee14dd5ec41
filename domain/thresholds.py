"""The thresholds behind the words the app uses about movement and reach, each compared on exact values."""
from __future__ import annotations

# A sub-theme is growing or fading when its share of a series' items moves by this many percentage points or more.
MOVEMENT_POINTS = 2.0
# Counts of people (or their feedback) by a demographic are published rounded to a multiple of this.
ROUNDING_BASE = 5
# A group is under-reached when its share of attendees is below this fraction of its share of the workforce.
UNDER_REACHED = 0.8
