"""NHS identity colours, and the one colour-blind-safe order every chart uses."""
from __future__ import annotations

NHS_BLUE = "#005EB8"
NHS_DARK_BLUE = "#003087"
NHS_BRIGHT_BLUE = "#0072CE"
NHS_LIGHT_BLUE = "#41B6E6"
NHS_AQUA_BLUE = "#00A9CE"
NHS_BLACK = "#231F20"
NHS_DARK_GREY = "#425563"
NHS_MID_GREY = "#768692"
NHS_PALE_GREY = "#E8EDEE"
NHS_DARK_GREEN = "#006747"
NHS_ORANGE = "#ED8B00"
NHS_WARM_YELLOW = "#FFB81C"
NHS_PINK = "#AE2573"
NHS_PURPLE = "#330072"

# Ordered so neighbours differ in lightness as well as hue (safe for deuteranopia and protanopia).
CATEGORICAL: tuple[str, ...] = (NHS_DARK_BLUE, NHS_ORANGE, NHS_AQUA_BLUE, NHS_PINK, NHS_DARK_GREEN,
                                NHS_WARM_YELLOW, NHS_PURPLE, NHS_MID_GREY, NHS_LIGHT_BLUE)
# One hue, light to dark, for counts (heatmaps): readable in greyscale too.
SEQUENTIAL: tuple[tuple[float, str], ...] = ((0.0, "#F0F4F5"), (0.25, NHS_LIGHT_BLUE), (0.6, NHS_BRIGHT_BLUE),
                                              (1.0, NHS_DARK_BLUE))
FONT = "Frutiger, Arial, sans-serif"


def base_layout(title: str, height: int) -> dict:
    """Layout shared by every chart: NHS font and colours, a title that says what the chart shows."""
    return {"title": {"text": title, "font": {"size": 16, "color": NHS_BLACK}, "x": 0, "xanchor": "left"},
            "font": {"family": FONT, "size": 13, "color": NHS_BLACK}, "height": height,
            "paper_bgcolor": "white", "plot_bgcolor": "white", "colorway": list(CATEGORICAL),
            "margin": {"l": 60, "r": 20, "t": 70, "b": 50},
            "hoverlabel": {"font": {"family": FONT}}}
