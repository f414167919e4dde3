"""`argmap convert` on hostile input: one located error line and exit status 1, never a
traceback; characters XML cannot hold are escaped, with a warning, and the file parses."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
from click.testing import CliRunner

from argmap.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception
    )
    return result.exit_code, result.stdout, result.stderr


def refused(source: Path, output: str) -> str:
    """The one error line `argmap convert` prints for `source`; it exits 1, writes nothing."""
    code, _, err = run("convert", str(source), "-o", str(source.parent / output))
    assert code == 1
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert not (source.parent / output).exists()
    return err.strip()


@pytest.mark.parametrize("output", ["out.argmap", "out.xml", "out.graphml", "out.ad"])
def test_a_lone_surrogate_escape_in_aif_is_a_located_error(tmp_path: Path, output: str) -> None:
    source = tmp_path / "s.json"
    source.write_text('{"nodes": [\n  {"nodeID": "1", "text": "a\\ud800b", "type": "I"}\n],\n'
                      '"edges": []}\n', encoding="utf-8")
    assert refused(source, output) == (
        f"error: {source}:2:29: the string escape `\\ud800` is half of a UTF-16 surrogate "
        "pair, not a character"
    )


def test_a_low_surrogate_alone_or_two_highs_are_refused_a_pair_is_read(tmp_path: Path) -> None:
    source = tmp_path / "s.json"
    for text, column in (("\\udc00", 21), ("\\ud83d\\ud83d", 21), ("x\\ud83d", 22)):
        source.write_text(json.dumps({"nodes": [], "t": "@"}).replace("@", text),
                          encoding="utf-8")
        assert refused(source, "out.argmap").startswith(f"error: {source}:1:{column}: ")
    source.write_text('{"nodes": [{"nodeID": "1", "text": "\\ud83d\\ude00 yes", "type": "I"}]}',
                      encoding="utf-8")
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "out.argmap"))
    assert code == 0, err
    assert "\U0001f600 yes" in (tmp_path / "out.argmap").read_text(encoding="utf-8")


def test_an_escaped_backslash_before_u_is_no_surrogate(tmp_path: Path) -> None:
    source = tmp_path / "s.json"
    source.write_text('{"nodes": [{"nodeID": "1", "text": "a\\\\ud800", "type": "I"}]}',
                      encoding="utf-8")
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "out.argmap"))
    assert code == 0, err
    assert "a\\ud800" in (tmp_path / "out.argmap").read_text(encoding="utf-8")


def test_a_node_id_of_4400_digits_is_a_located_error(tmp_path: Path) -> None:
    source = tmp_path / "big.json"
    source.write_text('{"nodes": [\n {"nodeID": ' + "1" * 4400 + ', "type": "I"}], "edges": []}',
                      encoding="utf-8")
    assert refused(source, "out.argmap") == (
        f"error: {source}:2:13: an integer of 4,400 digits is longer than argmap reads "
        "(at most 4,300)"
    )


def test_a_long_number_with_a_fraction_is_a_float_and_reads(tmp_path: Path) -> None:
    source = tmp_path / "float.json"
    source.write_text('{"nodes": [{"nodeID": "1", "text": "a", "type": "I", "x": '
                      + "1" * 4400 + '.5}]}', encoding="utf-8")
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "out.argmap"))
    assert code == 0, err


def test_a_lone_surrogate_in_argdown_front_matter_is_a_located_error(tmp_path: Path) -> None:
    import yaml

    source = tmp_path / "s.argdown"
    source.write_text('===\ntitle: "a\\ud800"\n===\n\n[A]: x\n  + [B]: y\n', encoding="utf-8")
    # libyaml refuses the escape itself; PyYAML's own reader reads it, and argmap refuses it.
    expected = (
        f"error: {source}:2:12: the front matter is not valid YAML: found invalid Unicode "
        "character escape code" if yaml.__with_libyaml__ else
        f"error: {source}:2:8: the front matter's `title` has an escape that is half of a "
        "UTF-16 surrogate pair, not a character"
    )
    assert refused(source, "out.argmap") == expected


def test_a_cycle_of_arggraph_joints_ends(tmp_path: Path) -> None:
    source = tmp_path / "cycle.xml"
    source.write_text(
        '<arggraph id="x"><edu id="e1">Text.</edu><joint id="j1"/><joint id="j2"/>'
        '<adu id="a1" type="pro"/><edge id="c1" src="e1" trg="j1" type="seg"/>'
        '<edge id="c2" src="j1" trg="j2" type="seg"/><edge id="c3" src="j2" trg="j1" type="seg"/>'
        '<edge id="c4" src="j2" trg="a1" type="seg"/></arggraph>', encoding="utf-8")
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "out.argmap"))
    assert code == 0, err
    assert "text: Text." in (tmp_path / "out.argmap").read_text(encoding="utf-8")


# -- characters XML cannot hold -----------------------------------------------------------


AIF_WITH_CONTROLS = (
    '{"nodes": [\n'
    '  {"nodeID": "1", "text": "Bell\\u0007 and form\\u0001feed\\uffff", "type": "I"},\n'
    '  {"nodeID": "2", "text": "Plain.", "type": "I"},\n'
    '  {"nodeID": "3", "text": "Default Inference", "type": "RA"}],\n'
    ' "edges": [{"fromID": "1", "toID": "3"}, {"fromID": "3", "toID": "2"}]}\n'
)
WARNING = ("warning: characters that XML cannot hold (control characters such as U+0001) "
           "were written as escapes (`\\x01`) (line 2)")


@pytest.mark.parametrize("output", ["out.graphml", "out.xml"])
def test_control_characters_are_escaped_in_xml_with_a_warning(
    tmp_path: Path, output: str
) -> None:
    source = tmp_path / "c0.json"
    source.write_text(AIF_WITH_CONTROLS, encoding="utf-8")
    code, _, err = run("convert", str(source), "-o", str(tmp_path / output))
    assert code == 0, err
    assert f"{source}: {WARNING}" in err
    written = tmp_path / output
    root = ElementTree.parse(written).getroot()  # well-formed: an XML parser reads it
    texts = [element.text for element in root.iter() if element.text]
    assert "Bell\\x07 and form\\x01feed\\uffff" in texts
    if output.endswith(".graphml"):
        labels = nx.read_graphml(written).nodes(data="label")
        assert "Bell\\x07 and form\\x01feed\\uffff" in dict(labels).values()


def test_control_characters_from_argdown_reach_graphml_escaped(tmp_path: Path) -> None:
    source = tmp_path / "c0.argdown"
    source.write_text("[A]: Ring\x07 the bell.\n  + [B]: Ti\x1bme.\n", encoding="utf-8")
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "out.graphml"))
    assert code == 0, err
    assert "(2 times; lines 1, 2)" in err
    labels = dict(nx.read_graphml(tmp_path / "out.graphml").nodes(data="label"))
    assert {"Ring\\x07 the bell.", "Ti\\x1bme."} <= set(labels.values())


def test_clean_text_gets_no_warning(tmp_path: Path) -> None:
    source = tmp_path / "ok.json"
    source.write_text(AIF_WITH_CONTROLS.replace("\\u0007", "").replace("\\u0001", "")
                      .replace("\\uffff", ""), encoding="utf-8")
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "out.graphml"))
    assert code == 0 and "XML cannot hold" not in err


def test_an_include_bomb_reads_each_file_once(tmp_path: Path) -> None:
    """Each file includes the next ten times, 16 levels deep: 10^16 reads, were each file
    not read once (as Argdown does); the other includes are counted."""
    for level in range(16):
        (tmp_path / f"l{level}.argdown").write_text(
            "".join(f"@include(l{level + 1}.argdown)\n" for _ in range(10)), encoding="utf-8")
    (tmp_path / "l16.argdown").write_text("[A]: x\n  + [B]: y\n", encoding="utf-8")
    code, _, err = run("convert", str(tmp_path / "l0.argdown"), "-o",
                       str(tmp_path / "out.argmap"))
    assert code == 0, err
    assert "an `@include` of a file already read was left out (Argdown reads each file " \
        "once) (144 times; lines " in err


def test_more_than_1000_included_files_stop(tmp_path: Path) -> None:
    for number in range(1001):
        (tmp_path / f"f{number}.argdown").write_text(f"[S{number}]: s\n", encoding="utf-8")
    (tmp_path / "top.argdown").write_text(
        "".join(f"@include(f{number}.argdown)\n" for number in range(1001)), encoding="utf-8")
    assert refused(tmp_path / "top.argdown", "out.argmap") == (
        f"error: {tmp_path / 'top.argdown'}:1001:1: more than 1,000 includes in all"
    )


def test_included_files_are_limited_in_size_in_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each file is under the limit (64 MiB, here 100 kB); the three together are not."""
    monkeypatch.setattr("argmap.fileio.MAP_SIZE_LIMIT", 100_000)
    for number in range(3):
        (tmp_path / f"part{number}.argdown").write_text("// a comment\n" * 4000,
                                                        encoding="utf-8")
    (tmp_path / "top.argdown").write_text(
        "".join(f"@include(part{number}.argdown)\n" for number in range(3)), encoding="utf-8")
    assert refused(tmp_path / "top.argdown", "out.argmap") == (
        f"error: {tmp_path / 'top.argdown'}:2:1: the included files come to more than "
        "100,000 bytes in all"
    )


