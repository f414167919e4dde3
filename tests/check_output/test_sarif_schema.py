"""argmap's SARIF is valid SARIF 2.1.0: checked against the official schema, kept offline."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from argmap.check_output.sarif import format_sarif
from argmap.checks import Finding, Severity
from argmap.errors import Span

jsonschema = pytest.importorskip("jsonschema", reason="the `test` extra installs jsonschema")
SCHEMA = Path(__file__).parents[1] / "data" / "sarif" / "sarif-schema-2.1.0.json"
NAMES = ["maps/a,b.argmap", "sp ace/x.argmap", "c#1.argmap", "100%?.argmap", "漢字/é.argmap"]


def findings(names: list[str]) -> list[Finding]:
    return [
        Finding("AM105", "orphan-statement", Severity.WARNING, f"in {name}",
                Span(name, 2, 1, 2, 5), "x")
        for name in names
    ] + [Finding("AM203", "unquoted-premise", Severity.INFO, "no place", None, "y")]


def validate(log: object) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(error.absolute_path)}: {error.message}"
              for error in validator.iter_errors(log)]
    assert errors == []


def test_the_checker_tells_invalid_uris() -> None:
    """Without a URI format checker (rfc3987) this test would pass anything."""
    checker = jsonschema.FormatChecker()
    assert not checker.conforms("sp ace/x.argmap", "uri-reference")
    assert checker.conforms("sp%20ace/x.argmap", "uri-reference")


def test_sarif_is_valid_and_its_uris_name_the_files(tmp_path: Path) -> None:
    log = json.loads(format_sarif(findings(NAMES), base=tmp_path))
    validate(log)
    (run,) = log["runs"]
    root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert root == tmp_path.as_uri() + "/"
    for name, result in zip(NAMES, run["results"], strict=False):
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%"
        parts = urlsplit(location["uri"])
        assert (parts.scheme, parts.query, parts.fragment) == ("", "", "")
        assert unquote(parts.path) == name


def test_sarif_of_a_map_outside_the_root_is_valid(tmp_path: Path) -> None:
    log = json.loads(format_sarif(findings(["../elsewhere/x y.argmap"]), base=tmp_path / "r"))
    validate(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": (tmp_path / "elsewhere/x y.argmap").as_uri()}
