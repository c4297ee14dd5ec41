"""The actions progress chart: its legend keeps clear of the axes however many elements it shows."""
from __future__ import annotations

import pandas as pd
import pytest

from charts.actions import progress_figure
from domain import taxonomy


def progress(elements: int) -> pd.DataFrame:
    codes = taxonomy.ELEMENT_CODES[:elements]
    return pd.DataFrame([{"series": series, "element_code": code, "state": state, "actions": 2}
                         for series in ("Series 1", "Series 2") for code in codes for state in ("done", "overdue")])


@pytest.mark.parametrize("elements", [1, 7])
def test_the_legend_sits_35_pixels_below_the_plot_inside_the_bottom_margin(elements):
    fig = progress_figure(progress(elements))
    plot_height = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert plot_height == 20 + 34 * elements
    assert round(-fig.layout.legend.y * plot_height) == 35
    assert fig.layout.margin.b == 80 and fig.layout.legend.yanchor == "top"
    assert {axis.title.text for axis in (fig.layout.xaxis, fig.layout.xaxis2) if axis} <= {None, ""}  # one title says it
    assert [t.name for t in fig.data if t.showlegend is not False][:2] == ["Done", "Open, overdue"]


def test_counts_on_patterned_bars_are_dark_on_a_pale_ground_and_done_stays_solid():
    fig = progress_figure(progress(3))
    by_state = {t.name: t for t in fig.data}
    overdue = by_state["Open, overdue"]
    assert overdue.marker.pattern.shape == "x" and overdue.marker.pattern.fillmode == "replace"
    assert overdue.marker.pattern.bgcolor == "#F0F4F5" and overdue.marker.pattern.fgcolor == "#ED8B00"
    assert overdue.textfont.color == "#231F20"
    assert by_state["Done"].marker.pattern.shape == "" and by_state["Done"].textfont.color is None
