"""The actor registry and the finder of actor mentions in running text.

:class:`ActorRegistry` holds sitrep's registry of armed groups, militias, criminal
groups and state forces (``sitrep/data/actors.yaml``) and its lexicon of unnamed
actors (``sitrep/data/unnamed_actors.yaml``). It answers two kinds of question:

* lookups: ``lookup("Daesh")`` is the Islamic State, ``ancestors("iskp")`` its
  parents, ``descendants("isis")`` the ids of every affiliate;
* mentions: ``find_all(sentence)`` returns the named actors ("ISIS-K", "the
  Taliban's") and the unnamed ones ("unidentified gunmen", "Russian troops",
  "Afghan and coalition forces") with their offsets, canonical names and types.

Matching works on word tokens of a *folded* copy of the text (lower case, accents,
dashes and curly apostrophes folded; same length, so offsets stay valid) walked
through token tries built once at load. A match never starts or ends inside a word,
joins words only across spaces, hyphens, slashes or brackets, ignores a leading
"the", accepts a possessive ("ISIS's", "Hamas'") and skips URLs, e-mail addresses
and hashtags. Short acronyms that collide with words ("IS", "ETA", "ADF") match
only as written; in text written all in capitals they match unless they are also
ordinary English words (``capital_words`` in the registry file).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from sitrep.actors.files import COUNTRY_CODE, read_yaml, require, word_list
from sitrep.actors.text import (
    TRIE_END,
    TokenText,
    exact_tokens,
    fold,
    is_shouting,
    phrase_key,
    trie_from,
    trie_insert,
    trie_to,
)
from sitrep.actors.unnamed import ACTOR_TYPES, FORCE_KINDS, UNNAMED_TYPES, Head, Qualifier, UnnamedLexicon
from sitrep.errors import NotFound, RegistryError

__all__ = [
    "ACTOR_TYPES",
    "FORCE_KINDS",
    "UNNAMED_TYPES",
    "Actor",
    "ActorMention",
    "ActorRegistry",
    "UnknownActor",
    "default_registry",
    "fold",
    "is_shouting",
    "phrase_key",
]

#: The keys an entry of actors.yaml may have.
_ACTOR_KEYS = frozenset({"id", "name", "type", "parent", "country", "aliases", "case_sensitive_aliases", "note"})
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# ---------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Actor:
    """An entry of the registry."""

    id: str
    name: str
    aliases: tuple[str, ...]  # every alias, case-sensitive ones included
    parent: str | None  # id of the parent entry
    type: str  # one of ACTOR_TYPES
    countries: tuple[str, ...]  # ISO 3166-1 alpha-2 codes; () for multinational forces
    case_sensitive_aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named or described in a text."""

    start: int  # offsets in the input text
    end: int
    matched: str  # the text as written
    actor: Actor | None  # None for an unnamed actor the registry does not know
    name: str  # canonical name, or the normalised description of an unnamed actor
    actor_type: str  # 'armed group' | 'state force' | ... | 'unnamed' | 'rioters' | 'protesters'
    country_code: str | None  # for state forces and country-qualified mentions
    parent: str | None  # canonical name of the parent, if any


