"""arggraph faithfully: every microtext keeps its thesis as its one conclusion, its text (one
EDU a line) as the @document, its topic and stance, with no warning; every construct of the
format arrives in the map or is a counted warning; export then import gives the same XML
graph, EDUs included (the 3 texts with linked objections too)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from convert_helpers import CORPORA, corpus

from argmap import parse
from argmap.cli import main
from argmap.convert.arggraph import UND_ON_ADD, UNSEGMENTED, read_arggraph, write_arggraph
from argmap.convert.argmap_writer import write_argmap
from argmap.convert.losses import Losses
from argmap.language.loader import load_file
from argmap.model import ArgumentMap

MICROTEXTS = sorted((CORPORA / "microtexts").glob("micro_*.xml"))


def canonical(xml: str) -> tuple[Any, ...]:
    """The graph an arggraph file holds, without its element IDs: topic and stance, the
    text's EDUs in order, the implicit ones, each ADU (its role and its EDUs' text, through
    joints) and each edge (its type, its source ADU and its target: an ADU, or an edge)."""
    root = ElementTree.fromstring(xml)
    edus = {e.get("id"): (" ".join((e.text or "").split()), e.get("implicit") == "true")
            for e in root.iter("edu")}
    edges = {e.get("id"): (e.get("src"), e.get("trg"), e.get("type")) for e in root.iter("edge")}
    into: dict[str | None, list[str | None]] = {}
    for source, target, kind in edges.values():
        if kind == "seg":
            into.setdefault(target, []).append(source)

    def texts(node: str | None) -> list[str]:
        if node in edus:
            return [edus[node][0]]
        return [text for source in into.get(node, ()) for text in texts(source)]

    adus = {a.get("id"): (a.get("type"), tuple(sorted(texts(a.get("id")))))
            for a in root.iter("adu")}

    def edge(identifier: str | None) -> tuple[Any, ...]:
        source, target, kind = edges[identifier]
        return (kind, adus[source], adus[target] if target in adus else edge(target))

    return (
        root.get("id"), root.get("topic_id"), root.get("stance"),
        [text for text, implicit in edus.values() if not implicit],
        sorted(text for text, implicit in edus.values() if implicit),
        sorted(adus.values()),
        Counter(edge(identifier) for identifier, (_, _, kind) in edges.items() if kind != "seg"),
    )


def through_argmap(amap: ArgumentMap, folder: Path, name: str) -> ArgumentMap:
    """The map written as `convert -o NAME.argmap` writes it (its text beside it as
    NAME.txt, the @document), and read back."""
    if amap.document_text is not None:
        (folder / f"{name}.txt").write_text(amap.document_text, encoding="utf-8")
        amap.document_written = f"{name}.txt"
    (folder / f"{name}.argmap").write_text(write_argmap(amap), encoding="utf-8")
    return load_file(str(folder / f"{name}.argmap"))


def linked_attacks(xml: str) -> int:
    root = ElementTree.fromstring(xml)
    types = {e.get("id"): e.get("type") for e in root.iter("edge")}
    return sum(1 for e in root.iter("edge")
               if e.get("type") == "add" and types[e.get("trg")] in ("reb", "und"))


def central_claim(xml: str) -> str:
    root = ElementTree.fromstring(xml)
    sources = {e.get("src") for e in root.iter("edge") if e.get("type") != "seg"}
    (central,) = [a.get("id") for a in root.iter("adu") if a.get("id") not in sources]
    return str(central)


# -- the corpus -------------------------------------------------------------------------------


def test_what_the_microtexts_hold() -> None:
    """The counts the converter is measured on (part 1, English): 7 theses the text only
    defends, 89 texts with topic and stance, 3 linked attacks; no implicit EDU, no EDU in no
    ADU, no joint and no `und` on an `add` edge (those are tested on small files below)."""
    folder = corpus("microtexts")
    counts: Counter[str] = Counter()
    for path in sorted(folder.glob("micro_*.xml")):
        root = ElementTree.parse(path).getroot()
        edges = {e.get("id"): e for e in root.iter("edge")}
        supported = {e.get("trg") for e in edges.values() if e.get("type") in ("sup", "exa")}
        counts["texts"] += 1
        counts["undefended thesis"] += central_claim(path.read_text("utf-8")) not in supported
        counts["topic and stance"] += bool(root.get("topic_id") and root.get("stance"))
        counts["implicit EDUs"] += sum(e.get("implicit") == "true" for e in root.iter("edu"))
        segmented = {e.get("src") for e in edges.values() if e.get("type") == "seg"}
        counts["EDUs in no ADU"] += sum(e.get("id") not in segmented for e in root.iter("edu"))
        counts["joints"] += sum(1 for _ in root.iter("joint"))
        counts["linked attacks"] += linked_attacks(path.read_text("utf-8"))
        counts["und on add"] += sum(
            e.get("type") == "und" and edges[e.get("trg")].get("type") == "add"
            for e in edges.values())
    assert counts == Counter({"texts": 112, "undefended thesis": 7, "topic and stance": 89,
                              "linked attacks": 3})


@pytest.mark.parametrize("path", MICROTEXTS, ids=lambda path: path.stem)
def test_a_microtext_imports_with_its_thesis_its_text_and_no_surprise(path: Path) -> None:
    xml = path.read_text(encoding="utf-8")
    losses = Losses()
    amap = read_arggraph(xml, str(path), losses)
    conclusions = [node for node, data in amap.statements() if data["kind"] == "conclusion"]
    central = amap.graph.nodes[conclusions[0]]["span"].line
    assert len(conclusions) == 1
    assert f'<adu id="{central_claim(xml)}"' in xml.splitlines()[central - 1]
    # Nothing is added to the thesis (no note, no changed kind) to quiet `check`.
    assert amap.graph.nodes[conclusions[0]]["attributes"] in ({}, {"by": "opponent"})
    assert not [loss.describe(path.name) for loss in losses]
    edus = [" ".join((e.text or "").split()) for e in ElementTree.fromstring(xml).iter("edu")]
    assert amap.document_text == "".join(f"{edu}\n" for edu in edus)
    assert all(data["quotes"] for _, data in amap.statements())
    root = ElementTree.fromstring(xml)
    if root.get("topic_id"):
        assert amap.title == f"{path.stem} (topic {root.get('topic_id')}, stance " \
                             f"{root.get('stance')})"


@pytest.mark.parametrize("path", MICROTEXTS, ids=lambda path: path.stem)
def test_a_microtext_exported_again_is_the_same_graph(path: Path, tmp_path: Path) -> None:
    xml = path.read_text(encoding="utf-8")
    amap = read_arggraph(xml, str(path), Losses())
    direct = Losses()
    assert canonical(write_arggraph(amap, direct)) == canonical(xml)
    assert not direct
    again = through_argmap(amap, tmp_path, path.stem)
    losses = Losses()
    assert canonical(write_arggraph(again, losses)) == canonical(xml)
    assert not losses


# -- every construct, on a small file ---------------------------------------------------------

EVERY_CONSTRUCT = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="small" topic_id="bins" stance="con">
  <edu id="e1">We should not buy bins.</edu>
  <edu id="e2">They cost money</edu>
  <edu id="e3">and they take room.</edu>
  <edu id="e4">Bins keep streets clean.</edu>
  <edu id="e5">Streets are clean anyway.</edu>
  <edu id="e6">Weekly sweeping exists.</edu>
  <edu id="e7">Sweeping is cut next year.</edu>
  <edu id="e8">Room is free in the yard.</edu>
  <edu id="e9">Money is short.</edu>
  <edu id="e10" implicit="true">Spending needs a reason.</edu>
  <edu id="e11">By the way, it rained.</edu>
  <edu id="e12">Oslo bought bins.</edu>
  <joint id="j1"/>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <adu id="a3" type="opp"/>
  <adu id="a4" type="pro"/>
  <adu id="a5" type="pro"/>
  <adu id="a6" type="opp"/>
  <adu id="a7" type="pro"/>
  <adu id="a8" type="pro"/>
  <adu id="a9" type="pro"/>
  <adu id="a10" type="opp"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="j1" type="seg"/>
  <edge id="c3" src="e3" trg="j1" type="seg"/>
  <edge id="c4" src="j1" trg="a2" type="seg"/>
  <edge id="c5" src="e4" trg="a3" type="seg"/>
  <edge id="c6" src="e5" trg="a4" type="seg"/>
  <edge id="c7" src="e6" trg="a5" type="seg"/>
  <edge id="c8" src="e7" trg="a6" type="seg"/>
  <edge id="c9" src="e8" trg="a7" type="seg"/>
  <edge id="c10" src="e9" trg="a8" type="seg"/>
  <edge id="c11" src="e10" trg="a9" type="seg"/>
  <edge id="c12" src="e12" trg="a10" type="seg"/>
  <edge id="c20" src="a2" trg="a1" type="sup"/>
  <edge id="c21" src="a9" trg="c20" type="add"/>
  <edge id="c22" src="a3" trg="a1" type="reb"/>
  <edge id="c23" src="a4" trg="c22" type="und"/>
  <edge id="c24" src="a5" trg="a4" type="sup"/>
  <edge id="c25" src="a6" trg="c24" type="und"/>
  <edge id="c26" src="a7" trg="c23" type="und"/>
  <edge id="c27" src="a8" trg="a2" type="sup"/>
  <edge id="c28" src="a10" trg="a3" type="exa"/>
</arggraph>
"""
"""Every construct of the DTD and of the corpora: topic and stance, a joint of two EDUs, an
implicit EDU, an EDU in no ADU (e11), pro and opp ADUs, sup, exa, add on sup, reb, und on
sup, on reb and on und. `und` on `add` and `add` on an attack are tested apart: argmap
reads each with a counted warning, so the graph cannot come back the same."""


