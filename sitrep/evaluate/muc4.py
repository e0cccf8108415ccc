"""``sitrep evaluate muc4``: sitrep's reports as MUC-4 templates, scored as the literature does.

Each MUC-4 document (FBIS wire copy, Latin America 1988-90) comes with answer-key templates,
one per relevant terrorist incident. The evaluator runs the extractor over the documents,
turns the reports into templates in the JSON form of the published template fillers
(document id -> list of ``{"incident_type", "PerpInd", "PerpOrg", "Target", "Victim",
"Weapon"}``, each role a list of fillers, each filler a list of mention strings taken from
the text) and scores them with :mod:`sitrep.evaluate.muc4_metric`.

Which report becomes which template (the mapping is ``sitrep/data/evaluate/muc4.yaml``):

- a report becomes a template when its realis is "reported" or "background", it is undated
  or dated within two months of the dateline (MUC-4 keeps only recent incidents), and a
  type rule gives it a MUC-4 incident type (clashes between combatants get none);
- PerpInd: the words of unnamed perpetrators ("URBAN GUERRILLAS") and of people named as
  attackers; where there are none, the organisation's people as the text first names them
  beside it ("ELN GUERRILLAS", "MEMBERS OF THE FMLN"); PerpOrg: the words naming registry actors ("FMLN") and groups named as claiming
  that the registry does not know, without bracketed translator's insertions;
- Target: targets whose head noun is a thing (a building, a pylon, a bus);
- Victim: the other targets, and the people of killed, injured and kidnapped counts, each by
  a person's name where a title goes before it, else without its number and a leading
  nationality (the key has a slot of its own for a foreign nation: "SPANISH JESUITS" is
  "JESUITS");
- Weapon: the weapons' words when they name a device rather than the act.

Every report so chosen is its own template: the alignment pairs them with the key's
templates, so a report that splits or duplicates an incident costs precision, as it
should. Without ``--data`` the tst1 and tst2 documents are scored (the literature's
development set); with ``--data`` every document of the file.

A gold filler none of whose mentions occurs in the document text cannot be extracted; it
is left out and counted as excluded. ``--errors FILE`` also writes the predictions to
``FILE.templates.json`` and the key in the same form to ``FILE.gold.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Iterable, Mapping, Sequence

import yaml

from sitrep.evaluate.core import EvalResult, GoldDataError, extract_texts, read_csv, register
from sitrep.evaluate.muc4_metric import (
    FIELDS,
    INCIDENT_TYPE,
    ROLES,
    DocumentScore,
    Tally,
    TemplateScore,
    gold_template,
    normalize_mention,
    predicted_template,
    score_document,
)
from sitrep.extract.phrases import split_title, strip_quantity
from sitrep.model import Article, Report

DATA_FILE: Final = Path(__file__).resolve().parents[1] / "data" / "evaluate" / "muc4.yaml"
ID_COLUMN: Final = "message_id"
TEXT_COLUMN: Final = "doc_text"
SPLIT_COLUMN: Final = "split"

_MONTHS: Final = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}
_DATELINE_DATE: Final = re.compile(
    r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Z]{3})[A-Z]*\.?|(?P<m2>[A-Z]{3})[A-Z]*\.?\s+(?P<d2>\d{1,2}),?)\s+(?P<y>\d{2}|\d{4})\b",
    re.IGNORECASE,
)
_DATELINE_END: Final = re.compile(r"--|\[TEXT\]")
_QUOTED: Final = re.compile(r'"((?:[^"\\]|\\.)*)"')  # C-style escapes inside: "\"9 MAY\" FPL"
_BRACKETED: Final = re.compile(r"\s*\[[^\]]*\]")
_GLOSS: Final = re.compile(r"\s*\([^()]*\)\s*$")
_SENTENCE_END: Final = re.compile(r"[.!?]\s|\n\s*\n")
_WINDOW: Final = 400
_MAPPING_KEYS: Final = frozenset({
    "version", "incident_types", "type_rules", "combatant_target_types", "noncombatant_count_sides",
    "template_realis", "recent_days", "physical_heads", "place_heads", "victim_excluded_target_types",
    "not_victim_heads", "victim_count_categories", "not_instruments", "organisation_perpetrators", "member_nouns", "gold",
})


# -- the mapping ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TypeRule:
    """One rule of ``type_rules``: conditions on a report, and the MUC-4 type it then gets."""

    type: str | None
    gtd: frozenset[str] = frozenset()
    event_type: frozenset[str] = frozenset()
    sub_event_type: frozenset[str] = frozenset()
    trigger: re.Pattern[str] | None = None
    weapons: frozenset[str] = frozenset()
    noncombatant_target: bool = False


@dataclass(frozen=True, slots=True)
class TemplateMapping:
    """The content of ``muc4.yaml``, validated."""

    incident_types: tuple[str, ...]
    type_rules: tuple[TypeRule, ...]
    combatant_target_types: frozenset[str]
    noncombatant_count_sides: frozenset[str]
    template_realis: frozenset[str]
    recent_days: int
    physical_heads: re.Pattern[str]
    place_heads: re.Pattern[str]
    victim_excluded_target_types: frozenset[str]
    not_victim_heads: re.Pattern[str]
    victim_count_categories: tuple[str, ...]
    not_instruments: re.Pattern[str]
    organisation_perpetrators: re.Pattern[str]
    member_nouns: tuple[str, ...]
    template_column: str
    type_column: str
    default_splits: frozenset[str]
    gold_roles: Mapping[str, tuple[str, ...]]
    literature_roles: Mapping[str, tuple[str, ...]]
    literature_optional_counts: bool

    @property
    def columns(self) -> tuple[str, ...]:
        """Every answer-key column the evaluator reads."""
        slots = {c for cols in (*self.gold_roles.values(), *self.literature_roles.values()) for c in cols}
        return (ID_COLUMN, TEXT_COLUMN, self.template_column, self.type_column, *sorted(slots))


def load_mapping(path: Path | None = None) -> TemplateMapping:
    """Read and validate the mapping (the shipped ``muc4.yaml`` by default); GoldDataError
    naming the entry at fault otherwise."""
    return _load(path or DATA_FILE)


@lru_cache(maxsize=4)
def _load(path: Path) -> TemplateMapping:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldDataError(f"cannot read the MUC-4 mapping {path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise GoldDataError(f"{path}: not a version 1 MUC-4 mapping")
    unknown = set(data) - _MAPPING_KEYS
    if unknown:
        raise GoldDataError(f"{path}: unknown entries {', '.join(sorted(unknown))}")
    types = tuple(_strings(data, "incident_types", path))
    rules = tuple(_rule(raw, types, path) for raw in data.get("type_rules") or ())
    if not rules:
        raise GoldDataError(f"{path}: type_rules is empty")
    gold = data.get("gold")
    if not isinstance(gold, dict):
        raise GoldDataError(f"{path}: gold must be a mapping")
    roles = _roles(gold.get("roles"), path, complete=True)
    literature = dict(gold.get("literature") or {})
    optional_counts = literature.pop("optional_counts", False)
    lit_roles = {**roles, **_roles(literature, path, complete=False)}
    days = data.get("recent_days")
    if not isinstance(days, int) or days < 0:
        raise GoldDataError(f"{path}: recent_days must be a whole number of days")
    categories = tuple(_strings(data, "victim_count_categories", path))
    if not set(categories) <= {"killed", "injured", "arrested", "kidnapped"}:
        raise GoldDataError(f"{path}: victim_count_categories holds an unknown count category")
    return TemplateMapping(
        incident_types=types,
        type_rules=rules,
        combatant_target_types=frozenset(_strings(data, "combatant_target_types", path)),
        noncombatant_count_sides=frozenset(_strings(data, "noncombatant_count_sides", path)),
        template_realis=frozenset(_strings(data, "template_realis", path)),
        recent_days=days,
        physical_heads=_words(data, "physical_heads", path),
        place_heads=_words(data, "place_heads", path),
        victim_excluded_target_types=frozenset(_strings(data, "victim_excluded_target_types", path)),
        not_victim_heads=_words(data, "not_victim_heads", path),
        victim_count_categories=categories,
        not_instruments=_words(data, "not_instruments", path),
        organisation_perpetrators=_words(data, "organisation_perpetrators", path),
        member_nouns=tuple(_strings(data, "member_nouns", path)),
        template_column=_string(gold, "template_column", path),
        type_column=_string(gold, "type_column", path),
        default_splits=frozenset(_strings(gold, "default_splits", path)),
        gold_roles=MappingProxyType(roles),
        literature_roles=MappingProxyType(lit_roles),
        literature_optional_counts=bool(optional_counts),
    )


def _string(data: Mapping[str, Any], key: str, path: Path) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise GoldDataError(f"{path}: {key} must be a non-empty string")
    return value


def _strings(data: Mapping[str, Any], key: str, path: Path) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise GoldDataError(f"{path}: {key} must be a non-empty list of strings")
    return value


def _words(data: Mapping[str, Any], key: str, path: Path) -> re.Pattern[str]:
    patterns = _strings(data, key, path)
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns))
    except re.error as exc:
        raise GoldDataError(f"{path}: {key} holds a bad regex: {exc}") from exc


def _rule(raw: Any, types: Sequence[str], path: Path) -> TypeRule:
    known = {"type", "gtd", "event_type", "sub_event_type", "trigger", "weapons", "noncombatant_target", "why"}
    if not isinstance(raw, dict) or "type" not in raw or not raw.keys() <= known:
        raise GoldDataError(f"{path}: a type rule needs `type` and only the keys {sorted(known)}: {raw!r}")
    if raw["type"] is not None and raw["type"] not in types:
        raise GoldDataError(f"{path}: type rule for unknown incident type {raw['type']!r}")
    if not isinstance(raw.get("why"), str):
        raise GoldDataError(f"{path}: type rule {raw!r} needs a `why`")
    lists = {k: frozenset(raw.get(k) or ()) for k in ("gtd", "event_type", "sub_event_type", "weapons")}
    try:
        trigger = re.compile(raw["trigger"], re.IGNORECASE) if raw.get("trigger") else None
    except re.error as exc:
        raise GoldDataError(f"{path}: bad trigger regex in {raw!r}: {exc}") from exc
    return TypeRule(raw["type"], trigger=trigger, noncombatant_target=bool(raw.get("noncombatant_target")), **lists)


def _roles(raw: Any, path: Path, *, complete: bool) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict) or (complete and set(raw) != set(ROLES)) or not set(raw) <= set(ROLES):
        raise GoldDataError(f"{path}: gold roles must name the columns of {', '.join(ROLES)}")
    out: dict[str, tuple[str, ...]] = {}
    for role, columns in raw.items():
        if not isinstance(columns, list) or not columns or not all(isinstance(c, str) for c in columns):
            raise GoldDataError(f"{path}: the columns of {role} must be a non-empty list")
        out[role] = tuple(columns)
    return out


# -- reports -> templates ---------------------------------------------------------------------
def muc_type(report: Report, mapping: TemplateMapping) -> str | None:
    """The MUC-4 incident type of a report by the first type rule that takes it, or None."""
    for rule in mapping.type_rules:
        if rule.gtd and report.kind.gtd_attack_type not in rule.gtd:
            continue
        if rule.event_type and report.kind.event_type not in rule.event_type:
            continue
        if rule.sub_event_type and report.kind.sub_event_type not in rule.sub_event_type:
            continue
        if rule.trigger and not rule.trigger.search(report.trigger):
            continue
        if rule.weapons and not any(w.type in rule.weapons for w in report.weapons):
            continue
        if rule.noncombatant_target and not _hits_noncombatants(report, mapping):
            continue
        return rule.type
    return None


def is_recent(report: Report, published: date | None, mapping: TemplateMapping) -> bool:
    """Whether MUC-4 keeps a report: its realis is one of ``template_realis`` and it is
    undated or dated within ``recent_days`` of the dateline."""
    if report.realis not in mapping.template_realis:
        return False
    if report.date is None or published is None:
        return True
    return report.date.end >= published - timedelta(days=mapping.recent_days)


def report_template(report: Report, text: str, mapping: TemplateMapping) -> dict[str, Any] | None:
    """A report as a template dict, or None when MUC-4 has no template for it. ``text`` is
    the document; a mention that does not occur in it is not filled."""
    return _template(report, text, f" {normalize_mention(text)} ", mapping)


def _template(report: Report, text: str, haystack: str, mapping: TemplateMapping) -> dict[str, Any] | None:
    kind = muc_type(report, mapping)
    if kind is None:
        return None
    roles: dict[str, list[str]] = {role: [] for role in ROLES}
    for actor in report.perpetrators:
        organisation = (
            actor.actor_id or actor.actor_type == "group"
            or mapping.organisation_perpetrators.fullmatch(" ".join(actor.matched.lower().split()))
        )
        roles["PerpOrg" if organisation else "PerpInd"].append(actor.matched)
    if not roles["PerpInd"]:  # the key's individuals: the organisation's people, as the text names them
        roles["PerpInd"] = [m for name in roles["PerpOrg"] for m in _members(name, text, mapping)]
    for target in report.targets:
        head = _head(target.description)
        if mapping.place_heads.fullmatch(head):
            continue
        if mapping.physical_heads.fullmatch(head):
            roles["Target"].append(target.description)
        elif target.type not in mapping.victim_excluded_target_types and not mapping.not_victim_heads.fullmatch(head):
            roles["Victim"].append(target.description)
    for category in mapping.victim_count_categories:
        count = report.counts.get(category)  # type: ignore[arg-type]
        for part in count.parts if count else ():
            if part.side != "perpetrators" and part.label and not mapping.not_victim_heads.fullmatch(_head(part.label)):
                roles["Victim"].append(part.label)
    for weapon in report.weapons:
        words = weapon.text.lower().split()
        if words and not (mapping.not_instruments.fullmatch(" ".join(words)) or mapping.not_instruments.fullmatch(words[-1])):
            roles["Weapon"].append(weapon.text)  # not "shots", nor "a strong explosion"
    template: dict[str, Any] = {INCIDENT_TYPE: kind}
    for role in ROLES:
        # one entity per phrase first ("SALVADORAN PRESIDENCY MINISTER" inside the minister's
        # full description), then the mention the key is likeliest to hold for each
        short = _person_mention if role == "Victim" else strip_quantity
        mentions = [short(m) for m in _distinct(roles[role], haystack)]
        template[role] = [[m] for m in dict.fromkeys(mentions)]
    return template


def templates_from_reports(
    reports: Iterable[Report], article: Article, mapping: TemplateMapping
) -> list[tuple[dict[str, Any], Report]]:
    """The templates of one document, each with the report it came from."""
    out = []
    haystack = f" {normalize_mention(article.text)} "
    for report in reports:
        if is_recent(report, article.published, mapping):
            template = _template(report, article.text, haystack, mapping)
            if template is not None:
                out.append((template, report))
    return out


def _members(name: str, text: str, mapping: TemplateMapping) -> list[str]:
    """The people of an organisation as the text first names them beside it, which the key
    files as PerpInd while the organisation is PerpOrg: "FMLN GUERRILLAS", "MEMBERS OF THE
    FMLN" (one entity: the first such phrase, as written)."""
    words = tuple(normalize_mention(_mention(name)).split())
    if not words:
        return []
    found = _member_pattern(words, mapping.member_nouns).search(text)
    return [found.group()] if found else []


