"""The forms an AIF nodeset comes in: plain, OVA3/xAIF-wrapped and arguebuf's JSON dump.

Each is turned into the plain form (`nodes`, `edges` lists) plus the analysed text, if the
file carries one; what a form holds beyond that is counted in Losses. OVA3 is written back
with a simple layered layout, so that OVA opens it with every node in view.
"""

from __future__ import annotations

import html
import re
from collections import deque
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from argmap.convert.losses import Losses
from argmap.errors import ConvertError

PLAIN, OVA3, ARGUEBUF = "plain", "ova3", "arguebuf"
OVA3_KNOWN = frozenset({"AIF", "OVA", "text", "dialog"})
"""Members of an OVA3 object that argmap reads or knowingly leaves (OVA's layout)."""
ARGUEBUF_SCHEMES = {"support": "RA", "attack": "CA", "rephrase": "MA", "preference": "PA"}
ARGUEBUF_DEFAULTS = {"RA": "Default Inference", "CA": "Default Conflict",
                     "MA": "Default Rephrase", "PA": "Default Preference"}
_BREAK_TAGS = frozenset({"br", "p", "div", "li", "tr"})


@dataclass
class Unwrapped:
    """A plain nodeset, the form it came in and the analysed text it carried (or None)."""

    nodeset: dict[str, Any]
    form: str
    text: str | None = None


def unwrap(data: Any, path: str, losses: Losses) -> Unwrapped:
    """The plain nodeset inside `data`, whichever of the three forms it is in."""
    if isinstance(data, dict) and not isinstance(data.get("AIF"), dict) and isinstance(
        data.get("aif"), dict
    ):  # OVA's own TypeScript names the members in lower case
        data = {key.upper() if key in ("aif", "ova") else key: value
                for key, value in data.items()}
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        return _ova3(data, path, losses)
    if isinstance(data, dict) and isinstance(data.get("nodes"), dict):
        return _arguebuf(data, path, losses)
    if isinstance(data, dict) and isinstance(data.get("nodes"), list):
        return Unwrapped(data, PLAIN)
    raise ConvertError("not an AIF nodeset: expected an object with a `nodes` list, an OVA3 "
                       "object with an `AIF` member, or an arguebuf graph", path, 1, 1)


def _ova3(data: dict[str, Any], path: str, losses: Losses) -> Unwrapped:
    inner: dict[str, Any] = data["AIF"]
    if not isinstance(inner.get("nodes"), list):
        raise ConvertError("not an AIF nodeset: the `AIF` member has no `nodes` list", path, 1, 1)
    ova = data.get("OVA")
    placed = ova.get("nodes") if isinstance(ova, dict) else None
    if isinstance(placed, list) and placed:
        losses.add(f"OVA's layout (the positions of {len(placed)} nodes) is not kept; "
                   "argmap lays maps out itself")
    others = sorted(key for key, value in data.items() if key not in OVA3_KNOWN and value)
    if others:
        losses.add("members of the OVA3 object that argmap does not read were dropped: "
                   + ", ".join(f"`{key}`" for key in others))
    return Unwrapped(inner, OVA3, _ova_text(data.get("text")))


def _ova_text(value: Any) -> str | None:
    """OVA's `text` (HTML, or an object whose `txt` is) as plain text; None when empty."""
    if isinstance(value, dict):
        value = value.get("txt")
    if not isinstance(value, str):
        return None
    text = html_to_text(value)
    return text if text.strip() else None


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The text a browser shows of OVA's HTML: tags dropped, `<br>` a line break, each line
    stripped, runs of blank lines kept to one, ending in one newline."""
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n" if text else ""


def text_to_html(text: str) -> str:
    """Plain text as OVA shows it: escaped, each line break a `<br>`."""
    return "<br>".join(html.escape(line, quote=False) for line in text.splitlines())


# -- arguebuf -------------------------------------------------------------------------------


def _arguebuf(data: dict[str, Any], path: str, losses: Losses) -> Unwrapped:
    """arguebuf's JSON (protobuf's JSON mapping of arg_services.graph.v1.Graph): nodes and
    edges are objects keyed by ID; an atom is an I-node, a scheme an RA, CA, MA or PA node."""
    edges = data.get("edges", {})
    if not isinstance(edges, dict):
        raise ConvertError("not an arguebuf graph: `edges` is not an object", path, 1, 1)
    nodes: list[dict[str, Any]] = []
    quotes: dict[str, str] = {}
    for node_id, node in data["nodes"].items():
        if not isinstance(node, dict):
            raise ConvertError(f"node `{node_id}` is not an object", path, 1, 1)
        nodes.append(_arguebuf_node(str(node_id), node, path, losses, quotes))
    plain_edges = []
    for edge_id, edge in edges.items():
        if not isinstance(edge, dict) or "source" not in edge or "target" not in edge:
            raise ConvertError(f"edge `{edge_id}` has no `source` or `target`", path, 1, 1)
        plain_edges.append({"edgeID": str(edge_id), "fromID": str(edge["source"]),
                            "toID": str(edge["target"])})
    nodeset = {"nodes": nodes, "edges": plain_edges, "quotes": quotes,
               "majorClaim": data.get("majorClaim", data.get("major_claim"))}
    _arguebuf_losses(data, losses)
    return Unwrapped(nodeset, ARGUEBUF, _resource_text(data.get("resources"), losses))


def _arguebuf_node(
    node_id: str, node: dict[str, Any], path: str, losses: Losses, quotes: dict[str, str]
) -> dict[str, Any]:
    atom, scheme = node.get("atom"), node.get("scheme")
    if isinstance(atom, dict):
        reference = atom.get("reference")
        if isinstance(reference, dict) and str(reference.get("text") or "").strip():
            quotes[node_id] = " ".join(str(reference["text"]).split())
        return {"nodeID": node_id, "type": "I", "text": str(atom.get("text") or "")}
    if not isinstance(scheme, dict):
        raise ConvertError(f"node `{node_id}` is neither an `atom` nor a `scheme`", path, 1, 1)
    for field, kind in ARGUEBUF_SCHEMES.items():
        if field in scheme:
            name = _scheme_name(str(scheme[field]), field, ARGUEBUF_DEFAULTS[kind])
            return {"nodeID": node_id, "type": kind, "text": name, "scheme": name}
    # A scheme without a type is, in arguebuf's words, an inference of unknown kind.
    losses.add("arguebuf scheme nodes without a type were read as supports (RA)")
    return {"nodeID": node_id, "type": "RA", "text": ARGUEBUF_DEFAULTS["RA"]}


def _scheme_name(value: str, field: str, default: str) -> str:
    """`SUPPORT_EXPERT_OPINION` -> `Expert Opinion`; the `_DEFAULT` member -> AIF's default."""
    prefix = field.upper() + "_"
    words = value[len(prefix):] if value.startswith(prefix) else value
    if words in ("DEFAULT", "0", ""):
        return default
    return " ".join(word.capitalize() for word in words.split("_"))


