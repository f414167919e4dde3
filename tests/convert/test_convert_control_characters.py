"""A converted map reads back though its source held control characters, which a map may
not (they become spaces, as line breaks in a text do)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import argmap
from argmap.cli import main


def test_control_characters_in_converted_text_become_spaces(tmp_path: Path) -> None:
    source = tmp_path / "e.argdown"
    text = "[Claim]: Text \x1b[2J here.\n  <+ <Reason>: Because\x07 of\x00 it.\n"
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "e.argmap")])
    assert result.exit_code == 0, result.output
    amap = argmap.load(tmp_path / "e.argmap")
    assert amap.graph.nodes["claim"]["text"] == "Text [2J here."
    assert amap.graph.nodes["reason"]["text"] == "Because of it."
