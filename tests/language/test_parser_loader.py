"""Reading files: encodings, unreadable paths, includes leaving the folder, huge lines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import argmap
from argmap.check_output.snippet import format_diagnostic
from argmap.errors import MapFileError, ParseError
from argmap.language.syntax import Statement


def test_a_missing_file_or_a_folder_is_a_map_file_error(tmp_path: Path) -> None:
    with pytest.raises(MapFileError, match="no such file"):
        argmap.load(str(tmp_path / "missing.argmap"))
    with pytest.raises(MapFileError, match="is a folder"):
        argmap.load(str(tmp_path))
    with pytest.raises(MapFileError):
        argmap.load("bad\0path.argmap")


def test_invalid_utf8_is_located_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_bytes(b"premise a: ok\n\xef\xbb\xbfclaim \xc3\xa9\xc3: x\n")
    with pytest.raises(ParseError) as caught:
        argmap.load(path)
    [error] = caught.value.errors
    assert (error.span.line, error.span.column) == (2, 9)
    assert error.message.startswith("invalid UTF-8 byte 0xc3")


def test_binary_garbage_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "image.argmap"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ParseError) as caught:
        argmap.load(path)
    assert len(caught.value.errors) == 1


def test_an_included_file_with_invalid_utf8_is_reported_in_that_file(tmp_path: Path) -> None:
    (tmp_path / "part.argmap").write_bytes(b"premise p: \xff\n")
    (tmp_path / "m.argmap").write_text("@include part.argmap\n")
    with pytest.raises(ParseError) as caught:
        argmap.load(tmp_path / "m.argmap")
    [error] = caught.value.errors
    assert error.span.file.endswith("part.argmap") and error.span.line == 1


def test_a_symlink_pointing_outside_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.argmap"
    outside.write_text("premise secret: S\n")
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "link.argmap").symlink_to(outside)
    (folder / "m.argmap").write_text("@include link.argmap\n")
    with pytest.raises(ParseError) as caught:
        argmap.load(folder / "m.argmap")
    [error] = caught.value.errors
    assert error.message == (
        "`link.argmap` is a symbolic link to a file outside the map's folder; "
        "includes must stay inside the folder of the top-level map"
    )


def test_a_symlink_inside_the_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real.argmap").write_text("premise p: P\n")
    (tmp_path / "link.argmap").symlink_to(tmp_path / "real.argmap")
    (tmp_path / "m.argmap").write_text("@include link.argmap\n")
    assert "p" in argmap.load(tmp_path / "m.argmap").graph


def test_a_symlinked_top_level_map_confines_includes_to_its_own_folder(tmp_path: Path) -> None:
    (tmp_path / "m.argmap").write_text("premise p: P\n")
    os.symlink(tmp_path / "m.argmap", tmp_path / "alias.argmap")
    assert "p" in argmap.load(tmp_path / "alias.argmap").graph


def test_a_one_megabyte_line_parses_and_errors_stay_readable(tmp_path: Path) -> None:
    text = "x" * 1_000_000
    amap = argmap.parse(f"premise a: {text}\n")
    assert len(amap.graph.nodes["a"]["text"]) == 1_000_000
    with pytest.raises(ParseError) as caught:
        argmap.parse("a -> " + "b" * 1_000_000 + " ->\n")
    [error] = caught.value.errors
    assert error.span.column == 1_000_009
    assert len(format_diagnostic(error)) < 600


def test_a_long_relation_line_of_linked_premises(tmp_path: Path) -> None:
    """At most 200 premises (tests/language/test_parser_limits.py); past them, one error."""
    names = [f"p{i}" for i in range(20_000)]
    lines = [f"premise {name}: text" for name in names] + ["conclusion c: C"]
    lines.append(" + ".join(names[:200]) + " -> c")
    amap = argmap.parse("\n".join(lines))
    assert len(amap.premises_of("inference-1")) == 200


VALID_MAPS = sorted((Path(__file__).parents[1] / "data" / "valid").rglob("*.argmap"))
EXAMPLE_MAPS = sorted((Path(__file__).parents[2] / "maps").glob("*.argmap"))


def _graph_data(amap: argmap.ArgumentMap) -> tuple[object, object]:
    edges = amap.graph.edges(data=True)
    return dict(amap.graph.nodes(data=True)), {(a, b): data for a, b, data in edges}


@pytest.mark.parametrize("path", VALID_MAPS + EXAMPLE_MAPS, ids=lambda path: path.name)
def test_a_map_loaded_without_syntax_trees_is_the_same_map(path: Path) -> None:
    with_trees = argmap.load(path)
    without = argmap.load(path, syntax=False)
    assert without.syntax == [] and with_trees.syntax
    assert _graph_data(without) == _graph_data(with_trees)
    assert (without.document_written, without.sections) == (
        with_trees.document_written,
        with_trees.sections,
    )


def test_with_syntax_trees_the_model_has_its_own_lists() -> None:
    amap = argmap.load(EXAMPLE_MAPS[0])
    statements = [
        node for source in amap.syntax for node in source.nodes if isinstance(node, Statement)
    ]
    assert statements
    for statement in statements:
        data = amap.graph.nodes[statement.id]
        for name in ("tags", "quotes", "quote_spans", "attributes"):
            assert data[name] == getattr(statement, name)
            assert data[name] is not getattr(statement, name), (statement.id, name)
