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


def plot_height(fig) -> float:
    return fig.layout.height - fig.layout.margin.t - fig.layout.margin.b


def test_each_element_gets_the_same_room_however_many_there_are():
    one, seven = (progress_figure(progress(n)) for n in (1, 7))
    per_element = (plot_height(seven) - plot_height(one)) / 6
    assert per_element > 20 and plot_height(one) >= per_element  # a bar a row, readable


@pytest.mark.parametrize("elements", [1, 7])
def test_the_legend_sits_below_the_plot_inside_the_figure(elements):
    fig = progress_figure(progress(elements))
    gap = -fig.layout.legend.y * plot_height(fig)  # from the plot's foot to the legend's top, in pixels
    assert fig.layout.legend.yanchor == "top" and 0 < gap < fig.layout.margin.b  # clear of the axis, not cut off
    # One title says it.
    assert {axis.title.text for axis in (fig.layout.xaxis, fig.layout.xaxis2) if axis} <= {None, ""}
    assert [t.name for t in fig.data if t.showlegend is not False][:2] == ["Done", "Open, overdue"]


def test_counts_on_patterned_bars_are_dark_on_a_pale_ground_and_done_stays_solid():
    fig = progress_figure(progress(3))
    by_state = {t.name: t for t in fig.data}
    overdue = by_state["Open, overdue"]
    assert overdue.marker.pattern.shape == "x" and overdue.marker.pattern.fillmode == "replace"
    assert overdue.marker.pattern.bgcolor == "#F0F4F5" and overdue.marker.pattern.fgcolor == "#ED8B00"
    assert overdue.textfont.color == "#231F20"
    assert by_state["Done"].marker.pattern.shape == "" and by_state["Done"].textfont.color is None
