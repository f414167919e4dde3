"""The fuzz suite's inputs and properties: bundles of files mutated from the repository's maps.

A bundle is the few files one run reads: the map `m.argmap`, maybe an included
`part.argmap`, a `@document` `doc.txt` and a `pyproject.toml` with `[tool.argmap.check]`.
Bundles are made by mutating the example maps (`maps/`) and the test maps (`tests/data/`)
line by line and character by character. The properties hold for every bundle:

- the library (parse, check, show, render to DOT, convert) raises nothing but ArgmapError;
- the CLI never prints a traceback and exits 0, 1 or 2;
- every located message names a file of the bundle, a line within that file's line count
  and a column within that line (or one past its end).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import json
import os
import re
import shutil
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from rich.console import Console

import argmap
from argmap.cli import main
from argmap.errors import ArgmapError, Diagnostic, ParseError, Span
from argmap.textlines import split_lines
from argmap.visible import _ESCAPES

REPO = Path(__file__).resolve().parents[2]
REGRESSIONS = Path(__file__).resolve().parent / "regressions"
MAP = "m.argmap"
PART = "part.argmap"
DOCUMENT = "doc.txt"
PYPROJECT = "pyproject.toml"
MARKDOWN = "doc.md"
ARGUMENTS = "args.json"
"""A case's own command line (a JSON list), replayed besides the usual commands."""
FAILED: list[Bundle] = []
"""The inputs that failed in the running test, the smallest (hypothesis' last) at the end."""
STORED = ".case"

LONG = os.environ.get("ARGMAP_FUZZ") == "long"
EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "2000" if LONG else "8"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    # `make test` runs the same few examples every time (a fixed seed: no flaky runs);
    # `make fuzz` draws new ones, and keeps what fails in tests/fuzz/regressions/.
    derandomize=not LONG,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _seed_texts(pattern_roots: list[tuple[Path, str]]) -> list[str]:
    texts = []
    for root, pattern in pattern_roots:
        for path in sorted(root.glob(pattern)):
            texts.append(path.read_bytes().decode("utf-8", "replace"))
    return texts


SEED_MAPS = _seed_texts([(REPO / "maps", "**/*.argmap"), (REPO / "tests" / "data", "**/*.argmap")])
SEED_DOCUMENTS = _seed_texts([(REPO / "maps", "*.txt"), (REPO / "tests" / "data", "**/*.txt")])
SEED_CONFIGS = [
    '[tool.argmap.check]\nselect = ["ALL"]\nignore = ["unquoted-premise"]\n',
    '[tool.argmap.check]\nselect = "AM1,AM2"\n',
    "[tool.argmap]\ncheck = 3\n",
    '[tool.argmap.check]\nignore = ["AM203", "orphan-statement"]\nselect = []\n',
]
FRAGMENTS = [
    "premise", "claim", "assumption", "conclusion", "premis", " a", " b", " c", ":", " ", "\t",
    "\n", "\r\n", "\r", "->", "→", "-|", "⊣", "><", "+", "(", ")", "#", "# ", "#tag", ">",
    "  > ", "  @note ", "  @confidence ", " 0.5", " 2", "@title ", "@include ", " part.argmap",
    "@document ", " doc.txt", "== ", "==", "\ufeff", "é", "\x00", "-", "|", "<", "=",
    "\x1b[2J", "\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c", "\u202e",
    "# argmap: ignore[", "]", "# argmap: ignore[AM203]", "inference-1", "安全", "\U0001f600",
    "../", "/etc/passwd", "part.argmap", "  ", "\\", '"', "<script>", "{", "}", "%",
]  # fmt: skip


def _converted_seeds() -> dict[str, list[str]]:
    """The seed maps that parse, written as Argdown and AIF: inputs for the importers."""
    from argmap.convert import FORMATS, write_map
    from argmap.convert.losses import Losses

    seeds: dict[str, list[str]] = {"argdown": [], "aif": []}
    for text in SEED_MAPS:
        try:
            amap = argmap.parse(text)
        except ArgmapError:
            continue
        for name, texts in seeds.items():
            texts.append(write_map(amap, FORMATS[name], Losses()))
    corpora = REPO.parent / "shared" / "corpora"  # the corpora add real-world inputs, if here
    seeds["argdown"] += _seed_texts([(corpora / "argdown", "*.argdown")])[:6]
    seeds["aif"] += _seed_texts([(corpora / "aif", "*.json")])[:6]
    return seeds


