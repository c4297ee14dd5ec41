"""Theme explorer charts: sub-theme shares across series, sub-themes across elements, and reach against
the workforce. Pure functions: DataFrame in, Plotly figure (or one-sentence summary) out."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.overview import element_columns, wrapped_label
from charts.palette import (
    CATEGORICAL,
    NHS_BLUE,
    NHS_DARK_BLUE,
    NHS_DARK_GREY,
    NHS_LIGHT_BLUE,
    NHS_ORANGE,
    SEQUENTIAL,
    base_layout,
)
from domain.thresholds import MOVEMENT_POINTS, UNDER_REACHED
from domain.vocabulary import HIDDEN
from formats.british import counted, one_or_many
from formats.markup import plotly_text

# Shapes as well as colours, so lines can be told apart in greyscale and by colour-blind readers.
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star", "triangle-down", "cross", "hexagon")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "solid", "dash", "dot", "dashdot")


def top_sub_themes(shares: pd.DataFrame, count: int) -> list[str]:
    """The sub-themes with the most items over all series shown."""
    totals = shares.groupby("sub_theme")["items"].sum().sort_values(ascending=False, kind="stable")
    return list(totals.index[:count])


def sub_theme_trend_figure(shares: pd.DataFrame, themes: list[str]) -> go.Figure:
    """Each chosen sub-theme's share of the feedback in each series, one marked line per sub-theme."""
    fig = go.Figure()
    series = list(dict.fromkeys(shares["series"]))
    for n, theme in enumerate(themes):
        line = shares[shares["sub_theme"] == theme].set_index("series").reindex(series)
        percent = (line["share"].astype("float64") * 100).round(1)
        fig.add_trace(go.Scatter(
            x=[plotly_text(name) for name in series], y=percent, name=plotly_text(theme), mode="lines+markers",
            line={"color": CATEGORICAL[n % len(CATEGORICAL)], "width": 2.5, "dash": DASHES[n % len(DASHES)]},
            marker={"symbol": SYMBOLS[n % len(SYMBOLS)], "size": 10},
            customdata=line[["items", "series_items"]].astype("float64").to_numpy(),
            hovertemplate="%{fullData.name}<br>%{x}: %{y:.1f}% of items (%{customdata[0]:.0f} of "
                          "%{customdata[1]:.0f})<extra></extra>"))
    fig.update_layout(**base_layout("Share of feedback items tagged with each sub-theme, by series", 440),
                      legend={"title": {"text": "Sub-theme"}})
    fig.update_yaxes(title="% of the series' feedback items", rangemode="tozero", gridcolor="#E8EDEE")
    fig.update_xaxes(title=None)
    return fig


def sub_theme_trend_summary(changes: pd.DataFrame) -> str:
    """One sentence on what moved between the last two series."""
    if changes.empty:
        return "Only one series is in view, so there is nothing to compare yet."
    latest = changes[changes["series"] == changes["series"].iloc[-1]]
    counts = latest["status"].value_counts()
    growing = latest[latest["status"] == "growing"].sort_values("change_points", ascending=False)["sub_theme"]
    lead = f" Growing most: {', '.join(growing.head(3))}." if len(growing) else ""
    new = counts.get("new", 0)
    raised = f"{counted(new, 'sub-theme')} {one_or_many(new, 'was', 'were')}" if new else "no sub-theme was"
    return (f"In {latest['series'].iloc[0]}, {raised} raised for "
            f"the first time, {counts.get('growing', 0)} grew and {counts.get('fading', 0) + counts.get('gone', 0)} "
            f"faded or went against the series before (a change of {MOVEMENT_POINTS:.0f} percentage points or more)."
            f"{lead}")


def element_spread_figure(counts: pd.DataFrame, rows: int = 15) -> go.Figure:
    """Feedback items per sub-theme (rows) and People Promise element (columns): the same sub-theme raised
    under different elements reads across a row."""
    table = counts.head(rows)
    # The sub-themes' names take only the room they need and the colour scale sits below, so that each column is
    # wide enough for its element's name on a laptop (a fixed 200-pixel margin and the scale beside left too little).
    labels = [wrapped_label(code) for code in table.columns]
    values = table.astype("float64").to_numpy()
    text = [[HIDDEN if pd.isna(v) else f"{v:.0f}" for v in row] for row in values]
    fig = go.Figure(go.Heatmap(z=values, x=labels, y=[plotly_text(name) for name in table.index],
                               colorscale=[list(s) for s in SEQUENTIAL],
                               text=text, texttemplate="%{text}", hoverongaps=False, xgap=2, ygap=2,
                               colorbar={"title": {"text": "Items", "side": "top"}, "orientation": "h",
                                         "x": 0, "xanchor": "left", "y": 0, "yanchor": "bottom", "yref": "container",
                                         "len": 0.4, "thickness": 12, "ypad": 10},
                               hovertemplate="%{y} under %{x}: %{text} items<extra></extra>"))
    fig.update_layout(**base_layout("Feedback items by sub-theme and People Promise element", 200 + 28 * len(table)))
    fig.update_yaxes(autorange="reversed", automargin=True)
    element_columns(fig)
    fig.update_layout(margin={"l": 10, "r": 20, "t": 130, "b": 70})
    return fig


