"""`argmap lsp` driven by a real client over stdio: diagnostics as the text changes,
hover, definition, references, rename, completion, formatting and quick fixes, across an
`@include`; a broken document never stops the server."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls: pip install 'argmap[lsp]'")
pytest.importorskip("pytest_lsp", reason="its tests need pytest-lsp: pip install 'argmap[test]'")

from lsp_client import change_map, hover_markdown, open_map, settled  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import LanguageClient  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")

MAIN = """\
@title Test map
@include part.argmap

== Main ==
conclusion top: The top.
claim mid: The middle claim.
  > a quote
  @by Someone
mid -> top
base -> mid
"""
PART = "premise base: The base premise.\n"


def _position(text: str, needle: str, nth: int = 0, offset: int = 0) -> types.Position:
    """Where the `nth` occurrence of `needle` is in `text` (plus `offset` characters)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start)
    column = start - (text.rfind("\n", 0, start) + 1)
    return types.Position(line, column + offset)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    found = tmp_path_factory.mktemp("maps")
    (found / "main.argmap").write_text(MAIN, encoding="utf-8")
    (found / "part.argmap").write_text(PART, encoding="utf-8")
    return found


def _doc(path: Path) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=path.as_uri())


async def test_a_clean_map_has_no_diagnostics_and_a_change_brings_them(
    client: LanguageClient, folder: Path
) -> None:
    path = folder / "main.argmap"
    assert await open_map(client, path, MAIN) == []
    broken = MAIN.replace("base -> mid", "bsae -> mid")
    found = await change_map(client, path, broken, 2)
    assert [(d.code, d.message, d.range.start.line) for d in found] == [
        ("AM002", "undefined statement `bsae`; did you mean `base`?", 9)
    ]
    assert found[0].severity == types.DiagnosticSeverity.Error
    assert found[0].source == "argmap"
    assert found[0].code_description is not None
    assert "undefined_reference" in found[0].code_description.href
    assert await change_map(client, path, MAIN, 3) == []


async def test_a_rule_finding_is_placed_and_linked(client: LanguageClient, folder: Path) -> None:
    path = folder / "rules.argmap"
    found = await open_map(client, path, "premise a: A.\nclaim b: B.\na -> b\n")
    missing = [d for d in found if d.code == "AM107"]
    assert [d.message for d in missing] == [
        "the map has no conclusion; mark its main thesis `conclusion`"
    ]
    assert missing[0].severity == types.DiagnosticSeverity.Warning


async def test_hover_shows_kind_text_quote_attribution_and_verdict(
    client: LanguageClient, folder: Path
) -> None:
    path = folder / "main.argmap"
    await open_map(client, path, MAIN)
    text = await hover_markdown(client, path, _position(MAIN, "mid ->", offset=1))
    assert text.startswith("**claim** `mid`\n\nThe middle claim.")
    assert "> a quote" in text
    assert "Attributed to Someone" in text
    assert "Verdict: **" in text
    assert "Strength: " in text


async def test_definition_and_references_cross_the_include(
    client: LanguageClient, folder: Path
) -> None:
    path = folder / "main.argmap"
    await open_map(client, path, MAIN)
    at_base = _position(MAIN, "base -> mid")
    definition = await client.text_document_definition_async(
        types.DefinitionParams(text_document=_doc(path), position=at_base)
    )
    assert isinstance(definition, types.Location)
    assert definition.uri == (folder / "part.argmap").as_uri()
    assert definition.range == types.Range(types.Position(0, 8), types.Position(0, 12))
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            context=types.ReferenceContext(include_declaration=True),
            text_document=_doc(path),
            position=_position(MAIN, "mid ->"),
        )
    )
    assert refs is not None
    assert sorted((r.uri.rsplit("/", 1)[1], r.range.start.line) for r in refs) == [
        ("main.argmap", 5), ("main.argmap", 8), ("main.argmap", 9)
    ]


async def test_rename_edits_every_file(client: LanguageClient, folder: Path) -> None:
    path = folder / "main.argmap"
    await open_map(client, path, MAIN)
    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=_doc(path), position=_position(MAIN, "base -> mid"), new_name="ground"
        )
    )
    assert edit is not None and edit.changes is not None
    assert {uri.rsplit("/", 1)[1]: [(e.range.start.line, e.new_text) for e in edits]
            for uri, edits in edit.changes.items()} == {
        "main.argmap": [(9, "ground")],
        "part.argmap": [(0, "ground")],
    }


async def test_rename_to_an_invalid_id_is_refused(client: LanguageClient, folder: Path) -> None:
    path = folder / "main.argmap"
    await open_map(client, path, MAIN)
    with pytest.raises(Exception, match="is not a valid ID"):
        await client.text_document_rename_async(
            types.RenameParams(
                text_document=_doc(path),
                position=_position(MAIN, "base -> mid"),
                new_name="two words",
            )
        )