def _resource_text(resources: Any, losses: Losses) -> str | None:
    if not isinstance(resources, dict) or not resources:
        return None
    texts = [str(resource.get("text") or "").strip() for resource in resources.values()
             if isinstance(resource, dict)]
    texts = [text for text in texts if text]
    if len(texts) > 1:
        losses.add(f"the graph has {len(texts)} resources; their texts are kept one after "
                   "the other, separated by a blank line")
    return "\n\n".join(texts) + "\n" if texts else None


def _arguebuf_losses(data: dict[str, Any], losses: Losses) -> None:
    for member, words in (("participants", "participants"), ("analysts", "analysts")):
        value = data.get(member)
        if isinstance(value, dict) and value:
            losses.add(f"arguebuf {words} are not carried by argmap", count=len(value))
    with_userdata = sum(1 for node in data["nodes"].values()
                        if isinstance(node, dict) and node.get("userdata"))
    if with_userdata or data.get("userdata"):
        losses.add("arguebuf userdata is not carried by argmap",
                   count=with_userdata + int(bool(data.get("userdata"))))


# -- writing OVA3 ---------------------------------------------------------------------------

LAYER_HEIGHT = 150
COLUMN_WIDTH = 250


def wrap_ova3(nodeset: dict[str, Any], text: str | None) -> dict[str, Any]:
    """The nodeset as OVA3 saves it: `AIF`, the analysed text as HTML, and OVA's layout."""
    inner = {"nodes": nodeset["nodes"], "edges": nodeset["edges"], "schemefulfillments": [],
             "descriptorfulfillments": [], "participants": [], "locutions": []}
    positions = _layers(nodeset)
    columns: dict[int, int] = {}
    placed = []
    for node in nodeset["nodes"]:
        layer = positions[node["nodeID"]]
        column = columns[layer] = columns.get(layer, -1) + 1
        placed.append({"nodeID": node["nodeID"], "visible": True,
                       "x": 100 + column * COLUMN_WIDTH, "y": 100 + layer * LAYER_HEIGHT,
                       "timestamp": ""})
    ova_edges = [{"fromID": edge["fromID"], "toID": edge["toID"], "visible": True}
                 for edge in nodeset["edges"]]
    return {"AIF": inner, "text": text_to_html(text or ""),
            "OVA": {"firstname": "", "surname": "", "url": "", "nodes": placed,
                    "edges": ova_edges}}


def _layers(nodeset: dict[str, Any]) -> dict[str, int]:
    """Each node's layer: 0 for a node nothing leads on from (a conclusion), else one more
    than the nearest layer it leads to; breadth-first, so cycles end."""
    out_of: dict[str, list[str]] = {}
    into: dict[str, list[str]] = {}
    for edge in nodeset["edges"]:
        out_of.setdefault(edge["fromID"], []).append(edge["toID"])
        into.setdefault(edge["toID"], []).append(edge["fromID"])
    layers = {node["nodeID"]: 0 for node in nodeset["nodes"] if node["nodeID"] not in out_of}
    queue = deque(layers)
    while queue:
        node_id = queue.popleft()
        for source in into.get(node_id, ()):
            if source not in layers:
                layers[source] = layers[node_id] + 1
                queue.append(source)
    return {node["nodeID"]: layers.get(node["nodeID"], 0) for node in nodeset["nodes"]}
