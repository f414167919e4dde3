"""Files in other tools' formats built to find super-linear work in argmap's readers.

Each generator takes a size in characters and returns text of about that size: a normal
file of each format (the yardstick), and inputs that once took minutes or never ended
(openers that are never closed, repeated texts, one long line, cycles of joints). The
linear-time tests in tests/convert time them against the normal file; the fuzz suite may use
them as seeds.
"""

from __future__ import annotations

import json
from collections.abc import Callable


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def _sized(build: Callable[[int], str], size: int) -> str:
    """`build(count)` with the count that makes about `size` characters (measured twice:
    numbers grow longer with the count)."""
    count = max(2, size * 200 // len(build(200)))
    return build(max(2, size * count // len(build(count))))


# -- Argdown ----------------------------------------------------------------------------------


def argdown_normal(size: int) -> str:
    """Statements with relations, tags, mentions, emphasis, comments and headings."""
    blocks = []
    total = number = 0
    while total < size:
        block = (
            f"# Section {number}\n\n"
            f"[Claim {number}]: The *claim* number {number} holds. #topic-{number % 7}\n"
            f"  + [Reason {number}]: A reason for it, see @[Claim {number + 1}]. <!-- ok -->\n"
            f"  - <Objection {number}>: An objection with __strong__ words. #(open question)\n"
            f"    <+ [Reply {number}]: A reply to the objection.\n\n"
            f"<Argument {number}>\n\n"
            f"(1) [Reason {number}]\n(2) Another premise, [linked](http://example.org/{number}).\n"
            "-- modus ponens --\n"
            f"(3) [Claim {number}]\n\n"
        )
        blocks.append(block)
        total += len(block)
        number += 1
    return "".join(blocks)


def argdown_mention_openers(size: int) -> str:
    """`@[` without a closing bracket, over and over (a lazy pattern: minutes)."""
    return _repeat("@[", size)


def argdown_comment_openers(size: int) -> str:
    """`<!--` that never closes."""
    return _repeat("<!--", size)


def argdown_block_comment_openers(size: int) -> str:
    """`/* ` that never closes."""
    return _repeat("/* ", size)


def argdown_link_openers(size: int) -> str:
    """`[a](` without a closing parenthesis."""
    return _repeat("[a](", size)


def argdown_tag_openers(size: int) -> str:
    """`#(` without a closing parenthesis, in one statement."""
    return _repeat("#(", size, "[A]: ")


def argdown_emphasis_openers(size: int) -> str:
    """`*a ` and `_a `: emphasis that opens and never closes."""
    return _repeat("*a _a ", size, "[A]: ")


def argdown_escapes(size: int) -> str:
    """Backslashes: every other character escaped."""
    return _repeat("\\<\\[\\*", size, "[A]: ")


def argdown_headings(size: int) -> str:
    """Heading after heading, each a section of its own."""
    return _sized(lambda count: "".join(f"# H{i}\n\n" for i in range(count)), size)


def argdown_class_tags(size: int) -> str:
    """One equivalence class with many members, each with a tag of its own."""
    return _sized(lambda count: "".join(f"[A]: x #t{i}\n\n" for i in range(count)), size)


def argdown_front_matter(size: int) -> str:
    """A front-matter value continued over many lines."""
    return _repeat("  word\n", size, "===\ntitle: a\n", "===\n\n[A]: x\n")


def argdown_not_a_group(size: int) -> str:
    """A heading whose braces hold `isGroup: false` over and over, never closed."""
    return _repeat("isGroup: false ", size, "# H {", "\n\n[A]: x\n")


ARGDOWN: dict[str, Callable[[int], str]] = {
    "mention openers": argdown_mention_openers,
    "comment openers": argdown_comment_openers,
    "block comment openers": argdown_block_comment_openers,
    "link openers": argdown_link_openers,
    "tag openers": argdown_tag_openers,
    "emphasis openers": argdown_emphasis_openers,
    "escapes": argdown_escapes,
    "headings": argdown_headings,
    "class tags": argdown_class_tags,
    "front matter": argdown_front_matter,
    "not a group": argdown_not_a_group,
}


# -- JSON and AIF -----------------------------------------------------------------------------


def _nodeset(count: int, text: Callable[[int], str], indent: int | None = 1) -> str:
    """`count` I-nodes, every pair joined by an RA-node (and every tenth attacked)."""
    nodes = [{"nodeID": str(i), "text": text(i), "type": "I"} for i in range(count)]
    edges = []
    for i in range(0, count - 1, 2):
        ra = f"ra{i}"
        nodes.append({"nodeID": ra, "text": "Default Inference", "type": "RA"})
        edges += [{"fromID": str(i), "toID": ra}, {"fromID": ra, "toID": str(i + 1)}]
        if i % 10 == 0:
            nodes.append({"nodeID": f"ca{i}", "text": "Default Conflict", "type": "CA"})
            edges += [{"fromID": str(i + 1), "toID": f"ca{i}"}, {"fromID": f"ca{i}", "toID": ra}]
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []}, indent=indent)


def aif_normal(size: int) -> str:
    """An AIF nodeset: statements, inferences and attacks, indented as exports are."""
    return _sized(lambda n: _nodeset(n, lambda i: f"Statement number {i} of the debate."), size)


def aif_same_text(size: int) -> str:
    """Every statement with the same text (the same ID slug, numbered)."""
    return _sized(lambda n: _nodeset(n, lambda i: "The same statement."), size)


def aif_one_line(size: int) -> str:
    """A nodeset on one line (no indentation): every node's line is line 1."""
    return _sized(lambda n: _nodeset(n, lambda i: f"Statement {i} of the debate.", None), size)


def aif_wide_inference(size: int) -> str:
    """One RA-node with every statement as its premise."""
    return _sized(_wide_inference, size)


def _wide_inference(count: int) -> str:
    nodes = [{"nodeID": str(i), "text": f"Premise {i}.", "type": "I"} for i in range(count)]
    nodes.append({"nodeID": "ra", "text": "", "type": "RA"})
    edges = [{"fromID": str(i), "toID": "ra"} for i in range(1, count)] + [
        {"fromID": "ra", "toID": "0"}
    ]
    return json.dumps({"nodes": nodes, "edges": edges}, indent=1)


def json_unclosed_strings(size: int) -> str:
    """`"\\` over and over: strings that open and never close (a quadratic token scan)."""
    return _repeat('"\\', size)


def json_long_integers(size: int) -> str:
    """A list of integers as long as Python converts (4,300 digits)."""
    return "[" + ",".join(["7" * 4300] * max(1, size // 4301)) + "]"


def json_deep_strings(size: int) -> str:
    """Brackets inside strings (not nesting) and escaped quotes, over and over."""
    return "[" + ",".join(['"[[{{\\"\\\\"'] * max(1, size // 11)) + "]"


AIF: dict[str, Callable[[int], str]] = {
    "same text": aif_same_text,
    "one line": aif_one_line,
    "wide inference": aif_wide_inference,
    "unclosed strings": json_unclosed_strings,
    "long integers": json_long_integers,
    "brackets in strings": json_deep_strings,
}


# -- arggraph XML -----------------------------------------------------------------------------


def _arggraph(elements: list[str], one_line: bool = False) -> str:
    separator = "" if one_line else "\n  "
    body = separator.join(elements)
    return f'<?xml version="1.0"?>\n<arggraph id="x">{separator}{body}\n</arggraph>\n'


def arggraph_normal(size: int) -> str:
    """A microtext-like graph: an EDU and an ADU per statement, supports and rebuttals."""
    return _sized(_normal, size)


def _normal(count: int) -> str:
    elements = [f'<edu id="e{i}">Segment number {i} of the text.</edu>' for i in range(count)]
    elements += [f'<adu id="a{i}" type="{"opp" if i % 5 == 4 else "pro"}"/>'
                 for i in range(count)]
    elements += [f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(count)]
    elements += [f'<edge id="c{i}" src="a{i}" trg="a0" type="{"reb" if i % 5 == 4 else "sup"}"/>'
                 for i in range(1, count)]
    return _arggraph(elements)


def arggraph_one_line(size: int) -> str:
    """A normal graph on one line."""
    return _sized(_one_line, size)


def _one_line(count: int) -> str:
    elements = [f'<edu id="e{i}">Segment {i}.</edu><adu id="a{i}" type="pro"/>'
                f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(count)]
    elements += [f'<edge id="c{i}" src="a{i}" trg="a0" type="sup"/>' for i in range(1, count)]
    return _arggraph(elements, one_line=True)


def arggraph_joint_diamonds(size: int) -> str:
    """Joints in a chain of diamonds (each level reached twice: 2^n paths) closed by a
    cycle, all segmenting one ADU."""
    return _sized(_joint_diamonds, size)


def _joint_diamonds(levels: int) -> str:
    elements = ['<edu id="e0">The only segment.</edu>', '<adu id="a0" type="pro"/>',
                '<joint id="j0"/>', '<edge id="s0" src="e0" trg="j0" type="seg"/>']
    for level in range(levels):
        low, left, right, high = f"j{level}", f"l{level}", f"r{level}", f"j{level + 1}"
        elements += [f'<joint id="{left}"/>', f'<joint id="{right}"/>', f'<joint id="{high}"/>']
        elements += [f'<edge id="{a}{level}" src="{s}" trg="{t}" type="seg"/>' for a, s, t in (
            ("la", low, left), ("ra", low, right), ("lb", left, high), ("rb", right, high))]
    elements += [f'<edge id="back" src="j{levels}" trg="j0" type="seg"/>',
                 f'<edge id="top" src="j{levels}" trg="a0" type="seg"/>']
    return _arggraph(elements)


def arggraph_wide_adu(size: int) -> str:
    """One ADU made of every EDU."""
    return _sized(_wide_adu, size)


def _wide_adu(count: int) -> str:
    elements = [f'<edu id="e{i}">Part {i}.</edu>' for i in range(count)]
    elements.append('<adu id="a0" type="pro"/>')
    elements += [f'<edge id="s{i}" src="e{i}" trg="a0" type="seg"/>' for i in range(count)]
    return _arggraph(elements)


def arggraph_undercut_chain(size: int) -> str:
    """A support undercut, the undercut undercut, and so on."""
    return _sized(_undercut_chain, size)


def _undercut_chain(count: int) -> str:
    elements = [f'<edu id="e{i}">Segment {i}.</edu>' for i in range(count)]
    elements += [f'<adu id="a{i}" type="pro"/>' for i in range(count)]
    elements += [f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(count)]
    elements.append('<edge id="c1" src="a1" trg="a0" type="sup"/>')
    elements += [f'<edge id="c{i}" src="a{i}" trg="c{i - 1}" type="und"/>'
                 for i in range(2, count)]
    return _arggraph(elements)


ARGGRAPH: dict[str, Callable[[int], str]] = {
    "one line": arggraph_one_line,
    "joint diamonds": arggraph_joint_diamonds,
    "wide ADU": arggraph_wide_adu,
    "undercut chain": arggraph_undercut_chain,
}

NORMAL: dict[str, Callable[[int], str]] = {
    "argdown": argdown_normal,
    "aif": aif_normal,
    "arggraph": arggraph_normal,
}
"""The yardstick of each reader: a normal file of the same size."""

PATHOLOGICAL: dict[str, dict[str, Callable[[int], str]]] = {
    "argdown": ARGDOWN,
    "aif": AIF,
    "arggraph": ARGGRAPH,
}
"""reader -> name -> generator."""
