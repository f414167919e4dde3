"""Colour themes (default, print, dark) and the stable, colour-blind-safe tag palette."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

FONT = "Helvetica"
"""The font Graphviz lays text out with; its SVG names the stack `Helvetica,sans-Serif`.
Both engines know Helvetica's metrics (the embedded one has no font files and estimates
widths; for a font it does not know it falls back to the narrower Times and text overflows),
and Arial, Liberation Sans and Nimbus Sans, which systems substitute for it, share them."""
# No bold face: the embedded engine has no metrics for Helvetica-Bold.

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common form of
# colour blindness. Black is left out (it is the text colour).
OKABE_ITO: tuple[str, ...] = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
)


def mix(colour: str, base: str, amount: float) -> str:
    """`amount` of `colour` over `base` (both `#rrggbb`), as `#rrggbb`."""
    channels = []
    for start in (1, 3, 5):
        fore = int(colour[start : start + 2], 16)
        back = int(base[start : start + 2], 16)
        channels.append(round(back + (fore - back) * amount))
    return "#" + "".join(f"{channel:02x}" for channel in channels)


@dataclass(frozen=True)
class Theme:
    """Every colour a diagram uses; fills are light enough for black text (dark: the reverse)."""

    name: str
    background: str
    text: str
    muted: str
    border: str
    fill: str
    conclusion_fill: str
    inference_fill: str
    cluster_fill: str
    cluster_border: str
    support: str
    attack: str
    contradiction: str
    finding: str
    tag_fills: tuple[str, ...]
    label_fills: tuple[tuple[str, str], ...]  # (IN|OUT|UNDEC, fill)

    def label_fill(self, label: str) -> str:
        return dict(self.label_fills)[label]


def _light(amount: float) -> tuple[str, ...]:
    return tuple(mix(colour, "#ffffff", amount) for colour in OKABE_ITO)


def _dark(amount: float) -> tuple[str, ...]:
    return tuple(mix(colour, "#1e1e1e", amount) for colour in OKABE_ITO)


DEFAULT = Theme(
    name="default",
    background="#ffffff",
    text="#1a1a1a",
    muted="#595959",
    border="#333333",
    fill="#ffffff",
    conclusion_fill="#e8eef7",
    inference_fill="#f2f2f2",
    cluster_fill="#fafafa",
    cluster_border="#b3b3b3",
    support="#333333",
    attack="#c0392b",
    contradiction="#8e44ad",
    finding="#D55E00",
    tag_fills=_light(0.30),
    label_fills=(
        ("IN", mix("#009E73", "#ffffff", 0.35)),
        ("OUT", mix("#D55E00", "#ffffff", 0.35)),
        ("UNDEC", mix("#F0E442", "#ffffff", 0.45)),
    ),
)

PRINT = Theme(
    name="print",
    background="#ffffff",
    text="#000000",
    muted="#404040",
    border="#000000",
    fill="#ffffff",
    conclusion_fill="#ffffff",
    inference_fill="#ffffff",
    cluster_fill="#ffffff",
    cluster_border="#808080",
    support="#000000",
    attack="#000000",
    contradiction="#000000",
    finding="#000000",
    # Grey steps: a print has no colour, and tags are also named under each statement.
    tag_fills=("#f0f0f0", "#d9d9d9", "#bfbfbf", "#e6e6e6", "#cccccc", "#f7f7f7", "#b3b3b3"),
    label_fills=(("IN", "#ffffff"), ("OUT", "#bfbfbf"), ("UNDEC", "#e6e6e6")),
)

DARK = Theme(
    name="dark",
    background="#1e1e1e",
    text="#eeeeee",
    muted="#b3b3b3",
    border="#cccccc",
    fill="#2b2b2b",
    conclusion_fill="#26364d",
    inference_fill="#3a3a3a",
    cluster_fill="#242424",
    cluster_border="#5c5c5c",
    support="#cccccc",
    attack="#ff7b6b",
    contradiction="#d7a4f0",
    finding="#F0E442",
    tag_fills=_dark(0.45),
    label_fills=(
        ("IN", mix("#009E73", "#1e1e1e", 0.55)),
        ("OUT", mix("#D55E00", "#1e1e1e", 0.55)),
        ("UNDEC", mix("#F0E442", "#1e1e1e", 0.35)),
    ),
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (DEFAULT, PRINT, DARK)}


def tag_colours(tags: Iterable[str], theme: Theme) -> dict[str, str]:
    """A fill per tag, assigned in the sorted order of the map's tags (not the order they
    are met), so the same tags always get the same colours; the palette repeats after seven."""
    palette = theme.tag_fills
    return {tag: palette[index % len(palette)] for index, tag in enumerate(sorted(set(tags)))}
