"""The system Graphviz: the `dot` program on PATH, run with an argument list and a timeout."""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence

from argmap.errors import RenderError
from argmap.log import timed
from argmap.render.fonts import fontconfig_file
from argmap.render.formats import SYSTEM, engine_outputs
from argmap.render.validate import check_output
from argmap.visible import visible_line

FORMATS = engine_outputs(SYSTEM)
_PAGED_ID = re.compile(rb' id="page\d+,\d+_')
_SVG_END = b"</svg>\n"  # how each of dot's SVG documents ends (user text in it is escaped)
logger = logging.getLogger(__name__)


def find_dot() -> str | None:
    """The path of Graphviz's `dot` program, or None when Graphviz is not installed."""
    return shutil.which("dot")


def system_version() -> str | None:
    """Graphviz's version as `dot -V` reports it (through the graphviz package)."""
    import graphviz

    try:
        return ".".join(str(part) for part in graphviz.version())
    except (graphviz.ExecutableNotFound, RuntimeError, OSError, subprocess.SubprocessError):
        return None


class SystemGraphviz:
    """Lays out DOT with the installed `dot`; any failure becomes a RenderError."""

    name = "system"
    formats = FORMATS

    def __init__(self, executable: str) -> None:
        self.executable = executable

    def layout(
        self, dot: str, fmt: str, timeout: float, options: Sequence[str] = ()
    ) -> bytes:
        (output,) = self.layouts(dot, (fmt,), timeout, options)
        return output

    def layouts(
        self, dot: str, fmts: Sequence[str], timeout: float, options: Sequence[str] = ()
    ) -> list[bytes]:
        """`dot` laid out once and written in each of `fmts` (dot's several `-T` options):
        a PDF and the SVG that measures it cost one layout, not two."""
        what = " ".join(f"-T{fmt}" for fmt in fmts)
        with timed(logger, f"layout: {self.executable} {what} ({len(dot):,} characters of DOT)"):
            outputs = self._run(dot, fmts, timeout, options)
        for output, fmt in zip(outputs, fmts, strict=True):
            check_output(output, fmt, f"Graphviz dot ({self.executable})")
        return outputs

    def layout_many(self, dots: Sequence[str], fmt: str, timeout: float) -> list[bytes]:
        """Each of `dots` laid out into `fmt` (svg) by one `dot` process, which reads the
        graphs one after the other and writes a document for each: starting `dot` (and its
        fonts) costs more than laying out a figure of a few dozen boxes. `timeout` is each
        graph's."""
        if fmt != "svg":
            return [self.layout(dot, fmt, timeout) for dot in dots]
        text = "\n".join(dots)
        what = f"layout: {self.executable} -Tsvg, {len(dots)} graphs ({len(text):,} characters)"
        with timed(logger, what):
            (output,) = self._run(text, (fmt,), timeout * len(dots), ())
        # dot carries its page position over from one graph to the next, and names the
        # later graphs' top group `page0,1_graph0` where a run of its own names it `graph0`.
        documents = [_PAGED_ID.sub(b' id="', part) + _SVG_END
                     for part in output.split(_SVG_END)[:-1]]
        engine = f"Graphviz dot ({self.executable})"
        if len(documents) != len(dots) or output[-len(_SVG_END):] != _SVG_END:
            raise RenderError(f"{engine} returned {len(documents)} drawings for {len(dots)} "
                              "graphs; nothing was written")
        for document in documents:
            check_output(document, fmt, engine)
        return documents

    def _run(
        self, dot: str, fmts: Sequence[str], timeout: float, options: Sequence[str]
    ) -> list[bytes]:
        # Measured (and, in PDF, drawn) with argmap's font, as the embedded engine measures.
        environment = os.environ | {"FONTCONFIG_FILE": fontconfig_file()}
        try:
            # The DOT in and the drawing out through temporary files, not pipes: Python
            # feeds a pipe 4 KiB at a time and reads it 32 KiB at a time, a poll each, which
            # cost 0.05-0.1 s of CPU time on the 18 MB SVG of 10,000 statements. Every
            # format but the first goes to a file: dot gives the n-th `-o` to its n-th `-T`,
            # so those come first, and the first format, without `-o`, last.
            with (
                tempfile.TemporaryFile() as source,
                tempfile.TemporaryFile() as drawn,
                tempfile.TemporaryDirectory() as folder,
            ):
                others = [os.path.join(folder, f"{index}.{fmt}") for index, fmt in
                          enumerate(fmts[1:], start=1)]
                command = [self.executable]
                for fmt, path in zip(fmts[1:], others, strict=True):
                    command += [f"-T{fmt}", "-o", path]
                command += [f"-T{fmts[0]}", *options]
                source.write(dot.encode("utf-8"))
                source.seek(0)
                done = subprocess.run(
                    command,
                    stdin=source,
                    stdout=drawn,
                    stderr=subprocess.PIPE,
                    timeout=timeout,
                    env=environment,
                )
                drawn.seek(0)
                outputs = [drawn.read()]
                outputs += [_read_if_there(path) for path in others]
        except subprocess.TimeoutExpired:
            raise RenderError(timeout_message(timeout, "dot")) from None
        except OSError as error:
            raise RenderError(f"cannot run Graphviz ({self.executable}): {error}") from None
        if done.returncode < 0:  # killed: a crash, as on maps beyond what dot can take
            raise RenderError(
                failure_message("dot", done.returncode, done.stderr) + "; " + TOO_BIG_FOR_DOT
            )
        if done.returncode != 0:
            raise RenderError(
                failure_message("dot", done.returncode, done.stderr)
                + "; --engine embedded lays the map out with argmap's own Graphviz"
            )
        return outputs


def _read_if_there(path: str) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:  # dot failed before writing it: its exit status says why
        return b""


def timeout_message(timeout: float, engine: str) -> str:
    return (
        f"the layout ran longer than {timeout:g} s and was stopped ({engine}); "
        "raise --timeout, or draw less with --focus, --section or --tag"
    )


INSTALL_HINT = "install Graphviz (apt-get install graphviz / brew install graphviz)"
DRAW_LESS = "draw part of the map with --focus or --section"
TOO_BIG_FOR_DOT = (
    "dot crashes so on maps too big for it (very long chains of statements, statements "
    f"of megabytes): {DRAW_LESS}, or try --engine embedded"
)


def failure_message(engine: str, returncode: int, stderr: bytes) -> str:
    """One line: how the engine ended and the start of what it printed."""
    if returncode < 0:
        try:
            name = f" ({signal.Signals(-returncode).name})"
        except ValueError:
            name = ""
        how = f"was killed by signal {-returncode}{name}"
    else:
        how = f"failed ({returncode})"
    detail = brief(stderr)
    return f"Graphviz {engine} {how}" + (f": {detail}" if detail else "")


def brief(output: bytes, lines: int = 2, width: int = 160) -> str:
    """The first `lines` non-blank lines of what an engine printed, each cut at `width`
    characters and made safe for a terminal, on one line: a failing engine can print
    megabytes (a warning per statement), and the user needs its first words, not a dump."""
    head = output[: (lines + 20) * width * 4].decode("utf-8", errors="replace")
    kept = [line.strip() for line in head.splitlines() if line.strip()][:lines]
    return " / ".join(
        visible_line(line[:width]) + ("..." if len(line) > width else "") for line in kept
    )
