"""AIF JSON: the AIFdb corpus imports, argmap -> AIF -> argmap keeps the graph, bad input fails
with a located error."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from convert_helpers import ROUND_TRIP_MAPS, corpus

from argmap import load, parse
from argmap.convert.aif import read_aif, write_aif
from argmap.convert.argmap_writer import write_argmap
from argmap.convert.losses import Losses
from argmap.errors import ConvertError
from argmap.model import ArgumentMap


def shape(amap: ArgumentMap) -> tuple[Counter[str], set[tuple[frozenset[str], str, str | None]],
                                      set[tuple[str, str, str]]]:
    """Statement texts, inferences (premise texts, conclusion text, warrant) and attacks (a
    linked objection's attacker texts joined with ` + `, sorted)."""
    text = {node: data["text"] for node, data in amap.statements()}
    inferences = {
        (frozenset(text[p] for p in amap.premises_of(i)), text[amap.conclusion_of(i)],
         data.get("warrant"))
        for i, data in amap.inferences()
    }
    attacks = set()
    for source, target, kind, _ in amap.relations():
        named = text[target] if target in text else amap.kind(target)
        attacker = " + ".join(sorted(text[a] for a in source.split(" + ")))
        attacks.add((attacker, named, kind))
    return Counter(text.values()), inferences, attacks


def test_the_aifdb_corpus_imports_with_the_dialogue_layer_counted() -> None:
    for path in sorted(corpus("aif").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        types = Counter(node["type"] for node in data["nodes"])
        losses = Losses()
        amap = read_aif(path.read_text(encoding="utf-8"), str(path), losses)
        assert sum(1 for _ in amap.statements()) == types["I"]
        inferences = sum(1 for _ in amap.inferences())
        assert inferences == types["RA"] + types["MA"]
        warnings = [loss.describe(path.name) for loss in losses]
        dialogue = [w for w in warnings if "dialogue layer" in w]
        assert dialogue and f"{types['L']} L" in dialogue[0] and f"{types['YA']} YA" in dialogue[0]
        # The map it writes parses back to the same graph.
        again = parse(write_argmap(amap), str(path.with_suffix(".argmap")))
        assert shape(again) == shape(amap)


@pytest.mark.parametrize("path", ROUND_TRIP_MAPS, ids=lambda p: p.name)
def test_argmap_to_aif_and_back_keeps_statements_inferences_and_attacks(path: Path) -> None:
    amap = load(str(path))
    text = write_aif(amap, Losses())
    back = read_aif(text, "round.json", Losses())
    before, after = shape(amap), shape(back)
    assert after == before


def test_export_is_a_valid_nodeset() -> None:
    amap = parse("premise a: A.\nclaim b: B.\npremise x: X.\na -> b : rule\nx -| (a -> b)\n")
    data = json.loads(write_aif(amap, Losses()))
    assert set(data) == {"nodes", "edges", "locutions"}
    assert Counter(node["type"] for node in data["nodes"]) == {"I": 3, "RA": 1, "CA": 1}
    ids = {node["nodeID"] for node in data["nodes"]}
    assert all(edge["fromID"] in ids and edge["toID"] in ids for edge in data["edges"])
    assert [n["text"] for n in data["nodes"] if n["type"] == "RA"] == ["rule"]


def test_export_names_what_aif_cannot_carry() -> None:
    amap = parse("== S ==\nassumption a: A. #t\n  > q\n  @note n\nclaim b: B.\na -> b\n")
    losses = Losses()
    write_aif(amap, losses)
    messages = " | ".join(loss.message for loss in losses)
    for word in ("tags", "quotes", "notes", "sections", "kinds"):
        assert word in messages


def test_kinds_are_derived_and_rephrases_become_supports() -> None:
    nodeset = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "It rains."},
            {"nodeID": "2", "type": "I", "text": "The street is wet."},
            {"nodeID": "3", "type": "RA", "text": "Default Inference"},
            {"nodeID": "4", "type": "I", "text": "The road is wet."},
            {"nodeID": "5", "type": "MA", "text": "Default Rephrase"},
            {"nodeID": "6", "type": "I", "text": "Nobody saw it rain."},
            {"nodeID": "7", "type": "CA", "text": "Default Conflict"},
            {"nodeID": "8", "type": "I", "text": "An isolated thought."},
        ],
        "edges": [
            {"edgeID": "a", "fromID": "1", "toID": "3"},
            {"edgeID": "b", "fromID": "3", "toID": "2"},
            {"edgeID": "c", "fromID": "2", "toID": "5"},
            {"edgeID": "d", "fromID": "5", "toID": "4"},
            {"edgeID": "e", "fromID": "6", "toID": "7"},
            {"edgeID": "f", "fromID": "7", "toID": "1"},
        ],
    }
    amap = read_aif(json.dumps(nodeset), "x.json", Losses())
    text = write_argmap(amap)
    assert text == (
        "premise rains: It rains.\n"
        "claim street_wet: The street is wet.\n"
        "conclusion road_wet: The road is wet.\n"
        "premise nobody_saw_rain: Nobody saw it rain.\n"
        "premise isolated_thought: An isolated thought.\n"
        "\n"
        "rains -> street_wet\n"
        "street_wet -> road_wet : rephrase\n"
        "nobody_saw_rain -| rains\n"
    )


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('{"nodes": [\n  {"nodeID": "1",\n   "type": "I" "text": "x"}]}', "not valid JSON", 3),
        ("[" * 100 + "]" * 100, "nested deeper than 64", 1),
        ('{"edges": []}', "not an AIF nodeset", 1),
        ('{"nodes": [{"type": "I"}]}', "no `nodeID`", 1),
        ('{"nodes": [], "edges": [{"fromID": "1"}]}', "no `fromID` or `toID`", 1),
        ('{"nodes": [{"nodeID": 1, "type": "I"},\n{"nodeID": 1, "type": "I"}]}',
         "defined twice", 1),
    ],
)
def test_malformed_aif_is_a_located_error(text: str, message: str, line: int) -> None:
    with pytest.raises(ConvertError) as caught:
        read_aif(text, "bad.json", Losses())
    assert message in caught.value.message
    assert caught.value.path == "bad.json"
    assert caught.value.line == line


