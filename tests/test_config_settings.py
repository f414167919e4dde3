"""argmap.settings: the warnings for names argmap does not read, located where TOML allows."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.settings import Settings, load_settings


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def settings(folder: Path, text: str) -> Settings:
    (folder / "pyproject.toml").write_text(text, encoding="utf-8")
    return load_settings(folder)


def test_spaced_headers_and_quoted_keys_are_located(folder: Path) -> None:
    found = settings(folder, '[ tool . argmap . render ]\n\n"thme" = "print"\n')
    assert found.warnings == (
        "pyproject.toml:3: warning: unknown key `thme` in [tool.argmap.render]; "
        "did you mean `theme`?",
    )


def test_a_key_in_an_inline_or_dotted_table_is_reported_without_a_line(folder: Path) -> None:
    found = settings(folder, '[tool.argmap]\nrender = { thme = "print" }\n')
    assert found.warnings == (
        "pyproject.toml: warning: unknown key `thme` in [tool.argmap.render]; "
        "did you mean `theme`?",
    )
    found = settings(folder, '[tool]\nargmap.embeds.fit = "a4"\n')
    assert found.warnings == (
        "pyproject.toml: warning: unknown table [tool.argmap.embeds]; "
        "did you mean [tool.argmap.embed]?",
    )


def test_a_key_is_looked_for_in_its_own_table_only(folder: Path) -> None:
    found = settings(
        folder, '[tool.argmap.check]\nfit = "a4"\n\n[tool.argmap.render]\nfit = "a4"\n'
    )
    assert found.warnings == (
        "pyproject.toml:2: warning: unknown key `fit` in [tool.argmap.check]; argmap reads "
        "`select`, `ignore`, `severity`, `semantics`",
    )
    assert found.options["render"] == {"fit": "a4"}


def test_the_defaults_without_a_table(folder: Path) -> None:
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_settings(folder) == Settings()