def element_spread_summary(counts: pd.DataFrame) -> str:
    if counts.empty:
        return "No feedback matches these filters."
    spread = (counts.fillna(0) > 0).sum(axis=1)
    widest, wide = spread.idxmax(), int((spread >= 3).sum())
    return (f"'{widest}' is raised under {spread.max()} of the {counted(counts.shape[1], 'element')} shown; "
            f"{counted(wide, 'sub-theme')} {one_or_many(wide, 'comes', 'come')} up under three or more elements.")


def representation_figure(frame: pd.DataFrame, dimension_label: str) -> go.Figure:
    """Representation ratio per group: share of people reached over share of the workforce (1 = in proportion)."""
    shown = frame[frame["workforce_share"].notna()].iloc[::-1]
    ratio = shown["ratio"].astype("float64")
    under = ratio < UNDER_REACHED  # a hidden (NaN) ratio is not marked as under-reached
    text = [HIDDEN if pd.isna(r) else f"{r:.2f}" for r in ratio]
    fig = go.Figure(go.Bar(x=ratio.fillna(0), y=shown["group"].map(plotly_text), orientation="h", marker={
                           "color": [NHS_ORANGE if u else NHS_BLUE for u in under],
                           "pattern": {"shape": ["/" if u else "" for u in under]}},
                           text=text, textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: ratio %{text}<extra></extra>"))
    fig.add_vline(x=1, line={"color": NHS_DARK_GREY, "dash": "dash"}, annotation_text="in proportion",
                  annotation_position="top")
    fig.update_layout(**base_layout(f"Reach against the workforce by {dimension_label.lower()}", 110 + 36 * len(shown)))
    # The groups' names take the room they need, and the axis title two lines: at 1,024 pixels a fixed 230-pixel
    # margin and a one-line title left the title cut off.
    fig.update_layout(margin={"l": 10, "r": 90, "t": 70, "b": 80}, showlegend=False)
    fig.update_yaxes(automargin=True, ticklabelstandoff=6)
    fig.update_xaxes(title="Representation ratio<br>(share of people reached ÷ share of the workforce)",
                     rangemode="tozero", gridcolor="#E8EDEE")
    return fig


def representation_summary(frame: pd.DataFrame, dimension_label: str) -> str:
    under = frame[frame["ratio"].astype("float64") < UNDER_REACHED]["group"].tolist()
    if frame["workforce_share"].isna().all():
        return f"There are no workforce figures by {dimension_label.lower()} to compare with."
    if not under:
        return f"No {dimension_label.lower()} is reached at under {UNDER_REACHED} of its share of the workforce."
    return (f"Under-reached (ratio below {UNDER_REACHED}, striped orange bars): {', '.join(under)}. "
            "Hidden groups had too few people to show.")


def returning_figure(frame: pd.DataFrame) -> go.Figure:
    """People at their first Big Conversation and people returning, stacked per series."""
    fig = go.Figure()
    for column, name, colour in (("first_time", "First time", NHS_LIGHT_BLUE),
                                 ("returning", "Returning", NHS_DARK_BLUE)):
        values = frame[column].astype("float64")
        fig.add_trace(go.Bar(x=frame["series"].map(plotly_text), y=values.fillna(0), name=name,
                             marker={"color": colour},
                             text=[HIDDEN if pd.isna(v) else f"{v:.0f}" for v in values], textposition="inside",
                             insidetextanchor="middle",
                             hovertemplate=f"%{{x}}: %{{text}} {name.lower()}<extra></extra>"))
    fig.update_layout(**base_layout("People at their first session and people coming back, by series", 380),
                      barmode="stack", legend={"orientation": "h", "y": -0.15})
    fig.update_yaxes(title="People", gridcolor="#E8EDEE")
    return fig


def returning_summary(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "No held sessions match these filters."
    last = frame.iloc[-1]
    if pd.isna(last["first_time"]) or pd.isna(last["returning"]):
        return f"{last['series']}: numbers hidden because they are too small to show."
    total = int(last["first_time"]) + int(last["returning"])
    return (f"In {last['series']}, {int(last['first_time'])} of {counted(total, 'person', 'people')} "
            f"({100 * int(last['first_time']) / total:.0f}%) came to a Big Conversation for the first time.")