class UnknownActor(NotFound, KeyError):
    """No registry entry has the requested id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


# ---------------------------------------------------------------------------------------
# Named aliases
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Alias:
    """What an alias key leads to: the actor, and the exact forms when case matters."""

    actor: Actor
    exact: tuple[tuple[str, ...], ...] = ()  # case-kept token sequences; () = any case
    capital_word: bool = False  # also an English word ("IS"): never in capitals-only text


def _strip_the(keys: tuple[str, ...]) -> tuple[str, ...]:
    return keys[1:] if len(keys) > 1 and keys[0] == "the" else keys


#: The top-level keys of actors.yaml.
_REGISTRY_KEYS = frozenset({"capital_words", "word_context", "actors", "attribution"})


def _actor_from(item: Any, index: int, source: str) -> Actor:
    if not isinstance(item, dict):
        raise RegistryError(f"{source}: actors[{index}] is not a mapping")
    where = f"{source}: actor {item.get('id', index)!r}"
    unknown = set(item) - _ACTOR_KEYS
    if unknown:
        raise RegistryError(f"{where} has unknown keys {sorted(unknown)}")
    for key in ("id", "name", "type"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise RegistryError(f"{where} needs a non-empty {key!r}")
    if not _ID.match(item["id"]):
        raise RegistryError(f"{where}: id must be a lower-case slug")
    if item["type"] not in ACTOR_TYPES:
        raise RegistryError(f"{where}: type {item['type']!r} is not one of {sorted(ACTOR_TYPES)}")
    parent = item.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise RegistryError(f"{where}: parent must be an id or null")
    countries = item.get("country", [])
    if not isinstance(countries, list) or not all(isinstance(c, str) and COUNTRY_CODE.match(c) for c in countries):
        raise RegistryError(f"{where}: country must be a list of ISO 3166-1 alpha-2 codes")
    lists = {}
    for key in ("aliases", "case_sensitive_aliases"):
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(a, str) and a.strip() for a in value):
            raise RegistryError(f"{where}: {key} must be a list of names")
        lists[key] = tuple(dict.fromkeys(value))
    return Actor(
        id=item["id"], name=item["name"], aliases=lists["aliases"] + lists["case_sensitive_aliases"],
        parent=parent, type=item["type"], countries=tuple(countries),
        case_sensitive_aliases=lists["case_sensitive_aliases"],
    )


# ---------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------


class ActorRegistry:
    """sitrep's actors: lookups, the hierarchy of affiliates, and mentions in text.

    Build it with :meth:`load` (the shipped files, or your own); it is immutable once
    built and safe to share between threads.
    """

    def __init__(
        self,
        actors: Sequence[Actor],
        *,
        capital_words: Iterable[str] = (),
        word_context: Mapping[str, Iterable[str]] | None = None,
        unnamed: Mapping[str, Any] | None = None,
        source: str = "actors",
        unnamed_source: str = "unnamed actors",
    ) -> None:
        self._by_id: dict[str, Actor] = {}
        for actor in actors:
            if actor.id in self._by_id:
                raise RegistryError(f"{source}: duplicate id {actor.id!r}")
            self._by_id[actor.id] = actor
        self._capital_words = frozenset(w.upper() for w in capital_words)
        context = word_context or {}
        self._word_before = frozenset(phrase_key(" ".join(context.get("before", ()))))
        self._word_after = frozenset(phrase_key(" ".join(context.get("after", ()))))
        self._children: dict[str, list[str]] = {}
        for actor in actors:
            if actor.parent is not None:
                if actor.parent not in self._by_id:
                    raise RegistryError(f"{source}: actor {actor.id!r} has unknown parent {actor.parent!r}")
                if actor.parent == actor.id:
                    raise RegistryError(f"{source}: actor {actor.id!r} is its own parent")
                self._children.setdefault(actor.parent, []).append(actor.id)
        for actor in actors:
            self._check_no_cycle(actor, source)
        self._names: dict[tuple[str, ...], Actor] = {}  # every folded name, alias and id
        self._trie: dict[str, Any] = {}
        for actor in actors:
            self._index(actor, source)
        self._unnamed = UnnamedLexicon(unnamed, unnamed_source) if unnamed is not None else None
        #: The registry entries that country-qualified and alliance forces resolve to.
        self._forces: dict[str, Actor] = {}
        for name in self._unnamed.force_names() if self._unnamed is not None else ():
            actor = self.lookup(name)
            if actor is not None:
                self._forces[name] = actor

    # -- construction -------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None, unnamed_path: Path | None = None) -> "ActorRegistry":
        """Read and validate the registry and the unnamed-actor lexicon (the shipped files by default).

        Raises :class:`~sitrep.errors.RegistryError` naming the file and the problem:
        a duplicate id, an unknown parent, a cycle of parents, an alias claimed by two
        actors, an unknown type or key, a malformed country code.
        """
        data, source = read_yaml(path, "actors.yaml")
        items = require(data, "actors", list, source)
        actors = [_actor_from(item, index, source) for index, item in enumerate(items)]
        unknown = set(data) - _REGISTRY_KEYS
        if unknown:
            raise RegistryError(f"{source}: unknown top-level keys {sorted(unknown)}")
        capital_words = word_list(data.get("capital_words", []), "capital_words", source)
        word_context = data.get("word_context", {})
        if not isinstance(word_context, dict) or set(word_context) - {"before", "after"}:
            raise RegistryError(f"{source}: word_context must map 'before' and 'after' to lists of words")
        for key, value in word_context.items():
            word_list(value, f"word_context.{key}", source)
        unnamed, unnamed_source = read_yaml(unnamed_path, "unnamed_actors.yaml")
        return cls(actors, capital_words=capital_words, word_context=word_context, unnamed=unnamed,
                   source=source, unnamed_source=unnamed_source)

    def _check_no_cycle(self, actor: Actor, source: str) -> None:
        seen = {actor.id}
        current = actor.parent
        while current is not None:
            if current in seen:
                raise RegistryError(f"{source}: the parents of {actor.id!r} form a cycle through {current!r}")
            seen.add(current)
            current = self._by_id[current].parent

    def _index(self, actor: Actor, source: str) -> None:
        exact_forms: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for alias in actor.case_sensitive_aliases:
            exact_forms.setdefault(phrase_key(alias), []).append(exact_tokens(alias))
        sensitive = {phrase_key(a) for a in actor.case_sensitive_aliases}
        names = [actor.name, *actor.aliases] if actor.name not in actor.case_sensitive_aliases else list(actor.aliases)
        for alias in names:
            keys = phrase_key(alias)
            if not keys:
                raise RegistryError(f"{source}: actor {actor.id!r} has an alias with no words: {alias!r}")
            self._claim(keys, actor, alias, source)
            if keys in sensitive and alias in actor.case_sensitive_aliases:
                capital = alias.upper() in self._capital_words
                payload = _Alias(actor, tuple(exact_forms[keys]), capital)
            else:
                payload = _Alias(actor)
            node_keys = keys if keys in sensitive else _strip_the(keys)
            previous = trie_insert(self._trie, node_keys, payload)
            if previous is not None and previous.actor is not actor:
                raise RegistryError(f"{source}: alias {alias!r} of {actor.id!r} is also an alias of {previous.actor.id!r}")
            if previous is not None and previous.exact and not payload.exact:
                self._replace(node_keys, payload)  # a case-insensitive alias wins over a case-sensitive one
        self._claim(phrase_key(actor.id), actor, actor.id, source)

    def _claim(self, keys: tuple[str, ...], actor: Actor, alias: str, source: str) -> None:
        for variant in {keys, _strip_the(keys)}:
            owner = self._names.setdefault(variant, actor)
            if owner is not actor:
                raise RegistryError(f"{source}: alias {alias!r} of {actor.id!r} is also a name of {owner.id!r}")

    def _replace(self, keys: tuple[str, ...], payload: _Alias) -> None:
        node = self._trie
        for k in keys:
            node = node[k]
        node[TRIE_END] = payload

    # -- lookups ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterable[Actor]:
        return iter(self._by_id.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._by_id

    def get(self, actor_id: str) -> Actor:
        """The entry with this id; raises :class:`UnknownActor` (a NotFound and a KeyError)."""
        try:
            return self._by_id[actor_id]
        except KeyError:
            raise UnknownActor(f"no actor with id {actor_id!r} in the registry") from None

    def lookup(self, name: str) -> Actor | None:
        """The entry whose id, canonical name or any alias is ``name``, ignoring case, accents,
        dashes, apostrophes and a leading "the"; None if there is none."""
        keys = phrase_key(name)
        if not keys:
            return None
        return self._names.get(keys) or self._names.get(_strip_the(keys)) or self._by_id.get(name.strip())

    def parent_of(self, actor_id: str) -> Actor | None:
        """The parent entry of ``actor_id``, or None."""
        parent = self.get(actor_id).parent
        return self._by_id[parent] if parent is not None else None

    def ancestors(self, actor_id: str) -> tuple[Actor, ...]:
        """The parent, grandparent... of ``actor_id``, nearest first."""
        out: list[Actor] = []
        current = self.parent_of(actor_id)
        while current is not None:
            out.append(current)
            current = self._by_id[current.parent] if current.parent is not None else None
        return tuple(out)

    def descendants(self, actor_id: str) -> frozenset[str]:
        """The ids of ``actor_id`` and of all its affiliates, at any depth."""
        self.get(actor_id)
        out = {actor_id}
        stack = [actor_id]
        while stack:
            for child in self._children.get(stack.pop(), ()):
                if child not in out:
                    out.add(child)
                    stack.append(child)
        return frozenset(out)

    def _parent_name(self, actor: Actor) -> str | None:
        return self._by_id[actor.parent].name if actor.parent is not None else None

    # -- mentions -----------------------------------------------------------------------
    def find(self, text: str, *, shouting: bool | None = None) -> list[ActorMention]:
        """Named actors in ``text``, left to right, longest alias first.

        ``shouting`` says whether the text is written in capitals; by default it is
        decided from the text itself when it matters (see :func:`is_shouting`).
        """
        return [m for _, _, m in self._named(TokenText(text, shouting))]

    def find_unnamed(self, text: str, *, shouting: bool | None = None) -> list[ActorMention]:
        """Unnamed actors in ``text``: "gunmen", "suspected militants", "Russian troops"...

        A description that follows a named actor ("Taliban fighters", "NATO forces") is
        the named actor's, and is not returned.
        """
        t = TokenText(text, shouting)
        return self._unnamed_mentions(t, self._named(t))

    def find_all(self, text: str, *, shouting: bool | None = None) -> list[ActorMention]:
        """Named and unnamed actors in ``text``, never overlapping, sorted by start."""
        t = TokenText(text, shouting)
        named = self._named(t)
        mentions = [m for _, _, m in _without_patrons(named, text)] + self._unnamed_mentions(t, named)
        mentions.sort(key=lambda m: m.start)
        return _known_as(mentions, text)

    def _named(self, t: TokenText) -> list[tuple[int, int, ActorMention]]:
        """(first token, last token, mention) of every named actor, leftmost-longest."""
        trie = self._trie
        candidates = [i for i, key in enumerate(t.keys) if key in trie]
        if t.stems:
            candidates = sorted(set(candidates) | {i for i, stem in t.stems.items() if stem in trie})
        out: list[tuple[int, int, ActorMention]] = []
        after = 0
        for i in candidates:
            if i < after:
                continue
            if i > 0 and t.keys[i - 1] in _AGAINST and t.gap(i) == "-":
                continue  # "an anti-Naxal operation", "anti-Taliban militias": the group fought, not at work
            for last, end, alias in reversed(trie_from(trie, t, i)):
                if alias.exact and not self._exact_ok(alias, t, i, last, end):
                    continue
                start = t.start(i)
                if t.in_url(start, end):
                    continue
                if self._longer_name_inside(t, i, last, candidates):
                    break  # "Colombian Army of National Liberation": the ELN, not the Colombian army
                actor = alias.actor
                last, end = self._bracketed_alias(t, actor, last, end)
                branch = self._branch_named(t, actor, last, end)
                if branch is not None:  # "Islamic State's Sahel branch": Islamic State Sahel Province
                    actor, last, end = branch
                country = actor.countries[0] if actor.type == "state force" and actor.countries else None
                out.append((i, last, ActorMention(start, end, t.text[start:end], actor, actor.name, actor.type,
                                                  country, self._parent_name(actor))))
                t.blocked.update(range(i, last + 1))
                after = last + 1
                break
        return out

    def _branch_named(self, t: TokenText, actor: Actor, last: int, end: int) -> tuple[Actor, int, int] | None:
        """The affiliate of ``actor`` a possessive after its name points to by where it is active ("Islamic
        State's Sahel branch", "al-Qaeda's Yemen affiliate"), its last token and end; None unless exactly
        one affiliate's name or alias holds that region's name."""
        children = self._children.get(actor.id)
        m = _BRANCH_AFTER.match(t.text, end) if children else None
        if m is None:
            return None
        region = re.compile(r"\b" + re.escape(fold(m.group("region")).lower()))
        found = [
            child for child in (self._by_id[c] for c in children)
            if any(region.search(fold(name).lower()) for name in (child.name, *child.aliases))
        ]
        if len(found) != 1:
            return None  # "al-Qaeda's Iraq branch": AQI or the Islamic State of Iraq
        while last + 1 < len(t.keys) and t.start(last + 1) < m.end():
            last += 1
        return found[0], last, m.end()

    def _longer_name_inside(self, t: TokenText, first: int, last: int, candidates: list[int]) -> bool:
        """Whether a longer name starts inside the name at tokens ``first``..``last`` and runs on past it."""
        for k in candidates[bisect_right(candidates, first) :]:
            if k > last:
                return False
            for other_last, other_end, alias in trie_from(self._trie, t, k):
                if other_last > last and other_last - k > last - first and (
                    not alias.exact or self._exact_ok(alias, t, k, other_last, other_end)
                ):
                    return True
        return False

    def _bracketed_alias(self, t: TokenText, actor: Actor, last: int, end: int) -> tuple[int, int]:
        """Extend a mention over an alias of the same actor in brackets: "National Liberation Army (ELN)"."""
        opening = _OPEN_BRACKET.match(t.folded, end)
        if opening is None or last + 1 >= len(t.keys) or t.start(last + 1) != opening.end():
            return last, end
        for inner_last, inner_end, alias in reversed(trie_from(self._trie, t, last + 1)):
            if alias.actor is actor and (not alias.exact or self._exact_ok(alias, t, last + 1, inner_last, inner_end)):
                closing = _CLOSE_BRACKET.match(t.folded, inner_end)
                if closing is not None:
                    return inner_last, closing.end()
        return last, end

    def _exact_ok(self, alias: _Alias, t: TokenText, i: int, last: int, end: int) -> bool:
        """Whether a case-sensitive alias is written as it must be."""
        if not t.written_as(i, last, alias.exact, end):
            return False
        if alias.capital_word:
            if t.shouting:  # "IS" in wire copy is the verb
                return False
            before = t.keys[i - 1] if i > 0 else ""
            after = t.keys[last + 1] if last + 1 < len(t.keys) else ""
            return before not in self._word_before and after not in self._word_after
        return True

    def _unnamed_mentions(self, t: TokenText, named: list[tuple[int, int, ActorMention]]) -> list[ActorMention]:
        lex = self._unnamed
        if lex is None:
            return []
        out: list[ActorMention] = []
        for first, _, mention in named:  # "Afghan and ISAF forces", "Afghan, ISAF Forces"
            if mention.actor_type == "state force":
                out.extend(self._coordinated(t, first, _SOME_FORCE))
        named_last = {last for _, last, _ in named}
        heads, blocked = lex.heads, t.blocked
        after = 0
        for i in [i for i, key in enumerate(t.keys) if key in heads]:
            if i < after or i in blocked:
                continue
            matches = [m for m in trie_from(heads, t, i) if not blocked.intersection(range(i, m[0] + 1))]
            if not matches:
                continue
            last, end, head = matches[-1]
            after = last + 1
            if last + 1 < len(t.keys) and t.joined(last + 1) and trie_from(lex.not_before, t, last + 1):
                continue  # "army base", "police spokesman"
            if i - 1 in named_last and _POSSESSIVE_GAP.fullmatch(t.gap(i)):
                continue  # "Taliban fighters", "Hamas' gunmen": the named actor's own people
            qualifiers = self._qualifiers(t, i)
            first = qualifiers[0][0] if qualifiers else i
            determined = first > 0 and t.keys[first - 1] in _DETERMINERS and t.joined(first)
            mention = self._describe(t, [q for _, q in qualifiers], head, t.start(first), end, determined)
            if mention is not None:
                if head.force is not None and any(q.kind != "transparent" for _, q in qualifiers):
                    out.extend(self._coordinated(t, first, head))
                out.append(mention)
        out.extend(self._striking_countries(t))
        # a head that is also a qualifier is read with the head after it: "Separatist fighters" is one
        # mention, not "Separatist" and "Separatist fighters"
        out = [m for m in out if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in out)]
        out.sort(key=lambda m: m.start)
        return out

    def _striking_countries(self, t: TokenText) -> list[ActorMention]:
        """A country named as the subject of a strike, which its forces made: "Russia had launched 33
        missiles overnight", "Israel struck a house in Gaza City" (the military of the scheme)."""
        out: list[ActorMention] = []
        for m in _STRIKES_AFTER.finditer(t.text):
            last = t.token_ending_at(m.start())
            if last is None or last in t.blocked:
                continue
            found = self._qualifier_at(t, last, _COUNTRY)
            if found is None:
                continue
            first, qualifier = found
            if first > 0 and t.joined(first) and t.keys[first - 1] not in _BEFORE_A_SUBJECT:
                continue  # "in Russia launched", "a Russia struck by sanctions"
            mention = self._describe(t, [qualifier], _MILITARY, t.start(first), t.end(last), True)
            if mention is not None:
                out.append(mention)
        return out

    def _qualifiers(self, t: TokenText, head_start: int) -> list[tuple[int, Qualifier]]:
        """The qualifiers written just before a head, in text order: (first token, qualifier)."""
        out: list[tuple[int, Qualifier]] = []
        p = head_start - 1
        # (a dash with spaces around it parts the words: "GUSAU, Nigeria — Gunmen" are no Nigerian gunmen)
        while p >= 0 and p not in t.blocked and t.joined(p + 1) and _SPACED_DASH.search(t.gap(p + 1)) is None:
            found = self._qualifier_at(t, p)
            if found is None:
                break
            first, qualifier = found
            if qualifier.kind == "country" and first > 0 and t.keys[first - 1] in _SIDING and t.gap(first) == "-":
                # "Pro-Iraqi militants" are no Iraqi militants: a stance, kept in the name, with no country
                side = t.keys[first - 1]
                found = (first - 1, Qualifier("descriptor", f"{side}-{t.text[t.start(first) : t.end(p)]}", key=side))
            out.append(found)
            p = found[0] - 1
        out.reverse()
        return out

    def _qualifier_at(self, t: TokenText, last: int, kinds: frozenset[str] | None = None) -> tuple[int, Qualifier] | None:
        """The longest qualifier ending at token ``last`` (of one of ``kinds``)."""
        assert self._unnamed is not None
        best = None
        for first, (qualifier, exact) in trie_to(self._unnamed.qualifiers, t, last):
            if t.blocked.intersection(range(first, last + 1)):
                break
            if kinds is not None and qualifier.kind not in kinds:
                continue
            if exact is not None and not t.written_as(first, last, (exact,)):
                continue
            best = (first, qualifier)
        return best

    def _coordinated(self, t: TokenText, first: int, head: Head) -> list[ActorMention]:
        """Forces coordinated before a qualified force: "Afghan" in "Afghan and coalition forces"."""
        out: list[ActorMention] = []
        p = first - 1
        while p >= 0 and len(out) < 4:
            if t.keys[p] in ("and", "or") and p > 0 and t.joined(p + 1) and t.joined(p):
                q_last = p - 1
            elif t.gap(p + 1).strip() == ",":
                q_last = p
            else:
                break
            found = self._qualifier_at(t, q_last, _IDENTITY)
            if found is None:
                break
            q_first, qualifier = found
            mention = self._describe(t, [qualifier], head, t.start(q_first), t.end(q_last), True)
            if mention is not None:
                out.append(mention)
            p = q_first - 1
        return out

    def _describe(self, t: TokenText, qualifiers: list[Qualifier], head: Head, start: int, end: int, determined: bool) -> ActorMention | None:
        """The mention of a head and its qualifiers, named by the scheme of unnamed_actors.yaml. A head's
        required qualifiers may be missing from a passive's agent ("killed by two men") or an act's
        subject ("two men on a motorcycle shot dead a judge")."""
        lex = self._unnamed
        assert lex is not None
        if head.requires_any and not any(q.kind == "transparent" and q.key in head.requires_any for q in qualifiers) and (
            not head.counts_as_agent(t.folded, start) and not head.counts_as_subject(t.folded, end)
        ):
            return None
        if (head.needs_qualifier or (head.needs_determiner and not determined)) and not qualifiers:
            return None
        country = next((q.country for q in reversed(qualifiers) if q.country), None)
        kind = head.type
        actor: Actor | None = None
        if head.force is not None:
            identity = [q for q in qualifiers if q.kind in _IDENTITY]
            descriptors = [q for q in qualifiers if q.kind == "descriptor"]
            nearest = identity[-1] if identity else None
            if nearest is not None and nearest.kind == "alliance":
                name, country = nearest.name, None
            elif nearest is not None:
                name, country = lex.schemes[head.force].format(country=nearest.scheme), nearest.country
            elif descriptors:  # "Kurdish forces", "pro-government forces"
                name, kind = " ".join(q.name for q in descriptors) + " forces", descriptors[-1].force_type
            else:
                name = lex.unqualified[head.force]
            actor = self._forces.get(name) if nearest is not None else None
        else:
            parts = [q.name for q in qualifiers if q.kind in ("descriptor", "country")]
            name = " ".join(parts + [head.name]) if parts else head.bare_name
        if actor is not None:
            country = country or (actor.countries[0] if actor.countries else None)
            return ActorMention(start, end, t.text[start:end], actor, actor.name, actor.type, country, self._parent_name(actor))
        return ActorMention(start, end, t.text[start:end], None, name, kind, country, None)


_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our"})
#: Words joined by a hyphen before a people's name that make it a stance ("pro-Iraqi", "anti-Syrian").
_SIDING = frozenset({"pro", "anti"})
#: A dash with spaces around it (dashes are folded to "-"), which parts words a hyphen would join.
_SPACED_DASH = re.compile(r"\s-+\s")
#: Prefixes that name a group as what is fought: "anti-Naxal", "counter-ISIS".
_AGAINST = frozenset({"anti", "counter"})
#: A branch of a group named by its region after the group's possessive: "'s Sahel branch", "’s West
#: Africa Province", "'s Yemen affiliate" (the region capitalised: not "'s armed wing").
_BRANCH_AFTER = re.compile(
    r"(?:'s|’s|'|’)[ \t]+(?P<region>[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2})[ \t]+"
    r"(?i:branch|affiliate|province|franchise|offshoot|chapter|wing)\b"
)
_OPEN_BRACKET = re.compile(r"[ \t]*[(\[][ \t]*")
_CLOSE_BRACKET = re.compile(r"[ \t]*[)\]]")
_IDENTITY = frozenset({"country", "alliance"})
_POSSESSIVE_GAP = re.compile(r"'?[\s\-]{1,4}")
_SOME_FORCE = Head("security", "security", "state force", "security")
_MILITARY = Head("military", "military", "state force", "military")
_COUNTRY = frozenset({"country"})
#: A strike told right after a country's name, which makes the country its doer.
_STRIKES_AFTER = re.compile(
    r"(?<=\w)[ \t]+(?:(?:has|have|had)[ \t]+)?(?:(?:also|again|reportedly|then)[ \t]+)?"
    r"(?:launched[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:missiles?|rockets?|drones?|strikes|air[ \t]?strikes|attacks|bombs)"
    r"|fired[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:missiles?|rockets?|drones?|shells)|struck|shelled|bombed|pounded)\b"
)
#: Words after which a country's name may open a clause: "said Russia had launched", "and Israel struck".
_BEFORE_A_SUBJECT = frozenset({"said", "says", "say", "that", "and", "but", "as", "while", "when", "after", "before",
                               "since", "then", "claimed", "told", "stated", "reported", "announced", "added"})


@lru_cache(maxsize=1)
def default_registry() -> ActorRegistry:
    """The registry built from the shipped files, loaded once per process."""
    return ActorRegistry.load()


#: A name that only qualifies the next one: "the al Qaeda-linked | al Shabaab group", "the
#: Islamic State-affiliated militant group | ISWAP".
_PATRON_OF_NEXT = re.compile(r"-(?:linked|affiliated|allied|aligned|backed|inspired|sponsored|supported|funded)\s+", re.I)
_WORDS_BETWEEN = re.compile(r"(?:[\w'’-]+\s+){0,2}")


#: Between two descriptions of one actor: "armed gangs | known locally as | bandits".
_KNOWN_AS = re.compile(
    r"\s*,?\s*(?:(?:locally|commonly|popularly|widely|also)\s+)?(?:known|referred\s+to)\s+(?:locally\s+)?as\s+(?:the\s+)?"
)


def _known_as(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """``mentions`` with an actor and the name it is known by made one mention ("armed gangs known
    locally as bandits"): the registry's name if either is named, else the name it is known by."""
    out: list[ActorMention] = []
    for m in mentions:
        previous = out[-1] if out else None
        if previous is None or _KNOWN_AS.fullmatch(text, previous.end, m.start) is None:
            out.append(m)
            continue
        kept = previous if previous.actor is not None and m.actor is None else m
        out[-1] = ActorMention(previous.start, m.end, text[previous.start : m.end], kept.actor, kept.name,
                               kept.actor_type, kept.country_code, kept.parent)
    return out


def _without_patrons(
    named: list[tuple[int, int, ActorMention]], text: str
) -> list[tuple[int, int, ActorMention]]:
    """The named actors but those written only to qualify the actor named right after them
    ("the al Qaeda-linked al Shabaab group" names al Shabaab, which acted)."""
    out = []
    for item, after in zip(named, [*named[1:], None]):
        m = _PATRON_OF_NEXT.match(text, item[2].end)
        if m is not None and after is not None and _WORDS_BETWEEN.fullmatch(text, m.end(), after[2].start):
            continue
        out.append(item)
    return out