IMPORT_SEEDS = _converted_seeds()
IMPORTS = {"argdown": "in.argdown", "aif": "in.json"}


MARKDOWN_BLOCKS = [
    "# A report\n\nSome text.\n\n```argmap\n{body}\n```\n\nMore text.\n",
    '# Two\n\n```argmap focus="a" depth=1\n{body}\n```\n\n```argmap src="m.argmap"\n```\n',
    "- a list\n  ```argmap evaluate\n  {body}\n  ```\n> ```argmap\n> premise a: A\n> ```\n",
]
"""Markdown documents for `argmap embed`, `{body}` standing for a map's text."""


@dataclass(frozen=True)
class Bundle:
    """The files of one fuzz case, by name (relative to the folder they are written to)."""

    files: tuple[tuple[str, bytes], ...]

    def write(self, folder: Path, stored: bool = False) -> Path:
        """Write the files into `folder`; `stored`: as a regression case, where a
        pyproject.toml is `pyproject.toml.case` (ruff and pytest would read it as theirs)."""
        for name, data in self.files:
            (folder / (name + STORED if stored and name == PYPROJECT else name)).write_bytes(data)
        return folder / MAP

    def digest(self) -> str:
        blob = b"".join(name.encode() + b"\0" + data + b"\0" for name, data in self.files)
        return hashlib.sha256(blob).hexdigest()[:16]

    @staticmethod
    def read(folder: Path) -> Bundle:
        """A regression case written by `keep`."""
        files = [(path.name.removesuffix(STORED), path.read_bytes()) for path in folder.iterdir()]
        return Bundle(tuple(sorted(files)))


# -- strategies --------------------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, seeds: list[str], most: int = 6) -> str:
    """One of `seeds`, with a few lines deleted, duplicated, swapped, cut, or grafted from
    another seed, and characters inserted, deleted or replaced."""
    lines = split_lines(draw(st.sampled_from(seeds))) or [""]
    for _ in range(draw(st.integers(0, most))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        action = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "graft", "cut", "insert", "remove", "replace"]
            )
        )
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], line
        elif action == "graft":
            donor = split_lines(draw(st.sampled_from(seeds))) or [""]
            lines.insert(index, draw(st.sampled_from(donor)))
        elif action == "cut":
            lines[index] = line[: draw(st.integers(0, len(line)))]
        else:
            at = draw(st.integers(0, len(line)))
            piece = draw(st.sampled_from(FRAGMENTS) | st.characters(codec="utf-8"))
            end = at + (0 if action == "insert" else 1)
            lines[index] = line[:at] + ("" if action == "remove" else piece) + line[end:]
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    return ending.join(lines) + draw(st.sampled_from([ending, ""]))


@st.composite
def as_bytes(draw: st.DrawFn, text: str) -> bytes:
    """The text as UTF-8; now and then with a BOM, or a byte flipped (invalid UTF-8)."""
    data = text.encode("utf-8", "surrogatepass")
    trick = draw(st.sampled_from(["plain"] * 8 + ["bom", "flip"]))
    if trick == "bom":
        return b"\xef\xbb\xbf" + data
    if trick == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        return data[:at] + bytes([draw(st.integers(0x80, 0xFF))]) + data[at + 1 :]
    return data


@st.composite
def bundles(draw: st.DrawFn) -> Bundle:
    """A map, and maybe a file it includes, its document and a pyproject.toml."""
    text = draw(mutated(SEED_MAPS))
    files: dict[str, bytes] = {}
    extra: list[str] = []
    if draw(st.booleans()):
        files[PART] = draw(as_bytes(draw(mutated(SEED_MAPS))))
        extra.append(f"@include {PART}")
    if draw(st.booleans()):
        files[DOCUMENT] = draw(as_bytes(draw(mutated(SEED_DOCUMENTS, most=3))))
        extra.append(f"@document {DOCUMENT}")
    if draw(st.booleans()):
        files[PYPROJECT] = draw(mutated(SEED_CONFIGS, most=2)).encode("utf-8", "surrogatepass")
    lines = split_lines(text)
    for line in extra:
        lines.insert(draw(st.integers(0, len(lines))), line)
    files[MAP] = draw(as_bytes("\n".join(lines) + "\n"))
    if LONG and draw(st.booleans()):  # `argmap embed` lays maps out: long runs only
        block = draw(st.sampled_from(MARKDOWN_BLOCKS)).format(body="\n".join(lines[:40]))
        files[MARKDOWN] = draw(as_bytes(draw(mutated([block], most=3))))
    return Bundle(tuple(sorted(files.items())))


