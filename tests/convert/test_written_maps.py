"""What importers write is the canonical layout: `argmap fmt` finds nothing to change."""

from __future__ import annotations

from pathlib import Path

import pytest
from convert_helpers import CORPORA, ROUND_TRIP_MAPS

from argmap import load
from argmap.convert import FORMATS, read_map
from argmap.convert.argmap_writer import write_argmap
from argmap.convert.losses import Losses
from argmap.language.format import format_text

SUFFIX_FORMATS = {".argdown": "argdown", ".json": "aif", ".xml": "arggraph"}
FOREIGN = sorted(
    [*CORPORA.glob("argdown/*.argdown"), *CORPORA.glob("aif/*.json"),
     *sorted(CORPORA.glob("microtexts/*.xml"))[:12]]
)


@pytest.mark.parametrize("path", [*FOREIGN, *ROUND_TRIP_MAPS], ids=lambda p: p.name)
def test_written_maps_are_already_formatted(path: Path) -> None:
    if path.suffix == ".argmap":
        amap = load(str(path))
    else:
        amap = read_map(str(path), FORMATS[SUFFIX_FORMATS[path.suffix]], Losses())
    text = write_argmap(amap)
    assert format_text(text, "written.argmap") == text
