"""From an incident group to a ``Report``: every field with its evidence.

``DocumentContext`` holds what is shared by all incidents of one article: the
publication date, the countries the article names (to place ambiguous names),
every date phrase resolved in reading order (so "three months later" counts from
the date before it), and a cached place resolver. ``Assembler`` then fills each
field of the incident record from the group's clauses.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Sequence

from sitrep.extract.analysis import Sentence, Unit
from sitrep.extract.dateline import dateline_span
from sitrep.extract.kinds import KindTable
from sitrep.extract.lexicons import Lexicons
from sitrep.extract.places import choose_location
from sitrep.extract.realis import decide_realis, decide_status, read_cues
from sitrep.extract.segment import Group
from sitrep.model import (
    ActorRef,
    Count,
    Article,
    Claim,
    Counts,
    DateSpan,
    Evidence,
    Location,
    Report,
    Target,
    Weapon,
)
from sitrep.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.gazetteer import Gazetteer

_ATTRIBUTION_RANK = {"claimed": 3, "attributed": 2, "suspected": 1, None: 0}
_FUTURE = re.compile(r"\b(?:will|plans? to|planning to|threat(?:en|ens|ened|ening) to|vow(?:s|ed)? to|intends? to)\b", re.I)
_EVENT_PAST = re.compile(
    r"\b(?:killed|died|wounded|injured|exploded|detonated|attacked|struck|opened fire|shot|stormed|kidnapped|"
    r"abducted|bombed|ambushed|clashed|torched|arrested|detained|blew|went off|carried out)\b",
    re.I,
)
_PAST_VERB = re.compile(r"\b(?:said|had|was|were|did|died|struck|shot|blew|took|went|ago|yesterday|\w{3,}ed)\b", re.I)
_STATE_TYPES = frozenset({"state force"})
#: A state force that is the subject of an act: "Dutch police detained two more".
_FORCE_ACTS = re.compile(
    r"\s+(?:\w+\s+)?(?:arrested|detained|captured|raided|killed|shot|fired|opened fire|stormed|seized|launched|"
    r"carried out|conducted|bombed|shelled|struck|attacked)\b",
    re.I,
)
_ATTACKER_SIDES = frozenset({"perpetrators", "militants"})
_ARMED_TYPES = frozenset({"armed group", "militia"})
#: A weapon type dropped when a more specific one is named ("a car bomb" is not also "explosives").
_REDUNDANT_WEAPONS = {
    "explosives": frozenset({"suicide vest", "vehicle-borne explosives", "improvised explosive device", "landmine", "grenade"}),
    "suicide vest": frozenset({"vehicle-borne explosives"}),
    "aircraft": frozenset({"drone"}),
    "missiles and rockets": frozenset({"drone"}),
}
#: How far after its trigger the object of an attack may start ("attack on a crowded cattle market").
_OBJECT_WINDOW = 45
_NOT_EVENT_DATE = re.compile(r"\b(?:by|until|till|before|since)\s+$", re.I)
_REPORTING_DATE = re.compile(
    r"\b(?:released|issued|published|announced|said|says|told \w+|statement)(?:\s+(?:late|early))?(?:\s+on)?\s+$",
    re.I,
)
_CLAIM_WORD = re.compile(r"\bclaim(?:ed|s|ing)?\b", re.I)


class CachedPlaces:
    """The gazetteer's ``resolve`` with a per-article cache."""

    def __init__(self, gazetteer: "Gazetteer") -> None:
        self._gazetteer = gazetteer
        self._cache: dict[tuple[str, tuple[str, ...]], Location | None] = {}

    def resolve(self, text: str, *, context_countries: Sequence[str] = (), near: tuple[float, float] | None = None) -> Location | None:
        key = (text, tuple(context_countries))
        if key not in self._cache:
            self._cache[key] = self._gazetteer.resolve(text, context_countries=context_countries)
        return self._cache[key]

    def force_country(self, unit: Unit) -> tuple[Location, Any] | None:
        """The country of a state force named in ``unit`` ("Dutch police detained two more"):
        where a force acts is its country, when nothing else places the act."""
        from sitrep.actors.attribution import role

        for mention in unit.actors:
            if mention.actor_type == "state force" and mention.country_code:
                text = unit.sentence.text
                acting = role(text, mention.start, mention.end, actor_type=mention.actor_type) == "perpetrator" or _FORCE_ACTS.match(text, mention.end)
                if not acting:
                    continue  # "translators for the British army": the force did not act here
                country = self._gazetteer.country(mention.country_code)
                if country is not None:
                    return country.to_location(mention.matched, precision="country"), mention
        return None

    def facility_place(self, text: str, context_countries: Sequence[str] = ()) -> Location | None:
        key = ("\x00facility:" + text, tuple(context_countries))
        if key not in self._cache:
            self._cache[key] = self._gazetteer.facility_place(text, context_countries)
        return self._cache[key]


