"""Colour themes (default, print, dark) and the stable, colour-blind-safe tag palette."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Paul Tol's "light" qualitative scheme (Tol 2021, "Colour schemes", SRON/EPS/TN/09-002):
# made to fill cells that carry black text, and distinct in normal and colour-blind vision.
# Five of its hues are the tag fills (TAG_HUES below).

# Okabe & Ito (2008), "Color Universal Design": the strong colours of the acceptability
# labels' marks (a defeated inference's dot), distinct with every common colour blindness.
OKABE_GREEN = "#009E73"
OKABE_VERMILLION = "#D55E00"
OKABE_DARK_YELLOW = "#C2B300"  # Okabe-Ito yellow darkened: the pure one vanishes on white

# Tag fills must stay apart when the page is printed in grey: five of Tol's hues, each
# lightened or darkened to its own CIE L*, 7.5 apart and the lightest 7.5 below white (the
# fill of an untagged statement), chosen so that printers' luma (Rec. 601) keeps them 7
# apart as well. Nine colours were too many: #diplomacy and #economy (light blue and
# orange) printed as one grey. The darkest is still light enough for black text.
TAG_HUES: tuple[str, ...] = (
    "#EEDD88",  # light yellow
    "#EE8866",  # orange
    "#FFAABB",  # pink
    "#77AADD",  # light blue
    "#44BB99",  # mint
)
TAG_LIGHTNESS: tuple[float, ...] = (92.5, 85.0, 77.5, 70.0, 62.5)


def lightness(colour: str) -> float:
    """CIE L* (0 black to 100 white) of `#rrggbb`: the grey it prints as, to the eye."""
    linear: list[float] = []
    for start in (1, 3, 5):
        value = int(colour[start : start + 2], 16) / 255
        linear.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    if luminance <= 216 / 24389:
        return luminance * 24389 / 27
    return 116 * float(luminance ** (1 / 3)) - 16


def at_lightness(colour: str, target: float) -> str:
    """`colour` mixed with white (or black) until its L* is `target` (to 0.1)."""
    base = "#ffffff" if lightness(colour) < target else "#000000"
    low, high = 0.0, 1.0  # how much of `colour` is kept
    for _ in range(30):
        middle = (low + high) / 2
        nearer_base = lightness(mix(colour, base, middle))
        if (nearer_base > target) == (base == "#ffffff"):
            low = middle
        else:
            high = middle
    return mix(colour, base, (low + high) / 2)


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
    label_marks: tuple[tuple[str, str], ...]  # (IN|OUT|UNDEC, colour of a small dot)

    def label_fill(self, label: str) -> str:
        return dict(self.label_fills)[label]

    def label_mark(self, label: str) -> str:
        return dict(self.label_marks)[label]


def _spaced() -> tuple[str, ...]:
    pairs = zip(TAG_HUES, TAG_LIGHTNESS, strict=True)
    return tuple(at_lightness(hue, target) for hue, target in pairs)


def _dark(amount: float) -> tuple[str, ...]:
    return tuple(mix(colour, "#1e1e1e", amount) for colour in TAG_HUES)


MARKS = (("IN", OKABE_GREEN), ("OUT", OKABE_VERMILLION), ("UNDEC", OKABE_DARK_YELLOW))


DEFAULT = Theme(
    name="default",
    background="#ffffff",
    text="#1a1a1a",
    muted="#454545",  # the ID line stays legible on the darkest tag fill
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
    tag_fills=_spaced(),
    label_fills=(
        ("IN", mix(OKABE_GREEN, "#ffffff", 0.35)),
        ("OUT", mix(OKABE_VERMILLION, "#ffffff", 0.35)),
        ("UNDEC", mix("#F0E442", "#ffffff", 0.45)),
    ),
    label_marks=MARKS,
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
    # Grey steps 9 L* apart: a print has no colour, and more than four greys
    # are hard to tell apart (tags are also named under each statement).
    tag_fills=tuple(at_lightness("#808080", target) for target in (92.0, 83.0, 74.0, 65.0)),
    label_fills=(("IN", "#ffffff"), ("OUT", "#bfbfbf"), ("UNDEC", "#e6e6e6")),
    label_marks=(("IN", "#000000"), ("OUT", "#808080"), ("UNDEC", "#bfbfbf")),
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
        ("IN", mix(OKABE_GREEN, "#1e1e1e", 0.55)),
        ("OUT", mix(OKABE_VERMILLION, "#1e1e1e", 0.55)),
        ("UNDEC", mix("#F0E442", "#1e1e1e", 0.35)),
    ),
    label_marks=MARKS,
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (DEFAULT, PRINT, DARK)}


def tag_colours(tags: Iterable[str], theme: Theme) -> dict[str, str]:
    """A fill for each of the map's first tags in sorted order (not the order they are met),
    so the same tags always get the same colours. Colours never repeat: tags past the
    palette's size (five, four in print) get none, which the legend says."""
    return dict(zip(sorted(set(tags)), theme.tag_fills, strict=False))
