"""`argmap convert` from the command line: formats by suffix, warnings, refusals, errors."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from convert_helpers import DATA

from argmap.cli import main
from argmap.cli.signals import Interrupted


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


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (hidden ones too) and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _inputs_in_every_format(folder: Path) -> list[tuple[Path, Path]]:
    """(input, a file it reads) for each format convert reads: the file is an include, an
    @document, or the input itself spelled another way."""
    (folder / "parts").mkdir()
    (folder / "parts" / "part.argmap").write_text("premise b: B.\n", encoding="utf-8")
    (folder / "doc.md").write_text("Some text.\n", encoding="utf-8")
    (folder / "m.argmap").write_text(
        "@document doc.md\nclaim a: A.\nb -> a\n@include parts/part.argmap\n", encoding="utf-8"
    )
    (folder / "parts" / "deep.argdown").write_text("[C]: c.\n  - [A]\n", encoding="utf-8")
    (folder / "parts" / "part.argdown").write_text("@include(deep.argdown)\n", encoding="utf-8")
    (folder / "main.argdown").write_text(
        "[A]: a.\n  + [B]: b.\n\n@include(parts/part.argdown)\n", encoding="utf-8"
    )
    for suffix in (".json", ".xml"):
        assert run("convert", str(DATA / "small.argmap"), "-o", str(folder / f"m{suffix}"))[0] == 0
    (folder / "alias.xml").symlink_to(folder / "m.xml")
    return [
        (folder / "m.argmap", folder / "parts" / "part.argmap"),
        (folder / "m.argmap", folder / "doc.md"),
        (folder / "main.argdown", folder / "parts" / "part.argdown"),
        (folder / "main.argdown", folder / "parts" / "deep.argdown"),
        (folder / "main.argdown", folder / "parts" / ".." / "main.argdown"),
        (folder / "m.json", folder / "m.json"),
        (folder / "m.xml", folder / "alias.xml"),
    ]


def test_every_file_the_input_reads_is_refused_in_every_format(tmp_path: Path) -> None:
    for source, read in _inputs_in_every_format(tmp_path):
        before = _tree(tmp_path)
        # The target's format named, so that each refusal is about the file, not its suffix.
        code, _, err = run("convert", str(source), "-o", str(read), "--to", "argdown")
        assert code == 2, (source, read, err)
        assert "refusing to overwrite" in err and f"(-o `{read}`)" in err, err
        assert "Traceback" not in err
        assert _tree(tmp_path) == before, (source, read)


def test_an_argdown_include_is_named_in_the_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("part.argdown").write_text("[C]: c.\n  - [A]\n", encoding="utf-8")
    Path("main.argdown").write_text("[A]: a.\n  + [B]: b.\n\n@include(part.argdown)\n",
                                    encoding="utf-8")
    code, _, err = run("convert", "main.argdown", "-o", "part.argdown")
    assert code == 2
    assert err.endswith(
        f"Error: refusing to overwrite `{tmp_path.resolve() / 'part.argdown'}`, which "
        "`main.argdown` includes, with the conversion (-o `part.argdown`)\n"
    )
    assert Path("part.argdown").read_text(encoding="utf-8") == "[C]: c.\n  - [A]\n"


def test_a_failed_write_leaves_no_folder_it_made_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    (tmp_path / "kept").mkdir()
    for target in (tmp_path / "new" / "deeper" / "m.mmd", tmp_path / "kept" / "m.mmd"):
        code, _, err = run("convert", str(DATA / "small.argmap"), "-o", str(target))
        assert (code, err) == (1, f"error: cannot write {target}: No space left on device\n")
    assert sorted(os.listdir(tmp_path)) == ["kept"]
    assert os.listdir(tmp_path / "kept") == []

    def terminated(_descriptor: int) -> None:
        raise Interrupted(signal.SIGTERM)

    monkeypatch.setattr(os, "fsync", terminated)
    target = tmp_path / "new" / "m.mmd"
    code, _, err = run("convert", str(DATA / "small.argmap"), "-o", str(target))
    assert (code, err) == (143, "argmap: terminated\n")
    assert sorted(os.listdir(tmp_path)) == ["kept"]


def test_a_file_size_limit_is_one_line_in_a_real_process(tmp_path: Path) -> None:
    """`ulimit -f`: Python ignores SIGXFSZ, so a write past the limit fails with EFBIG
    instead of killing argmap half-way; the folder made for it goes."""
    target = tmp_path / "new" / "m.argdown"
    script = (
        "import resource, sys\n"
        "from argmap.cli import main\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (16, 16))\n"
        "main(['convert', sys.argv[1], '-o', sys.argv[2]])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(DATA / "small.argmap"), str(target)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    # After the warnings about what Argdown cannot carry, one line.
    assert done.stderr.endswith(f"\nerror: cannot write {target}: File too large\n")
    assert os.listdir(tmp_path) == []