@pytest.mark.parametrize("ending", ["\n", "\r\n", ""])
def test_json_cut_short_is_located_at_the_end_of_its_last_line(ending: str) -> None:
    """Found by the fuzz suite: json names the line after the last one (2:1) here."""
    with pytest.raises(ConvertError) as caught:
        read_aif('{"nodes": [1' + ending, "bad.json", Losses())
    assert (caught.value.line, caught.value.column) == (1, 13)


def test_a_ca_node_with_two_premises_is_one_linked_objection() -> None:
    nodeset = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "The roof is closed."},
            {"nodeID": "2", "type": "I", "text": "There is a roof."},
            {"nodeID": "3", "type": "I", "text": "The street is wet."},
            {"nodeID": "4", "type": "CA", "text": "Default Conflict"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "1", "toID": "4"},
            {"edgeID": "2", "fromID": "2", "toID": "4"},
            {"edgeID": "3", "fromID": "4", "toID": "3"},
        ],
    }
    amap = read_aif(json.dumps(nodeset), "linked.json", Losses())
    (attack, _), = amap.attack_nodes()
    assert [amap.graph.nodes[a]["text"] for a in amap.attackers_of_attack(attack)] == [
        "The roof is closed.", "There is a roof."]
    assert amap.graph.nodes[amap.target_of(attack)]["text"] == "The street is wet."
    written = json.loads(write_aif(amap, Losses()))
    assert Counter(node["type"] for node in written["nodes"]) == {"I": 3, "CA": 1}
    ca = next(node["nodeID"] for node in written["nodes"] if node["type"] == "CA")
    assert sum(1 for edge in written["edges"] if edge["toID"] == ca) == 2
