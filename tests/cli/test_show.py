"""`argmap show`: the text summary and trees, the node-link JSON, errors and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.errors import MapFileError

REPO = Path(__file__).resolve().parents[2]
VALID = REPO / "tests" / "data" / "valid"
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;)[0-9;]*m")


def show(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["show", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "m.argmap"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_text_shows_metadata_counts_sections_and_the_tree() -> None:
    code, out, err = show(str(VALID / "full_language.argmap"))
    assert (code, err) == (0, "")
    for expected in [
        "Should the town build a bike lane?",
        "A. Analyst · 2026-11-28",
        "document: full_language.txt",
        "5 premises, 1 assumption, 2 claims, 1 conclusion",
        "4 inferences, 3 attacks, 1 contradiction",
        "  Safety   5 statements",
        "  Traffic  1 statement",
        "conclusion build: The town should build the lane.",
        "├── ← claim safer: A lane would make the street safer.",
        "⇐ together, because what worked there will work here",
        "+ assumption similar: Main Street is like the streets where lanes",
        "⊣ premise busy_road: Main Street carries heavy through traffic.",
        ">< premise unfunded: Nobody pays for it.",
        "└── ⊣ claim too_dear: The lane costs too much.  ↑ see above",
    ]:
        assert expected in out, expected
    assert "\x1b[" not in out


def test_cycles_end_with_see_above() -> None:
    code, out, _ = show(str(VALID / "support_cycle.argmap"))
    assert code == 0
    assert out.count("↑ see above") == 5
    assert out.count("claim b: B.") == 3


def test_without_a_conclusion_the_unused_statements_are_the_roots() -> None:
    code, out, _ = show(str(VALID / "no_conclusion.argmap"))
    assert code == 0
    assert "No conclusion; statements that support or attack nothing\nclaim b: B.\n" in out


def test_an_empty_map_says_so() -> None:
    code, out, _ = show(str(VALID / "empty.argmap"))
    assert code == 0
    assert "(untitled map)" in out
    assert "The map is empty: it has no statements." in out


def test_user_text_is_never_read_as_markup(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "@title [bold]T[/bold]\nconclusion c: [red]not markup[/red] <b>x</b> \\[\n",
    )
    code, out, _ = show(path)
    assert code == 0
    assert "[bold]T[/bold]" in out
    assert "conclusion c: [red]not markup[/red] <b>x</b> \\[" in out


def test_deep_maps_are_cut_at_the_depth(tmp_path: Path) -> None:
    lines = ["premise s0: start", *(f"claim s{i}: step {i}" for i in range(1, 3000))]
    lines += ["conclusion top: end", "s2999 -> top"]
    lines += [f"s{i} -> s{i + 1}" for i in range(2999)]
    path = write(tmp_path, "\n".join(lines))
    code, out, _ = show(path)
    assert code == 0
    assert "claim s2988: step 2988" in out
    assert "claim s2987" not in out
    assert "⋯ 2988 more levels below; --depth 3000 shows them" in out
    code, out, _ = show("--depth", "3", path)
    assert "claim s2997: step 2997" in out and "claim s2996" not in out
    assert "⋯ 2997 more levels below; --depth 3000 shows them" in out


def chain(tmp_path: Path, length: int) -> str:
    lines = ["premise s0: step 0", *(f"claim s{i}: step {i}" for i in range(1, length))]
    lines += ["conclusion top: the end", f"s{length - 1} -> top"]
    lines += [f"s{i} -> s{i + 1}" for i in range(length - 1)]
    return write(tmp_path, "\n".join(lines))


@pytest.mark.parametrize("columns", [None, "100", "60"])
def test_a_tree_deeper_than_the_width_goes_on_in_parts_and_nothing_is_cut(
    tmp_path: Path, columns: str | None
) -> None:
    env = {"COLUMNS": columns} if columns else {}
    code, out, _ = show("--depth", "400", chain(tmp_path, 300), env=env)
    assert code == 0
    for i in range(300):
        assert f"claim s{i}: " in out or f"premise s{i}: " in out
    assert out.count(": step ") == 300 + out.count("continued in part")
    assert "more levels below" not in out
    width = int(columns) if columns else 1000
    assert max(len(line) for line in out.splitlines()) <= width
    per_part = (width - 30) // 4
    assert f"⋯ continued in part 2 below\npart 2 of the tree of top, from level {per_part}:\n" in (
        re.sub(r" *\n *└── ", "\n", out)
    )


def test_the_cut_names_the_levels_of_the_deepest_branch(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "conclusion c: C\nclaim a: A\nclaim b: B\npremise p: P\npremise q: Q\n"
        "a -> c\nb -> c\np -> a\nq -> b : because\n",
    )
    code, out, _ = show("--depth", "1", path)
    assert out.count("⋯ ") == 2
    assert "⋯ 1 more level below; --depth 2 shows them" in out
    assert "⋯ 2 more levels below; --depth 3 shows them" in out


def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    path = str(VALID / "minimal.argmap")
    _, coloured, _ = show(path, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert COLOUR.search(coloured)
    _, plain, _ = show(path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not COLOUR.search(plain)


def test_json_is_node_link_data_with_metadata_under_graph() -> None:
    code, out, err = show("--format", "json", str(VALID / "full_language.argmap"))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {"directed", "graph", "links", "multigraph", "nodes"}
    assert data["graph"]["title"] == "Should the town build a bike lane?"
    assert data["graph"]["document"] == "full_language.txt"
    assert data["graph"]["sources"] == [
        "Town council minutes, 3 March",
        "Cycling survey 2025",
        "Evaluation of lanes elsewhere",
    ]
    assert [s["title"] for s in data["graph"]["sections"]] == ["Safety", "Costs", "Traffic"]
    nodes = {node["id"]: node for node in data["nodes"]}
    assert nodes["injuries"]["attributes"]["confidence"] == 0.9
    assert nodes["injuries"]["span"]["line"] == 11
    assert nodes["inference-4"]["warrant"] == "a chain; the warrant belongs to its last step"
    kinds = {(link["source"], link["target"]): link["kind"] for link in data["links"]}
    assert kinds[("busy_road", "inference-1")] == "attack"
    assert kinds[("unfunded", "funded")] == "contradicts"
    # Not a terminal: compact, on one line, without spaces.
    assert out == json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def test_json_indent_option() -> None:
    path = str(VALID / "full_language.argmap")
    _, compact, _ = show("--format", "json", path)
    code, out, _ = show("--format", "json", "--indent", "2", path)
    assert code == 0
    data = json.loads(compact)
    assert out == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert show("--format", "json", "--indent", "0", path)[1].startswith('{\n"directed": true,')


def test_json_of_an_empty_map(tmp_path: Path) -> None:
    (tmp_path / "empty.argmap").write_text("", encoding="utf-8")
    code, out, _ = show("--format", "json", str(tmp_path / "empty.argmap"))
    assert code == 0 and json.loads(out)["nodes"] == [] and json.loads(out)["links"] == []


def test_map_errors_go_to_stderr_with_a_caret_and_exit_1(tmp_path: Path) -> None:
    path = write(tmp_path, "premis a: A\nconclusion c: C\nb -> c\n")
    code, out, err = show(path)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:1:1: error: AM001 syntax-error: unknown statement kind `premis`; "
        "did you mean `premise`?\n"
        "  premis a: A\n"
        "  ^^^^^^\n"
        f"{path}:3:1: error: AM002 undefined-reference: undefined statement `b`; define it with a "
        "line such as "
        "`premise b: ...`\n"
        "  b -> c\n"
        "  ^\n"
        "2 errors in 1 file\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.argmap"], "does not exist"),
        (["."], "is a directory"),
        (["--format", "xml", "x"], "'xml' is not one of 'text', 'json'"),
        (["--depth", "0", "x"], "0 is not in the range x>=1"),
        ([], "Missing argument 'MAP'"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    code, out, err = show(*args)
    assert code == 2
    assert message in err


def test_an_unreadable_map_exits_2_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: str, **_: object) -> None:
        raise MapFileError(f"cannot read {path}: Permission denied", path)

    monkeypatch.setattr("argmap.cli.common.load_file", refuse)
    path = write(tmp_path, "premise a: A\n")
    code, out, err = show(path)
    assert (code, out) == (2, "")
    assert err == f"error: cannot read {path}: Permission denied\n"


def test_a_terminal_that_cannot_show_unicode_gets_question_marks_not_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "show", str(VALID / "unicode_and_hostile.argmap")],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"premise gr??e: Gr??e z?hlt" in result.stdout
    assert result.stderr == b""


def test_a_map_that_is_all_cycle_says_there_is_no_root(tmp_path: Path) -> None:
    code, out, _ = show(write(tmp_path, "claim a: A\nclaim b: B\na -> b\nb -| a\n"))
    assert code == 0
    assert out.endswith(
        "No conclusion; statements that support or attack nothing\n"
        "(none: every statement supports or attacks another)\n"
    )


DETAILED = """@title Details
@source Town council note, 3 March 2026
== Safety ==
premise injuries: 40 cyclists were injured. #safety
  > 40 cyclists were injured
  @source Police report
  @url https://example.org/report
  @confidence 0.8
