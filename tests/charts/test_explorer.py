"""Theme explorer charts: frames in, figures and sentences out, checked on their data, marks and labels."""
from __future__ import annotations

import math

import pandas as pd

from charts.explorer import (
    element_spread_figure,
    element_spread_summary,
    representation_figure,
    representation_summary,
    returning_figure,
    returning_summary,
    sub_theme_trend_figure,
    sub_theme_trend_summary,
    top_sub_themes,
)
from charts.palette import NHS_BLUE, NHS_ORANGE
from domain import taxonomy
from domain.vocabulary import HIDDEN


def shares() -> pd.DataFrame:
    """Two series; "rotas" is not raised in Series 1, which is a gap in its line, never 0."""
    rows = [("Series 1", "pay", 12, 100), ("Series 1", "workload", 30, 100),
            ("Series 2", "pay", 20, 80), ("Series 2", "workload", 8, 80), ("Series 2", "rotas", 16, 80)]
    frame = pd.DataFrame(rows, columns=["series", "sub_theme", "items", "series_items"])
    return frame.assign(share=frame["items"] / frame["series_items"])


def test_top_sub_themes_are_those_with_most_items_over_every_series():
    assert top_sub_themes(shares(), 2) == ["workload", "pay"]
    assert top_sub_themes(shares(), 5) == ["workload", "pay", "rotas"]


def test_each_sub_theme_is_a_line_told_apart_by_marker_and_dash_and_missing_series_are_gaps():
    fig = sub_theme_trend_figure(shares(), ["workload", "pay", "rotas"])
    assert [t.name for t in fig.data] == ["workload", "pay", "rotas"]
    assert len({t.marker.symbol for t in fig.data}) == len({t.line.dash for t in fig.data}) == 3
    assert list(fig.data[0].y) == [30.0, 10.0]
    rotas = fig.data[2]
    assert math.isnan(rotas.y[0]) and rotas.y[1] == 20.0


def test_trend_summary_counts_what_moved_in_the_latest_series():
    changes = pd.DataFrame({"series": ["Series 2"] * 4, "sub_theme": ["rotas", "pay", "workload", "parking"],
                            "change_points": [20.0, 8.0, -22.0, 0.5],
                            "status": ["new", "growing", "fading", "steady"]})
    assert sub_theme_trend_summary(changes) == (
        "In Series 2, 1 sub-theme was raised for the first time, 1 grew and 1 faded or went against the series "
        "before (a change of 2 percentage points or more). Growing most: pay.")
    two_new = changes.assign(status=["new", "new", "growing", "steady"])
    assert sub_theme_trend_summary(two_new).startswith(
        "In Series 2, 2 sub-themes were raised for the first time, 1 grew")
    none_new = changes.assign(status=["growing", "growing", "fading", "steady"])
    assert sub_theme_trend_summary(none_new).startswith(
        "In Series 2, no sub-theme was raised for the first time, 2 grew and 1 faded")
    assert sub_theme_trend_summary(changes.iloc[0:0]).startswith("Only one series is in view")


def spread(sub_themes: int = 3) -> pd.DataFrame:
    codes = list(taxonomy.ELEMENT_CODES)
    counts = pd.DataFrame([[n + column for column in range(len(codes))] for n in range(sub_themes)],
                          index=[f"sub-theme {n}" for n in range(sub_themes)], columns=codes).astype("Int64")
    counts.iloc[1, 2] = pd.NA  # suppressed: too few people
    return counts


def test_element_spread_labels_fit_their_columns_and_hidden_cells_say_so():
    fig = element_spread_figure(spread(20))
    heatmap = fig.data[0]
    assert len(heatmap.y) == 15  # the sub-themes raised under most elements, as the caption says
    lines = [line for label in heatmap.x for line in label.split("<br>")]
    assert max(len(line) for line in lines) == len("Compassionate")  # no line longer than one long word
    assert heatmap.x[0] == "Compassionate<br>and inclusive"
    assert heatmap.text[1][2] == "hidden" and math.isnan(heatmap.z[1][2])
    assert heatmap.text[0][0] == "0"


