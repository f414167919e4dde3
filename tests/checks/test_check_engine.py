"""The rule engine: registry, lookup, select/ignore, docstring examples, inline suppression."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.checks import RULES, Severity, get_rule, resolve_rules, run_checks
from argmap.errors import CheckError

# Rules whose examples need a document beside the map (their YAML cases cover them).
DOCUMENT_RULES = {"quote-not-found", "document-not-found"}


def codes(rules: Any) -> list[str]:
    return [rule.code for rule in rules]


def test_codes_and_names_are_unique_and_grouped() -> None:
    assert len({rule.name for rule in RULES.values()}) == len(RULES) == 18
    for code, rule in RULES.items():
        assert re.fullmatch(r"AM[0-3]\d\d", code) and rule.code == code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.name)
    assert {rule.name for rule in RULES.values() if rule.code.startswith("AM0")} == {
        "syntax-error",
        "undefined-reference",
        "duplicate-id",
    }


def test_every_rule_is_documented() -> None:
    for rule in RULES.values():
        for part in ("What it finds:", "Why it matters:", "Failing example", "Fixed example"):
            assert part in rule.doc, (rule.name, part)
        assert rule.summary.endswith(".")


def _examples(doc: str) -> tuple[str, str]:
    blocks = re.findall(r"example[^\n]*:\n\n((?:    [^\n]*\n|\n)+)", doc)
    failing, fixed = (re.sub(r"^    ", "", block, flags=re.M).strip() + "\n" for block in blocks)
    return failing, fixed


@pytest.mark.parametrize(
    "name", [rule.name for rule in RULES.values() if rule.name not in DOCUMENT_RULES]
)
def test_docstring_examples_fail_and_pass(name: str, check: Any) -> None:
    rule = get_rule(name)
    failing, fixed = _examples(rule.doc)
    assert any(f.rule == name for f in check(failing, select=[name]))
    assert check(fixed, select=[name]) == []


def test_get_rule_by_code_or_name() -> None:
    assert get_rule("AM103").name == "circular-reasoning"
    assert get_rule("am103") is get_rule("circular-reasoning")
    assert get_rule(" Quote-Not-Found ").code == "AM201"


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("circular", 'no such rule: "circular"; did you mean "circular-reasoning"?'),
        ("AM112", 'no such rule: "AM112"; did you mean "AM111"?'),
        ("zzz", 'no such rule: "zzz"; `argmap rules` lists them'),
        # A part of a name, in any case, from three characters on; shorter keys match too much.
        ("orp", 'no such rule: "orp"; did you mean "orphan-statement"?'),
        ("ORPHAN", 'no such rule: "ORPHAN"; did you mean "orphan-statement"?'),
        ("Stat", 'no such rule: "Stat"; did you mean "orphan-statement"?'),
        ("ID", 'no such rule: "ID"; `argmap rules` lists them'),
    ],
)
def test_unknown_rule_is_a_clear_error(key: str, message: str) -> None:
    with pytest.raises(CheckError) as caught:
        get_rule(key)
    assert str(caught.value) == message


def test_default_selection_leaves_unquoted_premise_off() -> None:
    assert "AM203" not in codes(resolve_rules())
    assert "AM110" not in codes(resolve_rules())
    assert len(resolve_rules()) == 16
    assert "AM203" in codes(resolve_rules(["ALL"]))


def test_select_ignore_codes_names_prefixes_and_all() -> None:
    assert codes(resolve_rules(["circular-reasoning"])) == ["AM001", "AM002", "AM003", "AM103"]
    assert codes(resolve_rules(["AM2"])) == ["AM001", "AM002", "AM003", "AM201", "AM202", "AM203"]
    assert "AM105" not in codes(resolve_rules(ignore=["orphan-statement"]))
    assert codes(resolve_rules(["ALL"], ["ALL"])) == ["AM001", "AM002", "AM003"]
    assert codes(resolve_rules(["ALL"], ["AM1", "AM2"])) == ["AM001", "AM002", "AM003", "AM301"]


def test_parser_rules_cannot_be_ignored() -> None:
    assert codes(resolve_rules(ignore=["syntax-error"]))[:3] == ["AM001", "AM002", "AM003"]


def test_findings_are_sorted_and_stamped(check: Any) -> None:
    findings = check(
        "premise z: Z.\nclaim b: B.\nclaim a: A.\na -> a\n", select=["ALL"]
    )
    assert [(f.span.line, f.code) for f in findings] == [
        (1, "AM105"),
        (1, "AM107"),
        (1, "AM203"),
        (2, "AM101"),
        (2, "AM105"),
        (3, "AM103"),
    ]
    assert findings[0].severity is Severity.WARNING and findings[0].rule == "orphan-statement"


SUPPRESSED = """\
premise rain: It is raining.
# argmap: ignore[orphan-statement]
premise tuesday: Today is Tuesday.
# Kept for the next version of the argument.
# argmap: ignore[AM105, unquoted-premise]
premise friday: Today is Friday.
# argmap: ignore[orphan-statement]