@st.composite
def import_bundles(draw: st.DrawFn) -> Bundle:
    """An Argdown or AIF file made from a seed map (or a corpus file), mutated."""
    fmt = draw(st.sampled_from(sorted(IMPORTS)))
    text = draw(mutated(IMPORT_SEEDS[fmt]))
    return Bundle(((IMPORTS[fmt], draw(as_bytes(text))),))


# -- properties --------------------------------------------------------------------------------


def file_lines(folder: Path, name: str) -> list[str] | None:
    """The lines of a bundle's file as argmap counts them, or None when not one of them."""
    path = Path(name) if Path(name).is_absolute() else Path.cwd() / name
    try:
        path = path.resolve()
    except (OSError, RuntimeError):
        return None
    if path.parent != folder.resolve() or not path.is_file():
        return None
    text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    if path.suffix in (".argdown", ".md"):  # CommonMark and Argdown end lines at CR too
        return split_lines(text.replace("\r\n", "\n").replace("\r", "\n"))
    return split_lines(text)


def assert_inside(folder: Path, file: str, line: int, column: int, what: str) -> None:
    """`file:line:column` is a place in one of the bundle's files."""
    lines = file_lines(folder, file)
    assert lines is not None, f"{what}: names `{file}`, not a file of the bundle"
    assert 1 <= line <= max(len(lines), 1), f"{what}: line {line} of {len(lines)}"
    text = lines[line - 1] if lines else ""
    assert 1 <= column <= len(text) + 1, f"{what}: column {column} of a {len(text)}-char line"


def assert_span_inside(folder: Path, span: Span, what: str) -> None:
    assert_inside(folder, span.file, span.line, span.column, what)
    assert (span.end_line, span.end_column) >= (span.line, span.column), what


def assert_diagnostics_inside(folder: Path, errors: list[Diagnostic]) -> None:
    assert errors, "a ParseError without errors"
    for diagnostic in errors:
        assert diagnostic.message, diagnostic
        assert_span_inside(folder, diagnostic.span, f"{diagnostic.message!r}")
        for related in diagnostic.related:
            assert_span_inside(folder, related, f"related place of {diagnostic.message!r}")