@pytest.mark.parametrize(
    ("line", "expected", "absent"),
    [
        ("mid -> ", {"top", "mid", "base"}, {"claim"}),
        ("cl", {"claim", "conclusion", "premise", "top"}, set()),
        ("@ti", {"@title", "@include"}, {"@by"}),
        ("  @", {"@by", "@note"}, {"@title"}),
        ("claim new: A + ", set(), {"top", "claim"}),
        ("argument step: top + ", {"mid", "base"}, {"claim"}),
        ("  -| ", {"mid"}, set()),
    ],
)
async def test_completion(
    client: LanguageClient, folder: Path, line: str, expected: set[str], absent: set[str]
) -> None:
    path = folder / "complete.argmap"
    text = MAIN.replace("@include part.argmap\n", "") + "premise base: B.\n" + line
    await open_map(client, path, text)
    position = types.Position(text.count("\n"), len(line))
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=_doc(path), position=position)
    )
    assert result is not None
    items = result.items if isinstance(result, types.CompletionList) else result
    labels = {item.label for item in items}
    assert expected <= labels
    assert not absent & labels


async def test_formatting_gives_fmts_layout(client: LanguageClient, folder: Path) -> None:
    path = folder / "format.argmap"
    text = "premise a:   A.\na->b\nconclusion b: B.\n"
    await open_map(client, path, text)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=_doc(path), options=types.FormattingOptions(2, True)
        )
    )
    assert edits
    assert _apply(text, edits) == "premise a: A.\nconclusion b: B.\n\na -> b\n"


async def test_range_formatting_touches_only_the_selection(
    client: LanguageClient, folder: Path
) -> None:
    path = folder / "range.argmap"
    text = "premise a:   A.\nconclusion b:   B.\na->b\n"
    await open_map(client, path, text)
    edits = await client.text_document_range_formatting_async(
        types.DocumentRangeFormattingParams(
            text_document=_doc(path),
            range=types.Range(types.Position(2, 0), types.Position(2, 4)),
            options=types.FormattingOptions(2, True),
        )
    )
    assert edits is not None
    assert _apply(text, edits) == "premise a:   A.\nconclusion b:   B.\na -> b\n"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("premise a: A.\nconclusion b: B.\naa -> b\n", "premise a: A.\nconclusion b: B.\na -> b\n"),
        ("premis a: A.\nconclusion b: B.\na -> b\n", "premise a: A.\nconclusion b: B.\na -> b\n"),
        ("premise a: A.\nconclusion b: B.\na -> b ~\n",
         "premise a: A.\nconclusion b: B.\na -> b \n"),
        ("premise a: A.\nclaim b: B.\na -> b\n", "premise a: A.\nconclusion b: B.\na -> b\n"),
    ],
    ids=["did-you-mean ID", "did-you-mean kind", "stray character", "missing conclusion"],
)
async def test_quick_fix(client: LanguageClient, folder: Path, text: str, fixed: str) -> None:
    path = folder / f"fix{abs(hash(text))}.argmap"
    found = await open_map(client, path, text)
    assert found
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=_doc(path),
            range=found[0].range,
            context=types.CodeActionContext(diagnostics=found),
        )
    )
    assert actions
    action = actions[0]
    assert isinstance(action, types.CodeAction)
    assert action.edit is not None and action.edit.changes is not None
    assert _apply(text, action.edit.changes[path.as_uri()]) == fixed


async def test_symbols_and_folding(client: LanguageClient, folder: Path) -> None:
    path = folder / "main.argmap"
    await open_map(client, path, MAIN)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=_doc(path))
    )
    assert symbols is not None
    assert [(s.name, [c.name for c in s.children or []]) for s in symbols
            if isinstance(s, types.DocumentSymbol)] == [("Main", ["top", "mid"])]
    folds = await client.text_document_folding_range_async(
        types.FoldingRangeParams(text_document=_doc(path))
    )
    assert folds is not None
    assert (3, 9) in {(f.start_line, f.end_line) for f in folds}


async def test_a_malformed_document_never_stops_the_server(
    client: LanguageClient, folder: Path
) -> None:
    path = folder / "broken.argmap"
    texts = ["", "(((", "premise : \n  @\n->\n", "\x00\ud800", "conclusion a: A.\n" * 3,
             "@include /etc/passwd\n", "@include broken.argmap\n", "a -| (b -| (c -> d))\n"]
    for version, text in enumerate(texts, start=1):
        if version == 1:
            await open_map(client, path, text)
        else:
            await change_map(client, path, text, version)
        await client.text_document_hover_async(
            types.HoverParams(text_document=_doc(path), position=types.Position(0, 1))
        )
        await client.text_document_completion_async(
            types.CompletionParams(text_document=_doc(path), position=types.Position(0, 1))
        )
        await client.text_document_formatting_async(
            types.DocumentFormattingParams(
            text_document=_doc(path), options=types.FormattingOptions(2, True)
        )
        )
    assert await change_map(client, path, "premise a: A.\nconclusion b: B.\na -> b\n", 99) == []


