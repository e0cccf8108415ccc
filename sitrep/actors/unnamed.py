"""The lexicon of unnamed actors: "gunmen", "suspected militants", "Russian troops".

:class:`UnnamedLexicon` compiles ``sitrep/data/unnamed_actors.yaml``: head words ("gunmen",
"troops") with their type, the qualifiers that may precede a head (descriptors such as
"suspected" or "Islamist", country names and demonyms, alliances such as "NATO", and
transparent words such as "armed"), the words after which a head is not an actor ("army
base") and the naming schemes of state forces ("Military Forces of {country}").

Internal to :mod:`sitrep.actors`: :class:`~sitrep.actors.registry.ActorRegistry` builds one
and uses it to find and name unnamed mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from sitrep.actors.files import COUNTRY_CODE, check_item, require, word_list
from sitrep.actors.text import TRIE_END, exact_tokens, phrase_key, trie_insert, word_key
from sitrep.errors import RegistryError

#: Types an entry of the registry may have.
ACTOR_TYPES: frozenset[str] = frozenset({"armed group", "state force", "militia", "criminal group", "political party"})
#: Types an unnamed description may have: the registry types plus these.
UNNAMED_TYPES: frozenset[str] = ACTOR_TYPES | {"unnamed", "rioters", "protesters"}
#: Kinds of state force a force word names ("troops" military, "police" police...).
FORCE_KINDS: tuple[str, ...] = ("military", "police", "security")
#: The top-level keys of unnamed_actors.yaml.
UNNAMED_KEYS = frozenset(
    {"schemes", "unqualified", "heads", "not_before", "descriptors", "transparent", "alliances", "countries"}
)


@dataclass(frozen=True, slots=True)
class Head:
    """A word that heads an unnamed mention ("gunmen", "troops")."""

    name: str  # normalised name; for a force, its kind
    bare_name: str  # the name when no qualifier is kept in it
    type: str
    force: str | None  # military | police | security, for state forces
    needs_qualifier: bool = False
    needs_determiner: bool = False
    requires_any: frozenset[str] = frozenset()
    agent_of: re.Pattern[str] | None = None  # ... or, in the folded text before the mention, the agent of a participle
    subject_of: re.Pattern[str] | None = None  # ... or, in the folded text after it, the subject of an act

    def counts_as_agent(self, folded: str, at: int) -> bool:
        """Whether the folded text before a mention of this head (which starts at ``at``) ends as a
        passive's agent does ("were killed by two", "gunned down by a"): the head then needs none of
        its required qualifiers."""
        return self.agent_of is not None and self.agent_of.search(folded[max(0, at - _AGENT_REACH) : at]) is not None

    def counts_as_subject(self, folded: str, end: int) -> bool:
        """Whether the folded text after a mention of this head (which ends at ``end``) goes on as
        the subject of an act does ("two men on a motorcycle | shot dead a judge", "men wearing
        military uniforms | killed six priests"), not as a victim's ("three men | killed in the
        blast", "two men | were shot")."""
        return self.subject_of is not None and self.subject_of.match(folded, end) is not None


#: How far back, in characters, the participle of a passive's agent is looked for.
_AGENT_REACH = 80
#: Words that may stand between the participle and its "by": "murdered at dawn today by men".
_AGENT_GAP = 4
#: What may stand between a passive's "by" and the head of its agent: "by two men", "by a group of men".
_AGENT_DETERMINER = r"(?:(?:an?|the|some|several|two|three|four|five|six|seven|eight|nine|ten|\d+|a\s+group\s+of|a\s+gang\s+of)\s+)?"


#: What may stand between a subject and its act: "on a motorcycle", "wearing military uniforms".
_SUBJECT_GAP = r"(?:\s+(?:on|in|riding|wearing|dressed\s+in|armed\s+with|carrying|with)(?:\s+[\w'-]+){1,3}?)?"
#: What after a verb makes it a participle telling what was done to the mention, not by it.
_NOT_ACTIVE = r"(?!\s+(?:in|on|at|during|by|when|while|after|near|outside|inside|last|yesterday|today|and\s+(?:wounded|injured))\b)"


#: Words that make a verb phrase active whatever follows ("opened fire on", "burst into", "threw").
_ONLY_ACTIVE = frozenset({"fire", "into", "threw"})


def _alternation(phrases: list[str]) -> str:
    """A regex alternation of phrases, longest first, their words apart by any whitespace."""
    return "|".join(sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True))