def test_every_construct_arrives_in_the_map_or_is_a_counted_warning() -> None:
    losses = Losses()
    amap = read_arggraph(EVERY_CONSTRUCT, "small.xml", losses)
    assert [loss.describe("small.xml") for loss in losses] == [
        f"small.xml: warning: {UNSEGMENTED} (line 13)"]
    assert amap.title == "small (topic bins, stance con)"
    assert amap.document_text is not None
    assert "By the way, it rained.\n" in amap.document_text  # the EDU in no ADU
    assert "Spending needs a reason." not in amap.document_text  # implicit: not the text's
    nodes = amap.graph.nodes
    assert nodes["they_cost_money"]["text"] == "They cost money and they take room."
    assert nodes["they_cost_money"]["quotes"] == ["They cost money", "and they take room."]
    assert nodes["spending_needs_reason"]["attributes"] == {"implicit": True}
    assert nodes["spending_needs_reason"]["quotes"] == []
    assert nodes["bins_keep_streets"]["attributes"] == {"by": "opponent"}
    kinds = {node: data["kind"] for node, data in amap.statements()}
    assert [node for node, kind in kinds.items() if kind == "conclusion"] == ["we_should_not"]
    text = write_argmap(amap)
    for line in ("they_cost_money + spending_needs_reason -> we_should_not",
                 "streets_clean_anyway -| (bins_keep_streets -| we_should_not)",
                 "sweeping_cut_next -| (weekly_sweeping_exists -> streets_clean_anyway)",
                 "room_free_yard -| (streets_clean_anyway -| (bins_keep_streets -| "
                 "we_should_not))",
                 "money_short -> they_cost_money",
                 "oslo_bought_bins -> bins_keep_streets : example"):
        assert line in text, line
    assert "@title small (topic bins, stance con)" in text


