"""A drawing session: the work one command's drawings share, and what they cost in Graphviz runs."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.suggest import plural

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.render.engines import Engine
    from argmap.render.style import Annotations

_Layout = tuple[str, str, tuple[str, ...], bytes]  # engine, formats, options, DOT's digest


_NotesKey = tuple[int, bool, bool, bool, int, object]
"""A map's id, evaluate, findings, cruxes, its check configuration's id, the semantics."""


@dataclass
class DrawSession:
    """Made by the caller for one command (or one document) and passed down, never kept by
    the library: each DOT text laid out once, the engine chosen once, and the findings and
    labels of a map computed once for every candidate drawing and every part of a split.
    `runs` counts the times an engine was started (a `dot` process for the system
    Graphviz, which may lay out many graphs), `layouts` the graphs laid out, `reused` the
    layouts found already done."""

    runs: int = 0
    layouts: int = 0
    reused: int = 0
    _done: dict[_Layout, list[bytes]] = field(default_factory=dict, repr=False)
    _measured: dict[_Layout, bytes] = field(default_factory=dict, repr=False)
    _engines: dict[str, Engine] = field(default_factory=dict, repr=False)
    _notes: dict[_NotesKey, tuple[object, object, Annotations]] = field(
        default_factory=dict, repr=False
    )

    def engine(self, choice: str, choose: Callable[[str], Engine]) -> Engine:
        """The engine for `--engine choice`, chosen (by `choose`) once."""
        if choice not in self._engines:
            self._engines[choice] = choose(choice)
        return self._engines[choice]

    def annotations(
        self, amap: ArgumentMap, key: tuple[bool, bool, bool, object, object],
        compute: Callable[[], Annotations],
    ) -> Annotations:
        """The findings, labels and cruxes of `amap` for `key` (evaluate, findings, cruxes,
        the check configuration, the semantics), computed once."""
        evaluate, findings, cruxes, checks, semantics = key
        slot = (id(amap), evaluate, findings, cruxes, id(checks), semantics)
        if slot not in self._notes:
            # The map and the configuration are held with their notes: their ids stay theirs.
            self._notes[slot] = (amap, checks, compute())
        return self._notes[slot][2]

    def layout(
        self, engine: Engine, dot: str, fmts: tuple[str, ...], timeout: float,
        options: tuple[str, ...] = (),
    ) -> list[bytes]:
        """`dot` laid out by `engine` into each of `fmts` (several only for the system
        Graphviz, which writes them from one layout), or what an earlier call returned."""
        key = (engine.name, " ".join(fmts), options, _digest(dot))
        if key in self._done:
            self.reused += 1
            return self._done[key]
        if len(fmts) == 1:
            outputs = [engine.layout(dot, fmts[0], timeout, options)]
        else:
            from argmap.render.system import SystemGraphviz

            assert isinstance(engine, SystemGraphviz)
            outputs = engine.layouts(dot, fmts, timeout, options)
        self.runs += 1
        self.layouts += 1
        self._done[key] = outputs
        return outputs

    def svgs(
        self, engine: Engine, dots: Sequence[str], timeout: float, *, alone: bool = False
    ) -> list[bytes]:
        """Each of `dots` laid out as SVG, those not done before in one engine run: for
        measuring. `alone`: each in a run of its own, for a figure to keep. (`dot` keeps
        some state from one graph to the next: the later graphs of a run come out with
        their clusters in an order that changes from run to run, the same drawing written
        differently, which would make a figure look changed to `embed --check`.)"""
        keys = [(engine.name, "svg", (), _digest(dot)) for dot in dots]
        texts = dict(zip(keys, dots, strict=True))
        missing = list(dict.fromkeys(
            key for key in keys
            if key not in self._done and (alone or key not in self._measured)
        ))
        self.reused += len(keys) - len(missing)
        if alone or len(missing) == 1:
            for key in missing:
                self.layout(engine, texts[key], ("svg",), timeout)
        elif missing:
            outputs = engine.layout_many([texts[key] for key in missing], "svg", timeout)
            self.runs += 1
            self.layouts += len(missing)
            for key, output in zip(missing, outputs, strict=True):
                self._measured[key] = output
        return [self._done[key][0] if key in self._done else self._measured[key]
                for key in keys]

    def describe(self, figures: int) -> str:
        """`Graphviz: 5 runs for 7 figures (62 layouts, 9 reused)`: the `--verbose` line."""
        return (f"Graphviz: {plural(self.runs, 'run')} for {plural(figures, 'figure')} "
                f"({plural(self.layouts, 'layout')}, {self.reused} reused)")


def _digest(dot: str) -> bytes:
    """What a layout is kept under: the DOT's digest, not its text (a big map's DOT is
    megabytes, and a split makes thousands)."""
    return hashlib.sha256(dot.encode("utf-8")).digest()
