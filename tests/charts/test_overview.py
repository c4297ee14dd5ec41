"""Chart builders are pure: frames in, figures out, checked on their data and labels."""
from __future__ import annotations

import math
from datetime import datetime

import pandas as pd

from charts.overview import heatmap_figure, trend_figure, trend_summary, wrapped_label
from charts.palette import CATEGORICAL, NHS_BLUE
from domain import taxonomy


def scores() -> pd.DataFrame:
    rows = []
    for code, base in (("PP4", 5.5), ("ENG", 6.5)):
        for year in range(2021, 2026):
            missing = code == "PP4" and year == 2023
            rows.append({"metric_code": code, "survey_year": year,
                         "score": math.nan if missing else base + 0.1 * (year - 2021), "responses": 2000,
                         "best": math.nan if missing else base + 1,
                         "average": math.nan if missing else base + 0.3, "worst": math.nan if missing else base - 0.5})
    return pd.DataFrame(rows)


def sessions() -> pd.DataFrame:
    return pd.DataFrame({"session_id": [1, 2, 3], "series": ["Series 1", "Series 2", "Series 3"],
                         "title": ["A", "B", "C"], "element_code": ["PP4", "PP4", "PP4"],
                         "starts_at": pd.to_datetime(["2022-02-28", "2023-05-25", "2027-01-21"]),
                         "status": ["held", "held", "planned"], "attendance": [90, 30, 0]})


def test_trend_figure_draws_each_score_with_its_sessions_and_keeps_gaps():
    fig = trend_figure(scores(), sessions(), ("PP4", "ENG"))
    assert [a.text for a in fig.layout.annotations] == ["Safe and healthy", "Staff engagement"]
    ours = [t for t in fig.data if t.name == "Our trust"]
    assert len(ours) == 2 and ours[0].line.color == NHS_BLUE
    assert math.isnan(ours[0].y[2])  # 2023 not reported: a gap, never 0
    markers = [t for t in fig.data if t.name == "Big Conversation session"]
    assert len(markers) == 1  # ENG has no sessions
    sizes = list(markers[0].marker.size)
    assert sizes[0] > sizes[1] > sizes[2]  # sized by attendance
    assert list(markers[0].marker.symbol) == ["diamond", "diamond", "diamond-open"]
    assert sum(1 for t in fig.data if t.showlegend) == 4  # one legend entry per kind, not per panel


def test_the_band_is_drawn_on_both_sides_of_a_year_without_a_benchmark():
    fig = trend_figure(scores(), sessions(), ("PP4", "ENG"))
    bands = [t for t in fig.data if t.name == "Group best to worst"]
    pp4 = [t for t in bands if t.xaxis == "x"]
    # PP4 has no 2023 figures: 2021-2022 and 2024-2025 are drawn as two closed shapes, none across the gap.
    assert [[pd.Timestamp(x).year for x in t.x] for t in pp4] == [[2021, 2022, 2022, 2021], [2024, 2025, 2025, 2024]]
    assert [list(t.y) for t in pp4] == [[6.5, 6.5, 5.0, 5.0], [6.5, 6.5, 5.0, 5.0]]
    assert all(t.fill == "toself" and not any(pd.isna(y) for y in t.y) for t in bands)
    assert [len(t.x) for t in bands if t.xaxis == "x2"] == [10]  # ENG: one stretch of five years
    assert sum(1 for t in bands if t.showlegend) == 1


def test_each_score_has_its_own_panel_under_its_title_and_its_range_from_the_data():
    first = trend_figure(scores(), sessions(), ("PP4", "ENG"))
    assert {(t.name, t.xaxis, t.yaxis) for t in first.data if t.name == "Our trust"} == {
        ("Our trust", "x", "y"), ("Our trust", "x2", "y2")}
    assert all(t.xaxis == "x" for t in first.data if t.name == "Big Conversation session")  # PP4's, first panel
    for title, axis in zip(first.layout.annotations, (first.layout.xaxis, first.layout.xaxis2)):
        assert math.isclose(title.x, sum(axis.domain) / 2)
    assert first.layout.yaxis.range == first.layout.yaxis2.range == (5.0 - 0.6, 7.5 + 0.25)  # worst PP4, best ENG
    higher = scores().assign(**{column: scores()[column] + 1 for column in ("score", "best", "average", "worst")})
    second = trend_figure(higher, sessions(), ("PP4", "ENG"))
    assert second.layout.yaxis.range == (6.0 - 0.6, 8.5 + 0.25)


