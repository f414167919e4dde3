"""Character classes and the small scanners the parser is built from (pure, position-based)."""

from __future__ import annotations

import re
import unicodedata

from argmap.textlines import character_name
from argmap.valueclass import value_class

WHITESPACE = " \t"
"""Indentation and separators: spaces and tabs."""

ARROW = "->"
ATTACK = "-|"
CONTRADICTS = "><"
PLUS = "+"
LPAREN = "("
RPAREN = ")"
OPERATOR_ALIASES = {"→": ARROW, "⊣": ATTACK}
"""Unicode forms accepted for the ASCII operators."""
OPERATOR_START = frozenset("-+><()→⊣")
"""Characters that begin an operator; a statement kind followed by one is a relation."""
RELATION_OPERATORS = (ARROW, ATTACK, CONTRADICTS)
MAX_NESTING = 32
"""The deepest brackets may nest in a relation, as attacks on attacks do,
`x -| (y -| (a -> c))`: each level must be written out on a line of its own, so a map's
size grows with the square of the depth. Checked as the line is read, before anything
else, so that a deeper line costs no more than this."""

_TRAILING_COMMENT = re.compile(r"[ \t]#(?:[ \t]|$)")
TAG = re.compile(r"#(?<![^ \t]#)([^\W\d_][\w-]*)")
"""`#tag` at the start of the text or after a space or tab; starting the pattern with `#`
lets the regular expression engine skip to each `#` (ten times faster than a lookbehind
first)."""
_SPACES = re.compile(r"[ \t]+")
_WORD = re.compile(r"\w+")
_NOT_WORD = frozenset(" \t:+-<>()#@=|,.;")
"""Common characters that end a word, checked before the slower identifier test."""


class LexError(Exception):
    """A problem in one line: a message and the 0-based columns [start, end) it concerns."""

    def __init__(self, message: str, start: int, end: int) -> None:
        super().__init__(message)
        self.message = message
        self.start = start
        self.end = max(end, start + 1)


@value_class
class Token:
    """A token of a relation line: `kind` is `id`, an operator, `(`, `)` or `:`."""

    kind: str
    value: str
    start: int
    end: int


def indentation(line: str) -> int:
    """The number of leading spaces and tabs."""
    return len(line) - len(line.lstrip(WHITESPACE))


def is_comment(content: str) -> bool:
    """A comment is `#` followed by whitespace or the end of the line."""
    return content.startswith("#") and (len(content) == 1 or content[1] in WHITESPACE)


def split_comment(line: str, start: int = 0) -> tuple[int, str | None]:
    """Where the content of `line` ends before a trailing ` # comment`, and the comment."""
    match = _TRAILING_COMMENT.search(line, start)
    if match is None:
        return len(line.rstrip()), None
    end = len(line[: match.start()].rstrip())
    return end, line[match.start() + 2 :].strip()


def is_identifier_char(ch: str) -> bool:
    """True for characters that may continue an identifier (Python's rules), but not the
    invisible joiners U+200C and U+200D, which Python 3.13 (Unicode 15.1) lets in."""
    return ch == "_" or ch.isalnum() or (
        ("_" + ch).isidentifier() and unicodedata.category(ch) != "Cf"
    )


def scan_word(line: str, pos: int) -> int:
    """The end of the run of identifier characters starting at `pos`."""
    end = pos
    while True:
        match = _WORD.match(line, end)
        if match is not None:
            end = match.end()
        # `\w` misses a few identifier characters (combining marks): take them one by one.
        if end < len(line) and line[end] not in _NOT_WORD and is_identifier_char(line[end]):
            end += 1
        else:
            return end


Head = tuple[int, int]
"""Where a column-0 line's first word ends, and where what follows it starts (after spaces
and tabs): what tells a statement, an argument and a relation apart."""
_HEAD = re.compile(r"(\w*)[ \t]*")


def head(line: str) -> Head:
    """The first word's end and the next word's start in `line` (see `Head`)."""
    match = _HEAD.match(line)
    assert match is not None  # the pattern matches the empty string too
    word_end = match.end(1)
    if word_end < len(line) and line[word_end] not in _NOT_WORD:
        word_end = scan_word(line, word_end)  # combining marks, which `\w` misses
        return word_end, skip_whitespace(line, word_end)
    return word_end, match.end()