premise sunday: The blank line above ends the comment block.
conclusion wet: The streets are wet.
rain -> wet
"""


def test_inline_suppression(check: Any) -> None:
    findings = check(SUPPRESSED, select=["orphan-statement", "unquoted-premise"])
    assert [(f.rule, f.statement) for f in findings] == [
        ("unquoted-premise", "rain"),
        ("unquoted-premise", "tuesday"),
        ("orphan-statement", "sunday"),
        ("unquoted-premise", "sunday"),
    ]


def test_suppression_of_an_unknown_rule_is_an_error(check: Any) -> None:
    with pytest.raises(CheckError, match=r'map.argmap:1: no such rule: "orphan"'):
        check("# argmap: ignore[orphan]\npremise a: A.\n")


@pytest.mark.parametrize(
    ("comment", "column", "problem"),
    [
        ("# argmap: ignore[]", 1, "names no rule; write `# argmap: ignore[RULE, ...]`"),
        ("# argmap: ignore[ , ]", 1, "names no rule; write `# argmap: ignore[RULE, ...]`"),
        ("# argmap: ignore[orphan-statement", 1, "has no closing `]`"),
        ("# argmap:ignore orphan-statement", 1, "is not of the form `# argmap: ignore[RULE, ...]`"),
        ("  # argmap: ignore orphan-statement", 3,
         "is not of the form `# argmap: ignore[RULE, ...]`"),
        ("# note # argmap: ignore[AM105", 8, "has no closing `]`"),
        ("# argmap: ignore[AM105] # argmap: ignore[", 25, "has no closing `]`"),
    ],
)
def test_a_malformed_suppression_is_reported_where_it_is(
    check: Any, tmp_path: Path, comment: str, column: int, problem: str
) -> None:
    with pytest.raises(CheckError) as caught:
        check(f"premise rain: It is raining.\n{comment}\npremise lonely: Alone.\n")
    assert str(caught.value) == (
        f"{tmp_path / 'map.argmap'}:2:{column}: malformed suppression `{comment.strip()}` "
        f"{problem}"
    )


def test_every_directive_on_a_comment_line_counts(check: Any) -> None:
    source = (
        "conclusion wet: The streets are wet.\n"
        "  # kept # argmap: ignore[orphan-statement] # argmap: ignore[unquoted-premise]\n"
        "premise lonely: Alone.\n"
    )
    findings = check(source, select=["orphan-statement", "unquoted-premise"])
    assert [(f.rule, f.statement) for f in findings] == [("orphan-statement", "wet")]


def test_suppression_in_an_included_file(tmp_path: Path, check: Any) -> None:
    part = "# argmap: ignore[orphan-statement]\npremise lonely: Alone.\npremise other: Other.\n"
    findings = check(
        "@include part.argmap\nconclusion c: C.\nother -> c\n",
        files={"part.argmap": part},
        select=["orphan-statement"],
    )
    assert findings == []


def test_run_checks_document_override(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("It rains in Spain.\n", encoding="utf-8")
    amap = argmap.parse(
        "@document nowhere.txt\npremise r: R.\n  > it rains in spain\n", str(tmp_path / "m.argmap")
    )
    assert [f.rule for f in run_checks(amap, select=["AM2"])] == ["document-not-found"]
    assert run_checks(amap, select=["AM2"], document=tmp_path / "article.txt") == []