@dataclass
class DocumentContext:
    article: Article
    sentences: Sequence[Sentence]
    countries: list[str]
    not_places: list[tuple[int, int, int]]  # (sentence, start, end): actor names, the dateline
    places: CachedPlaces
    window_days: int = 10
    not_dates: list[tuple[int, int, int]] = field(default_factory=list)  # (sentence, start, end): the dateline
    dates: dict[tuple[int, int], DateSpan | None] = field(default_factory=dict)

    @classmethod
    def build(cls, article: Article, sentences: Sequence[Sentence], gazetteer: "Gazetteer", settings: Settings) -> "DocumentContext":
        from sitrep.extract.dates import DateResolver

        tally: Counter[str] = Counter()
        places = CachedPlaces(gazetteer)
        for sentence in sentences:
            for e in sentence.entities:
                if e.label in ("GPE", "NORP", "LOC"):
                    country = gazetteer.country(e.text)
                    if country is not None:
                        tally[country.country_code] += 1
                    elif e.label != "NORP":
                        # "Borno State", "northeast Nigeria": the country of a named place counts too
                        place = places.resolve(e.text)
                        if place is not None and place.country_code:
                            tally[place.country_code] += 1
            for a in sentence.actors:
                if a.country_code:
                    tally[a.country_code] += 1
                elif a.actor is not None and len(a.actor.countries) == 1:
                    tally[a.actor.countries[0]] += 1  # a group active in one country (TTP, FARC...)
        not_places = [(s.index, a.start, a.end) for s in sentences for a in s.actors]
        countries = [c for c, _ in tally.most_common()]
        dateline = dateline_span(article.text)
        not_dates: list[tuple[int, int, int]] = []
        if dateline is not None:
            start, end, whole = dateline
            for s in sentences:
                if s.start <= start < s.end:
                    not_places.append((s.index, start - s.start, end - s.start))
                    not_dates.append((s.index, start - s.start, whole - s.start))
            filed_from = gazetteer.resolve(article.text[start:end])
            if filed_from is not None and filed_from.country_code:
                countries = [filed_from.country_code] + [c for c in countries if c != filed_from.country_code]
        context = cls(article, sentences, countries, not_places, places, settings.reported_window_days, not_dates)
        context._resolve_dates(DateResolver(article.published) if article.published else None)
        return context

    def _resolve_dates(self, resolver: Any) -> None:
        """Resolve every date phrase in reading order, each against the last one resolved."""
        anchor: DateSpan | None = None
        for sentence in self.sentences:
            tense = "future" if _FUTURE.search(sentence.text) and not _PAST_VERB.search(sentence.text) else "past"
            for mention in sentence.dates:
                span = None
                if resolver is not None:
                    span = resolver.resolve(mention.text, anchor=anchor, tense=tense)
                elif re.search(r"\b\d{4}\b", mention.text):
                    span = _resolve_without_publication(mention.text)
                self.dates[(sentence.index, mention.start)] = span
                if span is not None:
                    anchor = span

    def news_window(self) -> DateSpan | None:
        """The days an undated incident told as news could fall on."""
        published = self.article.published
        if published is None:
            return None
        return DateSpan(published - timedelta(days=self.window_days), published, "week", "", inferred=True)

    def unit_date(self, unit: Unit, pos: int) -> DateSpan | None:
        """The date of the incident whose trigger is at ``pos`` in ``unit``: the nearest resolved phrase.

        A phrase after the trigger is preferred to one before it at the same distance; a
        deadline ("by Sunday", "until Monday") never dates the incident, and a phrase cut off
        from the trigger by a claim ("On 4 January ISIS claimed the bombing") or attached to a
        statement ("police said on Wednesday") dates the words, so it comes last.
        """
        best: tuple[float, DateSpan] | None = None
        text = unit.sentence.text
        for mention in unit.dates:
            span = self.dates.get((unit.sentence.index, mention.start))
            before = text[max(0, mention.start - 30) : mention.start]
            if span is None or _NOT_EVENT_DATE.search(before) or self._in_dateline(unit, mention):
                continue
            if mention.start >= pos:
                distance = float(mention.start - pos)
                between = text[pos : mention.start]
            else:
                distance = (pos - mention.end) * 1.5
                between = text[mention.end : pos]
            if _CLAIM_WORD.search(between):
                distance += 400.0
            if _REPORTING_DATE.search(before):
                distance += 300.0  # when it was said, used only when nothing dates the act itself
            if best is None or distance < best[0]:
                best = (distance, span)
        return best[1] if best else None

    def _in_dateline(self, unit: Unit, mention: Any) -> bool:
        index = unit.sentence.index
        return any(i == index and a <= mention.start and mention.end <= b for i, a, b in self.not_dates)

    def date_mention(self, unit: Unit, span: DateSpan) -> Any:
        for mention in unit.dates:
            if self.dates.get((unit.sentence.index, mention.start)) is span:
                return mention
        return None