def skip_whitespace(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in WHITESPACE:
        pos += 1
    return pos


INVISIBLE_LETTERS = "\u115f\u1160\u3164\uffa0"
"""The Hangul fillers: letters to Python, so they pass as part of an identifier, but drawn
as nothing."""


def is_valid_id(word: str) -> bool:
    """An identifier (Python's rules) with no invisible letter nor joiner in it."""
    return word.isidentifier() and (
        word.isascii()
        or not any(ch in INVISIBLE_LETTERS or unicodedata.category(ch) == "Cf" for ch in word)
    )


def invalid_id_message(word: str) -> str:
    invisible = [
        ch for ch in word if ch in INVISIBLE_LETTERS or unicodedata.category(ch) == "Cf"
    ]
    if invisible:
        # Zero-width characters and the like: shown as escapes, since the ID would look
        # whole (`a\u200bb` prints as `ab`).
        shown = "".join(f"\\u{ord(ch):04x}" if ch in invisible else ch for ch in word)
        return (
            f"`{shown}` is not a valid ID: it holds the invisible character "
            f"{character_name(invisible[0])}; delete it"
        )
    return (
        f"`{word}` is not a valid ID; an ID starts with a letter or `_` "
        "and has only letters, digits and `_`"
    )


_TOKEN = re.compile(r"[ \t]*(?:(->|-\||><|[+()→⊣])|(\w+))?")
"""Spaces, then an operator (in either spelling) or the `\\w` run an identifier starts with:
every token but the few that need a character's properties (see `tokenize_relation`)."""


def tokenize_relation(line: str) -> tuple[list[Token], Token | None, str | None]:
    """Split a relation line into tokens, the warrant (`: text`) token, and a comment."""
    tokens: list[Token] = []
    pos = depth = 0
    size = len(line)
    scan = _TOKEN.match
    while pos < size:
        match = scan(line, pos)
        assert match is not None  # the pattern matches the empty string too
        pos = match.end()
        operator, word = match.groups()
        if operator is not None:
            start = pos - len(operator)
            kind = OPERATOR_ALIASES.get(operator, operator)
            tokens.append(Token(kind, operator, start, pos))
            if kind == LPAREN and (depth := depth + 1) > MAX_NESTING:
                raise LexError(_TOO_DEEP, start, pos)
            depth -= kind == RPAREN and depth > 0
            continue
        if word is None:
            if pos == size:
                break
            ch = line[pos]
            if ch == "#" and _comment_at(line, pos):
                return tokens, None, line[pos + 1 :].strip()
            if ch == ":":
                return tokens, *warrant_token(line, pos)
            if not is_identifier_char(ch):
                raise LexError(_unexpected(ch), pos, pos + 1)
            start, pos = pos, scan_word(line, pos)
            word = line[start:pos]
        else:
            start = pos - len(word)
            if pos < size and line[pos] not in _NOT_WORD:
                pos = scan_word(line, pos)  # combining marks, which `\w` misses
                word = line[start:pos]
        if not (word.isascii() and word.isidentifier()) and not is_valid_id(word):
            raise LexError(invalid_id_message(word), start, pos)
        tokens.append(Token("id", word, start, pos))
    return tokens, None, None


_TOO_DEEP = (
    f"brackets nest at most {MAX_NESTING} deep in a relation; attack the statements "
    "rather than ever deeper attacks on attacks"
)


def _comment_at(line: str, pos: int) -> bool:
    """A `#` at `pos` starts a comment: whitespace (or the line start) before, after it."""
    return (pos == 0 or line[pos - 1] in WHITESPACE) and is_comment(line[pos : pos + 2])


def warrant_token(line: str, colon: int) -> tuple[Token, str | None]:
    """The warrant after the `:` at `colon` (empty when there is no text) and a comment."""
    end, comment = split_comment(line, colon)
    start = skip_whitespace(line, colon + 1)
    text = line[start:end] if end > start else ""
    return Token(":", text, start if text else colon, end if text else colon + 1), comment


def _unexpected(ch: str) -> str:
    if ch == "#":
        return "unexpected `#`; a comment starts with `# ` (a `#` and a space)"
    if ch == "-":
        return "unexpected `-`; expected `->` (support) or `-|` (attack)"
    if ch in "<>":
        return f"unexpected `{ch}`; expected `><` (contradiction) or `->` (support)"
    if ch.isspace() or not ch.isprintable():
        hint = "; only spaces and tabs separate words" if ch.isspace() else ""
        return f"unexpected character {character_name(ch)} in a relation{hint}"
    return f"unexpected character `{ch}` in a relation; expected IDs and `->`, `+`, `-|` or `><`"


def extract_tags(text: str) -> tuple[str, list[str]]:
    """Take `#tags` out of statement text: the cleaned text and the tags in order, unique."""
    tags = list(dict.fromkeys(TAG.findall(text))) if "#" in text else []
    cleaned = TAG.sub("", text) if tags else text
    if "  " in cleaned or "\t" in cleaned:
        cleaned = _SPACES.sub(" ", cleaned)
    return cleaned.strip(), tags
