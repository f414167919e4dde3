"""pyproject.toml in the form current setuptools wants: `make` installs without warnings."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"


def test_the_license_is_an_spdx_expression() -> None:
    """A `license = { text = ... }` table made setuptools print a deprecation warning on
    every install (`make demo` showed it); an SPDX string needs setuptools 77."""
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    assert data["project"]["license"] == "MIT"
    assert "setuptools>=77" in data["build-system"]["requires"]
    assert not any("License ::" in c for c in data["project"].get("classifiers", []))