def test_element_spread_puts_the_colour_scale_under_the_chart_and_the_names_in_their_own_room():
    fig = element_spread_figure(spread())
    bar = fig.data[0].colorbar
    assert (bar.orientation, bar.yref, bar.y, bar.yanchor) == ("h", "container", 0, "bottom")
    assert fig.layout.yaxis.automargin is True and fig.layout.xaxis.side == "top"
    taller = element_spread_figure(spread(20))
    rows = (len(taller.data[0].y) - len(fig.data[0].y))
    assert taller.layout.height > fig.layout.height and (taller.layout.height - fig.layout.height) / rows >= 20


def test_element_spread_summary_names_the_widest_sub_theme():
    counts = pd.DataFrame({"PP1": [5, 0], "PP2": [3, 0], "PP3": [1, 4]}, index=["rotas", "pay"])
    assert element_spread_summary(counts) == ("'rotas' is raised under 3 of the 3 elements shown; "
                                              "1 sub-theme comes up under three or more elements.")
    both = pd.DataFrame({"PP1": [5, 2], "PP2": [3, 1], "PP3": [1, 4]}, index=["rotas", "pay"])
    assert element_spread_summary(both).endswith("; 2 sub-themes come up under three or more elements.")
    assert element_spread_summary(counts.iloc[0:0]) == "No feedback matches these filters."


def representation() -> pd.DataFrame:
    return pd.DataFrame({"group": ["Nursing", "Medical", "Estates", "Students", "Agency"],
                         "workforce_share": [40.0, 20.0, 10.0, 5.0, None],
                         "ratio": pd.array([1.2, 0.5, None, 0.79, None], dtype="Float64")})


def test_under_reached_groups_are_striped_orange_and_a_hidden_ratio_is_not_marked():
    fig = representation_figure(representation(), "Staff group")
    bars = fig.data[0]
    assert list(bars.y) == ["Students", "Estates", "Medical", "Nursing"]  # no workforce figure: not drawn
    assert list(bars.marker.color) == [NHS_ORANGE, NHS_BLUE, NHS_ORANGE, NHS_BLUE]
    assert list(bars.marker.pattern.shape) == ["/", "", "/", ""]
    assert list(bars.text) == ["0.79", HIDDEN, "0.50", "1.20"]
    assert fig.layout.title.text == "Reach against the workforce by staff group"


def test_representation_summary_names_the_under_reached():
    assert representation_summary(representation(), "Staff group") == (
        "Under-reached (ratio below 0.8, striped orange bars): Medical, Students. "
        "Hidden groups had too few people to show.")
    in_proportion = representation().assign(ratio=pd.array([1.0] * 5, dtype="Float64"))
    assert representation_summary(in_proportion, "Band") == (
        "No band is reached at under 0.8 of its share of the workforce.")
    no_workforce = representation().assign(workforce_share=None)
    assert representation_summary(no_workforce, "Division") == (
        "There are no workforce figures by division to compare with.")


def returning() -> pd.DataFrame:
    return pd.DataFrame({"series": ["Series 1", "Series 2"], "first_time": pd.array([40, 9], dtype="Int64"),
                         "returning": pd.array([None, 30], dtype="Int64")})


def test_first_time_and_returning_are_stacked_and_hidden_counts_say_so():
    fig = returning_figure(returning())
    assert [t.name for t in fig.data] == ["First time", "Returning"] and fig.layout.barmode == "stack"
    assert list(fig.data[1].text) == ["hidden", "30"] and list(fig.data[1].y) == [0.0, 30.0]


def test_returning_summary_reads_the_latest_series():
    assert returning_summary(returning()) == (
        "In Series 2, 9 of 39 people (23%) came to a Big Conversation for the first time.")
    assert returning_summary(returning().iloc[:1]) == "Series 1: numbers hidden because they are too small to show."
    assert returning_summary(returning().iloc[0:0]) == "No held sessions match these filters."