@lru_cache(maxsize=256)
def _member_pattern(words: tuple[str, ...], nouns: tuple[str, ...]) -> re.Pattern[str]:
    """ "<name> <noun>" or "<noun> of (the) <name>", the name's words apart by any punctuation."""
    gap = r"[\W_]+(?:(?:the|a|an)[\W_]+)?"
    named = gap.join(map(re.escape, words))
    either = "|".join(map(re.escape, nouns))
    return re.compile(rf"\b(?:{named}{gap}(?:{either})|(?:{either}){gap}of{gap}{named})\b", re.IGNORECASE)


def _distinct(raw: Sequence[str], haystack: str) -> list[str]:
    """A role's mentions, each entity once: mentions absent from the text are dropped, and
    a mention inside a longer one of the same role ("MINISTER" in "FORMER FOREIGN
    MINISTER") is taken for the same person or thing."""
    found: dict[str, str] = {}
    for mention in map(_mention, raw):
        normal = normalize_mention(mention)
        if normal and normal not in found and f" {normal} " in haystack:
            found[normal] = mention
    return [
        mention
        for normal, mention in found.items()
        if not any(other != normal and f" {normal} " in f" {other} " for other in found)
    ]


def _person_mention(description: str) -> str:
    """The mention of a human target the key is likeliest to hold: the name of a person
    described with a title ("MNR LEADER HECTOR OQUELI" -> "HECTOR OQUELI"), else the
    description without its quantity ("SEVEN PEASANTS" -> "PEASANTS") and without a leading
    nationality, which the key gives a slot of its own ("SPANISH JESUITS" -> "JESUITS")."""
    title, name = split_title(description)
    if title and name:
        return name
    phrase = strip_quantity(description)
    first, _, rest = phrase.partition(" ")
    return rest if rest and first.lower() in _nationalities() else phrase


