"""One table of drawing formats: the command's choices, suffixes and engines all read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.cli.render import render
from argmap.render import FORMATS
from argmap.render.formats import EMBEDDED, SYSTEM, engine_outputs
from argmap.render.formats import FORMATS as TABLE
from argmap.render.system import SystemGraphviz

MAP = "premise rain: It is raining.\nconclusion wet: The streets are wet.\nrain -> wet\n"


def test_the_format_choice_is_the_table() -> None:
    option = next(param for param in render.params if param.name == "fmt")
    assert list(option.type.choices) == list(TABLE) == list(FORMATS)  # type: ignore[attr-defined]


def test_what_each_engine_is_asked_for_comes_from_the_table() -> None:
    assert SystemGraphviz.formats == engine_outputs(SYSTEM) == {"svg", "pdf", "json"}
    assert engine_outputs(EMBEDDED) == {"svg", "json"}


@pytest.mark.parametrize("suffix", [s for fmt in TABLE.values() for s in fmt.suffixes])
def test_each_suffix_chooses_its_format(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "rain.argmap"
    source.write_text(MAP, encoding="utf-8")
    target = tmp_path / f"out{suffix}"
    fmt = next(fmt for fmt in TABLE.values() if suffix in fmt.suffixes)
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(target),
                                       "--engine", "system" if fmt.name == "pdf" else "auto"])
    if fmt.name == "pdf" and result.exit_code != 0:
        pytest.skip("PDF needs the system Graphviz")
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    if fmt.binary:
        assert data[:4] in (b"\x89PNG", b"%PDF")
    else:
        assert data.decode("utf-8").lstrip().startswith(("<?xml", "<svg", "digraph", "{"))
