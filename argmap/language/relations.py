"""Parse a relation line (`a + b -> c : warrant`, `x -| c`, `a + b -| c`, `x -| (a -> c)`,
`a >< b`)."""

from __future__ import annotations

from argmap.language.lexer import (
    ARROW,
    ATTACK,
    CONTRADICTS,
    LPAREN,
    PLUS,
    RELATION_OPERATORS,
    RPAREN,
    LexError,
    Token,
    tokenize_relation,
)
from argmap.language.syntax import (
    Attack,
    AttackRef,
    Contradiction,
    InferenceRef,
    Ref,
    SpanOf,
    Support,
)

Relation = Support | Attack | Contradiction

MAX_PREMISES = 200
"""The most premises one inference may have: far past any argument a reader can follow,
and a bound on what every later step (checks, labels, drawing) pays per inference."""

_NO_RELATION = (
    "expected a relation such as `a -> b`, `a -| b` or `a >< b`; "
    "to continue a statement's text, indent the line"
)


class _Cursor:
    """Walks the tokens of one line; `end` is the column just past the line's content."""

    def __init__(self, tokens: list[Token], end: int, span_of: SpanOf) -> None:
        self.tokens = tokens
        self.index = 0
        self.end = end
        self.span_of = span_of

    def peek(self, ahead: int = 0) -> Token | None:
        index = self.index + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self) -> Token | None:
        index = self.index
        if index < len(self.tokens):
            self.index = index + 1
            return self.tokens[index]
        return None

    def id_token(self, message: str) -> Token:
        """The next token, a statement ID, or a LexError with `message`."""
        token = self.take()
        if token is None or token.kind != "id":
            raise _not_an_id(token, self.end, message)
        return token

    def ref(self, message: str) -> Ref:
        """The next token as a statement ID, or a LexError with `message`."""
        token = self.id_token(message)
        return Ref(token.value, self.span_of(token.start, token.end))


def _not_an_id(token: Token | None, end: int, message: str) -> LexError:
    """The error for `token` (None: the end of the line, at `end`) where an ID belongs."""
    if token is None:
        return LexError(message, end, end + 1)
    return LexError(f"{message}, found `{token.value}`", token.start, token.end)


def parse_relation(line: str, span_of: SpanOf) -> Relation:
    """Parse a column-0 relation line; raise LexError at the first problem."""
    tokens, warrant, comment = tokenize_relation(line)
    operators = _top_level_operators(tokens)
    if not operators:
        raise LexError(_NO_RELATION, 0, len(line.rstrip()))
    first = operators[0]
    for other in operators[1:]:
        if other.kind != first.kind:
            raise LexError(
                f"a line holds one kind of relation; found `{first.value}` and then "
                f"`{other.value}`; write them on separate lines",
                other.start,
                other.end,
            )
    if warrant is not None and first.kind != ARROW:
        raise LexError(
            "a warrant (`: text`) belongs to a support (`->`), not to "
            + ("an attack" if first.kind == ATTACK else "a contradiction"),
            warrant.start,
            warrant.end,
        )
    # The content ends with its last token (a line with an operator has one), before any
    # warrant: an ID missing after the last `->` is placed there, not in the warrant.
    end = tokens[-1].end
    whole = span_of(0, warrant.end if warrant else end)
    if first.kind == ARROW:
        chain = _chain(tokens, end, span_of)
        if warrant is not None and not warrant.value:
            raise LexError("expected the warrant's text after `:`", warrant.start, warrant.end)
        return Support(chain, whole, warrant.value if warrant else None, comment)
    cursor = _Cursor(tokens, end, span_of)
    if first.kind == ATTACK:
        attackers, target = _attack(cursor)
        return Attack(attackers, target, span=whole, comment=comment)
    return Contradiction(*_contradiction(cursor), span=whole, comment=comment)


def _top_level_operators(tokens: list[Token]) -> list[Token]:
    depth = 0
    found: list[Token] = []
    for token in tokens:
        depth += (token.kind == LPAREN) - (token.kind == RPAREN)
        if depth == 0 and token.kind in RELATION_OPERATORS:
            found.append(token)
    return found