@lru_cache(maxsize=1)
def _nationalities() -> frozenset[str]:
    """Demonyms and country names as a description may open with ("spanish", "u.s."), lower case:
    the countries of sitrep's unnamed-actor lexicon."""
    from sitrep.actors.files import read_yaml

    data, _ = read_yaml(None, "unnamed_actors.yaml")
    return frozenset(
        form.lower() for item in data["countries"] for form in (*item.get("demonyms", ()), *item.get("names", ()))
        if " " not in form
    )


def _hits_noncombatants(report: Report, mapping: TemplateMapping) -> bool:
    if any(t.type not in mapping.combatant_target_types for t in report.targets):
        return True
    for category in mapping.victim_count_categories:
        count = report.counts.get(category)  # type: ignore[arg-type]
        if count and any(p.side in mapping.noncombatant_count_sides for p in count.parts):
            return True
    return False


def _head(description: str) -> str:
    """The head noun of a target description: its last word before any "of ..."."""
    words = description.lower().split(" of ")[0].split()
    return words[-1].strip(".,;:'\"()[]") if words else ""


def _mention(raw: str) -> str:
    """A mention without line breaks, bracketed insertions ("FRONT [FMLN]" -> "FRONT") or a gloss in
    parentheses at its end ("FMLN (FARABUNDO MARTI NATIONAL LIBERATION FRONT)" -> "FMLN"): a name
    and its gloss are one entity, and the key holds each alone."""
    text = " ".join(raw.split())
    stripped = _GLOSS.sub("", _BRACKETED.sub("", text)).strip()
    return stripped or text.strip("[]")