claim costly: The lane costs too much.
  @by Shopkeepers
  @note They said so at the meeting.
conclusion build: Build the lane.
  @implicit
argument safety: injuries -> build : injuries call for a fix #safety
  @note The main argument.
costly -| build
"""


def test_details_say_everything_the_map_says_of_each_statement_and_argument(
    tmp_path: Path,
) -> None:
    code, out, err = show(write(tmp_path, DETAILED), "--details")
    assert (code, err) == (0, "")
    assert "source: Town council note, 3 March 2026\n" in out
    assert "claim costly: The lane costs too much.  (by Shopkeepers)" in out
    assert "conclusion build: Build the lane.  (implicit)" in out
    statements = out[out.index("\nStatements\n") :]
    assert statements == (
        "\nStatements\n"
        "premise injuries: 40 cyclists were injured.  #safety\n"
        "    label: IN, strength 0.80\n"
        "    > 40 cyclists were injured\n"
        "    source: Police report\n"
        "    url: https://example.org/report\n"
        "    confidence: 0.8\n"
        "    section: Safety\n"
        "claim costly: The lane costs too much.\n"
        "    verdict: accepted (IN), strength 0.50\n"
        "    by: Shopkeepers\n"
        "    note: They said so at the meeting.\n"
        "    section: Safety\n"
        "conclusion build: Build the lane.\n"
        "    verdict: contested (OUT), strength 0.65\n"
        "    why: `build` is contested: its support stands, and so does the objection "
        "`costly` -| `build`; weighed, its support prevails (strength 0.65).\n"
        "    implicit: the text does not state it\n"
        "    section: Safety\n"
        "\nArguments\n"
        "argument safety: injuries -> build  #safety\n"
        "    label: IN, strength 0.80\n"
        "    warrant: injuries call for a fix\n"
        "    note: The main argument.\n"
    )
    code, plain, _ = show(write(tmp_path, DETAILED))
    assert "\nStatements\n" not in plain and "Police report" not in plain


def test_a_linked_objection_is_one_attack_with_its_premises_together(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "premise s: S.\npremise a: A.\npremise b: B.\npremise u: U.\nconclusion c: C.\n"
        "s -> c\na + b -| c\nargument late: u + a -| (s -> c)\n",
    )
    code, out, _ = show(path)
    assert code == 0
    assert "1 inference, 2 attacks, 0 contradictions" in out
    assert out.endswith(
        "conclusion c: C.\n"
        "├── ⇐ inference\n"
        "│   ├── + premise s: S.\n"
        "│   └── ⊣ argument late: together\n"
        "│       ├── + premise u: U.\n"
        "│       └── + premise a: A.\n"
        "└── ⊣ objection, together\n"
        "    ├── + premise a: A.  ↑ see above\n"
        "    └── + premise b: B.\n"
    )


def test_details_list_a_named_attack_among_the_arguments(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "premise s: S.\npremise a: A.\npremise u: U.\nconclusion c: C.\n"
        "s -> c\nargument late: u + a -| (s -> c) #why\n  @note Too late.\n",
    )
    code, out, _ = show("--details", path)
    assert code == 0
    assert out.endswith(
        "Arguments\nargument late: u + a -| (s -> c)  #why\n"
        "    label: IN, strength 0.50\n    note: Too late.\n"
    )