def test_every_panel_spans_the_same_whole_years_and_has_them_beneath_it_or_below_it():
    three = scores().assign(metric_code=scores()["metric_code"].map({"PP4": "PP1", "ENG": "PP2"}))
    fig = trend_figure(pd.concat([scores(), three]), sessions(), ("PP1", "PP2", "PP4", "PP5"))  # PP5: no data
    axes = [fig.layout.xaxis, fig.layout.xaxis2, fig.layout.xaxis3, fig.layout.xaxis4]
    # From the first survey to the planned session's year, whole: Plotly leaves out a year whose middle is outside.
    assert {tuple(axis.range) for axis in axes} == {(datetime(2021, 1, 1), datetime(2028, 1, 1))}
    assert {axis.type for axis in axes} == {"date"}  # a panel without data shows years too, not 0, 1, 2
    assert [axis.showticklabels is not False for axis in axes] == [False, False, True, True]
    assert [a.text for a in fig.layout.annotations][:3] == ["Compassionate and<br>inclusive",
                                                            "Recognised and<br>rewarded", "Safe and healthy"]
    five = trend_figure(pd.concat([scores(), three]), sessions(), ("PP1", "PP2", "PP4", "ENG", "PP5"))
    # Three panels across: the third column ends after the first row, so its years show there.
    assert [getattr(five.layout, f"xaxis{n}").showticklabels is not False for n in ("", 2, 3, 4, 5)] == [
        False, False, True, True, True]


def test_heatmap_puts_series_down_and_elements_across():
    grid = pd.DataFrame({"series": ["Series 1", "Series 1", "Series 2"], "element_code": ["PP1", "PP4", "PP4"],
                         "sessions": [1, 1, 2], "attendances": [40, 60, 150], "feedback_items": [20, 30, 70]})
    fig = heatmap_figure(grid, "attendances")
    z = fig.data[0].z
    assert list(fig.data[0].y) == ["Series 1", "Series 2"]
    assert len(fig.data[0].x) == 7 and fig.data[0].x[0] == "Compassionate<br>and inclusive"
    assert z[0][0] == 40 and z[0][3] == 60 and z[1][3] == 150 and math.isnan(z[1][0])
    assert fig.layout.title.text == "Attendances by series and People Promise element"


def test_wrapped_labels_and_summary_sentence():
    assert wrapped_label("PP7") == "We are a team"
    assert wrapped_label("PP2") == "Recognised<br>and rewarded"
    assert wrapped_label("PP2", width=15) == "Recognised and<br>rewarded"
    assert max(len(line) for code in taxonomy.ELEMENT_CODES for line in wrapped_label(code).split("<br>")) == 13
    assert trend_summary(scores(), ("PP4", "ENG")) == \
        "In the 2025 survey our trust scored above the group average on 2 of 2 scores shown."
    assert trend_summary(scores().iloc[0:0], ("PP4",)) == "No survey scores are loaded for these elements."


def test_summary_counts_each_scores_newest_published_year_and_only_the_codes_shown():
    frame = scores()
    newest_missing = (frame["survey_year"] == 2025) & (frame["metric_code"] == "PP4")
    # PP4 has no 2025 score: its 2024 score stands for it, and that year it was below the average.
    frame.loc[newest_missing, "score"] = math.nan
    frame.loc[(frame["survey_year"] == 2024) & (frame["metric_code"] == "PP4"), "average"] = 9.0
    assert trend_summary(frame, ("PP4", "ENG")) == \
        "In the 2025 survey our trust scored above the group average on 1 of 2 scores shown."
    assert trend_summary(frame, ("PP4",)) == \
        "In the 2024 survey our trust scored above the group average on 0 of 1 score shown."
    frame.loc[frame["metric_code"] == "ENG", "average"] = math.nan  # no group average: not counted as above
    assert trend_summary(frame, ("ENG",)) == \
        "In the 2025 survey our trust scored above the group average on 0 of 1 score shown."
    assert trend_summary(frame, ("PP1",)) == "No survey scores are loaded for these elements."


def test_palette_is_nhs_and_distinct():
    assert len(set(CATEGORICAL)) == len(CATEGORICAL) and CATEGORICAL[0] == "#003087"