# -- the answer key -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class KeyFiller:
    """One line of an answer-key slot: its alternatives, the name it refers to, optional."""

    alternatives: tuple[str, ...]
    names: tuple[str, ...] = ()
    optional: bool = False


def parse_slot(value: str) -> list[KeyFiller]:
    """The fillers of one answer-key slot, one per line: ``"A" / "B"`` alternatives, ``?``
    optional, ``"DESCRIPTION": "NAME"`` cross-references; ``-`` and ``*`` are empty."""
    fillers = []
    for line in value.splitlines():
        line = line.strip()
        optional = line.startswith("?")
        line = line.lstrip("?").strip()
        if line in ("", "-", "*"):
            continue
        outside = _QUOTED.sub('""', line)
        if ":" in outside:
            cut = _split_at_colon(line)
            left, right = line[:cut], line[cut + 1 :]
        else:
            left, right = line, ""
        alternatives = _strings_of(left)
        names = _strings_of(right)
        if alternatives or names:
            fillers.append(KeyFiller(tuple(alternatives), tuple(names), optional))
    return fillers


def _split_at_colon(line: str) -> int:
    inside = False
    escaped = False
    for i, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            inside = not inside
        elif char == ":" and not inside:
            return i
    return len(line)


def _strings_of(part: str) -> list[str]:
    quoted = _QUOTED.findall(part)
    if not quoted:  # a few key lines lost their quotes: GUERRILLAS, MACHINEGUNS"
        quoted = [p.strip().strip('"') for p in part.split("/")]
    strings = (q.replace('\\"', '"').strip() for q in quoted)
    return [q for q in strings if q and q != "-"]