def library(folder: Path) -> None:
    """Every library entry point on the bundle in `folder`: only ArgmapErrors, located inside."""
    from argmap.checks import run_checks
    from argmap.cli.check import check_paths
    from argmap.cli.show import describe
    from argmap.config import load_check_config
    from argmap.convert import FORMATS, write_map
    from argmap.convert.losses import Losses
    from argmap.language.nodelink import node_link_json
    from argmap.render.render import RenderOptions, build_dot
    from argmap.render.view import ViewSpec

    path = folder / MAP
    with contextlib.suppress(ArgmapError):
        load_check_config(path)
    try:
        for checked in check_paths([path], None, None, None):
            for finding in checked.findings:
                if finding.span is not None:
                    assert_span_inside(folder, finding.span, f"{finding.code} {finding.message}")
    except ArgmapError:
        pass
    finally:
        gc.unfreeze()  # check_one freezes what it loaded: let the fuzz run collect it
    try:
        amap = argmap.load(str(path))
    except ParseError as error:
        assert_diagnostics_inside(folder, error.errors)
        amap = None
    except ArgmapError:
        amap = None
    formatting(folder, amap)
    if amap is None:
        return
    try:
        findings = run_checks(amap, select=["ALL"])
    except ArgmapError:  # a suppression comment naming no rule
        findings = []
    for finding in findings:
        if finding.span is not None:
            assert_span_inside(folder, finding.span, f"{finding.code} {finding.message}")
    console = Console(file=io.StringIO(), width=80, force_terminal=True)
    for part in describe(amap, 6, 80):
        console.print(part)
    json.loads(node_link_json(amap))
    statements = [node for node, _ in amap.statements()]
    views = [ViewSpec()]
    if statements:
        views.append(ViewSpec(focus=statements[len(statements) // 2], depth=1))
    if amap.sections:
        views.append(ViewSpec(section=amap.sections[0].title))
    for view in views:
        for evaluate in (False, True):
            options = RenderOptions(fmt="dot", view=view, evaluate=evaluate, findings=evaluate)
            with contextlib.suppress(ArgmapError):
                build_dot(amap, options)
    for fmt in FORMATS.values():
        if fmt.writer is not None:
            with contextlib.suppress(ArgmapError):
                write_map(amap, fmt, Losses())


def formatting(folder: Path, amap: argmap.ArgumentMap | None) -> None:
    """`argmap fmt`: errors located inside; the layout is stable (formatting twice changes
    nothing) and describes the same map as the file it came from."""
    from argmap.language.format import format_text

    path = folder / MAP
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return
    try:
        formatted = format_text(text, str(path))
    except ParseError as error:
        assert_diagnostics_inside(folder, error.errors)
        return
    assert format_text(formatted, str(path)) == formatted, "fmt is not stable:\n" + formatted
    if amap is not None:
        again = argmap.parse(formatted, str(path))
        assert _shape(again) == _shape(amap), "fmt changed the map:\n" + formatted


def _shape(amap: argmap.ArgumentMap) -> tuple[object, ...]:
    """What a map says, without where it says it: statements, inferences, relations."""
    keep = ("kind", "text", "tags", "quotes", "attributes", "section", "warrant", "name")
    nodes = sorted(
        (str(node), repr(sorted((k, v) for k, v in data.items() if k in keep)))
        for node, data in amap.graph.nodes(data=True)
    )
    edges = sorted((str(u), str(v), str(kind)) for u, v, kind in amap.graph.edges(data="kind"))
    return (amap.title, amap.author, amap.date, amap.sources, nodes, edges)


COMMANDS: list[list[str]] = [
    ["show", MAP],
    ["show", MAP, "--format", "json", "--depth", "3"],
    ["show", MAP, "--details", "--depth", "2"],
    ["check", MAP],
    ["check", MAP, "--select", "ALL", "--format", "github"],
    ["check", MAP, "--format", "sarif"],
    ["render", MAP, "-f", "dot", "-o", "-"],
    ["render", MAP, "-f", "dot", "-o", "out/m.dot", "--evaluate", "--findings"],
    ["convert", MAP, "-o", "out/m.json"],
    ["convert", MAP, "-o", "out/m.mmd"],
    ["fmt", "--check", MAP],
    ["fmt", "--diff", MAP],
    ["analyze", MAP, "--format", "json"],
    ["diff", MAP, MAP],
]
REWRITE = [["fmt", MAP]]
"""Last: it rewrites the map."""
SLOW_COMMANDS: list[list[str]] = (
    [
        ["render", MAP, "-o", "out/m.svg", "--engine", "system", "--evaluate", "--quotes"],
        ["report", MAP, "-o", "out/m.html", "--engine", "system"],
        ["embed", MARKDOWN, "--engine", "system", "--fit", "none"],
    ]
    if shutil.which("dot")
    else []
)
"""Commands that lay the map out (50 ms a map or more): in long runs and regression replays."""
ALL_COMMANDS = COMMANDS + SLOW_COMMANDS + REWRITE
COMMANDS += REWRITE
_PLACE = re.compile(
    r"^(?:::[a-z]+ file=|error: )?([^\s:,][^:,]*?)[:,](?:line=)?(\d+)[:,](?:col=)?(\d+)"
)
TRACEBACK = "Traceback (most recent call last)"
_LOCATED = (".argmap", ".txt", ".toml", ".md", ".argdown", ".json")
"""The files whose `file:line:column` in a message is checked to be inside the file."""
_RAW_CONTROL = re.compile("[" + re.escape("".join(map(chr, _ESCAPES))) + "]")
"""What `visible` escapes: none of it may reach a terminal raw."""


def cli(folder: Path, commands: list[list[str]] | None = None) -> None:
    """Each command on the bundle: exit 0, 1 or 2, no traceback, located messages inside."""
    runner = CliRunner()
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        for command in commands or (ALL_COMMANDS if LONG else COMMANDS):
            result = runner.invoke(main, command, catch_exceptions=True)
            output = result.stdout + result.stderr
            where = f"`argmap {' '.join(command)}`"
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                trace = "".join(traceback.format_exception(result.exception))
                raise AssertionError(f"{where} raised\n{trace}")
            assert result.exit_code in (0, 1, 2), f"{where} exited {result.exit_code}"
            assert TRACEBACK not in output, f"{where} printed a traceback:\n{output}"
            # `-o -` writes the drawing or the converted file itself: data, like JSON, kept
            # as written (DOT quoting has dropped what Graphviz cannot take); messages not.
            shown = result.stderr if _writes_data(command) else output
            raw = _RAW_CONTROL.search(shown)
            assert raw is None, f"{where} printed {raw.group()!r} raw:\n{output}"  # type: ignore[union-attr]
            for line in output.splitlines():
                match = _PLACE.match(line)
                if match and match.group(1).endswith(_LOCATED):
                    file, number, column = match.groups()
                    assert_inside(folder, file, int(number), int(column), f"{where}: {line}")
    finally:
        os.chdir(cwd)


def importers(folder: Path) -> None:
    """Reading an Argdown or AIF file: a map or a ConvertError, and a map read is written as
    argmap text that parses again."""
    from argmap.convert import FORMATS, read_map, write_map
    from argmap.convert.losses import Losses

    for fmt, name in IMPORTS.items():
        if not (folder / name).exists():
            continue
        try:
            amap = read_map(str(folder / name), FORMATS[fmt], Losses())
        except ArgmapError:
            continue
        text = write_map(amap, FORMATS["argmap"], Losses())
        try:
            argmap.parse(text, str(folder / MAP))
        except ParseError as error:
            first = error.errors[0]
            raise AssertionError(
                f"{fmt} read, written as argmap, does not parse: {first.message}\n"
                f"  {first.source_line}\n{text}"
            ) from None
        cli(folder, [["convert", name, "-o", f"out/{MAP}"], ["convert", name, "-o", "out/m.mmd"]])


OPTIONS = {
    "show": ["--format", "--depth", "--details"],
    "check": ["--select", "--ignore", "--strict", "--format", "--document", "--quiet"],
    "render": ["-f", "--direction", "--wrap", "--focus", "--depth", "--section", "--tag",
               "--evaluate", "--findings", "--quotes", "--theme", "--no-legend", "--fit",
               "--min-font", "--split", "--timeout"],
    "convert": ["--from", "--to"],
    "fmt": ["--check", "--diff"],
    "rules": [],
}  # fmt: skip
VALUES = ["0", "1", "-1", "2.5", "1e308", "inf", "nan", "", ",", "ALL", "AM1", "AM9",
          "json", "dot", "svg", "text", "github", "sarif", "lr", "BT", "a4", "16cm", "0cm",
          "print", "dark", "x", "b", "build", "Safety", "#tag", "\x1b[2J", "é", "-", "--", MAP,
          DOCUMENT, "out/x.dot", "aif", "argmap", "mermaid", "node-link"]  # fmt: skip


_ARGUMENT_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=8)
"""A command-line argument: no NUL byte (the operating system cannot pass one)."""


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A command, its map, and a few of its options with odd values, in any order."""
    command = draw(st.sampled_from(sorted(OPTIONS)))
    args = [MAP] if command != "rules" else draw(st.lists(st.sampled_from(VALUES), max_size=1))
    for _ in range(draw(st.integers(0, 4))):
        if OPTIONS[command]:
            args.append(draw(st.sampled_from(OPTIONS[command])))
        args.append(draw(st.sampled_from(VALUES) | _ARGUMENT_TEXT))
    if command == "render" and "-o" not in args:
        args += ["-o", "out/m.dot" if "-f" not in args else "out/"]
    if command == "convert":
        args += ["-o", draw(st.sampled_from(["out/m.json", "out/m.mmd", "-", "out/m.argdown"]))]
    return [command, *draw(st.permutations(args))]


def _writes_data(command: list[str]) -> bool:
    return any(a == "-o" and b == "-" for a, b in zip(command, command[1:], strict=False))


def regression_folders() -> Iterator[Path]:
    yield from sorted(path for path in REGRESSIONS.iterdir() if path.is_dir())


def keep(bundle: Bundle) -> Path:
    """Save a failing bundle as a regression case (tests/fuzz/regressions/<digest>/)."""
    folder = REGRESSIONS / bundle.digest()
    folder.mkdir(parents=True, exist_ok=True)
    bundle.write(folder, stored=True)
    return folder
