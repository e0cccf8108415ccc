"""The incident lexicons: triggers, weapons, targets and realis/status cues.

Built once from the YAML files in ``sitrep/data`` and passed to the extractor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal

from sitrep.errors import RegistryError
from sitrep.extract.lexicon import LexiconMatch, PatternLexicon, load_data, require_keys
from sitrep.extract.outlets import Outlets

Family = Literal[
    "suicide", "explosion", "grenade", "air", "shelling", "armed", "melee", "ramming",
    "assassination", "kidnap", "barricade", "hijack", "arson", "sabotage", "massacre",
    "clash", "raid", "attack", "killing", "arrest", "plot", "riot", "protest", "seizure",
]
FAMILIES: frozenset[str] = frozenset(Family.__args__)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Language:
    """A language besides English whose headline words of violence sitrep knows: a text its
    triggers match is read in it. The incident is recognised in it, a town after its locative
    ("en Chilapa", "em Petrolina") and its counts (:mod:`sitrep.extract.counts.romance`); dates,
    actors and cues are read in English."""

    suffix: str  # the ending of its trigger ids ("killing_es")
    locative: str  # the word before a place ("en")
    #: where a text in it that names no country is read first, the most populous country first
    countries: tuple[str, ...]


SPANISH = Language("_es", "en", ("MX", "CO", "ES", "AR", "PE", "VE", "CL", "GT", "EC", "BO", "CU", "DO", "HN", "PY",
                                  "SV", "NI", "CR", "PA", "UY", "PR", "GQ"))
PORTUGUESE = Language("_pt", "em", ("BR", "AO", "MZ", "PT", "GW", "TL", "CV", "ST"))
FRENCH = Language("_fr", "à", ("CD", "FR", "CM", "CI", "BF", "ML", "NE", "MG", "TD", "GN", "SN", "BJ", "HT", "BI",
                               "TG", "CF", "CG", "GA", "DZ", "MA", "TN", "BE", "CH"))
LANGUAGES = (SPANISH, PORTUGUESE, FRENCH)


def language_of(triggers: Iterable[TriggerMatch]) -> Language | None:
    """The language the first trigger that is not English is in, or None."""
    for t in triggers:
        for language in LANGUAGES:
            if t.trigger_id.endswith(language.suffix):
                return language
    return None


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    start: int
    end: int
    text: str
    trigger_id: str
    family: str
    strong: bool


@dataclass(frozen=True, slots=True)
class TypedMatch:
    start: int
    end: int
    text: str
    type: str
    gtd: str | None


class Lexicons:
    """All the word lists the incident extractor uses, compiled."""

    def __init__(self) -> None:
        self.outlets = Outlets.load()
        triggers = load_data("triggers.yaml")
        self._trigger_info: dict[str, tuple[str, bool]] = {}
        entries: list[tuple[str, list[str]]] = []
        for item in triggers.get("triggers", []):
            require_keys("triggers.yaml", item, ("id", "family", "strength", "patterns"))
            if item["family"] not in FAMILIES:
                raise RegistryError(f"triggers.yaml: unknown family {item['family']!r} in {item['id']!r}")
            if item["strength"] not in ("strong", "weak"):
                raise RegistryError(f"triggers.yaml: strength must be strong or weak in {item['id']!r}")
            if item["id"] in self._trigger_info:
                raise RegistryError(f"triggers.yaml: duplicate id {item['id']!r}")
            self._trigger_info[item["id"]] = (item["family"], item["strength"] == "strong")
            entries.append((item["id"], item["patterns"]))
        self.triggers = PatternLexicon(entries, negatives=triggers.get("negatives", []), name="triggers.yaml")

        self.weapons, self._weapon_gtd = _typed_lexicon("weapons.yaml", "weapons")
        self.targets, self._target_gtd = _typed_lexicon("targets.yaml", "targets")

        cues = load_data("cues.yaml")
        try:
            self.realis = {
                name: PatternLexicon([(name, cues["realis"][name])], name=f"cues.yaml realis.{name}")
                for name in ("background", "hypothetical", "negated", "denied")
            }
            self.status = {
                name: PatternLexicon([(name, cues["status"][name])], name=f"cues.yaml status.{name}")
                for name in ("foiled", "attempted", "threatened")
            }
            self.new_incident = PatternLexicon([("new", cues["new_incident"])], name="cues.yaml new_incident")
            self.same_incident = PatternLexicon([("same", cues["same_incident"])], name="cues.yaml same_incident")
            self.earlier_incident = PatternLexicon(
                [("earlier", cues["earlier_incident"])], name="cues.yaml earlier_incident"
            )
            self.arrest_grounds = PatternLexicon([("grounds", cues["arrest_grounds"])], name="cues.yaml arrest_grounds")
            self.generic = PatternLexicon([("generic", cues["generic"])], name="cues.yaml generic")
            self.aggregate = PatternLexicon([("aggregate", cues["aggregate"])], name="cues.yaml aggregate")
        except KeyError as exc:
            raise RegistryError(f"cues.yaml lacks the section {exc}") from exc

    def find_triggers(self, text: str) -> list[TriggerMatch]:
        out = []
        for m in self.triggers.finditer(text):
            family, strong = self._trigger_info[m.label]
            out.append(TriggerMatch(m.start, m.end, m.text, m.label, family, strong))
        return out

    def find_weapons(self, text: str) -> list[TypedMatch]:
        return [TypedMatch(m.start, m.end, m.text, m.label, self._weapon_gtd[m.label]) for m in self.weapons.finditer(text)]

    def find_targets(self, text: str) -> list[TypedMatch]:
        return [TypedMatch(m.start, m.end, m.text, m.label, self._target_gtd[m.label]) for m in self.targets.finditer(text)]

    def cue(self, group: dict[str, PatternLexicon], name: str, text: str) -> LexiconMatch | None:
        return group[name].search(text)


def _typed_lexicon(filename: str, section: str) -> tuple[PatternLexicon, dict[str, str | None]]:
    data = load_data(filename)
    entries: list[tuple[str, list[str]]] = []
    gtd: dict[str, str | None] = {}
    for item in data.get(section, []):
        require_keys(filename, item, ("type", "patterns"))
        if item["type"] in gtd:
            raise RegistryError(f"{filename}: duplicate type {item['type']!r}")
        gtd[item["type"]] = item.get("gtd")
        entries.append((item["type"], item["patterns"]))
    if not entries:
        raise RegistryError(f"{filename}: no {section} listed")
    return PatternLexicon(entries, name=filename), gtd
