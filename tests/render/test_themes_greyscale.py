"""Tag fills stay apart when a figure is printed in grey (issue 18, requirement 7)."""

from __future__ import annotations

from itertools import combinations

import pytest

from argmap.render.themes import DEFAULT, PRINT, Theme, at_lightness, lightness

STEP = 7.0  # the least difference in L* (or in luma, in %) between two fills


def _luma(colour: str) -> float:
    """Rec. 601 luma in % of white: the grey most printers and `convert -colorspace Gray`
    (PIL's `convert("L")`) make of a colour, from its gamma-encoded channels."""
    red, green, blue = (int(colour[start : start + 2], 16) for start in (1, 3, 5))
    return (0.299 * red + 0.587 * green + 0.114 * blue) / 2.55


@pytest.mark.parametrize("theme", [DEFAULT, PRINT], ids=lambda theme: theme.name)
@pytest.mark.parametrize("grey", [lightness, _luma], ids=["CIE L*", "luma"])
def test_each_pair_of_tag_fills_prints_as_different_greys(theme: Theme, grey: object) -> None:
    assert callable(grey)
    # White: an untagged statement's fill, which a tagged one must differ from too.
    fills = [theme.fill, *theme.tag_fills]
    for first, second in combinations(fills, 2):
        assert abs(grey(first) - grey(second)) >= STEP, (theme.name, first, second)


def test_the_reported_pair_no_longer_prints_as_one_grey() -> None:
    # #diplomacy and #economy, the first two tags of russia-china, were 82.3 and 81.5 L*.
    assert abs(lightness(DEFAULT.tag_fills[0]) - lightness(DEFAULT.tag_fills[1])) >= STEP


def test_tag_fills_are_light_enough_for_black_text() -> None:
    for fill in DEFAULT.tag_fills:
        assert lightness(fill) >= 60


@pytest.mark.parametrize(("colour", "expected"), [("#ffffff", 100.0), ("#000000", 0.0),
                                                  ("#777777", 50.0)])
def test_lightness_of_known_greys(colour: str, expected: float) -> None:
    assert lightness(colour) == pytest.approx(expected, abs=0.4)


@pytest.mark.parametrize("target", [30.0, 64.0, 94.0])
def test_at_lightness_reaches_the_target(target: float) -> None:
    assert lightness(at_lightness("#77AADD", target)) == pytest.approx(target, abs=0.5)
