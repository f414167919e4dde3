"""`argmap --verbose` and ARGMAP_LOG: what ran, how it was chosen and how long each stage
took, on stderr; without them not one line more. The library only logs (argmap.log): it
installs no handler, and the command takes its own off when it ends."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.render.wasm_graphviz import LoadReport, _log_load

MAP = """\
premise safer: A lane makes cycling safer.
premise cost: It costs little.
conclusion go: Build it now.
safer + cost -> go
"""
SECONDS = r"\d+\.\d{3} s"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "lane.argmap"
    path.write_text(MAP, encoding="utf-8")
    return path


def render(source: Path, *options: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    out = source.with_suffix(".svg")
    result = CliRunner(env=env).invoke(main, [*options, "render", str(source), "-o", str(out)])
    return result.exit_code, result.stderr


def test_verbose_says_which_engine_ran_and_each_stage_s_time(source: Path) -> None:
    status, stderr = render(source, "--verbose")
    assert status == 0, stderr
    if shutil.which("dot"):
        engine = r"engine: system Graphviz \S+ \(--engine auto: `dot` is on PATH\)"
    else:
        engine = r"engine: embedded Graphviz \(--engine auto: no `dot` on PATH\)"
    for line in [
        rf"info argmap.cli.common: load \S*lane.argmap: {SECONDS}",
        rf"info argmap.render.engines: {engine}",
        rf"debug argmap.render.\w+: layout: .* -Tsvg \([\d,]+ characters of DOT\): {SECONDS}",
        rf"info argmap.cli.render: draw \S*lane.argmap: {SECONDS}",
        rf"info argmap.cli.render: write \S*lane.svg: {SECONDS}",
        r"wrote \S*lane.svg \(.*\)",
        rf"info argmap.cli.logs: argmap render: {SECONDS} in all",
    ]:
        assert re.search(f"^{line}$", stderr, re.MULTILINE), (line, stderr)


def test_without_verbose_nothing_more_is_printed(source: Path) -> None:
    status, stderr = render(source, env={"ARGMAP_LOG": ""})
    assert status == 0
    assert re.fullmatch(r"wrote \S+lane.svg \([^\n]*\)\n", stderr), stderr


def test_argmap_log_info_leaves_out_each_layout(source: Path) -> None:
    status, stderr = render(source, env={"ARGMAP_LOG": "info"})
    assert status == 0
    assert "info argmap.render.engines: engine: " in stderr
    assert re.search(rf"^info argmap.cli.render: draw \S+: {SECONDS}$", stderr, re.MULTILINE)
    assert "debug " not in stderr
    status, debug = render(source, env={"ARGMAP_LOG": "DEBUG"})
    assert "debug argmap.render." in debug


def test_an_unknown_argmap_log_is_said_and_ignored(source: Path) -> None:
    status, stderr = render(source, env={"ARGMAP_LOG": "loud"})
    assert status == 0
    said = "argmap: ARGMAP_LOG=loud is not a log level (debug, info); ignored"
    assert stderr.splitlines()[0] == said
    assert len(stderr.splitlines()) == 2  # and the `wrote` line


def test_verbose_check_says_where_the_quotes_are_searched(source: Path) -> None:
    result = CliRunner().invoke(main, ["--verbose", "check", str(source)])
    assert result.exit_code == 0, result.stderr
    assert "info argmap.checks.parallel: quote search: in this process (a map under " in (
        result.stderr)
    assert re.search(rf"^info argmap.cli.check: check \S+: {SECONDS}$", result.stderr, re.M)
    assert result.stdout == "no problems in 1 file\n"


def test_the_command_takes_its_handler_off(source: Path) -> None:
    logger = logging.getLogger("argmap")
    before = (list(logger.handlers), logger.level)
    render(source, "--verbose")
    assert (list(logger.handlers), logger.level) == before
    assert logger.handlers == []  # the library installs none


def test_the_embedded_module_cache_hit_or_miss(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="argmap")
    _log_load(LoadReport("cache", Path("/cache/graphviz.cwasm")), 0.04)
    _log_load(LoadReport("compiled", Path("/cache/graphviz.cwasm"), ["could not write"]), 0.6)
    _log_load(LoadReport("compiled"), 0.6)
    assert caplog.messages == [
        "embedded Graphviz: module cache hit (/cache/graphviz.cwasm): 0.040 s",
        "embedded Graphviz: module cache miss: compiled, cached in /cache/graphviz.cwasm: 0.600 s",
        "embedded Graphviz: could not write",
        "embedded Graphviz: module compiled (no cache): 0.600 s",
    ]


def test_verbose_fit_says_each_candidate_and_which_won(source: Path) -> None:
    out = source.with_suffix(".svg")
    result = CliRunner().invoke(main, ["--verbose", "render", str(source), "--fit", "slide",
                                       "-o", str(out)])
    stderr = result.stderr
    assert result.exit_code == 0, stderr
    assert "debug argmap.render.fit: fit: `as asked` prints at " in stderr
    assert re.search(r"^info argmap.render.fit: fit: kept `[^`]+`: ", stderr, re.MULTILINE)


def test_verbose_counts_the_graphviz_runs_of_a_split(tmp_path: Path) -> None:
    """The example map's split: each candidate drawing laid out once, the candidates of a
    figure (and of the parts cut in one round) in one Graphviz run, so that the runs are at
    most two per figure written."""
    example = Path(__file__).parents[2] / "maps" / "russia-china.argmap"
    result = CliRunner().invoke(main, ["--verbose", "render", str(example), "--fit", "a4",
                                       "--split", "-o", str(tmp_path / "figures")])
    assert result.exit_code == 0, result.stderr
    written = len(re.findall(r"^wrote \S+\.svg ", result.stderr, re.MULTILINE))
    found = re.search(r"^info argmap.cli.render: Graphviz: (\d+) runs for (\d+) figures "
                      r"\((\d+) layouts, (\d+) reused\)$", result.stderr, re.MULTILINE)
    assert found, result.stderr
    runs, figures, layouts, reused = map(int, found.groups())
    assert figures == written >= 5
    assert runs <= 2 * figures < layouts
    assert reused > 0