async def test_preview_returns_the_svg(client: LanguageClient, folder: Path) -> None:
    path = folder / "main.argmap"
    await open_map(client, path, MAIN)
    svg = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="argmap.preview", arguments=[path.as_uri()])
    )
    assert isinstance(svg, str)
    assert svg.lstrip().startswith(("<?xml", "<svg"))
    assert "The middle claim." in svg


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """`text` with `edits` made (ranges of the original text, applied from the end)."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(position: types.Position) -> int:
        return offsets[min(position.line, len(lines))] + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


async def test_an_unsaved_change_in_an_included_file_is_checked_with_its_map(
    client: LanguageClient, folder: Path
) -> None:
    main, part = folder / "main.argmap", folder / "part.argmap"
    await open_map(client, main, MAIN)
    assert await open_map(client, part, PART) == []
    renamed = await change_map(client, part, PART.replace("base", "bass"), 2)
    assert renamed == []
    assert await settled(client, main.as_uri(), [
        ("AM002", "undefined statement `base`; did you mean `bass`?", 9)
    ]) == [("AM002", "undefined statement `base`; did you mean `bass`?", 9)]
    shown = await hover_markdown(client, part, types.Position(0, 9))
    assert shown.startswith("**premise** `bass`")
    await change_map(client, part, PART, 3)
    assert await settled(client, main.as_uri(), []) == []


async def test_a_finding_points_at_the_statements_it_names(
    client: LanguageClient, folder: Path
) -> None:
    path = folder / "cycle.argmap"
    text = "claim a: A.\nclaim b: B.\nconclusion c: C.\na -> b\nb -> a\nb -> c\npremise x: X.\n"
    found = {d.code: d for d in await open_map(client, path, text)}
    cycle = found["AM103"]
    assert cycle.message == "circular support: `a` -> `b` -> `a`"
    assert [(r.message, r.location.range.start.line) for r in cycle.related_information or []] == [
        ("`b`", 1)
    ]
    assert list(found["AM105"].tags or []) == [types.DiagnosticTag.Unnecessary]


async def test_a_map_with_errors_can_still_be_navigated(
    client: LanguageClient, folder: Path
) -> None:
    path = folder / "half.argmap"
    text = "premise a: The first premise.\nconclusion b: B.\na -> b\nb ->\n"
    found = await open_map(client, path, text)
    assert [d.code for d in found] == ["AM001"]
    shown = await hover_markdown(client, path, types.Position(2, 0))
    assert shown == "**premise** `a`\n\nThe first premise."
    definition = await client.text_document_definition_async(
        types.DefinitionParams(text_document=_doc(path), position=types.Position(2, 5))
    )
    assert isinstance(definition, types.Location)
    assert definition.range.start == types.Position(1, 11)


async def test_a_part_opened_alone_joins_the_map_that_comes_to_include_it(
    client: LanguageClient, tmp_path: Path
) -> None:
    part, main = tmp_path / "piece.argmap", tmp_path / "whole.argmap"
    part_text = "premise p: P.\np -> q\n"
    part.write_text(part_text, encoding="utf-8")
    found = await open_map(client, part, part_text)
    assert [d.message for d in found] == [
        "undefined statement `q`; define it with a line such as `premise q: ...`"
    ]
    main_text = "@include piece.argmap\nconclusion q: Q.\n"
    main.write_text(main_text, encoding="utf-8")
    await open_map(client, main, main_text)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=_doc(main))
    )
    assert await settled(client, part.as_uri(), []) == []


async def test_hover_on_a_named_argument_shows_it_as_written(
    client: LanguageClient, folder: Path
) -> None:
    path = folder / "argument.argmap"
    text = "premise a: A.\nconclusion c: C.\nargument step: a -> c\n  @note Why.\n"
    assert await open_map(client, path, text) == []
    shown = await hover_markdown(client, path, types.Position(2, 10))
    assert shown.startswith(
        "**argument** `step`\n\n```argmap\nargument step: a -> c\n  @note Why.\n```\n\nStrength: "
    )


async def test_definition_on_an_include_opens_the_included_file(
    client: LanguageClient, folder: Path
) -> None:
    path = folder / "main.argmap"
    await open_map(client, path, MAIN)
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=_doc(path), position=_position(MAIN, "part.argmap"))
    )
    assert isinstance(found, types.Location)
    assert found.uri == (folder / "part.argmap").as_uri()


async def test_closing_a_map_clears_its_diagnostics(client: LanguageClient, folder: Path) -> None:
    path = folder / "closed.argmap"
    assert await open_map(client, path, "premis a: A.\n") != []
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=_doc(path)))
    assert await settled(client, path.as_uri(), []) == []


async def test_include_and_document_paths_are_links(client: LanguageClient, folder: Path) -> None:
    path = folder / "linked.argmap"
    text = "@document notes.txt\n@include part.argmap\nconclusion top: T.\nbase -> top\n"
    await open_map(client, path, text)
    links = await client.text_document_document_link_async(
        types.DocumentLinkParams(text_document=_doc(path))
    )
    assert links is not None
    assert [(link.range.start.line, link.range.start.character, link.target) for link in links] == [
        (1, 9, (folder / "part.argmap").as_uri()),
        (0, 10, (folder / "notes.txt").as_uri()),
    ]