def _resolve_without_publication(phrase: str) -> DateSpan | None:
    """Absolute dates only, when the article has no publication date."""
    from sitrep.extract.dates import DateResolver

    year = int(re.search(r"\b(\d{4})\b", phrase).group(1))  # type: ignore[union-attr]
    return DateResolver(date(min(year + 1, 9998), 12, 31)).resolve(phrase)


class Assembler:
    """Builds reports from incident groups."""

    def __init__(self, lexicons: Lexicons, kinds: KindTable, gazetteer: "Gazetteer", settings: Settings) -> None:
        self.lexicons = lexicons
        self.kinds = kinds
        self.gazetteer = gazetteer
        self.settings = settings

    def assemble(self, groups: Sequence[Group], context: DocumentContext) -> list[Report]:
        reports: list[Report] = []
        lead_taken = False
        for group in groups:
            report = self._report(group, context, lead=not lead_taken)
            if report is None:
                continue
            if report.realis == "reported":
                lead_taken = True
            reports.append(report)
        return reports

    # -- one report -----------------------------------------------------------------------
    def _report(self, group: Group, context: DocumentContext, *, lead: bool) -> Report | None:
        evidence: dict[str, Evidence] = {}
        head_unit, head = group.head_unit, group.head
        evidence["kind"] = _evidence(head_unit, head.start, head.end, 0.8 if head.strong else 0.5)

        counts, count_evidence = self._counts(group)
        evidence.update(count_evidence)

        perpetrators, targets_from_actors, claim, actor_evidence = self._actors(group, context)
        evidence.update(actor_evidence)

        weapons = self._weapons(group)
        if weapons:
            evidence["weapons"] = weapons[1]
        targets, target_evidence = self._targets(group, targets_from_actors)
        if target_evidence is not None:
            evidence["targets"] = target_evidence

        head_text = head_unit.text
        cues = read_cues(self.lexicons, head_text)
        if not cues.negated and any(self.lexicons.realis["negated"].search(u.text) for u in group.units):
            cues = replace(cues, negated=True)  # "Police said there was no attack on the mosque"
        has_casualties = any(c is not None and (c.best or 0) > 0 for c in (counts.killed, counts.injured, counts.kidnapped))
        status = decide_status(cues, has_casualties=has_casualties, families=frozenset(group.families))

        when, date_evidence = self._date(group, context)
        if date_evidence is not None:
            evidence["date"] = date_evidence
        past = has_casualties or bool(_EVENT_PAST.search(head_text)) or (when is not None and context.article.published is not None and when.end < context.article.published)
        realis = decide_realis(
            cues, when=when, published=context.article.published, lead=lead, has_past_evidence=past, has_casualties=has_casualties,
            status=status, window_days=self.settings.reported_window_days,
        )
        if when is None and realis == "reported" and context.article.published is not None:
            published = context.article.published
            when = DateSpan(published, published, "day", "", inferred=True)

        location, location_evidence = self._location(group, context)
        if location_evidence is not None:
            evidence["location"] = location_evidence

        if group.arrests_only:
            family = "arrest"
        elif "seizure" in group.families and not has_casualties:
            family = "seizure"  # "troops confiscated a mortar and two grenades": weapons taken, no attack
        else:
            family = self.kinds.main_family(
                group.families, [w.type for w in weapons[0]] if weapons else (), [t.type for t in targets]
            )
        if family is None:
            return None
        state_only = bool(perpetrators) and all(p.actor_type in _STATE_TYPES for p in perpetrators)
        kind = self.kinds.kind(
            family, target_types=[t.type for t in targets], state_perpetrator_only=state_only, status=status,
            plotted="plot" in group.families or "arrest" in group.families,
        )

        confidence = self._confidence(group, when, location, counts, perpetrators)
        return Report(
            kind=kind,
            status=status,
            realis=realis,
            date=when,
            location=location,
            perpetrators=tuple(perpetrators),
            targets=tuple(targets),
            weapons=tuple(weapons[0]) if weapons else (),
            counts=counts,
            claim=claim,
            evidence=evidence,
            confidence=confidence,
            trigger=head.text,
        )

    def _date(self, group: Group, context: DocumentContext) -> tuple[DateSpan | None, Evidence | None]:
        """The date phrase nearest the head trigger; else one in another clause with a strong trigger; else any."""
        others = [u for u in group.units if u is not group.head_unit]
        ordered = [group.head_unit] + [u for u in others if any(t.strong for t in u.triggers)]
        ordered += [u for u in others if u not in ordered]
        for unit in ordered:
            pos = group.head.start if unit is group.head_unit else _first_trigger_pos(unit)
            span = context.unit_date(unit, pos)
            if span is not None:
                mention = context.date_mention(unit, span)
                ev = _evidence(unit, mention.start, mention.end, 0.7) if mention is not None else None
                return span, ev
        return None, None

    def _location(self, group: Group, context: DocumentContext) -> tuple[Location | None, Evidence | None]:
        choice = choose_location(
            group.units, trigger_unit=group.head_unit, trigger_pos=group.head.start, resolver=context.places,
            context_countries=context.countries, not_places=context.not_places,
        )
        if choice is None:
            return self._country_only(group, context)
        m = choice.mention
        return choice.location, _evidence(choice.unit, m.start, m.end, min(0.9, 0.4 + choice.score / 20))

    def _country_only(self, group: Group, context: DocumentContext) -> tuple[Location | None, Evidence | None]:
        """When no place is named, the country the incident's clauses still tell, in this order:
        an acting state force's ("Dutch police detained two more"); a country named, or a people
        ("More than 200 Syrians were killed"; not an adjective such as "British", which is often
        the victims' nationality); the one country a named perpetrator operates in ("in Boko
        Haram attacks"; confidence 0.3). Always at country precision."""
        for unit in [group.head_unit] + [u for u in group.units if u is not group.head_unit]:
            forced = context.places.force_country(unit)
            if forced is not None:
                location, mention = forced
                return location, _evidence(unit, mention.start, mention.end, 0.4)
            for e in unit.entities:
                if e.label not in ("NORP", "GPE") or any(a.start <= e.start < a.end for a in unit.actors):
                    continue
                if e.label == "NORP" and not (e.text.endswith("s") and self.gazetteer.is_demonym(e.text)):
                    continue  # "British", "American": often the victims' nationality, not the place
                country = self.gazetteer.country(e.text)
                if country is not None:
                    return country.to_location(e.text, precision="country"), _evidence(unit, e.start, e.end, 0.4)
        for unit in group.units:
            for a in unit.actors:
                if a.actor is not None and len(a.actor.countries) == 1 and a.actor_type in _ARMED_TYPES:
                    country = self.gazetteer.country(a.actor.countries[0])
                    if country is not None:
                        return country.to_location(a.matched, precision="country"), _evidence(unit, a.start, a.end, 0.3)
        return None, None

    def _counts(self, group: Group) -> tuple[Counts, dict[str, Evidence]]:
        """Each category's figure: a running total beats a partial count, else the largest;
        where the attackers' dead are counted apart from their victims ("15 soldiers killed
        ... dozens of attackers neutralised"), the two sides add up, each kept as a part."""
        chosen: dict[str, Count] = {}
        evidence: dict[str, Evidence] = {}
        for category in ("killed", "injured", "arrested", "kidnapped"):
            sides: dict[bool, tuple[Any, Unit]] = {}
            for unit in sorted(group.units, key=lambda u: u.order):
                for mention in unit.counts:
                    if mention.category != category or mention.aggregate:
                        continue
                    attacker = mention.side in _ATTACKER_SIDES
                    held = sides.get(attacker)
                    if held is not None and getattr(mention, "additional", False):
                        # "captured a facilitator ... detained one additional suspected insurgent"
                        sides[attacker] = (_AddedMention(held[0], mention), unit)
                    elif held is None or _better_count(mention, held[0]):
                        sides[attacker] = (mention, unit)
            if not sides:
                continue
            victims, attackers = sides.get(False), sides.get(True)
            main = victims or attackers
            assert main is not None
            mention, unit = main
            count = mention.count
            if victims and attackers and category == "killed" and not victims[0].cumulative:
                count = _add_sides(victims[0].count, attackers[0].count)
            chosen[category] = count
            evidence[f"counts.{category}"] = _evidence(unit, mention.start, mention.end, 0.6 if count.approx else 0.8)
        return Counts(**chosen), evidence

    def _actors(
        self, group: Group, context: DocumentContext
    ) -> tuple[list[ActorRef], list[Target], Claim | None, dict[str, Evidence]]:
        from sitrep.actors.attribution import assess

        named: dict[str, ActorRef] = {}
        unnamed: dict[str, ActorRef] = {}
        targets: list[Target] = []
        evidence: dict[str, Evidence] = {}
        last_group_actor: ActorRef | None = None
        claim: Claim | None = None
        for unit in group.units:
            text = unit.sentence.text
            for mention in unit.actors:
                judged = assess(text, mention.start, mention.end, actor_type=mention.actor_type)
                who = judged.role
                if who == "target":
                    targets.append(Target(mention.name, _actor_target_type(mention.actor_type)))
                    continue
                if who != "perpetrator":
                    continue
                how = judged.attribution
                ref = ActorRef(
                    name=mention.name, matched=mention.matched, parent=mention.parent, attribution=how,
                    actor_id=mention.actor.id if mention.actor is not None else None,
                    actor_type=mention.actor_type, country_code=mention.country_code,
                )
                pool = named if mention.actor is not None else unnamed
                key = ref.actor_id or ref.name.lower()
                previous = pool.get(key)
                if previous is None or _ATTRIBUTION_RANK[how] > _ATTRIBUTION_RANK[previous.attribution]:
                    pool[key] = ref
                if mention.actor is not None:
                    last_group_actor = pool[key]
                if "perpetrators" not in evidence:
                    evidence["perpetrators"] = _evidence(unit, mention.start, mention.end, 0.7)
            for c in unit.claims:
                by = _claimant(unit, c, last_group_actor, named)
                if c.claimed and by is not None:
                    key = by.actor_id or by.name.lower()
                    named[key] = ActorRef(by.name, by.matched, by.parent, "claimed", by.actor_id, by.actor_type, by.country_code)
                if claim is None or (c.claimed and not claim.claimed):
                    claim = Claim(claimed=c.claimed, by=by.name if (by and c.claimed) else None, text=c.text)
                    evidence["claim"] = _evidence(unit, c.start, c.end, 0.8)
        if not named:
            antecedent = _group_antecedent(group, context)
            if antecedent is not None:
                named[antecedent.actor_id or antecedent.name] = antecedent
        perpetrators = list(named.values()) or list(unnamed.values())
        return perpetrators, targets, claim, evidence

    def _weapons(self, group: Group) -> tuple[list[Weapon], Evidence] | None:
        """The weapons named in the incident's clauses, the most specific of each family."""
        if group.arrests_only:
            return None
        seen: dict[str, Weapon] = {}
        first: Evidence | None = None
        for unit in group.units:
            for w in unit.weapons:
                if w.type not in seen:
                    seen[w.type] = Weapon(w.type, w.text)
                    if first is None:
                        first = _evidence(unit, w.start, w.end, 0.7)
        if not seen or first is None:
            return None
        for general, specifics in _REDUNDANT_WEAPONS.items():
            if general in seen and specifics & seen.keys():
                del seen[general]
        return list(seen.values()), first

    def _targets(self, group: Group, from_actors: list[Target]) -> tuple[list[Target], Evidence | None]:
        """Who or what was attacked: the object of the head trigger ("an attack on an army post",
        "a bomb exploded at a market", "stormed the Bataclan"), then the people counted as
        victims ("killing 15 soldiers"); actors named as targets come last."""
        seen: dict[str, Target] = {}
        evidence = None
        if group.arrests_only:
            return [], None
        unit, head = group.head_unit, group.head
        objects = [t for t in unit.targets if 0 <= t.start - head.end <= _OBJECT_WINDOW]
        objects += [t for t in unit.targets if 0 <= head.start - t.end <= 12 and t not in objects]
        if objects:
            first = objects[0]
            seen[first.type] = Target(first.text, first.type)
            evidence = _evidence(unit, first.start, first.end, 0.6)
        for u in group.units:
            for mention in u.counts:
                if mention.category not in ("killed", "injured", "kidnapped") or not mention.victim:
                    continue
                if mention.side == "perpetrators":
                    continue
                victim = self.lexicons.find_targets(mention.victim)
                if victim and victim[0].type not in seen and victim[0].type != "armed group":
                    seen[victim[0].type] = Target(mention.victim, victim[0].type)
                    if evidence is None:
                        evidence = _evidence(u, mention.start, mention.end, 0.5)
        if "business" in seen and "civilians" in seen:
            del seen["business"]  # people killed at a market or a concert: the target is the people
        if not seen:
            seen.update((t.type, t) for t in from_actors[:1])
        return list(seen.values())[:2], evidence

    def _confidence(self, group: Group, when: DateSpan | None, location: Location | None, counts: Counts, perpetrators: list[ActorRef]) -> float:
        score = 0.35
        if group.head.strong:
            score += 0.2
        if when is not None and not when.inferred:
            score += 0.1
        if location is not None:
            score += 0.1
        if any(counts.get(c) is not None for c in ("killed", "injured", "arrested", "kidnapped")):
            score += 0.1
        if perpetrators:
            score += 0.1
        return round(min(score, 0.95), 2)


