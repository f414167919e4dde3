"""Build an ArgumentMap from syntax trees: statements first, so references may point forward.

Then inferences (so undercuts can name any of them), then named attacks (`argument ID: x -|
c`, so that plain attacks can name them), attacks and contradictions, then undercuts of
attacks, innermost first (so that each finds the attack it names).
Reference errors are collected, never raised: the caller reports them all at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from argmap.errors import Diagnostic, Span
from argmap.language.syntax import (
    SYNTAX_ERROR,
    Argument,
    Attack,
    AttackRef,
    Contradiction,
    Directive,
    InferenceRef,
    Invalid,
    Node,
    Ref,
    SectionHeader,
    SourceFile,
    Statement,
    Support,
    span_through,
)
from argmap.maptext import attack_ref
from argmap.model import ArgumentMap, Section
from argmap.suggest import did_you_mean, where

UNDEFINED = "undefined-reference"
DUPLICATE_ID = "duplicate-id"
SUGGESTION_BUDGET = 300_000
"""Candidate comparisons spent on did-you-mean suggestions before they are left out."""


def build_map(
    amap: ArgumentMap, sources: list[SourceFile], *, hand_over: bool = False
) -> list[Diagnostic]:
    """Add the statements and relations of `sources` (top-level file first) to `amap`.

    `hand_over=True` gives the model the statements' lists rather than copies of them, for
    a caller that drops the syntax trees after building."""
    errors = _metadata(amap, sources)
    relations: list[Node] = []
    broken = _statements(amap, sources, errors, relations, hand_over)
    named = {
        node.id for node in relations if isinstance(node, Argument) and node.attack is not None
    }
    resolver = _Resolver(amap, broken, named)
    for node in relations:
        if isinstance(node, Support):
            errors.extend(_support(amap, resolver, node))
        elif isinstance(node, Argument) and node.support is not None:
            errors.extend(_argument(amap, resolver, node, node.support))
    # Undercuts wait for the attacks they name, innermost first; an attack on a named
    # attack (`y -| NAME`) waits for the attacks written in full.
    on_attacks: list[tuple[float, Attack | Argument]] = []
    for node in relations:
        attack = node.attack if isinstance(node, Argument) else node
        if isinstance(attack, Attack) and isinstance(attack.target, AttackRef):
            assert isinstance(node, (Attack, Argument))
            on_attacks.append((len(attack.target.chain()[0]), node))
        elif isinstance(attack, Attack) and getattr(attack.target, "name", None) in named:
            assert isinstance(node, (Attack, Argument))
            on_attacks.append((0.5, node))
        elif isinstance(node, Argument) and node.attack is not None:
            errors.extend(_named_attack(amap, resolver, node))
        elif isinstance(node, Attack):
            errors.extend(_attack(amap, resolver, node))
        elif isinstance(node, Contradiction):
            errors.extend(_contradiction(amap, resolver, node))
    on_attacks.sort(key=lambda pair: pair[0])  # stable: the written order within a depth
    for _, relation in on_attacks:
        if isinstance(relation, Argument):
            errors.extend(_named_attack(amap, resolver, relation))
        else:
            errors.extend(_attack(amap, resolver, relation))
    return errors


# -- metadata ---------------------------------------------------------------------------------


def _metadata(amap: ArgumentMap, sources: list[SourceFile]) -> list[Diagnostic]:
    errors: list[Diagnostic] = []
    seen: dict[str, Directive] = {}
    for index, source in enumerate(sources):
        for node in source.nodes:
            if not isinstance(node, Directive) or node.name == "include":
                continue
            if node.name == "source":
                amap.sources.append(node.value)
            elif index > 0:
                errors.append(_error(_top_level_only(node.name), node.name_span))
            elif node.name in seen:
                first = seen[node.name]
                message = f"`@{node.name}` is given twice; first at line {first.span.line}"
                errors.append(_error(message, node.name_span, (first.span,)))
            else:
                seen[node.name] = node
                _set_metadata(amap, node)
    return errors


def _top_level_only(name: str) -> str:
    return f"`@{name}` belongs in the top-level map, not in an included file"


def _set_metadata(amap: ArgumentMap, directive: Directive) -> None:
    if directive.name == "document":
        folder = amap.path.parent if amap.path is not None else Path()
        amap.document = folder / directive.value
        amap.document_span = directive.value_span
        amap.document_written = directive.value
    else:
        setattr(amap, directive.name, directive.value)


# -- statements -------------------------------------------------------------------------------


_RELATIONS = (Support, Argument, Attack, Contradiction)


def _statements(
    amap: ArgumentMap,
    sources: list[SourceFile],
    errors: list[Diagnostic],
    relations: list[Node],
    handing_over: bool,
) -> set[str]:
    """Add every statement and section, and collect the relations in order (so that later
    passes walk only those); return the IDs of broken statement headers."""
    broken: set[str] = set()
    titles: set[str] = set()
    defined = amap.graph
    add = amap.add_statement_taking if handing_over else amap.add_statement
    for source in sources:
        section = source.initial_section
        for node in source.nodes:
            if isinstance(node, Statement):
                if node.id in defined:
                    errors.append(_duplicate_id(amap, node, "statement ID"))
                    continue
                add(
                    node.id,
                    node.kind,
                    node.text,
                    span=node.span,
                    tags=node.tags,
                    quotes=node.quotes,
                    quote_spans=node.quote_spans,
                    attributes=node.attributes,
                    section=section,
                )
            elif isinstance(node, _RELATIONS):
                relations.append(node)
            elif isinstance(node, SectionHeader):
                section = node.title
                if section not in titles:
                    titles.add(section)
                    amap.sections.append(Section(section, node.span))
            elif isinstance(node, Invalid) and node.defines:
                broken.add(node.defines)
    return broken


def _duplicate_id(amap: ArgumentMap, node: Statement | Argument, what: str) -> Diagnostic:
    """`duplicate statement ID` (`what`: "statement ID") or `duplicate ID` (of an argument),
    pointing at the first definition."""
    first: Span = amap.graph.nodes[node.id]["span"]
    message = f"duplicate {what} `{node.id}`; first defined at {where(first, node.span)}"
    return Diagnostic(DUPLICATE_ID, message, node.id_span, related=(first,))


# -- references -------------------------------------------------------------------------------


class _Resolver:
    """Reports references to undefined statements and inferences, with a did-you-mean.

    A suggestion compares the name with every candidate, so suggestions stop after
    SUGGESTION_BUDGET comparisons: a huge map full of misspellings still fails fast.
    """

    def __init__(self, amap: ArgumentMap, broken: set[str], named_attacks: set[str]) -> None:
        self.amap = amap
        self.broken = broken
        self.named_attacks = named_attacks
        """The IDs of named attacks, known before any relation is added."""
        self.budget = SUGGESTION_BUDGET
        self.ids: list[str] | None = None
        self.inferences: list[str] | None = None
        self.attacks: list[str] | None = None
        self.hints: dict[str, str] = {}
        self.statements = {sid for sid, _ in amap.statements()}
        """Every statement is added before any relation: the set of IDs no relation changes."""

    def undefined(
        self, refs: Iterable[Ref], target: Ref | None = None
    ) -> list[Diagnostic] | None:
        """Errors for the undefined refs; None when all are defined (so the relation is added).

        Every ref must name a statement, but `target` (an attack's) may also name an
        argument (a named inference or attack). A ref to a broken statement header is not reported
        again, but the relation is still not added: an empty list.
        """
        statements = self.statements
        errors: list[Diagnostic] = []
        complete = True
        for ref in [*refs, *([target] if target is not None else [])]:
            if ref.name in statements:
                continue
            if ref.name in self.amap.graph or ref.name in self.named_attacks:
                if ref is target and ref.name in self.amap.graph:
                    continue
                complete = False
                what = "attack" if ref.name in self.named_attacks else "inference"
                if ref is target:  # a named attack written with an error: said there
                    continue
                message = (
                    f"`{ref.name}` is an argument (a named {what}), not a statement; "
                    "only an attack can name it, as in `x -| "
                    f"{ref.name}`"
                )
                errors.append(Diagnostic(SYNTAX_ERROR, message, ref.span))
                continue
            complete = False
            if ref.name not in self.broken:
                hint = self.hint(ref.name, self.statement_ids()) or (
                    f"; define it with a line such as `premise {ref.name}: ...`"
                )
                message = f"undefined statement `{ref.name}`{hint}"
                errors.append(Diagnostic(UNDEFINED, message, ref.span))
        return None if complete else errors

    def undefined_inference(self, target: InferenceRef) -> Diagnostic:
        if self.inferences is None:
            self.inferences = [self.amap.written(key) for key, _ in self.amap.inferences()]
        hint = self.hint(target.written(), self.inferences) or (
            "; an undercut names an inference written elsewhere, as in `a + b -> c`"
        )
        message = f"undefined inference `{target.written()}`{hint}"
        return Diagnostic(UNDEFINED, message, target.span)

    def undefined_attack(self, target: AttackRef, written: str) -> Diagnostic:
        if self.attacks is None:
            self.attacks = [
                attack_ref([attacker], self.amap.written(target))
                for attacker, target, _, _ in self.amap.relations()
            ]
        hint = self.hint(written, self.attacks) or (
            "; an undercut names an attack written elsewhere, as in `x -| c`"
        )
        return Diagnostic(UNDEFINED, f"undefined attack `{written}`{hint}", target.span)

    def statement_ids(self) -> list[str]:
        if self.ids is None:
            named = [key for key, data in self.amap.inferences() if data.get("name")]
            named += sorted(self.named_attacks)
            self.ids = [sid for sid, _ in self.amap.statements()] + named + sorted(self.broken)
        return self.ids

    def hint(self, name: str, candidates: list[str]) -> str:
        if name not in self.hints:
            self.hints[name] = did_you_mean(name, candidates) if self.budget > 0 else ""
            self.budget -= len(candidates)
        return self.hints[name]


# -- relations --------------------------------------------------------------------------------


def _support(amap: ArgumentMap, resolver: _Resolver, node: Support) -> list[Diagnostic]:
    chain = node.chain
    undefined = resolver.undefined(chain[0] + [group[0] for group in chain[1:]])
    if undefined is not None:
        return undefined
    errors: list[Diagnostic] = []
    last = len(chain) - 2
    for step in range(len(chain) - 1):
        premises, conclusion = chain[step], chain[step + 1][0]
        names = [ref.name for ref in premises]
        span = span_through(premises[0].span, conclusion.span)
        first = amap.find_inference(names, conclusion.name)
        if first is not None:
            errors.append(_duplicate_inference(amap, first, names, conclusion.name, span))
            continue
        warrant = node.warrant if step == last else None
        amap.add_inference(names, conclusion.name, span=span, warrant=warrant)
    return errors


def _argument(
    amap: ArgumentMap, resolver: _Resolver, node: Argument, support: Support
) -> list[Diagnostic]:
    """`argument ID: a + b -> c : warrant`: one inference, keyed by its ID."""
    if node.id in amap.graph:
        return [_duplicate_id(amap, node, "ID")]
    premises, conclusion = support.chain[0], support.chain[1][0]
    undefined = resolver.undefined([*premises, conclusion])
    if undefined is not None:
        return undefined
    names = [ref.name for ref in premises]
    span = span_through(premises[0].span, conclusion.span)
    existing = amap.find_inference(names, conclusion.name)
    # Two named arguments for one step (by two schemes, say) are two arguments, as AIF's
    # two RA-nodes between the same statements are; an unnamed repeat is a mistake.
    if existing is not None and amap.graph.nodes[existing].get("name") is None:
        return [_duplicate_inference(amap, existing, names, conclusion.name, span)]
    amap.add_inference(
        names,
        conclusion.name,
        span=node.span,
        warrant=support.warrant,
        name=node.id,
        tags=node.tags,
        attributes=node.attributes,
    )
    return []


def _duplicate_inference(
    amap: ArgumentMap, key: str, premises: list[str], conclusion: str, span: Span
) -> Diagnostic:
    first: Span = amap.graph.nodes[key]["span"]
    written = f"{' + '.join(premises)} -> {conclusion}"
    message = f"the inference `{written}` is written twice; first at {where(first, span)}"
    return _error(message, span, (first,))


def _named_attack(amap: ArgumentMap, resolver: _Resolver, node: Argument) -> list[Diagnostic]:
    """`argument ID: a + b -| c`: one attack with a node of its own, keyed by its ID."""
    if node.id in amap.graph:
        return [_duplicate_id(amap, node, "ID")]
    assert node.attack is not None
    return _attack(amap, resolver, node.attack, node)


def _attack(
    amap: ArgumentMap, resolver: _Resolver, node: Attack, named: Argument | None = None
) -> list[Diagnostic]:
    target = node.target
    attacks, inner = target.chain() if isinstance(target, AttackRef) else ([], target)
    refs = [*node.attackers, *(ref for attack in attacks for ref in attack.attackers)]
    if isinstance(inner, InferenceRef):
        undefined = resolver.undefined([*refs, *inner.premises, inner.conclusion])
    else:
        undefined = resolver.undefined(refs, inner)
    if undefined is not None:
        return undefined
    if isinstance(inner, InferenceRef):
        key = amap.find_inference([p.name for p in inner.premises], inner.conclusion.name)
        if key is None:
            return [resolver.undefined_inference(inner)]
    else:
        key = inner.name
    for depth, attack in enumerate(reversed(attacks)):
        # Every attack inside the outermost must already be undercut (have a node); the
        # outermost gets its node now, if it is written at all.
        names = attack.attacker_names()
        found = amap.find_attack(names, key)
        attacker = names[0]
        if (
            found is None
            and len(names) == 1
            and depth == len(attacks) - 1
            and amap.graph.has_edge(attacker, key)
        ):
            found = _attack_node(amap, attacker, key)
        if found is None:
            written = attack_ref([" + ".join(names)], amap.written(key))
            return [resolver.undefined_attack(attack, written)]
        key = found
    names = node.attacker_names()
    if len(names) == 1 and named is None:
        repeated = _repeated_edge(amap, names[0], key, node.span)
        if repeated is None:
            repeated = _repeated_objection(amap, names, key, node.span, named=False)
        if repeated is not None:
            return [repeated]
        amap.add_attack(names[0], key, span=node.span)
        return []
    for attacker in names:
        repeated = _repeated_edge(amap, attacker, key, node.span, ("premise", "attacker"))
        if repeated is not None:
            return [repeated]
    repeated = _repeated_objection(amap, names, key, node.span, named=named is not None)
    if repeated is None and len(names) == 1 and amap.graph.has_edge(names[0], key):
        repeated = _repeated_edge(amap, names[0], key, node.span)
    if repeated is not None:
        return [repeated]
    if named is None:
        amap.add_attack_node(names, key, span=node.span)
    else:
        amap.add_attack_node(
            names,
            key,
            span=named.span,
            name=named.id,
            tags=named.tags,
            attributes=named.attributes,
        )
    return []


def _repeated_objection(
    amap: ArgumentMap, attackers: list[str], target: str, span: Span, *, named: bool
) -> Diagnostic | None:
    """An error when `attackers` already make an attack on `target` with a node of its own
    (a linked or named objection)."""
    found = amap.find_attack(attackers, target)
    if found is None or not amap.graph.has_edge(found, target):
        return None
    # Two named attacks with the same attackers and target are two arguments (as two named
    # inferences for one step are); an unnamed repeat of either is a mistake.
    if named and amap.graph.nodes[found].get("name"):
        return None
    first: Span = amap.graph.nodes[found]["span"]
    written = f"{' + '.join(attackers)} -| {amap.written(target)}"
    message = f"the attack `{written}` is written twice; first at {where(first, span)}"
    return _error(message, span, (first,))


def _attack_node(amap: ArgumentMap, attacker: str, target: str) -> str | None:
    """The node of the attack or contradiction direction `attacker -| target`, made now."""
    kind = amap.graph.edges[attacker, target]["kind"]
    if kind not in ("attack", "contradicts"):
        return None
    return amap.undercut_attack(attacker, target)


def _contradiction(amap: ArgumentMap, resolver: _Resolver, node: Contradiction) -> list[Diagnostic]:
    first, second = node.first.name, node.second.name
    undefined = resolver.undefined([node.first, node.second])
    if undefined is not None:
        return undefined
    for source, target in ((first, second), (second, first)):
        repeated = _repeated_edge(amap, source, target, node.span)
        if repeated is not None:
            return [repeated]
    amap.add_contradiction(first, second, span=node.span)
    return []


def _repeated_edge(
    amap: ArgumentMap,
    source: str,
    target: str,
    span: Span,
    kinds: tuple[str, ...] = ("premise", "attacker", "attack", "contradicts"),
) -> Diagnostic | None:
    """An error when `source` already attacks or contradicts `target` (or has an edge of
    another of `kinds` to it)."""
    data = amap.graph.get_edge_data(source, target)
    if data is None or data["kind"] not in kinds:
        return None
    first: Span = data["span"]
    shown = amap.written(target)
    if data["kind"] == "premise":
        message = (
            f"`{source}` is a premise of `{shown}` ({where(first, span)}) and cannot also "
            "undercut it; a reason cannot both support and attack the same step"
        )
        return _error(message, span, (first,))
    if data["kind"] == "attacker":
        message = (
            f"`{source}` makes the attack `{shown}` ({where(first, span)}) and cannot also "
            "undercut it"
        )
        return _error(message, span, (first,))
    verb = "contradicts" if data["kind"] == "contradicts" else "attacks"
    message = (
        f"`{source}` already {verb} `{shown}` at {where(first, span)}; "
        "write each attack or contradiction once"
    )
    return _error(message, span, (first,))


def _error(message: str, span: Span, related: tuple[Span, ...] = ()) -> Diagnostic:
    return Diagnostic(SYNTAX_ERROR, message, span, related=related)