def key_templates(
    rows: Sequence[Mapping[str, str]],
    text: str,
    mapping: TemplateMapping,
    *,
    literature: bool = False,
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The gold templates of one document in the metric's dict form, and per role the number
    of key fillers left out because none of their mentions occurs in the text."""
    haystack = f" {normalize_mention(text)} "
    role_columns = mapping.literature_roles if literature else mapping.gold_roles
    excluded = {role: 0 for role in ROLES}
    templates = []
    for row in rows:
        number = row[mapping.template_column].strip()
        if number == "*":
            continue  # an irrelevant document: no incident
        types = [t.strip() for t in row[mapping.type_column].split("/") if t.strip()]
        template: dict[str, Any] = {
            INCIDENT_TYPE: types,
            "optional": "OPTIONAL" in number.upper(),
        }
        for role, columns in role_columns.items():
            entities = _entities(row, columns)
            kept = []
            for mentions, optional in entities:
                found = [m for m in mentions if f" {normalize_mention(m)} " in haystack]
                if found:
                    kept.append({"mentions": found, "optional": optional})
                else:
                    excluded[role] += 1
            template[role] = kept
        templates.append(template)
    return templates, excluded


def _entities(row: Mapping[str, str], columns: Sequence[str]) -> list[tuple[list[str], bool]]:
    """A role's entities from its columns: a later column's filler that shares a mention
    with an earlier entity (a name already given as a description's referent) joins it."""
    entities: list[tuple[list[str], bool]] = []
    for column in columns:
        for filler in parse_slot(row.get(column, "")):
            mentions = list(dict.fromkeys([*filler.alternatives, *filler.names]))
            normal = {normalize_mention(m) for m in mentions}
            for k, (existing, optional) in enumerate(entities):
                if column != columns[0] and normal & {normalize_mention(m) for m in existing}:
                    entities[k] = (list(dict.fromkeys([*existing, *mentions])), optional and filler.optional)
                    break
            else:
                entities.append((mentions, filler.optional))
    return entities


def dateline_date(text: str) -> date | None:
    """The date of a wire dateline ("SAN SALVADOR, 3 JAN 90 -- ..."), or None."""
    head = text[:200]
    end = _DATELINE_END.search(head)
    match = _DATELINE_DATE.search(head[: end.start()] if end else head)
    if not match:
        return None
    month = _MONTHS.get((match.group("m1") or match.group("m2")).upper())
    if month is None:
        return None
    day = int(match.group("d1") or match.group("d2"))
    year = int(match.group("y"))
    if year < 100:
        year += 1900 if year >= 30 else 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


# -- the evaluator ------------------------------------------------------------------------------
@dataclass
class Muc4Result(EvalResult):
    """An EvalResult that also holds the predicted and gold templates; ``write_errors(X)``
    writes them beside the mismatches, as ``X.templates.json`` and ``X.gold.json``."""

    predictions: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    gold: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def write_errors(self, path: Path) -> None:
        super().write_errors(path)
        write_templates(path.with_name(path.name + ".templates.json"), self.predictions)
        write_templates(path.with_name(path.name + ".gold.json"), self.gold)


def write_templates(path: Path, templates: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
    """Templates as one JSON object: document id -> list of templates."""
    with path.open("w", encoding="utf-8") as handle:
        json.dump(templates, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


@register("muc4")
class Muc4Evaluator:
    """MUC-4 template filling: template-level and per-role F1 on the answer keys."""

    name = "muc4"
    default_path = "muc4/muc4_dev.csv"

    def __init__(self, mapping: TemplateMapping | None = None) -> None:
        self.mapping = mapping or load_mapping()

    def evaluate(self, extractor: Any, path: Path, *, limit: int | None, all_rows: bool) -> Muc4Result:
        """Score the documents of ``path``: tst1 and tst2 only unless ``all_rows``; the first
        ``limit`` documents when given."""
        mapping = self.mapping
        required = mapping.columns if all_rows else (*mapping.columns, SPLIT_COLUMN)
        rows = read_csv(path, required)
        if not all_rows:
            rows = [r for r in rows if r[SPLIT_COLUMN].strip().lower() in mapping.default_splits]
        documents: dict[str, list[dict[str, str]]] = {}
        for row in rows:
            documents.setdefault(row[ID_COLUMN].strip(), []).append(row)
        if limit is not None:
            documents = dict(list(documents.items())[:limit])
        if not documents:
            raise GoldDataError(f"{path}: no MUC-4 documents to score")

        ids = list(documents)
        articles = [
            Article(text=documents[d][0][TEXT_COLUMN], published=dateline_date(documents[d][0][TEXT_COLUMN]), source=d)
            for d in ids
        ]
        reports, speed = extract_texts(extractor, articles)
        result = Muc4Result(dataset=self.name, documents=len(ids), speed=speed)
        main = {name: Tally() for name in FIELDS}
        literature = {name: Tally() for name in FIELDS}
        excluded = {role: 0 for role in ROLES}
        for doc_id, article, doc_reports in zip(ids, articles, reports):
            made = templates_from_reports(doc_reports, article, mapping)
            predicted = [t for t, _ in made]
            gold, dropped = key_templates(documents[doc_id], article.text, mapping)
            lit_gold, _ = key_templates(documents[doc_id], article.text, mapping, literature=True)
            result.predictions[doc_id] = predicted
            result.gold[doc_id] = gold
            for role, n in dropped.items():
                excluded[role] += n
            doc = score_document([predicted_template(t) for t in predicted], [gold_template(t) for t in gold])
            lit = score_document(
                [predicted_template(t) for t in predicted],
                [gold_template(t) for t in lit_gold],
                optional_counts=mapping.literature_optional_counts,
            )
            for name in FIELDS:
                main[name] = main[name] + doc.tallies[name]
                literature[name] = literature[name] + lit.tallies[name]
            _record_misses(result, doc_id, article.text, made, gold, documents[doc_id], doc, mapping)
        _fill_metrics(result, TemplateScore(main, len(ids)), excluded)
        _notes(result, TemplateScore(main, len(ids)), TemplateScore(literature, len(ids)))
        return result


def _fill_metrics(result: EvalResult, score: TemplateScore, excluded: Mapping[str, int]) -> None:
    """The issue's metric names: F1 values, n = documents, correct = matched fillers,
    excluded = key fillers whose mentions the text does not hold."""
    tallies, total = score.tallies, score.total
    all_excluded = sum(excluded.values())
    for name, value in (
        ("template_f1", total.f1),
        ("template_precision", total.precision),
        ("template_recall", total.recall),
    ):
        m = result.metric(name)
        m.value, m.n, m.correct, m.excluded = value, result.documents, total.p_num, all_excluded
    m = result.metric("incident_type_f1")
    m.value, m.n, m.correct = tallies[INCIDENT_TYPE].f1, result.documents, tallies[INCIDENT_TYPE].p_num
    for role in ROLES:
        m = result.metric(f"{role.lower()}_f1")
        m.value, m.n, m.correct, m.excluded = tallies[role].f1, result.documents, tallies[role].p_num, excluded[role]


def _notes(result: EvalResult, main: TemplateScore, literature: TemplateScore) -> None:
    """Precision and recall per field with their counts, and the literature's convention."""
    result.notes.append("field            P      R      F1   matched/predicted  matched/gold")
    for name in (*FIELDS, "all"):
        t = main.total if name == "all" else main.tallies[name]
        result.notes.append(
            f"{name:<14}{t.precision:>6.3f} {t.recall:>6.3f} {t.f1:>6.3f}   {t.p_num:>5}/{t.p_den:<9}{t.r_num:>5}/{t.r_den}"
        )
    lit = literature.total
    result.notes.append(
        "literature convention (Victim = HUM TGT: NAME only, OPTIONAL ignored, as GTT/GRIT/IterX): "
        f"template F1 {lit.f1:.3f} (P {lit.precision:.3f}, R {lit.recall:.3f}), victim F1 {literature.f1('Victim'):.3f}"
    )
    result.notes.append("n = documents scored; correct = matched fillers (incident types included for template_*)")


def _record_misses(
    result: EvalResult,
    doc_id: str,
    text: str,
    made: Sequence[tuple[dict[str, Any], Report]],
    gold: Sequence[Mapping[str, Any]],
    rows: Sequence[Mapping[str, str]],
    doc: DocumentScore,
    mapping: TemplateMapping,
) -> None:
    """One mismatch per missed or spurious template and per role of an aligned pair that
    was not filled exactly."""
    numbers = [r[mapping.template_column].split()[0] for r in rows if r[mapping.template_column].strip() != "*"]
    for j in doc.unaligned_gold:
        result.miss(f"{doc_id}/{numbers[j]}", "template", _shown_gold(gold[j]), [t[INCIDENT_TYPE] for t, _ in made], text)
    for i in doc.unaligned_predicted:
        template, report = made[i]
        gold_types = [" / ".join(g[INCIDENT_TYPE]) for g in gold]
        result.miss(f"{doc_id}/-", "template", gold_types, _shown_prediction(template, report), text)
    for (i, j), matches in doc.role_matches.items():
        template, report = made[i]
        for match in matches:
            if not match.missed and not match.spurious:
                continue
            entities = gold[j][match.role]
            shown_pred = [" / ".join(f) for f in template[match.role]]
            needle = entities[match.missed[0]]["mentions"][0] if match.missed else template[match.role][match.spurious[0]][0]
            result.miss(f"{doc_id}/{numbers[j]}", match.role, _shown_entities(entities), shown_pred, _window(text, needle))


def _shown_entities(entities: Sequence[Mapping[str, Any]]) -> list[str]:
    """Key fillers as the key writes them: "? A / B" for an optional one with two mentions."""
    return [("? " if e["optional"] else "") + " / ".join(e["mentions"]) for e in entities]


def _shown_gold(template: Mapping[str, Any]) -> dict[str, Any]:
    shown: dict[str, Any] = {INCIDENT_TYPE: " / ".join(template[INCIDENT_TYPE]), "optional": template["optional"]}
    shown.update((role, _shown_entities(template[role])) for role in ROLES)
    return shown


def _shown_prediction(template: Mapping[str, Any], report: Report) -> dict[str, Any]:
    shown: dict[str, Any] = {INCIDENT_TYPE: template[INCIDENT_TYPE]}
    for role in ROLES:
        shown[role] = [" / ".join(f) for f in template[role]]
    evidence = report.evidence.get("kind")
    shown["report"] = {
        "kind": f"{report.kind.event_type} / {report.kind.sub_event_type}",
        "realis": report.realis,
        "trigger": report.trigger,
        "date": report.date.start.isoformat() if report.date else None,
        "sentence": " ".join(evidence.sentence.split()) if evidence else "",
    }
    return shown


def _window(text: str, needle: str) -> str:
    """The sentence of ``text`` that holds ``needle`` (case-insensitive), or the text's start."""
    at = text.upper().find(needle.upper())
    if at < 0:
        return " ".join(text[:_WINDOW].split())
    starts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - _WINDOW), at)]
    start = starts[-1] if starts else max(0, at - _WINDOW // 2)
    end_match = _SENTENCE_END.search(text, at + len(needle))
    end = min(end_match.end() if end_match else len(text), at + _WINDOW)
    return " ".join(text[start:end].split())