def _evidence(unit: Unit, start: int, end: int, confidence: float) -> Evidence:
    sentence = unit.sentence
    return Evidence(
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        phrase=sentence.text[start:end],
        phrase_start=sentence.start + start,
        phrase_end=sentence.start + end,
        confidence=confidence,
    )


_GROUP_ANAPHOR = re.compile(
    r"\b(?:the (?:group|organi[sz]ation|movement|militia|insurgents|jihadists|militants)|its (?:fighters|militants|members|gunmen))\b",
    re.I,
)
#: How many sentences back "the group" may find the group it names.
_ANAPHOR_REACH = 3


def _group_antecedent(group: Group, context: DocumentContext) -> ActorRef | None:
    """The armed group that "the group" / "its fighters" in an incident's head clause points to:
    the last one named in the sentences just before (or earlier in the same sentence)."""
    unit = group.head_unit
    m = _GROUP_ANAPHOR.search(unit.text)
    if m is None:
        return None
    index = unit.sentence.index
    limit = unit.lo + m.start()
    for i in range(index, max(-1, index - _ANAPHOR_REACH - 1), -1):
        sentence = context.sentences[i]
        named = [
            a for a in sentence.actors
            if a.actor is not None and a.actor_type in _ARMED_TYPES and (i < index or a.end <= limit)
        ]
        if named:
            a = named[-1]
            return ActorRef(a.name, a.matched, a.parent, "attributed", a.actor.id, a.actor_type, a.country_code)
    return None