def test_an_argument_as_a_step_of_a_reconstruction_is_a_located_error(tmp_path: Path) -> None:
    source = tmp_path / "pcs.argdown"
    source.write_text("<A>\n\n(1) <B>\n----\n(2) [C]\n", encoding="utf-8")
    assert refused(source, "out.argmap") == (
        f"error: {source}:3:5: the step `<B>` of a premise-conclusion structure is an "
        "argument; a step must be a statement"
    )


def test_undercuts_nested_deeper_than_the_language_reads_are_a_located_error(
    tmp_path: Path,
) -> None:
    """An arggraph chain of undercuts 40 deep: the .argmap would not read back."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "fuzz"))
    from pathological_inputs import _undercut_chain

    source = tmp_path / "chain.xml"
    source.write_text(_undercut_chain(40), encoding="utf-8")
    assert refused(source, "out.argmap") == (
        f"error: {source}:161:1: the attack by `segment_39` is on attacks nested more than "
        "32 deep, deeper than argmap's language can write"
    )
    source.write_text(_undercut_chain(33), encoding="utf-8")  # 32 brackets: written, read
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "ok.argmap"))
    assert code == 0, err
    assert run("check", str(tmp_path / "ok.argmap"))[0] == 0


def test_a_note_that_starts_with_a_hash_and_space_reads_back(tmp_path: Path) -> None:
    """`@note # x` would be an empty note and a comment: written `@note #x`."""
    source = tmp_path / "note.argdown"
    source.write_text("[A]: First text.\n  + [B]: y\n\n[A]: # second\n", encoding="utf-8")
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "out.argmap"))
    assert code == 0, err
    written = (tmp_path / "out.argmap").read_text(encoding="utf-8")
    assert "  @note #second\n" in written
    assert run("check", str(tmp_path / "out.argmap"))[0] == 0
