"""GraphML export: networkx reads it back, every attribute a GraphML scalar."""

from __future__ import annotations

import networkx as nx
from convert_helpers import DATA

from argmap import load
from argmap.convert.graphml import write_graphml


def test_graphml_reads_back_with_flat_attributes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    amap = load(str(DATA / "small.argmap"))
    path = tmp_path / "small.graphml"
    path.write_text(write_graphml(amap), encoding="utf-8")
    graph = nx.read_graphml(path)
    assert set(graph.nodes) == set(amap.graph.nodes)
    assert graph.number_of_edges() == amap.graph.number_of_edges()
    assert graph.nodes["rain"]["label"] == "It rained all night."
    assert graph.nodes["rain"]["kind"] == "premise"
    assert graph.nodes["rain"]["span"].endswith("small.argmap:2:1")
    assert graph.graph["title"] == "A small map"
    warrants = [data.get("warrant") for _, data in graph.nodes(data=True)]
    assert "water that cannot drain stays" in warrants
    for _, data in graph.nodes(data=True):
        assert all(isinstance(value, (str, int, float, bool)) for value in data.values())