@dataclass(frozen=True)
class _AddedMention:
    """A count that adds to one told before ("two additional insurgents were detained")."""

    first: Any
    more: Any

    @property
    def count(self) -> Count:
        return _add_sides(self.first.count, self.more.count)

    def __getattr__(self, name: str) -> Any:  # start, end, side, cumulative...: those of the addition
        return getattr(self.more, name)


def _add_sides(victims: Count, attackers: Count) -> Count:
    """One toll from the victims' and the attackers' dead, each kept as parts."""

    def plus(a: int | None, b: int | None) -> int | None:
        return None if a is None or b is None else a + b

    parts = (victims.parts or ()) + (attackers.parts or ())
    return Count(
        min=plus(victims.min if victims.min is not None else victims.best, attackers.min if attackers.min is not None else attackers.best),
        max=plus(victims.max, attackers.max),
        best=plus(victims.best, attackers.best),
        approx=victims.approx or attackers.approx,
        text=f"{victims.text}; {attackers.text}",
        parts=parts,
    )


def _first_trigger_pos(unit: Unit) -> int:
    triggers = unit.triggers
    return triggers[0].start if triggers else 0


def _better_count(new: Any, old: Any) -> bool:
    """A running total of this incident beats a partial count; otherwise the larger best value
    wins. A toll over many incidents ("has killed 40,000 since 2009") never wins."""
    new_total = new.cumulative and not getattr(new, "aggregate", False)
    old_total = old.cumulative and not getattr(old, "aggregate", False)
    if getattr(new, "aggregate", False) != getattr(old, "aggregate", False):
        return not getattr(new, "aggregate", False)
    if new_total != old_total:
        return bool(new_total)
    return (new.count.best or 0) > (old.count.best or 0)


def _claimant(unit: Unit, claim: Any, last_actor: ActorRef | None, named: dict[str, ActorRef]) -> ActorRef | None:
    if claim.by_start is not None:
        for mention in unit.actors:
            if mention.start < claim.by_end and claim.by_start < mention.end:
                return ActorRef(
                    mention.name, mention.matched, mention.parent, "claimed",
                    mention.actor.id if mention.actor is not None else None, mention.actor_type, mention.country_code,
                )
    if last_actor is not None:
        return last_actor
    armed = [a for a in named.values() if a.actor_type != "state force"]
    return armed[-1] if armed else None


def _actor_target_type(actor_type: str) -> str:
    return {"state force": "military", "armed group": "armed group", "militia": "armed group"}.get(actor_type, "civilians")


__all__ = ["Assembler", "CachedPlaces", "DocumentContext"]