def test_every_construct_comes_back_the_same_graph(tmp_path: Path) -> None:
    amap = read_arggraph(EVERY_CONSTRUCT, "small.xml", Losses())
    direct = Losses()
    assert canonical(write_arggraph(amap, direct)) == canonical(EVERY_CONSTRUCT)
    assert not direct
    losses = Losses()
    back = write_arggraph(through_argmap(amap, tmp_path, "small"), losses)
    assert canonical(back) == canonical(EVERY_CONSTRUCT)
    assert not losses
    # The implicit EDU after the text's, as it is no part of the text; the joint again.
    assert '<edu id="e12" implicit="true">Spending needs a reason.</edu>' in back
    assert back.count("<joint ") == 1


UND_ON_ADD_XML = """<arggraph id="x">
<edu id="e1">C.</edu><edu id="e2">A.</edu><edu id="e3">B.</edu><edu id="e4">U.</edu>
<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="pro"/>
<adu id="a4" type="opp"/>
<edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
<edge id="c3" src="e3" trg="a3" type="seg"/><edge id="c4" src="e4" trg="a4" type="seg"/>
<edge id="c5" src="a2" trg="a1" type="sup"/>
<edge id="c6" src="a3" trg="c5" type="add"/>
<edge id="c7" src="a4" trg="c6" type="und"/>
</arggraph>"""


