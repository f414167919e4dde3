"""Fuzzing: mutants of the repository's maps through the library and the CLI (see fuzz_harness).

`make test` runs a few examples of each (a fixed seed); `make fuzz` runs thousands of new
ones (ARGMAP_FUZZ=long, ARGMAP_FUZZ_EXAMPLES=N) and keeps every failing input in
tests/fuzz/regressions/, which test_regressions.py replays on every run.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from fuzz_harness import (
    ARGUMENTS,
    DOCUMENT,
    FAILED,
    FUZZ,
    LONG,
    MAP,
    SEED_MAPS,
    Bundle,
    bundles,
    cli,
    command_lines,
    import_bundles,
    importers,
    library,
    mutated,
)
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError, ParseError


def _run(bundle: Bundle, check: object) -> None:
    with tempfile.TemporaryDirectory(prefix="argmap-fuzz-") as name:
        folder = Path(name)
        bundle.write(folder)
        try:
            check(folder)  # type: ignore[operator]
        except Exception:  # not a Ctrl-C or SIGTERM (argmap's Interrupted): those are no finding
            # Hypothesis runs the smallest failing example last; conftest.py keeps that one.
            FAILED.append(bundle)
            raise


@FUZZ
@given(mutated(SEED_MAPS))
def test_parser_raises_only_located_parse_errors(text: str) -> None:
    def check(folder: Path) -> None:
        try:
            argmap.parse(text, str(folder / MAP))
        except ParseError as error:
            from fuzz_harness import assert_diagnostics_inside

            assert_diagnostics_inside(folder, error.errors)
        except ArgmapError:
            pass

    _run(Bundle(((MAP, text.encode("utf-8", "surrogatepass")),)), check)


@FUZZ
@given(bundles())
def test_library_raises_only_argmap_errors(bundle: Bundle) -> None:
    _run(bundle, library)


@FUZZ
@given(bundles())
def test_cli_exits_0_1_or_2_without_a_traceback(bundle: Bundle) -> None:
    _run(bundle, cli)


@FUZZ
@given(import_bundles())
def test_importers_raise_only_argmap_errors_and_write_maps_that_parse(bundle: Bundle) -> None:
    _run(bundle, importers)


@FUZZ
@given(st.sampled_from(SEED_MAPS), command_lines())
def test_odd_options_are_usage_errors_not_tracebacks(text: str, command: list[str]) -> None:
    arguments = json.dumps(command).encode("utf-8")
    bundle = Bundle(((ARGUMENTS, arguments), (DOCUMENT, b"A document."), (MAP, text.encode())))
    _run(bundle, lambda folder: cli(folder, [command]))


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_as_a_map(data: bytes) -> None:
    _run(Bundle(((MAP, data),)), library)


@pytest.mark.skipif(not LONG, reason="arbitrary text through the CLI runs in `make fuzz` only")
@FUZZ
@given(st.text(max_size=400))
def test_any_text_through_the_cli(text: str) -> None:
    _run(Bundle(((MAP, text.encode("utf-8", "surrogatepass")),)), cli)
