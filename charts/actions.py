"""Action register charts: progress of actions by People Promise element within each series."""
from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from charts.palette import NHS_AQUA_BLUE, NHS_BLACK, NHS_DARK_BLUE, NHS_MID_GREY, NHS_ORANGE, base_layout
from domain import taxonomy
from domain.vocabulary import PROGRESS_LABELS
from formats.markup import plotly_text

# Colour and a fill pattern per state, so the bars still read when printed in greyscale.
STATE_COLOURS = dict(zip(PROGRESS_LABELS.values(), (NHS_DARK_BLUE, NHS_AQUA_BLUE, NHS_ORANGE, NHS_MID_GREY),
                         strict=True))
STATE_PATTERNS = dict(zip(PROGRESS_LABELS.values(), ("", "/", "x", "."), strict=True))
PATTERN_GROUND = "#F0F4F5"  # NHS pale grey, lightened: dark text on it passes WCAG AA
TOP, BOTTOM = 70, 80
# Below the tick labels; Plotly places a legend by a share of the plot's height, not pixels.
LEGEND_GAP_PX = 35


def progress_figure(progress: pd.DataFrame) -> go.Figure:
    """Stacked bars of actions per element, one panel per series, split by done, on track, overdue and dropped."""
    frame = progress.assign(state=progress["state"].map(PROGRESS_LABELS), series=progress["series"].map(plotly_text),
                            element=progress["element_code"].map(taxonomy.element_label))
    elements = [taxonomy.element_label(c) for c in taxonomy.ELEMENT_CODES if c in set(progress["element_code"])]
    # The panels far enough apart that one's last count and the next one's 0 do not run together at 1,024 pixels.
    fig = px.bar(frame, y="element", x="actions", color="state", pattern_shape="state", facet_col="series",
                 orientation="h", facet_col_spacing=0.06,
                 category_orders={"state": list(PROGRESS_LABELS.values()), "element": elements,
                                  "series": list(pd.unique(frame["series"]))},
                 color_discrete_map=STATE_COLOURS, pattern_shape_map=STATE_PATTERNS, text="actions",
                 labels={"element": "", "actions": "", "state": ""})  # the chart's title says they count actions
    fig.for_each_annotation(lambda a: a.update(text=a.text.removeprefix("series=")))
    fig.update_traces(textposition="inside", marker_line_color="white", marker_line_width=1,
                      hovertemplate="%{y}: %{x} actions<extra></extra>")
    # Patterned bars: the state's colour as a sparse pattern on a pale ground, so the count reads in dark text.
    for trace in fig.data:
        if STATE_PATTERNS.get(trace.name):
            trace.update(marker_pattern={"fillmode": "replace", "fgcolor": STATE_COLOURS[trace.name],
                                         "bgcolor": PATTERN_GROUND, "solidity": 0.15},
                         textfont={"color": NHS_BLACK})
    height = TOP + BOTTOM + 20 + 34 * len(elements)
    fig.update_layout(**base_layout("Actions by People Promise element and series", height))
    fig.update_layout(legend={"orientation": "h", "y": -LEGEND_GAP_PX / (height - TOP - BOTTOM), "x": 0,
                              "yanchor": "top"}, bargap=0.25, margin={"l": 190, "t": TOP, "b": BOTTOM})
    fig.update_yaxes(autorange="reversed", ticklabelstandoff=6)
    return fig