def _subject_pattern(verbs: list[str]) -> re.Pattern[str] | None:
    if not verbs:
        return None
    active = [v for v in verbs if _ONLY_ACTIVE & set(v.split())]
    either = [v for v in verbs if v not in active]
    # atomic: "two men shot dead on Monday" must not be read again as "shot" followed by "dead"
    branches = [rf"(?>{_alternation(either)})(?![\w-]){_NOT_ACTIVE}"] if either else []
    if active:
        branches.append(rf"(?:{_alternation(active)})(?![\w-])")
    return re.compile(rf"{_SUBJECT_GAP}\s+(?:{'|'.join(branches)})")


def _agent_pattern(participles: list[str]) -> re.Pattern[str] | None:
    if not participles:
        return None
    words = _alternation(participles)
    return re.compile(rf"(?<![\w-])(?:{words})(?:\s+[\w'-]+){{0,{_AGENT_GAP}}}?\s+by\s+{_AGENT_DETERMINER}$")


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A word before a head: a descriptor, a country, an alliance or a transparent word."""

    kind: str  # descriptor | country | alliance | transparent
    name: str = ""  # kept in the normalised name (descriptor, demonym), or the alliance's name
    country: str | None = None
    scheme: str = ""  # the country in the force scheme ("the United States")
    force_type: str = "armed group"  # type of "<descriptor> forces"
    key: str = ""  # the qualifier as folded (for requires_any)


class UnnamedLexicon:
    """The compiled contents of unnamed_actors.yaml."""

    def __init__(self, data: Mapping[str, Any], source: str) -> None:
        self.source = source
        unknown = set(data) - UNNAMED_KEYS
        if unknown:
            raise RegistryError(f"{source}: unknown top-level keys {sorted(unknown)}")
        self.schemes: dict[str, str] = dict(require(data, "schemes", dict, source))
        self.unqualified: dict[str, str] = dict(require(data, "unqualified", dict, source))
        for kind in FORCE_KINDS:
            if kind not in self.schemes or "{country}" not in str(self.schemes[kind]):
                raise RegistryError(f"{source}: schemes.{kind} must be a name containing {{country}}")
            if kind not in self.unqualified:
                raise RegistryError(f"{source}: unqualified.{kind} is missing")
        self.heads: dict[str, Any] = {}
        for index, item in enumerate(require(data, "heads", list, source)):
            self._add_head(item, index)
        self.not_before: dict[str, Any] = {}
        for phrase in require(data, "not_before", list, source):
            trie_insert(self.not_before, phrase_key(str(phrase)), True)
        self.qualifiers: dict[str, Any] = {}  # reversed keys
        for item in require(data, "descriptors", list, source):
            check_item(item, {"words", "name", "country", "force_type"}, "descriptors", source)
            q = Qualifier("descriptor", str(item["name"]), item.get("country"), force_type=item.get("force_type", "armed group"))
            if q.force_type not in UNNAMED_TYPES:
                raise RegistryError(f"{source}: descriptor {q.name!r} has unknown force_type {q.force_type!r}")
            self._add_qualifiers(item.get("words", []), q)
        for word in require(data, "transparent", list, source):
            self._add_qualifiers([word], Qualifier("transparent", key=" ".join(phrase_key(str(word)))))
        for item in require(data, "alliances", list, source):
            check_item(item, {"words", "name"}, "alliances", source)
            self._add_qualifiers(item.get("words", []), Qualifier("alliance", str(item["name"])))
        self.country_names: dict[str, str] = {}
        for item in require(data, "countries", list, source):
            check_item(item, {"code", "name", "scheme", "demonyms", "names"}, "countries", source)
            code = item.get("code")
            if not isinstance(code, str) or not COUNTRY_CODE.match(code) or code in self.country_names:
                raise RegistryError(f"{source}: country code {code!r} is malformed or repeated")
            self.country_names[code] = str(item["name"])
            demonyms = [str(d) for d in item.get("demonyms", [])]
            scheme = str(item.get("scheme", item["name"]))
            display = demonyms[0] if demonyms else str(item["name"])
            forms = demonyms + [str(item["name"])] + [str(n) for n in item.get("names", [])]
            self._add_qualifiers(forms, Qualifier("country", display, code, scheme))

    def force_names(self) -> set[str]:
        """Every name a qualified force can get: "Military Forces of Russia", "NATO"..."""
        names: set[str] = set()
        stack = [self.qualifiers]
        while stack:
            node = stack.pop()
            for key, child in node.items():
                if key != TRIE_END:
                    stack.append(child)
                    continue
                qualifier = child[0]
                if qualifier.kind == "alliance":
                    names.add(qualifier.name)
                elif qualifier.kind == "country":
                    names.update(self.schemes[kind].format(country=qualifier.scheme) for kind in FORCE_KINDS)
        return names

    def _add_head(self, item: Mapping[str, Any], index: int) -> None:
        source = self.source
        if not isinstance(item, dict) or not item.get("words"):
            raise RegistryError(f"{source}: heads[{index}] has no words")
        words = word_list(item["words"], f"heads[{index}].words", source)
        for key in ("needs_qualifier_for", "needs_determiner_for", "requires_any", "or_agent_of", "or_subject_of"):
            word_list(item.get(key, []), f"heads[{index}].{key}", source)
        force = item.get("force")
        if force is not None:
            if force not in FORCE_KINDS:
                raise RegistryError(f"{source}: heads[{index}] has unknown force {force!r}")
            name, kind = force, "state force"
        else:
            name, kind = item.get("name"), item.get("type")
            if not isinstance(name, str) or kind not in UNNAMED_TYPES:
                raise RegistryError(f"{source}: heads[{index}] needs a name and a type among {sorted(UNNAMED_TYPES)}")
        unknown = set(item) - {"name", "bare_name", "type", "force", "words", "needs_qualifier", "needs_qualifier_for",
                               "needs_determiner_for", "requires_any", "or_agent_of", "or_subject_of"}
        if unknown:
            raise RegistryError(f"{source}: heads[{index}] has unknown keys {sorted(unknown)}")
        qualifier_for = {phrase_key(str(w)) for w in item.get("needs_qualifier_for", [])}
        determiner_for = {phrase_key(str(w)) for w in item.get("needs_determiner_for", [])}
        requires = frozenset(" ".join(phrase_key(str(w))) for w in item.get("requires_any", []))
        if item.get("or_agent_of") and not requires:
            raise RegistryError(f"{source}: heads[{index}] has or_agent_of without requires_any")
        if item.get("or_subject_of") and not requires:
            raise RegistryError(f"{source}: heads[{index}] has or_subject_of without requires_any")
        agent_of = _agent_pattern([str(w).lower() for w in item.get("or_agent_of", [])])
        subject_of = _subject_pattern([str(w).lower() for w in item.get("or_subject_of", [])])
        for word in words:
            keys = phrase_key(str(word))
            head = Head(name, str(item.get("bare_name", name)), kind, force,
                         bool(item.get("needs_qualifier")) or keys in qualifier_for, keys in determiner_for, requires, agent_of,
                         subject_of)
            previous = trie_insert(self.heads, keys, head)
            if previous is not None and previous != head:
                raise RegistryError(f"{source}: head word {word!r} is listed twice")

    def _add_qualifiers(self, words: Iterable[Any], qualifier: Qualifier) -> None:
        for word in words:
            text = str(word)
            keys = phrase_key(text)
            if not keys:
                raise RegistryError(f"{self.source}: empty qualifier in {qualifier.kind} {qualifier.name!r}")
            bare = word_key(text)
            exact = len(bare) <= 3 and bare.isalpha() and bare.isupper()  # US, U.S., UN, CAR
            payload = (qualifier, exact_tokens(text) if exact else None)
            previous = trie_insert(self.qualifiers, tuple(reversed(keys)), payload)
            if previous is not None and previous != payload:
                raise RegistryError(f"{self.source}: qualifier {text!r} is listed twice")