def _chain(tokens: list[Token], end: int, span_of: SpanOf) -> list[list[Ref]]:
    """The groups of IDs between the arrows of `a + b -> c -> d`; only the first group may
    have more than one (the premises of a linked inference)."""
    count = len(tokens)
    first = tokens[0] if tokens else None
    if first is None or first.kind != "id":
        raise _not_an_id(first, end, "expected a statement ID at the start of the line")
    premises = [first]
    chain = [[Ref(first.value, span_of(first.start, first.end))]]
    index = 1
    while index < count:
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < count else None
        if token.kind == PLUS:
            if len(chain) > 1:
                raise LexError(
                    "an inference has one conclusion; `+` joins premises before the first "
                    "`->` only",
                    token.start,
                    token.end,
                )
            if following is None or following.kind != "id":
                message = f"expected a statement ID after `{premises[-1].value} +`"
                raise _not_an_id(following, end, message)
            premises.append(following)
            if len(premises) > MAX_PREMISES:
                _not_too_many(premises)
        elif token.kind == ARROW:
            if len(chain) == 1 and len(premises) > 1:
                _no_repeated_premise(premises)
            if following is None or following.kind != "id":
                raise _not_an_id(following, end, "expected a statement ID after `->`")
            chain.append([])
        else:
            raise _unexpected(token, chain[-1][-1].name)
        chain[-1].append(Ref(following.value, span_of(following.start, following.end)))
        index += 2
    return chain


def _no_repeated_premise(premises: list[Token], whole: str = "one inference") -> None:
    seen: set[str] = set()
    for token in premises:
        if token.value in seen:
            message = f"`{token.value}` appears twice among the premises of {whole}"
            raise LexError(message, token.start, token.end)
        seen.add(token.value)


def _not_too_many(premises: list[Token], whole: str = "an inference") -> None:
    if len(premises) > MAX_PREMISES:
        message = (
            f"{whole} has at most {MAX_PREMISES} premises; group some of them under "
            "intermediate claims"
        )
        raise LexError(message, premises[-1].start, premises[-1].end)


def _unexpected(token: Token, previous: str) -> LexError:
    if token.kind == "id":
        message = f"expected `+` or `->` between `{previous}` and `{token.value}`"
    elif token.kind in (LPAREN, RPAREN):
        message = "parentheses name an inference only in an undercut, as in `x -| (a + b -> c)`"
    else:
        message = f"unexpected `{token.value}` after `{previous}`"
    return LexError(message, token.start, token.end)


def _attack(cursor: _Cursor) -> tuple[tuple[Ref, ...], Ref | InferenceRef | AttackRef]:
    attackers = _attackers(cursor, "expected the attacking statement's ID before `-|`")
    target = _attack_target(cursor)
    _expect_end(cursor, "an attack has exactly one target; write one `-|` line per target")
    return attackers, target


def _attackers(cursor: _Cursor, message: str) -> tuple[Ref, ...]:
    """`x -|` or, a linked objection, `a + b -|`: the attackers and the `-|` after them."""
    tokens = [cursor.id_token(message)]
    while True:
        operator = cursor.take()
        if operator is not None and operator.kind == PLUS:
            tokens.append(
                cursor.id_token(f"expected a statement ID after `{tokens[-1].value} +`")
            )
            _not_too_many(tokens, "an objection")
            continue
        if operator is None or operator.kind != ATTACK:
            message = f"expected `+` or `-|` after `{tokens[-1].value}`"
            raise _not_an_id(operator, cursor.end, message)
        break
    if len(tokens) > 1:
        _no_repeated_premise(tokens, "one objection")
    return tuple(Ref(token.value, cursor.span_of(token.start, token.end)) for token in tokens)


_TARGET = "expected a statement ID, an inference `(a + b -> c)` or an attack `(x -| c)`"


