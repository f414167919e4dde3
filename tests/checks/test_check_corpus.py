"""A real corpus: the arg-microtexts (112 short texts with their argument graphs) checked.

Each arggraph is turned into a map with the builder (ADUs as statements quoting their
EDUs, `sup`/`exa` with their `add` premises as inferences, `reb` as attacks, `und` on a
support as an undercut, `und` on an attack as an attack on the objection) and checked
against its own text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from argmap.analysis.labels import Label, compute_labels
from argmap.checks import run_checks
from argmap.errors import Span
from argmap.model import ArgumentMap

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "microtexts"
SUPPORT = {"sup", "exa"}


def to_map(path: Path) -> ArgumentMap:
    root = ElementTree.parse(path).getroot()
    edus = {edu.get("id", ""): edu.text or "" for edu in root.iter("edu")}
    edges = {edge.get("id", ""): edge.attrib for edge in root.iter("edge")}
    quotes: defaultdict[str, list[str]] = defaultdict(list)
    added: defaultdict[str, list[str]] = defaultdict(list)
    for edge in edges.values():
        if edge["type"] == "seg":
            quotes[edge["trg"]].append(edus[edge["src"]])
        elif edge["type"] == "add":
            added[edge["trg"]].append(edge["src"])
    amap = ArgumentMap(path=path)
    _statements(amap, root, edges, quotes)
    _relations(amap, edges, added)
    return amap


def _statements(amap: ArgumentMap, root: ElementTree.Element, edges: dict, quotes: dict) -> None:
    sources = {e["src"] for e in edges.values() if e["type"] != "seg"}
    supported = {e["trg"] for e in edges.values() if e["type"] in SUPPORT}
    for line, adu in enumerate(root.iter("adu"), start=1):
        node = adu.get("id", "")
        kind = "conclusion" if node not in sources else "claim" if node in supported else "premise"
        span = Span(str(amap.path), line, 1, line, 2)
        amap.add_statement(node, kind, " ".join(quotes[node]), span=span, quotes=quotes[node])


def _relations(amap: ArgumentMap, edges: dict, added: dict) -> None:
    span = Span(str(amap.path), 1, 1, 1, 2)
    inferences = {}
    for key, edge in edges.items():
        if edge["type"] in SUPPORT:
            premises = [edge["src"], *added[key]]
            inferences[key] = amap.add_inference(premises, edge["trg"], span=span)
    for key, edge in edges.items():
        target = edge["trg"]
        if edge["type"] == "reb" and amap.graph.has_node(target):
            for attacker in [edge["src"], *added[key]]:
                amap.add_attack(attacker, target, span=span)
        elif edge["type"] == "und":
            # An undercut of a support is an undercut; an undercut of an attack is written
            # the way an analyst would in argmap: as an attack on the objection itself.
            attacked = inferences.get(target) or edges[target]["src"]
            for attacker in [edge["src"], *added[key]]:
                amap.add_attack(attacker, attacked, span=span)


@pytest.fixture(scope="module")
def corpus() -> list[tuple[ArgumentMap, Path]]:
    if not CORPUS.is_dir():
        pytest.skip(f"the microtexts corpus is not beside the checkout ({CORPUS} is absent)")
    return [(to_map(xml), xml.with_suffix(".txt")) for xml in sorted(CORPUS.glob("*.xml"))]


def test_the_microtexts_check_as_an_analyst_expects(
    corpus: list[tuple[ArgumentMap, Path]],
) -> None:
    assert len(corpus) == 112
    counts: Counter[str] = Counter()
    for amap, text in corpus:
        counts.update(f.rule for f in run_checks(amap, select=["ALL"], document=text))
    # Every EDU is found in its own text, and the graphs are trees: no quote-not-found, no
    # cycle, no orphan, nothing irrelevant. What remains is what an analyst would say:
    # 7 texts only fend off an objection to their central claim and give no reason for it
    # (micro_b001: "Yes, it's annoying ... But still ..."), and 30 concede an objection and
    # never answer it (micro_b004: "Of course there are programmes not worth the fee ...
    # Nevertheless ..."), so their central claim is contested.
    assert counts == Counter({"contested-conclusion": 30, "unsupported-conclusion": 7})


def test_labels_of_the_microtexts(corpus: list[tuple[ArgumentMap, Path]]) -> None:
    central = Counter(
        compute_labels(amap)[node].value
        for amap, _ in corpus
        for node, data in amap.statements()
        if data["kind"] == "conclusion"
    )
    assert central == Counter({"IN": 75, "OUT": 37})
    labels = [label for amap, _ in corpus for label in compute_labels(amap).values()]
    assert Label.UNDEC not in labels

