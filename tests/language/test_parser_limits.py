"""Limits on what cannot be linear: premises per inference, brackets per relation; each a
located error reached in time and memory bounded by the limit, not by the input."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

import argmap
from argmap.errors import ParseError
from argmap.language.lexer import MAX_NESTING
from argmap.language.relations import MAX_PREMISES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from pathological_maps import many_premises, nested_attack_line, nested_attacks  # noqa: E402


def _only_error(text: str) -> argmap.Diagnostic:
    with pytest.raises(ParseError) as caught:
        argmap.parse(text, "m.argmap")
    [error] = caught.value.errors
    return error


def test_an_inference_of_the_most_premises_is_read() -> None:
    amap = argmap.parse(many_premises(MAX_PREMISES))
    assert len(amap.premises_of("inference-1")) == MAX_PREMISES


@pytest.mark.parametrize("count", [MAX_PREMISES + 1, 20_000])
def test_one_premise_too_many_is_an_error_at_that_premise(count: int) -> None:
    error = _only_error(many_premises(count))
    line = many_premises(count).splitlines()[-1]
    assert error.span.line == count + 2
    assert line[error.span.column - 1 : error.span.end_column - 1] == f"p{MAX_PREMISES}"
    assert error.message == (
        f"an inference has at most {MAX_PREMISES} premises; "
        "group some of them under intermediate claims"
    )


def test_too_many_premises_over_continuation_lines_or_in_an_undercut() -> None:
    names = [f"p{i}" for i in range(MAX_PREMISES + 1)]
    statements = "".join(f"premise {name}: {name}.\n" for name in names) + "claim c: C.\n"
    continued = statements + "p0\n" + "".join(f"  + {name}\n" for name in names[1:]) + "  -> c\n"
    error = _only_error(continued)
    assert (error.span.line, error.span.column) == (len(names) + 2 + MAX_PREMISES, 5)
    undercut = f"{statements}p0 -> c\npremise x: X.\nx -| ({' + '.join(names)} -> c)\n"
    assert "at most 200 premises" in _only_error(undercut).message


def test_a_relation_over_many_continuation_lines_is_read_in_linear_time() -> None:
    """Each premise's place was worked out afresh from every line before it (55 s at
    10,000 lines); now a table of where the lines start is kept."""
    names = [f"p{i}" for i in range(MAX_PREMISES)]
    statements = "".join(f"premise {name}: {name}.\n" for name in names) + "claim c: C.\n"

    def timed(lines: int) -> float:
        text = statements + "p0\n" + "  + p1\n" * lines + "  -> c\n"
        start = time.perf_counter()
        with pytest.raises(ParseError):  # p1 repeated: an error, found after every line
            argmap.parse(text)
        return time.perf_counter() - start

    timed(100)
    assert timed(40_000) < 40 * timed(4_000) + 0.5


def test_attacks_on_attacks_nest_up_to_the_limit() -> None:
    amap = argmap.parse(nested_attacks(MAX_NESTING))
    assert len(list(amap.attack_nodes())) == MAX_NESTING  # every attack but the last undercut


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 3_000])
def test_one_bracket_too_deep_is_an_error_at_that_bracket(depth: int) -> None:
    text = nested_attack_line(depth)
    error = _only_error(text)
    assert text[error.span.column - 1] == "("
    assert text[: error.span.column - 1].count("(") == MAX_NESTING
    assert error.message.startswith(f"brackets nest at most {MAX_NESTING} deep in a relation")


def test_every_line_too_deep_is_reported_and_the_rest_read() -> None:
    with pytest.raises(ParseError) as caught:
        argmap.parse(nested_attacks(MAX_NESTING + 40))
    errors = caught.value.errors
    assert len(errors) == 40  # the lines 33 to 72 brackets deep
    assert all(error.message.startswith("brackets nest") for error in errors)


def _run_limited(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of at most 2 GB of address space, as the report had it."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2_000_000_000, 2_000_000_000))

    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=300,
        check=False,
    )


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
@pytest.mark.parametrize("command", ["check", "show", "fmt"])
def test_deep_attacks_are_refused_within_two_gigabytes(tmp_path: Path, command: str) -> None:
    """3,000 nested attacks (a 49 MB map) ran out of memory; each line past the limit is
    now one error, found before the line is read further."""
    (tmp_path / "m.argmap").write_text(nested_attacks(3_000), encoding="utf-8")
    result = _run_limited([command, "m.argmap"], tmp_path)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert f"brackets nest at most {MAX_NESTING} deep" in result.stdout + result.stderr


def test_an_objection_has_at_most_the_premises_an_inference_may_have() -> None:
    from argmap.language.relations import MAX_PREMISES

    ids = [f"p{index}" for index in range(MAX_PREMISES + 1)]
    text = "".join(f"premise {name}: X.\n" for name in ids) + "claim c: C.\n"
    with pytest.raises(argmap.ParseError, match="an objection has at most 200 premises"):
        argmap.parse(text + " + ".join(ids) + " -| c\n", "m.argmap")
    amap = argmap.parse(text + " + ".join(ids[:-1]) + " -| c\n", "m.argmap")
    (node, _), = amap.attack_nodes()
    assert len(amap.attackers_of_attack(node)) == MAX_PREMISES
