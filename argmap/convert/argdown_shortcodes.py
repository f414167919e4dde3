"""Argdown's shortcodes (`.~.`, `:love:`): the symbol each stands for, as Argdown's own table
(argdown-core `plugins/shortcodes.ts`) has them."""

from __future__ import annotations

import re

_SYMBOLS: dict[str, tuple[str, ...]] = {
    "∀": (".A.", ":A:"),
    "∃": (".E.", ":E:"),
    "𝗢": (".O.", ":O:"),
    "𝗣": (".P.", ":P:"),
    "→": (".->.", ":->:"),
    "↔": (".<->.", ":<->:"),
    "¬": (".~.", ":~:"),
    "∧": (".^.", ":^:"),
    "∨": (".v.", ":v:"),
    "⊻": (".v_.", ":v_:"),
    "◇": (".<>.", ":<>:"),
    "◻": (".[].", ":[]:"),
    "😀": (":happy:", ".happy."),
    "☺\ufe0f": (":smile:",),
    "☺": (".smile.", ":smiley:", ".smiley."),
    "😆": (":laugh:", ".laugh.", ":lol:", ".lol."),
    "🤣": (":rofl:", ".rofl."),
    "😂": (":joy:", ".joy."),
    "❤": (":heart:", ".heart."),
    "❓": (".?.", ":?:", ".question.", ":question:"),
    "😍": (":love:", ".love."),
    "😉": (":wink:", ".wink."),
    "🤫": (":shush:", ".shush."),
    "😐": (":meh:", ".meh."),
    "🙄": (":eye-roll:", ".eye-roll."),
    "😢": (":sad:", ".sad."),
    "😞": (":disappointed:", ".disappointed."),
    "😱": (":scream:", ".scream."),
    "👍": (":+1:", ".+1.", ":up:", ".up."),
    "👎": (":-1:", ".-1.", ":down:", ".down."),
    "🤔": (":think:", ".think."),
    "⭐": (".star.", ":star:"),
    "✔": (".y.", ":y:", ".agree.", ":agree:"),
    "❌": (".n.", ":n:", ".disagree.", ":disagree:"),
}
SHORTCODES: dict[str, str] = {code: symbol for symbol, codes in _SYMBOLS.items()
                              for code in codes}
# Argdown's lexer reads `.x.` or `:x:` (no space inside, the shortest) as one token wherever a
# `.` or `:` starts one; a token that is no shortcode stays text, its closing mark with it.
_SPECIAL = re.compile(r"\.\S+?\.|:\S+?:")


def replace_shortcodes(text: str) -> str:
    """Each shortcode in `text` replaced by its symbol, as Argdown reads it."""
    if "." not in text and ":" not in text:
        return text
    return _SPECIAL.sub(lambda match: SHORTCODES.get(match.group(), match.group()), text)


def escape_shortcodes(text: str) -> str:
    """`text` with a backslash before each shortcode, so that Argdown keeps it as written."""
    if "." not in text and ":" not in text:
        return text
    return _SPECIAL.sub(
        lambda match: "\\" + match.group() if match.group() in SHORTCODES else match.group(),
        text,
    )