def test_an_undercut_of_an_add_edge_undercuts_the_linked_support() -> None:
    losses = Losses()
    amap = read_arggraph(UND_ON_ADD_XML, "x.xml", losses)
    assert "u -| (a + b -> c)" in write_argmap(amap)
    assert [loss.describe("x.xml") for loss in losses] == [f"x.xml: warning: {UND_ON_ADD} (line 9)"]


def test_an_add_on_an_add_joins_the_same_support() -> None:
    xml = UND_ON_ADD_XML.replace('trg="c6" type="und"', 'trg="c6" type="add"')
    losses = Losses()
    amap = read_arggraph(xml, "x.xml", losses)
    assert "a + b + u -> c" in write_argmap(amap)
    assert not losses


def small(*elements: str) -> str:
    """A graph of one ADU `a1` (EDU `e1`, "C.") and the elements given, one a line."""
    return "\n".join(['<arggraph id="x">', '<edu id="e1">C.</edu>', *elements,
                      '<adu id="a1" type="pro"/>', '<edge id="c1" src="e1" trg="a1" type="seg"/>',
                      "</arggraph>"])


@pytest.mark.parametrize(
    ("elements", "warning"),
    [
        (['<edu id="e2">  </edu>'], "empty EDUs are dropped (line 3)"),
        (['<edu id="e2" implicit="true">I.</edu>'],
         "implicit EDUs in no ADU are dropped (the text does not say them) (line 3)"),
        (['<edu id="e2" implicit="true">I.</edu>', '<adu id="a2" type="pro"/>',
          '<edge id="c2" src="e2" trg="a2" type="seg"/>',
          '<edge id="c3" src="e1" trg="a2" type="seg"/>',
          '<edge id="c4" src="a2" trg="a1" type="sup"/>'],
         "an ADU of stated and implicit EDUs is not marked implicit (its quotes are the stated "
         "ones) (line 4)"),
        (['<edu id="e2">A <b>bold</b> claim.</edu>', '<adu id="a2" type="pro"/>',
          '<edge id="c2" src="e2" trg="a2" type="seg"/>',
          '<edge id="c3" src="a2" trg="a1" type="sup"/>'],
         "markup inside an <edu> is dropped (its text is kept) (line 3)"),
        (['<meta name="m"/>'], "<meta> elements are not read (the DTD has no such element)"),
        (['<joint id="j1" colour="red"/>'], "the attribute `colour` of <joint> is not read "
         "(line 3)"),
        (['<adu id="a2" type="neutral"/>'], "ADU types other than `pro` and `opp` are read as "
         "`pro` (line 3)"),
        (['<adu id="a2" type="pro"><note/></adu>'],
         "elements inside an <adu> are not read (line 3)"),
    ],
)
def test_what_the_text_cannot_hold_is_a_counted_warning(elements: list[str], warning: str) -> None:
    losses = Losses()
    read_arggraph(small(*elements), "x.xml", losses)
    assert [loss.describe("x.xml") for loss in losses] == [f"x.xml: warning: {warning}"]


@pytest.mark.parametrize(
    ("title", "attributes", "warning"),
    [
        ("micro_b001 (topic waste, stance pro)",
         {"id": "micro_b001", "topic_id": "waste", "stance": "pro"}, None),
        ("micro_d01", {"id": "micro_d01"}, None),
        ("x (stance con)", {"id": "x", "stance": "con"}, None),
        ("x (topic waste, stance maybe)", {"id": "x", "topic_id": "waste"},
         "a stance other than pro, con or unclear is not carried by arggraph"),
        ("Bins (draft)", {"id": "argmap"}, "the map's title is not carried by arggraph (its id "
         "is a name such as `micro_b001`, then topic and stance: `micro_b001 (topic waste, "
         "stance pro)`)"),
    ],
)
def test_the_title_gives_id_topic_and_stance(
    title: str, attributes: dict[str, str], warning: str | None
) -> None:
    amap = parse(f"@title {title}\nconclusion c: C.\n", "m.argmap")
    losses = Losses()
    root = ElementTree.fromstring(write_arggraph(amap, losses))
    assert root.attrib == attributes
    assert [loss.message for loss in losses] == ([warning] if warning else [])
    if warning is None:
        assert read_arggraph(write_arggraph(amap, Losses()), "x.xml", Losses()).title == title


# -- export of maps made in argmap ------------------------------------------------------------


