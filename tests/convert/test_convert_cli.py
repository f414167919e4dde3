"""`argmap convert` from the command line: formats by suffix, warnings, refusals, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from convert_helpers import DATA

from argmap.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_argmap_to_mermaid_reports_what_it_cannot_draw(tmp_path: Path) -> None:
    source = tmp_path / "m.argmap"
    source.write_text("premise a: A. #t\nclaim b: B.\na -> b\n", encoding="utf-8")
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "m.mmd"))
    assert code == 0
    assert f"{source}: warning: tags are not carried by Mermaid (line 1)" in err
    assert "wrote" in err and (tmp_path / "m.mmd").read_text().startswith("flowchart BT")


def test_a_loss_in_an_included_file_names_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("part.argmap").write_text("premise b: B. #t\n", encoding="utf-8")
    Path("m.argmap").write_text(
        "premise a: A. #t\nconclusion c: C.\na + b -> c\n@include part.argmap\n",
        encoding="utf-8",
    )
    code, _, err = run("convert", "m.argmap", "-o", "m.mmd")
    assert code == 0
    losses = "tags are not carried by Mermaid (2 times; lines 1, part.argmap:1)"
    assert f"m.argmap: warning: {losses}" in err


def test_aif_to_argmap_and_back(tmp_path: Path) -> None:
    aif = tmp_path / "small.json"
    assert run("convert", str(DATA / "small.argmap"), "-o", str(aif))[0] == 0
    code, _, err = run("convert", str(aif), "-o", str(tmp_path / "back.argmap"))
    assert code == 0, err
    text = (tmp_path / "back.argmap").read_text(encoding="utf-8")
    assert "rained_all_night + drains_blocked -> street_wet : water that cannot drain" in text


def test_standard_output_needs_the_format_named(tmp_path: Path) -> None:
    code, _, err = run("convert", str(DATA / "small.argmap"), "-o", "-")
    assert code == 1 and "--to" in err
    code, out, _ = run("convert", str(DATA / "small.argmap"), "-o", "-", "--to", "node-link")
    assert code == 0 and '"directed": true' in out


def test_unknown_suffix_and_export_only_formats_are_errors(tmp_path: Path) -> None:
    code, _, err = run("convert", str(DATA / "small.argmap"), "-o", str(tmp_path / "x.txt"))
    assert code == 1 and "cannot tell the output format" in err and "--to" in err
    mmd = tmp_path / "x.mmd"
    mmd.write_text("flowchart BT\n", encoding="utf-8")
    code, _, err = run("convert", str(mmd), "-o", str(tmp_path / "x.argmap"))
    assert code == 1 and "only writes it" in err


def test_the_input_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "m.json"
    source.write_text('{"nodes": [], "edges": []}', encoding="utf-8")
    code, _, err = run("convert", str(source), "-o", str(source))
    assert code != 0 and "refusing" in err
    assert source.read_text(encoding="utf-8") == '{"nodes": [], "edges": []}'


def test_malformed_input_is_a_located_error_not_a_traceback(tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text('{"nodes": [\n oops]}', encoding="utf-8")
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "x.argmap"))
    assert code == 1
    assert err.startswith(f"error: {source}:2:2: not valid JSON")
    assert not (tmp_path / "x.argmap").exists()


def test_a_missing_folder_is_made_and_an_unwritable_one_is_one_line(tmp_path: Path) -> None:
    """Found by the fuzz suite: a missing folder was a FileNotFoundError traceback."""
    code, _, err = run("convert", str(DATA / "small.argmap"), "-o", str(tmp_path / "new/m.mmd"))
    assert code == 0, err
    assert "flowchart BT" in (tmp_path / "new" / "m.mmd").read_text()
    (tmp_path / "file").write_text("x")
    code, _, err = run("convert", str(DATA / "small.argmap"), "-o", str(tmp_path / "file/m.mmd"))
    assert code == 1
    assert err.startswith(f"error: cannot write {tmp_path / 'file/m.mmd'}: ")
    assert "Traceback" not in err and len(err.splitlines()) == 1
