"""The actions progress chart: its legend keeps clear of the axes however many elements it shows."""
from __future__ import annotations

import pandas as pd
import pytest

from charts.actions import progress_figure
from data_access import taxonomy


def progress(elements: int) -> pd.DataFrame:
    codes = taxonomy.ELEMENT_CODES[:elements]
    return pd.DataFrame([{"series": series, "element_code": code, "state": state, "actions": 2}
                         for series in ("Series 1", "Series 2") for code in codes for state in ("done", "overdue")])


@pytest.mark.parametrize("elements", [1, 7])
def test_the_legend_sits_65_pixels_below_the_plot_inside_the_bottom_margin(elements):
    fig = progress_figure(progress(elements))
    plot_height = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert plot_height == 20 + 34 * elements
    assert round(-fig.layout.legend.y * plot_height) == 65
    assert fig.layout.margin.b == 110 and fig.layout.legend.yanchor == "top"
    assert [t.name for t in fig.data if t.showlegend is not False][:2] == ["Done", "Open, overdue"]