def _attack_target(cursor: _Cursor) -> Ref | InferenceRef | AttackRef:
    """What follows `-|`: an ID, `(a + b -> c)`, or attacks on attacks `(y -| (x -| c))`.

    Nested attacks are read with a loop (openings on a stack), not recursion, so no line
    can exhaust Python's stack.
    """
    openings: list[tuple[Token, tuple[Ref, ...]]] = []
    while _opens_attack(cursor):
        opening = cursor.take()
        assert opening is not None
        operator = cursor.peek(1)
        if operator is not None and operator.kind == CONTRADICTS:
            name = cursor.ref("expected the attacking statement's ID after `(`")
            raise LexError(
                "an undercut names one direction of a contradiction: "
                f"`({name.name} -| ...)`",
                operator.start,
                operator.end,
            )
        openings.append(
            (opening, _attackers(cursor, "expected the attacking statement's ID after `(`"))
        )
    following = cursor.peek()
    target: Ref | InferenceRef | AttackRef
    if following is not None and following.kind == LPAREN:
        target = _undercut_target(cursor)
    else:
        target = cursor.ref(f"{_TARGET} after `-|`")
    while openings:
        opening, attackers = openings.pop()
        closing = cursor.take()
        if closing is None or closing.kind != RPAREN:
            raise _closing_error(cursor, closing, "expected `)` after the attack's target")
        target = AttackRef(attackers, target, cursor.span_of(opening.start, closing.end))
    return target


def _opens_attack(cursor: _Cursor) -> bool:
    """`( ID -|`, `( ID + ID -|` or `( ID ><` comes next: an attack (or a contradiction) in
    brackets, not an inference `(a + b -> c)`."""
    opening = cursor.peek()
    if opening is None or opening.kind != LPAREN:
        return False
    ahead = 1
    while True:
        name, operator = cursor.peek(ahead), cursor.peek(ahead + 1)
        if name is None or name.kind != "id" or operator is None:
            return False
        if operator.kind == ATTACK or (operator.kind == CONTRADICTS and ahead == 1):
            return True
        if operator.kind != PLUS:
            return False
        ahead += 2


def _undercut_target(cursor: _Cursor) -> InferenceRef:
    opening = cursor.take()
    assert opening is not None
    premises = [cursor.id_token("expected a premise ID after `(`")]
    while (token := cursor.take()) is not None and token.kind == PLUS:
        premises.append(cursor.id_token(f"expected a statement ID after `{premises[-1].value} +`"))
        _not_too_many(premises)
    _no_repeated_premise(premises)
    if token is None or token.kind != ARROW:
        raise _closing_error(cursor, token, "expected `+` or `->` in the inference")
    conclusion = cursor.ref("expected the inference's conclusion after `->`")
    closing = cursor.take()
    if closing is None or closing.kind != RPAREN:
        raise _closing_error(cursor, closing, "expected `)` after the inference's conclusion")
    return InferenceRef(
        tuple(Ref(token.value, cursor.span_of(token.start, token.end)) for token in premises),
        conclusion,
        cursor.span_of(opening.start, closing.end),
    )


def _closing_error(cursor: _Cursor, token: Token | None, message: str) -> LexError:
    if token is None:
        return LexError(message, cursor.end, cursor.end + 1)
    if token.kind == ARROW:
        message = "an undercut names one inference step: `(a + b -> c)`"
    return LexError(f"{message}, found `{token.value}`", token.start, token.end)


def _contradiction(cursor: _Cursor) -> tuple[Ref, Ref]:
    first = cursor.ref("expected a statement ID before `><`")
    operator = cursor.take()
    if operator is None or operator.kind != CONTRADICTS:
        raise LexError(
            "a contradiction has exactly two statements: `a >< b`",
            operator.start if operator else cursor.end,
            operator.end if operator else cursor.end + 1,
        )
    second = cursor.ref("expected a statement ID after `><`")
    _expect_end(cursor, "a contradiction has exactly two statements: `a >< b`")
    return first, second


def _expect_end(cursor: _Cursor, message: str) -> None:
    extra = cursor.take()
    if extra is not None:
        raise LexError(f"{message}; unexpected `{extra.value}`", extra.start, extra.end)
