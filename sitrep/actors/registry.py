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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import yaml

from sitrep.errors import NotFound, RegistryError

#: Types an entry of the registry may have.
ACTOR_TYPES: frozenset[str] = frozenset({"armed group", "state force", "militia", "criminal group", "political party"})
#: Types an unnamed description may have: the registry types plus these.
UNNAMED_TYPES: frozenset[str] = ACTOR_TYPES | {"unnamed", "rioters", "protesters"}
#: Kinds of state force a force word names ("troops" military, "police" police...).
FORCE_KINDS: tuple[str, ...] = ("military", "police", "security")

_ACTOR_KEYS = frozenset({"id", "name", "type", "parent", "country", "aliases", "case_sensitive_aliases", "note"})
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")

# ---------------------------------------------------------------------------------------
# Text folding and tokens
# ---------------------------------------------------------------------------------------

_PUNCT_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}


def _fold_table() -> dict[int, str]:
    """One character to one character: punctuation variants and Latin letters with accents."""
    table = {ord(k): v for k, v in _PUNCT_FOLD.items()}
    for code in range(0x00C0, 0x0250):
        base = unicodedata.normalize("NFKD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base
    return table


_FOLD = _fold_table()
#: A word: letters and digits with inner apostrophes ("people's"); the first is for ASCII text.
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_WORD = re.compile(r"\w+(?:'\w+)*")
#: What may separate two words of one name: spaces, line breaks, hyphens, slashes, brackets.
_JOIN_GAP = re.compile(r"[\s\-/()\[\]]{1,8}")
#: A whitespace-delimited chunk that is a URL, a domain, an e-mail address or a handle.
_URL_CHUNK = re.compile(
    r"://|\bwww\.|@|^#|\w\.(?:com|org|net|gov|edu|int|info|io|co|uk|ps|ru|af|pk|ng|so|tv|news)\b|/[^/\s]+/",
    re.IGNORECASE,
)
_CASED_LETTER = re.compile(r"[^\W\d_]")


def fold(text: str, *, keep_case: bool = False) -> str:
    """``text`` lower-cased (unless ``keep_case``) with accents, dashes and quotes folded.

    The result has the same length as ``text``, so offsets into it are offsets into ``text``.
    """
    out = text if keep_case else text.lower()
    if len(out) != len(text):  # a character whose lower case is longer (U+0130)
        out = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return out if out.isascii() else out.translate(_FOLD)


def _key(word: str) -> str:
    return word.replace("'", "") if "'" in word else word


def is_shouting(text: str) -> bool:
    """True when ``text`` is written in capitals (wire copy): at most 1 cased letter in 10 is lower case."""
    letters = _CASED_LETTER.findall(text)
    if len(letters) < 4:
        return bool(letters) and all(c.isupper() for c in letters)
    return sum(1 for c in letters if c.islower()) * 10 <= len(letters)


class _Text:
    """A text being scanned: the original, its folded copy and its word tokens.

    ``keys[k]`` is token k folded and without apostrophes; ``stems`` maps a possessive
    token to the key of its stem ("isis's" -> "isis"). Token offsets are computed only
    when a scan needs them.
    """

    __slots__ = ("text", "folded", "keys", "stems", "blocked", "_pattern", "_spans", "_shouting")

    def __init__(self, text: str, shouting: bool | None = None) -> None:
        self.text = text
        self.folded = folded = fold(text)
        self._pattern = _ASCII_WORD if folded.isascii() else _WORD
        self.keys: list[str] = self._pattern.findall(folded)
        self.stems: dict[int, str] = {}
        if "'" in folded:
            for k, word in enumerate(self.keys):
                if "'" in word:
                    if word.endswith("'s"):
                        self.stems[k] = _key(word[:-2])
                    self.keys[k] = _key(word)
        self.blocked: set[int] = set()  # tokens inside named mentions
        self._spans: list[re.Match[str]] | None = None
        self._shouting = shouting

    def _span(self, k: int) -> re.Match[str]:
        if self._spans is None:
            self._spans = list(self._pattern.finditer(self.folded))
        return self._spans[k]

    def start(self, k: int) -> int:
        return self._span(k).start()

    def end(self, k: int) -> int:
        return self._span(k).end()

    def joined(self, k: int) -> bool:
        """True when token ``k`` may continue a name begun before it ("U.S.-led" included)."""
        a, b = self._span(k - 1).end(), self._span(k).start()
        folded = self.folded
        if _JOIN_GAP.fullmatch(folded, a, b) is not None:
            return True
        return folded[a] == "." and len(self.keys[k - 1]) == 1 and (b == a + 1 or _JOIN_GAP.fullmatch(folded, a + 1, b) is not None)

    def gap(self, k: int) -> str:
        """The folded text between tokens k-1 and k."""
        return self.folded[self._span(k - 1).end() : self._span(k).start()]

    @property
    def shouting(self) -> bool:
        if self._shouting is None:
            self._shouting = is_shouting(self.text)
        return self._shouting

    def written(self, first: int, last: int, end: int | None = None) -> tuple[str, ...]:
        """Tokens first..last as written (case kept, accents and apostrophes folded)."""
        text = self.text
        return tuple(
            _key(fold(text[self.start(k) : (end if k == last and end is not None else self.end(k))], keep_case=True))
            for k in range(first, last + 1)
        )

    def written_as(self, first: int, last: int, forms: Iterable[tuple[str, ...]], end: int | None = None) -> bool:
        """Whether tokens first..last are written as one of ``forms`` (in any case, in shouted text)."""
        written = self.written(first, last, end)
        if written in forms:
            return True
        if not self.shouting:
            return False
        upper = tuple(w.upper() for w in written)
        return any(tuple(w.upper() for w in form) == upper for form in forms)

    def in_url(self, start: int, end: int) -> bool:
        """Whether the span lies in a URL, a domain, an e-mail address, a handle or a hashtag."""
        text = self.text
        if start > 0 and text[start - 1] in "@#/.":
            return True
        left, right = start, end
        while left > 0 and not text[left - 1].isspace() and start - left < 200:
            left -= 1
        while right < len(text) and not text[right].isspace() and right - end < 200:
            right += 1
        return (left < start or right > end) and _URL_CHUNK.search(text, left, right) is not None


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token keys of a phrase, folded: "Islamic State – Khorasan" -> ("islamic", "state", "khorasan")."""
    return tuple(_Text(phrase).keys)


def _exact_tokens(phrase: str) -> tuple[str, ...]:
    """The tokens of a phrase with their case kept: "IS group" -> ("IS", "group")."""
    t = _Text(phrase)
    return t.written(0, len(t.keys) - 1) if t.keys else ()


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
# Tries
# ---------------------------------------------------------------------------------------

_END = ""  # key of a node's payload; no token key is empty


def _insert(trie: dict[str, Any], keys: Sequence[str], payload: Any) -> Any:
    """Add ``payload`` at ``keys``; return the payload already there, if any."""
    node = trie
    for k in keys:
        node = node.setdefault(k, {})
    previous = node.get(_END)
    if previous is None:
        node[_END] = payload
    return previous


def _matches_from(trie: dict[str, Any], t: _Text, i: int) -> list[tuple[int, int, Any]]:
    """Every (last token, end offset, payload) of a trie phrase starting at token ``i``, shortest first."""
    out: list[tuple[int, int, Any]] = []
    node = trie
    keys, stems = t.keys, t.stems
    for k in range(i, len(keys)):
        child = node.get(keys[k])
        owner = node.get(stems[k]) if stems and k in stems else None
        if (child is None and owner is None) or (k > i and not t.joined(k)):
            break
        if owner is not None and _END in owner:  # "ISIS's": the name ends before the 's
            out.append((k, t.end(k) - 2, owner[_END]))
        if child is None:
            break
        if _END in child:
            out.append((k, t.end(k), child[_END]))
        node = child
    return out


def _matches_to(trie: dict[str, Any], t: _Text, last: int) -> list[tuple[int, Any]]:
    """Every (first token, payload) of a phrase of a reversed trie ending at token ``last``, shortest first."""
    out: list[tuple[int, Any]] = []
    node = trie
    for k in range(last, -1, -1):
        child = node.get(t.keys[k])
        if child is None and k == last and k in t.stems:
            child = node.get(t.stems[k])  # "Russia's army"
        if child is None or (k < last and not t.joined(k + 1)):
            break
        if _END in child:
            out.append((k, child[_END]))
        node = child
    return out


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


# ---------------------------------------------------------------------------------------
# Unnamed actors
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Head:
    """A word that heads an unnamed mention ("gunmen", "troops")."""

    name: str  # normalised name; for a force, its kind
    bare_name: str  # the name when no qualifier is kept in it
    type: str
    force: str | None  # military | police | security, for state forces
    needs_qualifier: bool = False
    needs_determiner: bool = False
    requires_any: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Qualifier:
    """A word before a head: a descriptor, a country, an alliance or a transparent word."""

    kind: str  # descriptor | country | alliance | transparent
    name: str = ""  # kept in the normalised name (descriptor, demonym), or the alliance's name
    country: str | None = None
    scheme: str = ""  # the country in the force scheme ("the United States")
    force_type: str = "armed group"  # type of "<descriptor> forces"
    key: str = ""  # the qualifier as folded (for requires_any)


class _UnnamedLexicon:
    """The compiled contents of unnamed_actors.yaml."""

    def __init__(self, data: Mapping[str, Any], source: str) -> None:
        self.source = source
        unknown = set(data) - _UNNAMED_KEYS
        if unknown:
            raise RegistryError(f"{source}: unknown top-level keys {sorted(unknown)}")
        self.schemes: dict[str, str] = dict(_require(data, "schemes", dict, source))
        self.unqualified: dict[str, str] = dict(_require(data, "unqualified", dict, source))
        for kind in FORCE_KINDS:
            if kind not in self.schemes or "{country}" not in str(self.schemes[kind]):
                raise RegistryError(f"{source}: schemes.{kind} must be a name containing {{country}}")
            if kind not in self.unqualified:
                raise RegistryError(f"{source}: unqualified.{kind} is missing")
        self.heads: dict[str, Any] = {}
        for index, item in enumerate(_require(data, "heads", list, source)):
            self._add_head(item, index)
        self.not_before: dict[str, Any] = {}
        for phrase in _require(data, "not_before", list, source):
            _insert(self.not_before, phrase_key(str(phrase)), True)
        self.qualifiers: dict[str, Any] = {}  # reversed keys
        for item in _require(data, "descriptors", list, source):
            _check_item(item, {"words", "name", "country", "force_type"}, "descriptors", source)
            q = _Qualifier("descriptor", str(item["name"]), item.get("country"), force_type=item.get("force_type", "armed group"))
            if q.force_type not in UNNAMED_TYPES:
                raise RegistryError(f"{source}: descriptor {q.name!r} has unknown force_type {q.force_type!r}")
            self._add_qualifiers(item.get("words", []), q)
        for word in _require(data, "transparent", list, source):
            self._add_qualifiers([word], _Qualifier("transparent", key=" ".join(phrase_key(str(word)))))
        for item in _require(data, "alliances", list, source):
            _check_item(item, {"words", "name"}, "alliances", source)
            self._add_qualifiers(item.get("words", []), _Qualifier("alliance", str(item["name"])))
        self.country_names: dict[str, str] = {}
        for item in _require(data, "countries", list, source):
            _check_item(item, {"code", "name", "scheme", "demonyms", "names"}, "countries", source)
            code = item.get("code")
            if not isinstance(code, str) or not _COUNTRY.match(code) or code in self.country_names:
                raise RegistryError(f"{source}: country code {code!r} is malformed or repeated")
            self.country_names[code] = str(item["name"])
            demonyms = [str(d) for d in item.get("demonyms", [])]
            scheme = str(item.get("scheme", item["name"]))
            display = demonyms[0] if demonyms else str(item["name"])
            forms = demonyms + [str(item["name"])] + [str(n) for n in item.get("names", [])]
            self._add_qualifiers(forms, _Qualifier("country", display, code, scheme))

    def force_names(self) -> set[str]:
        """Every name a qualified force can get: "Military Forces of Russia", "NATO"..."""
        names: set[str] = set()
        stack = [self.qualifiers]
        while stack:
            node = stack.pop()
            for key, child in node.items():
                if key != _END:
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
        words = _words(item["words"], f"heads[{index}].words", source)
        for key in ("needs_qualifier_for", "needs_determiner_for", "requires_any"):
            _words(item.get(key, []), f"heads[{index}].{key}", source)
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
                               "needs_determiner_for", "requires_any"}
        if unknown:
            raise RegistryError(f"{source}: heads[{index}] has unknown keys {sorted(unknown)}")
        qualifier_for = {phrase_key(str(w)) for w in item.get("needs_qualifier_for", [])}
        determiner_for = {phrase_key(str(w)) for w in item.get("needs_determiner_for", [])}
        requires = frozenset(" ".join(phrase_key(str(w))) for w in item.get("requires_any", []))
        for word in words:
            keys = phrase_key(str(word))
            head = _Head(name, str(item.get("bare_name", name)), kind, force,
                         bool(item.get("needs_qualifier")) or keys in qualifier_for, keys in determiner_for, requires)
            previous = _insert(self.heads, keys, head)
            if previous is not None and previous != head:
                raise RegistryError(f"{source}: head word {word!r} is listed twice")

    def _add_qualifiers(self, words: Iterable[Any], qualifier: _Qualifier) -> None:
        for word in words:
            text = str(word)
            keys = phrase_key(text)
            if not keys:
                raise RegistryError(f"{self.source}: empty qualifier in {qualifier.kind} {qualifier.name!r}")
            bare = _key(text)
            exact = len(bare) <= 3 and bare.isalpha() and bare.isupper()  # US, U.S., UN, CAR
            payload = (qualifier, _exact_tokens(text) if exact else None)
            previous = _insert(self.qualifiers, tuple(reversed(keys)), payload)
            if previous is not None and previous != payload:
                raise RegistryError(f"{self.source}: qualifier {text!r} is listed twice")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_REGISTRY_KEYS = frozenset({"capital_words", "word_context", "actors", "attribution"})
_UNNAMED_KEYS = frozenset({"schemes", "unqualified", "heads", "not_before", "descriptors", "transparent", "alliances", "countries"})


def _require(data: Mapping[str, Any], key: str, kind: type, source: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise RegistryError(f"{source}: {key!r} must be a {kind.__name__}")
    if kind is list and key in ("not_before", "transparent", "capital_words", "before", "after"):
        _words(value, key, source)
    return value


def _check_item(item: Any, keys: set[str], section: str, source: str) -> None:
    """A descriptor, alliance or country entry: a name, known keys, lists of words, a country code."""
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or set(item) - keys:
        raise RegistryError(f"{source}: each of {section} needs a name and only the keys {sorted(keys)}: {item!r}")
    for key in ("words", "demonyms", "names"):
        if key in item:
            _words(item[key], f"{section}.{key}", source)
    if "words" in keys and not item.get("words"):
        raise RegistryError(f"{source}: {section} {item['name']!r} has no words")
    country = item.get("country", item.get("code"))
    if country is not None and (not isinstance(country, str) or not _COUNTRY.match(country)):
        raise RegistryError(f"{source}: {section} {item.get('name')!r} has a malformed country code {country!r}")


def _words(value: Any, key: str, source: str) -> list[str]:
    """``value`` if it is a list of non-empty strings (YAML reads a bare no/yes/on as a boolean)."""
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise RegistryError(f"{source}: {key!r} must be a list of words (quote yes, no, on, off)")
    return value


def _read_yaml(path: Path | None, default: str) -> tuple[Mapping[str, Any], str]:
    try:
        if path is None:
            text = resources.files("sitrep.data").joinpath(default).read_text(encoding="utf-8")
            source = default
        else:
            text = Path(path).read_text(encoding="utf-8")
            source = str(path)
    except OSError as exc:
        raise RegistryError(f"{path or default}: cannot be read ({exc})") from exc
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise RegistryError(f"{source}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise RegistryError(f"{source}: expected a mapping at the top level")
    return data, source


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
    if not isinstance(countries, list) or not all(isinstance(c, str) and _COUNTRY.match(c) for c in countries):
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
        self._unnamed = _UnnamedLexicon(unnamed, unnamed_source) if unnamed is not None else None
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
        data, source = _read_yaml(path, "actors.yaml")
        items = _require(data, "actors", list, source)
        actors = [_actor_from(item, index, source) for index, item in enumerate(items)]
        unknown = set(data) - _REGISTRY_KEYS
        if unknown:
            raise RegistryError(f"{source}: unknown top-level keys {sorted(unknown)}")
        capital_words = _words(data.get("capital_words", []), "capital_words", source)
        word_context = data.get("word_context", {})
        if not isinstance(word_context, dict) or set(word_context) - {"before", "after"}:
            raise RegistryError(f"{source}: word_context must map 'before' and 'after' to lists of words")
        for key, value in word_context.items():
            _words(value, f"word_context.{key}", source)
        unnamed, unnamed_source = _read_yaml(unnamed_path, "unnamed_actors.yaml")
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
            exact_forms.setdefault(phrase_key(alias), []).append(_exact_tokens(alias))
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
            previous = _insert(self._trie, node_keys, payload)
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
        node[_END] = payload

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
        return [m for _, _, m in self._named(_Text(text, shouting))]

    def find_unnamed(self, text: str, *, shouting: bool | None = None) -> list[ActorMention]:
        """Unnamed actors in ``text``: "gunmen", "suspected militants", "Russian troops"...

        A description that follows a named actor ("Taliban fighters", "NATO forces") is
        the named actor's, and is not returned.
        """
        t = _Text(text, shouting)
        return self._unnamed_mentions(t, self._named(t))

    def find_all(self, text: str, *, shouting: bool | None = None) -> list[ActorMention]:
        """Named and unnamed actors in ``text``, never overlapping, sorted by start."""
        t = _Text(text, shouting)
        named = self._named(t)
        mentions = [m for _, _, m in named] + self._unnamed_mentions(t, named)
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _named(self, t: _Text) -> list[tuple[int, int, ActorMention]]:
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
            for last, end, alias in reversed(_matches_from(trie, t, i)):
                if alias.exact and not self._exact_ok(alias, t, i, last, end):
                    continue
                start = t.start(i)
                if t.in_url(start, end):
                    continue
                actor = alias.actor
                last, end = self._bracketed_alias(t, actor, last, end)
                country = actor.countries[0] if actor.type == "state force" and actor.countries else None
                out.append((i, last, ActorMention(start, end, t.text[start:end], actor, actor.name, actor.type,
                                                  country, self._parent_name(actor))))
                t.blocked.update(range(i, last + 1))
                after = last + 1
                break
        return out

    def _bracketed_alias(self, t: _Text, actor: Actor, last: int, end: int) -> tuple[int, int]:
        """Extend a mention over an alias of the same actor in brackets: "National Liberation Army (ELN)"."""
        opening = _OPEN_BRACKET.match(t.folded, end)
        if opening is None or last + 1 >= len(t.keys) or t.start(last + 1) != opening.end():
            return last, end
        for inner_last, inner_end, alias in reversed(_matches_from(self._trie, t, last + 1)):
            if alias.actor is actor and (not alias.exact or self._exact_ok(alias, t, last + 1, inner_last, inner_end)):
                closing = _CLOSE_BRACKET.match(t.folded, inner_end)
                if closing is not None:
                    return inner_last, closing.end()
        return last, end

    def _exact_ok(self, alias: _Alias, t: _Text, i: int, last: int, end: int) -> bool:
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

    def _unnamed_mentions(self, t: _Text, named: list[tuple[int, int, ActorMention]]) -> list[ActorMention]:
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
            matches = [m for m in _matches_from(heads, t, i) if not blocked.intersection(range(i, m[0] + 1))]
            if not matches:
                continue
            last, end, head = matches[-1]
            after = last + 1
            if last + 1 < len(t.keys) and t.joined(last + 1) and _matches_from(lex.not_before, t, last + 1):
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
        out.sort(key=lambda m: m.start)
        return out

    def _qualifiers(self, t: _Text, head_start: int) -> list[tuple[int, _Qualifier]]:
        """The qualifiers written just before a head, in text order: (first token, qualifier)."""
        out: list[tuple[int, _Qualifier]] = []
        p = head_start - 1
        while p >= 0 and p not in t.blocked and t.joined(p + 1):
            found = self._qualifier_at(t, p)
            if found is None:
                break
            out.append(found)
            p = found[0] - 1
        out.reverse()
        return out

    def _qualifier_at(self, t: _Text, last: int, kinds: frozenset[str] | None = None) -> tuple[int, _Qualifier] | None:
        """The longest qualifier ending at token ``last`` (of one of ``kinds``)."""
        assert self._unnamed is not None
        best = None
        for first, (qualifier, exact) in _matches_to(self._unnamed.qualifiers, t, last):
            if t.blocked.intersection(range(first, last + 1)):
                break
            if kinds is not None and qualifier.kind not in kinds:
                continue
            if exact is not None and not t.written_as(first, last, (exact,)):
                continue
            best = (first, qualifier)
        return best

    def _coordinated(self, t: _Text, first: int, head: _Head) -> list[ActorMention]:
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

    def _describe(self, t: _Text, qualifiers: list[_Qualifier], head: _Head, start: int, end: int, determined: bool) -> ActorMention | None:
        """The mention of a head and its qualifiers, named by the scheme of unnamed_actors.yaml."""
        lex = self._unnamed
        assert lex is not None
        if head.requires_any and not any(q.kind == "transparent" and q.key in head.requires_any for q in qualifiers):
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
_OPEN_BRACKET = re.compile(r"[ \t]*[(\[][ \t]*")
_CLOSE_BRACKET = re.compile(r"[ \t]*[)\]]")
_IDENTITY = frozenset({"country", "alliance"})
_POSSESSIVE_GAP = re.compile(r"'?[\s\-]{1,4}")
_SOME_FORCE = _Head("security", "security", "state force", "security")


@lru_cache(maxsize=1)
def default_registry() -> ActorRegistry:
    """The registry built from the shipped files, loaded once per process."""
    return ActorRegistry.load()