def test_a_map_without_a_text_is_one_edu_per_statement(tmp_path: Path) -> None:
    source = tmp_path / "m.argmap"
    source.write_text("@title Bins?\npremise a: A.\n  > A\n  @implicit\nconclusion c: C.\n"
                      "a -> c\n", encoding="utf-8")
    losses = Losses()
    xml = write_arggraph(load_file(str(source)), losses)
    assert canonical(xml) == ("argmap", None, None, ["C."], ["A."],
                              [("pro", ("A.",)), ("pro", ("C.",))],
                              Counter({("sup", ("pro", ("A.",)), ("pro", ("C.",))): 1}))
    assert sorted(loss.message for loss in losses) == [
        "quotes are not carried by arggraph",
        "the map's title is not carried by arggraph (its id is a name such as `micro_b001`, "
        "then topic and stance: `micro_b001 (topic waste, stance pro)`)",
    ]


def test_a_text_that_is_not_the_quotes_lines_is_named(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("A and C, in prose.\n", encoding="utf-8")
    source = tmp_path / "m.argmap"
    source.write_text("@document t.txt\npremise a: A.\n  > A\nconclusion c: C.\na -> c\n",
                      encoding="utf-8")
    losses = Losses()
    write_arggraph(load_file(str(source)), losses)
    assert sorted(loss.message for loss in losses) == [
        "quotes are not carried by arggraph",
        "the analysed text (@document) is not carried by arggraph unless each quote is one "
        "of its lines (one EDU a line, as the import writes it)",
    ]


def test_an_edited_statement_and_a_name_are_named(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("A.\nC.\n", encoding="utf-8")
    source = tmp_path / "m.argmap"
    source.write_text("@document t.txt\npremise a: A, said better.\n  > A.\n"
                      "conclusion c: C.\n  > C.\nargument step: a -> c\n", encoding="utf-8")
    losses = Losses()
    xml = write_arggraph(load_file(str(source)), losses)
    assert canonical(xml)[3] == ["A.", "C."]
    assert [loss.describe("m.argmap") for loss in losses] == [
        "m.argmap: warning: statement texts other than their quotes joined are not carried by "
        "arggraph (an ADU's text is its EDUs') (line 2)",
        "m.argmap: warning: names of arguments and objections are not carried by arggraph "
        "(nor their tags and notes)",
    ]


def test_a_linked_objection_is_one_attack_with_its_other_premises_added() -> None:
    amap = parse("premise a: A.\npremise b: B.\npremise y: Y.\npremise s: S.\n"
                 "conclusion c: C.\ns -> c\na + b -| c\ny -| (a + b -| c)\n", "m.argmap")
    losses = Losses()
    edges = [(e.get("src"), e.get("trg"), e.get("type"))
             for e in ElementTree.fromstring(write_arggraph(amap, losses)).iter("edge")
             if e.get("type") != "seg"]
    assert edges == [("a4", "a5", "sup"), ("a1", "a5", "reb"), ("a2", "c7", "add"),
                     ("a3", "c7", "und")]
    assert not losses


# -- the command line -------------------------------------------------------------------------


def test_convert_keeps_the_text_beside_the_map_and_back_in_the_xml(tmp_path: Path) -> None:
    path = corpus("microtexts") / "micro_b003.xml"  # a thesis the text only defends
    runner = CliRunner()
    result = runner.invoke(main, ["convert", str(path), "-o", str(tmp_path / "b003.argmap")])
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr
    assert "@document b003.txt" in (tmp_path / "b003.argmap").read_text(encoding="utf-8")
    checked = runner.invoke(main, ["check", str(tmp_path / "b003.argmap")])
    assert checked.exit_code == 1
    # What is true, and only that: the text gives its thesis no reason.
    assert "b003.argmap:4:1: error: AM101 unsupported-conclusion:" in checked.stdout
    assert checked.stdout.endswith("1 error in 1 file\n")
    back = runner.invoke(main, ["convert", str(tmp_path / "b003.argmap"), "-o",
                                str(tmp_path / "back.xml")])
    assert back.exit_code == 0 and "warning" not in back.stderr, back.stderr
    xml = path.read_text(encoding="utf-8")
    assert canonical((tmp_path / "back.xml").read_text(encoding="utf-8")) == canonical(xml)
    again = runner.invoke(main, ["convert", str(path), "-o", str(tmp_path / "same.xml")])
    assert again.exit_code == 0 and "warning" not in again.stderr, again.stderr
