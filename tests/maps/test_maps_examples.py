"""The example maps in maps/: they load, their quotes are the article's, they use the language."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap
from argmap.checks.normalise import normalise_quote

ROOT = Path(__file__).resolve().parents[2]
MAPS = ROOT / "maps"
ARTICLE = ROOT.parent / "shared" / "sources" / "russia-china-oppose-the-globe.txt"
EXAMPLES = sorted(MAPS.glob("*.argmap"))

def code_lines(text: str) -> list[str]:
    """The source lines that are not comments (whole-line `# ...` comments dropped)."""
    return [line for line in text.splitlines() if not re.match(r"\s*#(\s|$)", line)]


@pytest.fixture(scope="module")
def russia_china() -> ArgumentMap:
    return argmap.load(str(MAPS / "russia-china.argmap"))


@pytest.fixture(scope="module")
def tutorial() -> ArgumentMap:
    return argmap.load(str(MAPS / "tutorial.argmap"))


def test_the_examples_are_there() -> None:
    names = {path.name for path in EXAMPLES}
    assert {"russia-china.argmap", "tutorial.argmap"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_every_example_map_loads(path: Path) -> None:
    amap = argmap.load(str(path))
    assert amap.title
    assert any(True for _ in amap.statements())


# -- the article's map ------------------------------------------------------------------


def test_every_premise_of_the_article_map_has_a_quote(russia_china: ArgumentMap) -> None:
    unquoted = [
        node for node, data in russia_china.statements()
        if data["kind"] == "premise" and not data["quotes"]
    ]
    assert unquoted == []


def test_every_quote_occurs_in_the_article(russia_china: ArgumentMap) -> None:
    if not ARTICLE.is_file():
        pytest.skip(f"the article is not beside the checkout ({ARTICLE} is absent)")
    article = normalise_quote(ARTICLE.read_text(encoding="utf-8"))
    quotes = [
        (node, quote) for node, data in russia_china.statements() for quote in data["quotes"]
    ]
    assert len(quotes) >= 20
    missing = [(node, quote) for node, quote in quotes if normalise_quote(quote) not in article]
    assert missing == []


def test_the_article_map_names_the_article_as_its_document(russia_china: ArgumentMap) -> None:
    assert russia_china.document is not None
    assert russia_china.document.name == ARTICLE.name
    if ARTICLE.is_file():
        assert russia_china.document.resolve() == ARTICLE.resolve()


def test_the_article_map_has_both_halves_and_the_wests_strategy(
    russia_china: ArgumentMap,
) -> None:
    titles = [section.title for section in russia_china.sections]
    assert any("Common" in title for title in titles)
    assert any("Limits" in title for title in titles)
    assert any("West" in title for title in titles)
    used = {data["section"] for _, data in russia_china.statements()}
    assert used == set(titles)


def test_the_article_map_has_one_supported_conclusion(russia_china: ArgumentMap) -> None:
    conclusions = [n for n, d in russia_china.statements() if d["kind"] == "conclusion"]
    assert conclusions == ["raise_costs"]
    assert russia_china.inferences_for("raise_costs")


def test_the_article_map_is_an_analysts_map(russia_china: ArgumentMap) -> None:
    kinds = Counter(data["kind"] for _, data in russia_china.statements())
    assert kinds["premise"] >= 10
    assert kinds["assumption"] >= 2
    assert kinds["claim"] >= 5
    inferences = [key for key, _ in russia_china.inferences()]
    assert any(len(russia_china.premises_of(key)) >= 2 for key in inferences)
    assert sum(1 for _, data in russia_china.inferences() if data["warrant"]) >= 5
    tags = {tag for _, data in russia_china.statements() for tag in data["tags"]}
    assert {"economy", "security", "diplomacy"} <= tags


def test_the_objection_is_attacked_and_a_step_is_undercut(russia_china: ArgumentMap) -> None:
    # The first half tells against the thesis; the article's "limit" answers it.
    assert "durable" in russia_china.attackers_of("breakup")
    assert "limit" in russia_china.attackers_of("durable")
    # The analyst's own objection undercuts the EU example's step, and says it is implicit.
    undercut = russia_china.find_inference(["eu_lever", "deal_first"], "xi_distances")
    assert undercut is not None
    assert russia_china.attackers_of(undercut) == ["energy_ties"]
    assert russia_china.graph.nodes["energy_ties"]["attributes"]["implicit"]


def test_every_statement_of_the_article_map_is_related(russia_china: ArgumentMap) -> None:
    graph = russia_china.graph
    orphans = [node for node, _ in russia_china.statements() if graph.degree(node) == 0]
    assert orphans == []
    # Every claim is argued for, except what the article reports as Putin's view.
    unsupported = [
        node for node, data in russia_china.statements()
        if data["kind"] in ("claim", "conclusion") and not russia_china.inferences_for(node)
    ]
    assert unsupported == ["partnership", "credibility"]
    assert {russia_china.graph.nodes[node]["attributes"]["by"] for node in unsupported} == {
        "Vladimir Putin"
    }


def test_the_article_map_has_no_circular_support(russia_china: ArgumentMap) -> None:
    import networkx as nx

    support = nx.DiGraph(
        (a, b) for a, b, kind in russia_china.graph.edges(data="kind")
        if kind in ("premise", "conclusion")
    )
    assert nx.is_directed_acyclic_graph(support)


def test_the_article_maps_statements_fit_in_a_box(russia_china: ArgumentMap) -> None:
    too_long = [
        (node, len(data["text"])) for node, data in russia_china.statements()
        if len(data["text"]) > 110
    ]
    assert too_long == []


# -- the tutorial -----------------------------------------------------------------------


def test_the_tutorial_uses_every_directive(tutorial: ArgumentMap) -> None:
    assert tutorial.title and tutorial.author and tutorial.date
    assert tutorial.document is not None and tutorial.document.is_file()
    # two @source lines in the map and one in the included file
    assert len(tutorial.sources) == 3
    assert len(tutorial.files) == 2
    assert any(name.endswith("money.argmap") for name in tutorial.files)


def test_the_tutorial_has_sections_and_included_statements_join_one(
    tutorial: ArgumentMap,
) -> None:
    titles = [section.title for section in tutorial.sections]
    assert titles == ["The proposal", "Safety", "Money", "Shops"]
    funded = tutorial.graph.nodes["funded"]
    assert funded["section"] == "Money"
    assert funded["span"].file.endswith("money.argmap")


def test_the_tutorial_uses_every_kind_and_attribute(tutorial: ArgumentMap) -> None:
    kinds = {data["kind"] for _, data in tutorial.statements()}
    assert kinds == {"premise", "assumption", "claim", "conclusion"}
    attributes: dict[str, object] = {}
    for _, data in tutorial.statements():
        attributes.update(data["attributes"])
    assert set(attributes) == {"note", "source", "url", "confidence", "by", "implicit"}
    assert attributes["confidence"] == 0.8
    assert attributes["by"] == "Two councillors" and attributes["implicit"] is True
    tags = {tag for _, data in tutorial.statements() for tag in data["tags"]}
    assert tags == {"safety", "money", "shops"}


def test_the_tutorial_shows_continuations_quotes_and_hashes_in_text(
    tutorial: ArgumentMap,
) -> None:
    injuries = tutorial.graph.nodes["injuries"]
    # the text continues on an indented line; "#1" is text, "#safety" a tag
    assert injuries["text"] == (
        "Last year 40 cyclists were injured on Main Street, the town's #1 road for accidents."
    )
    assert injuries["tags"] == ["safety"]
    # two `>` lines joined into one quote, then a lone `>` starting a second quote
    assert injuries["quotes"] == [
        "Last year, 40 cyclists were injured on Main Street",
        "more than on any other road in town",
    ]
    # an empty header text followed by its continuation
    assert tutorial.graph.nodes["safer"]["text"] == (
        "A protected lane would make Main Street safer for cyclists."
    )


def test_the_tutorial_uses_every_relation(tutorial: ArgumentMap) -> None:
    edge_kinds = {kind for _, _, kind in tutorial.graph.edges(data="kind")}
    assert edge_kinds == {"premise", "conclusion", "attack", "attacker", "contradicts"}
    inferences = [key for key, _ in tutorial.inferences()]
    assert any(len(tutorial.premises_of(key)) >= 3 for key in inferences)  # linked
    assert any(data["warrant"] for _, data in tutorial.inferences())
    undercut = tutorial.find_inference(["less_parking"], "shops_lose")
    assert undercut is not None and tutorial.attackers_of(undercut) == ["survey"]
    costly = tutorial.find_attack("costly", "build")  # undercut by `funded`: a node of its own
    assert costly is not None and tutorial.attackers_of(costly) == ["funded"]
    assert set(tutorial.attackers_of("build")) == {costly, "shops_lose"}
    named = tutorial.graph.nodes["safety"]  # `argument safety: ...`, over three lines
    assert named["kind"] == "inference" and named["tags"] == ["safety"]
    assert (named["span"].line, named["span"].end_line) == (
        named["span"].line, named["span"].line + 2
    )
    assert set(tutorial.attacked_by("shops_keep")) == {"shops_lose"}
    # the chain `parking -> less_parking -> shops_lose` made two inferences on one line
    first = tutorial.find_inference(["parking"], "less_parking")
    assert first is not None
    assert tutorial.graph.nodes[first]["span"].line == tutorial.graph.nodes[undercut]["span"].line


def test_the_tutorial_writes_unicode_operators_and_trailing_comments() -> None:
    source = (MAPS / "tutorial.argmap").read_text(encoding="utf-8")
    lines = code_lines(source)
    assert any("⊣" in line and "(" in line for line in lines)  # a Unicode undercut
    assert any("→" in line for line in lines)
    assert any(" >< " in line for line in lines)
    trailing = [line for line in lines if re.search(r"\s#\s", line)]
    starts = {line.lstrip()[:1] for line in trailing}
    # on a directive/attribute (@), section (=) and relation (an ID) line
    assert {"@", "="} <= starts
    assert any(line[:1].isalpha() for line in trailing)
    assert any(re.fullmatch(r"\s+# .*", line) for line in source.splitlines())
    assert any(re.fullmatch(r"\s+>", line) for line in source.splitlines())


def test_the_tutorial_refers_forward(tutorial: ArgumentMap) -> None:
    top = tutorial.graph.nodes["build"]["span"].file
    forward = [
        (source, target) for source, target, span in tutorial.graph.edges(data="span")
        for node in (source, target)
        if tutorial.is_statement(node)
        and tutorial.graph.nodes[node]["span"].file == top == span.file
        and tutorial.graph.nodes[node]["span"].line > span.line
    ]
    assert forward


def test_the_tutorials_syntax_tree_has_every_kind_of_line(tutorial: ArgumentMap) -> None:
    from argmap.language import syntax

    top = tutorial.syntax[0]
    nodes = top.nodes
    directives = {node.name for node in nodes if isinstance(node, syntax.Directive)}
    assert directives == {"title", "author", "date", "source", "document", "include"}
    supports = [node for node in nodes if isinstance(node, syntax.Support)]
    assert any(len(node.chain) == 3 for node in supports)  # a -> b -> c
    assert any(len(group) >= 2 for node in supports for group in node.chain)  # a + b -> c
    assert any(node.warrant for node in supports)
    attacks = [node for node in nodes if isinstance(node, syntax.Attack)]
    assert any(isinstance(node.target, syntax.InferenceRef) for node in attacks)  # undercut
    assert any(isinstance(node.target, syntax.Ref) for node in attacks)  # rebuttal
    assert any(isinstance(node, syntax.Contradiction) for node in nodes)
    # trailing comments on a directive, a section, a relation and an attribute line
    for kind in (syntax.Directive, syntax.SectionHeader, syntax.Support):
        assert any(isinstance(node, kind) and node.comment for node in nodes), kind
    bodies = [line for node in nodes if isinstance(node, syntax.Statement) for line in node.body]
    assert any(isinstance(line, syntax.Attribute) and line.comment for line in bodies)
    assert any(isinstance(line, syntax.Comment) for line in bodies)  # between indented lines
    assert any(isinstance(line, syntax.Continuation) for line in bodies)
    assert any(isinstance(line, syntax.QuoteLine) and not line.text for line in bodies)
    empty_headers = [
        node for node in nodes if isinstance(node, syntax.Statement) and not node.header_text
    ]
    assert [node.id for node in empty_headers] == ["safer"]
