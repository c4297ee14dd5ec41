"""Overview charts: survey trends with sessions on the same time axis, and the series × element grid."""
from __future__ import annotations

import copy
import functools
from datetime import datetime

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.palette import NHS_BLUE, NHS_DARK_GREY, NHS_ORANGE, NHS_PALE_GREY, SEQUENTIAL, base_layout
from domain import taxonomy
from domain.vocabulary import SESSION_PLANNED
from formats.british import counted
from formats.markup import plotly_text

# The survey runs each autumn: a year's score is drawn at its fieldwork, not at publication the next March.
FIELDWORK_MONTH, FIELDWORK_DAY = 10, 15
HEATMAP_MEASURES = {"sessions": "Sessions held", "attendances": "Attendances", "feedback_items": "Feedback items"}
# What the trend chart's band and dashed line are, in the captions beneath it (the NHS benchmark reports' convention).
BENCHMARK_KEY = ("Shaded: the benchmarking group's best to worst, the trust included; dashed: its average (the "
                 "median).")


def fieldwork_date(year: int) -> datetime:
    return datetime(int(year), FIELDWORK_MONTH, FIELDWORK_DAY)


def _panel(scores: pd.DataFrame, sessions: pd.DataFrame, axes: dict[str, str], first: bool, y_floor: float,
           max_attendance: int) -> list[dict]:
    """One score's traces, as plain dicts on the given axes (the figure validates them once, together)."""
    x = [fieldwork_date(y) for y in scores["survey_year"]]
    traces = [
        {"x": [*xs, *xs[::-1]], "y": [*best, *worst[::-1]], "fill": "toself", "mode": "lines",
         "fillcolor": NHS_PALE_GREY, "line": {"width": 0}, "name": "Group best to worst", "legendgroup": "band",
         "showlegend": first and n == 0, "hoverinfo": "skip"}
        for n, (xs, best, worst) in enumerate(band_stretches(scores))]
    traces += [
        {"x": x, "y": scores["average"], "mode": "lines", "line": {"color": NHS_DARK_GREY, "dash": "dash"},
         "name": "Group average", "legendgroup": "avg", "showlegend": first,
         "hovertemplate": "%{x|%Y} survey: group average %{y:.2f}<extra></extra>"},
        {"x": x, "y": scores["score"], "mode": "lines+markers", "line": {"color": NHS_BLUE, "width": 3},
         "marker": {"size": 8, "symbol": "circle"}, "name": "Our trust", "legendgroup": "us", "showlegend": first,
         "hovertemplate": "%{x|%Y} survey: our score %{y:.2f}<extra></extra>"}]
    if not sessions.empty:
        size = 8 + 22 * sessions["attendance"] / max(max_attendance, 1)
        planned = sessions["status"] == SESSION_PLANNED
        traces.append({
            "x": sessions["starts_at"], "y": [y_floor] * len(sessions), "mode": "markers",
            "name": "Big Conversation session", "legendgroup": "sessions", "showlegend": first,
            "marker": {"size": size, "symbol": ["diamond-open" if p else "diamond" for p in planned],
                       "color": NHS_ORANGE, "opacity": 0.85, "line": {"color": "#7A4500", "width": 1}},
            "customdata": sessions[["title", "attendance", "status"]].assign(title=sessions["title"].map(plotly_text))
                          .to_numpy(),
            "hovertemplate": "%{x|%d %B %Y}<br>%{customdata[0]}<br>%{customdata[1]} attended (%{customdata[2]})"
                             "<extra></extra>"})
    return [{"type": "scatter", **axes, **trace} for trace in traces]


def band_stretches(scores: pd.DataFrame) -> list[tuple[list[datetime], list[float], list[float]]]:
    """(fieldwork dates, best, worst) of each run of years with a benchmark: one shape across a year without one
    would join its neighbours through the gap, and Plotly then draws none of it."""
    stretches: list[tuple[list[datetime], list[float], list[float]]] = []
    after_gap = True
    for year, best, worst in zip(scores["survey_year"], scores["best"], scores["worst"]):
        if pd.isna(best) or pd.isna(worst):
            after_gap = True
            continue
        if after_gap:
            stretches.append(([], [], []))
            after_gap = False
        dates, bests, worsts = stretches[-1]
        dates.append(fieldwork_date(year))
        bests.append(float(best))
        worsts.append(float(worst))
    return stretches


@functools.lru_cache(maxsize=32)
def _grid_layout(rows: int, columns: int, titles: tuple[str, ...]) -> dict:
    """Plotly's own layout for a grid of panels, as a plain dict; made once a shape (it takes a tenth of a second).
    Without its template, which the figure takes afresh: copying it for every chart cost more than the rest."""
    layout = make_subplots(rows=rows, cols=columns, shared_xaxes=True, subplot_titles=titles,
                           vertical_spacing=0.12 if rows > 1 else 0.05, horizontal_spacing=0.06).layout.to_plotly_json()
    layout.pop("template", None)
    return layout


# Panel titles in lines of at most this many characters: three panels across a 1,024-pixel screen have room for
# "Compassionate and" and no more.
PANEL_TITLE_WIDTH = 18


def _whole_years(years: list[int]) -> list[datetime] | None:
    """The x range from the first year's start to the next one after the last, the same in every panel: each year's
    label sits in the middle of its year, and Plotly leaves out a label whose middle is outside the range."""
    return [datetime(min(years), 1, 1), datetime(max(years) + 1, 1, 1)] if years else None


def _axes(panel: int) -> dict[str, str]:
    """The axes of the grid's nth panel (0-based, row by row), as a trace names them: x and y, then x2 and y2..."""
    suffix = str(panel + 1) if panel else ""
    return {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}


def trend_figure(scores: pd.DataFrame, sessions: pd.DataFrame, codes: tuple[str, ...]) -> go.Figure:
    """Small multiples, one per score: our trust against the group's average and best-worst band, with that
    element's sessions as diamonds along the bottom (size = attendance; hollow = planned).

    Built as plain dicts and validated once: adding traces to a grid one at a time took a quarter of a second."""
    columns = 3 if len(codes) > 4 else max(1, min(len(codes), 2))
    rows = -(-len(codes) // columns)
    # A copy: pages are drawn in threads, and the axes below are set for this data only.
    layout = copy.deepcopy(_grid_layout(rows, columns, tuple(wrapped_label(c, PANEL_TITLE_WIDTH) for c in codes)))
    values = scores[["score", "best", "worst", "average"]].stack()
    low = float(values.min()) if not values.empty else 5.0
    high = float(values.max()) if not values.empty else 8.0
    y_floor = low - 0.35
    max_attendance = int(sessions["attendance"].max()) if not sessions.empty else 1
    years = _whole_years([*scores["survey_year"], *pd.to_datetime(sessions["starts_at"]).dt.year])
    traces = [trace for n, code in enumerate(codes)
              for trace in _panel(scores[scores["metric_code"] == code], sessions[sessions["element_code"] == code],
                                  _axes(n), n == 0, y_floor, max_attendance)]
    for name, axis in layout.items():
        if name.startswith("yaxis"):
            axis.update(range=[y_floor - 0.25, high + 0.25], gridcolor=NHS_PALE_GREY, tickformat=".1f")
        elif name.startswith("xaxis"):
            # A date axis, said outright: a panel without data would otherwise count 0, 1, 2 beneath the others.
            axis.update(type="date", showgrid=False, tickformat="%Y", dtick="M12", ticklabelmode="period",
                        tickfont={"size": 11}, range=years)
    for n in range(max(0, len(codes) - columns), len(codes)):  # each column's last panel has the years beneath it
        layout[_axes(n)["xaxis"].replace("x", "xaxis")]["showticklabels"] = True
    layout.update(base_layout("Staff Survey scores (0 to 10) and sessions, by year", 260 * rows + 165),
                  # Far enough below the panels for years turned upright on a narrow screen (1,024 pixels).
                  legend={"orientation": "h", "y": -0.07 if rows > 1 else -0.3, "x": 0, "yanchor": "top"})
    layout["margin"]["t"] = 95  # room for a panel title of two lines under the chart's own
    return go.Figure(data=traces, layout=layout)


def wrapped_label(code: str, width: int = 13) -> str:
    """An element's short name broken into lines of at most `width` characters, so that neighbouring axis labels
    never overlap: seven columns on a laptop's screen (1,200 pixels) have room for "Compassionate", the longest word,
    and no more."""
    lines: list[str] = []
    for word in taxonomy.element_label(code).split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "<br>".join(lines)


def heatmap_figure(grid: pd.DataFrame, measure: str) -> go.Figure:
    """Series down, People Promise elements across, shaded and labelled by the chosen measure."""
    codes = list(taxonomy.ELEMENT_CODES)
    table = grid.pivot(index="series", columns="element_code", values=measure).reindex(columns=codes)
    table = table.reindex(pd.unique(grid["series"]))
    labels = [wrapped_label(c) for c in codes]
    fig = px.imshow(table.to_numpy(dtype=float), x=labels, y=[plotly_text(name) for name in table.index],
                    text_auto=".0f", aspect="auto",
                    color_continuous_scale=[list(stop) for stop in SEQUENTIAL],
                    labels={"color": HEATMAP_MEASURES[measure]})
    fig.update_traces(hovertemplate="%{y}, %{x}: %{z:.0f}<extra></extra>", xgap=2, ygap=2)
    fig.update_layout(**base_layout(f"{HEATMAP_MEASURES[measure]} by series and People Promise element",
                                    120 + 70 * max(len(table), 1)))
    element_columns(fig)
    fig.update_yaxes(title=None)
    fig.update_layout(margin={"t": 140}, coloraxis_colorbar={"title": {"text": ""}, "thickness": 12})
    return fig


def element_columns(fig: go.Figure) -> None:
    """Elements across the top of a heatmap, named in small print (wrapped_label): level where the columns have room,
    and turned by Plotly where they have not (seven columns beside the sub-themes on a 1,024-pixel screen)."""
    fig.update_xaxes(side="top", title=None, tickfont={"size": 11}, autotickangles=[0, 30])


def trend_summary(scores: pd.DataFrame, codes: tuple[str, ...]) -> str:
    """One sentence saying where the latest scores stand against the group average."""
    # Plain Python over a few dozen rows: pandas' grouping took 4-5 ms of every page run for this one sentence.
    latest: dict[str, tuple[int, bool]] = {}  # code → (its newest year with a score, above the average then)
    columns = (scores[name].tolist() for name in ("metric_code", "survey_year", "score", "average"))
    for code, year, score, average in zip(*columns):
        if code in codes and not pd.isna(score) and year >= latest.get(code, (year,))[0]:
            latest[code] = (int(year), bool(score > average))
    if not latest:
        return "No survey scores are loaded for these elements."
    year = max(newest for newest, _ in latest.values())
    above = sum(is_above for _, is_above in latest.values())
    return (f"In the {year} survey our trust scored above the group average on {above} of "
            f"{counted(len(latest), 'score')} shown.")
