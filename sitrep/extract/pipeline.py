"""The extractor: from a cleaned article to its incident reports.

``Extractor.extract_many`` runs spaCy (NER and sentence boundaries only) over
articles in small batches, then sitrep's own components over each sentence:

==============  ===========================================  ==========================
component       reads                                        sets
==============  ===========================================  ==========================
truecase        the text when written in capitals            the text spaCy sees
sentences       spaCy's sentence boundaries, line breaks     ``Sentence``
triggers        text (``triggers.yaml``)                     ``Sentence.triggers``
counts          text                                         ``Sentence.counts``
dates           text, spaCy DATE entities                    ``Sentence.dates``
places          spaCy GPE/LOC/FAC entities, gazetteer scan   ``Sentence.places``
actors          text (actor registry)                        ``Sentence.actors``
claims          text                                         ``Sentence.claims``
weapons/targets text (``weapons.yaml``, ``targets.yaml``)    ``Sentence.weapons/targets``
segment         the sentences above                          incident groups
assemble        a group                                      ``Report``
==============  ===========================================  ==========================
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from sitrep.extract.analysis import PLACE_LABELS, EntityMention, Sentence, Unit, split_units
from sitrep.extract.assemble import Assembler, DocumentContext
from sitrep.extract.kinds import KindTable
from sitrep.extract.lexicons import Lexicons, TriggerMatch
from sitrep.extract.segment import Group, may_attach, opens_new_incident
from sitrep.extract.truecase import is_shouting, truecase
from sitrep.model import Article, Location, Report
from sitrep.settings import Settings, load_settings

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

    from sitrep.actors import ActorRegistry
    from sitrep.gazetteer import Gazetteer

#: Version of the extraction logic; stored with each article so re-extraction can be detected.
EXTRACTION_VERSION = "0.1.0"

_LINE_BREAK = re.compile(r"\n+")
_VIOLENT_COUNT = frozenset({"killed", "injured", "kidnapped"})
#: Trigger families that head an incident's clause (used to cut sentences that list several).
_HEAD_FAMILIES = frozenset(
    {"suicide", "explosion", "grenade", "air", "shelling", "armed", "melee", "ramming", "assassination",
     "kidnap", "barricade", "hijack", "arson", "sabotage", "massacre", "clash", "raid", "attack", "riot", "plot", "arrest"}
)


@dataclass(frozen=True, slots=True)
class _PreparedDoc:
    article: Article
    shouting: bool


class Extractor:
    """Turns articles into reports. Build one and reuse it: it holds the loaded models.

    Every part can be passed in (a spaCy pipeline, a gazetteer, an actor registry);
    what is not passed is loaded from the settings on first use.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        nlp: "Language | None" = None,
        gazetteer: "Gazetteer | None" = None,
        registry: "ActorRegistry | None" = None,
        lexicons: Lexicons | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self._nlp = nlp
        self._gazetteer = gazetteer
        self._registry = registry
        self.lexicons = lexicons or Lexicons()
        self.kinds = KindTable()
        self._assembler: Assembler | None = None

    # -- loaded parts ---------------------------------------------------------------------
    @property
    def nlp(self) -> "Language":
        if self._nlp is None:
            from sitrep.extract.nlp import load_pipeline

            self._nlp = load_pipeline(self.settings.spacy_model)
        return self._nlp

    @property
    def gazetteer(self) -> "Gazetteer":
        if self._gazetteer is None:
            from sitrep.gazetteer import Gazetteer

            self._gazetteer = Gazetteer.open(self.settings.cache_dir and self.settings.cache_dir / "gazetteer.sqlite")
        return self._gazetteer

    @property
    def registry(self) -> "ActorRegistry":
        if self._registry is None:
            from sitrep.actors import ActorRegistry

            self._registry = ActorRegistry.load()
        return self._registry

    @property
    def assembler(self) -> Assembler:
        if self._assembler is None:
            self._assembler = Assembler(self.lexicons, self.kinds, self.gazetteer, self.settings)
        return self._assembler

    # -- public ---------------------------------------------------------------------------
    def extract(self, article: Article) -> list[Report]:
        """The reports of one article."""
        return next(self.extract_many([article]))[1]

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Report]]]:
        """(article, reports) for each article, in order, running spaCy in small batches."""
        iterator = iter(articles)
        while True:
            batch = list(islice(iterator, self.settings.batch_size))
            if not batch:
                return
            prepared = [self._prepare(a) for a in batch]
            texts = [p[1] for p in prepared]
            for (prep, _), doc in zip(prepared, self.nlp.pipe(texts, batch_size=len(texts))):
                yield prep.article, self._reports(prep, doc)

    # -- stages ---------------------------------------------------------------------------
    def _prepare(self, article: Article) -> tuple[_PreparedDoc, str]:
        text = article.text
        shouting = is_shouting(text)
        if shouting:
            names = [(m.start, m.end, _is_acronym(m)) for m in self.registry.find_all(text)]
            names += [(s, e, False) for s, e, _ in self.gazetteer.scan(text)]
            text = truecase(text, names)
        return _PreparedDoc(article, shouting), text

    def _reports(self, prep: _PreparedDoc, doc: "Doc") -> list[Report]:
        article = prep.article
        sentences = self._sentences(article.text, doc, shouting=prep.shouting)
        context = DocumentContext.build(article, sentences, self.gazetteer, self.settings)
        units = self._units(sentences)
        groups = self._segment(units, context)
        reports = self.assembler.assemble(groups, context)
        floor = self.settings.min_confidence
        return [r for r in reports if r.confidence >= floor]

    def _sentences(self, text: str, doc: "Doc", *, shouting: bool) -> list[Sentence]:
        from sitrep.actors.attribution import find_claims
        from sitrep.extract.counts import find_counts
        from sitrep.extract.dates import find_dates

        ents = list(doc.ents)
        out: list[Sentence] = []
        for span in doc.sents:
            for start, piece in _pieces(text, span.start_char, span.end_char):
                end = start + len(piece)
                entities = tuple(
                    EntityMention(e.start_char - start, e.end_char - start, text[e.start_char : e.end_char], e.label_)
                    for e in ents
                    if start <= e.start_char and e.end_char <= end
                )
                places = [e for e in entities if e.label in PLACE_LABELS]
                if shouting or not places:
                    places = _merge_places(places, self.gazetteer.scan(piece))
                dates = list(find_dates(piece))
                for e in entities:
                    if e.label == "DATE" and not any(d.start < e.end and e.start < d.end for d in dates):
                        dates.append(_EntityDate(e.start, e.end, e.text))
                dates.sort(key=lambda d: d.start)
                out.append(
                    Sentence(
                        index=len(out),
                        start=start,
                        text=piece,
                        triggers=tuple(self.lexicons.find_triggers(piece)),
                        counts=tuple(find_counts(piece)),
                        dates=tuple(dates),
                        places=tuple(places),
                        entities=entities,
                        actors=tuple(self.registry.find_all(piece)),
                        claims=tuple(find_claims(piece)),
                        weapons=tuple(self.lexicons.find_weapons(piece)),
                        targets=tuple(self.lexicons.find_targets(piece)),
                    )
                )
        return out

    def _units(self, sentences: Sequence[Sentence]) -> list[Unit]:
        units: list[Unit] = []
        for sentence in sentences:
            anchors = _anchors(sentence)
            units.extend(split_units(sentence, order_start=len(units), anchors=anchors))
        return units

    def _segment(self, units: Sequence[Unit], context: "DocumentContext") -> list[Group]:
        groups: list[Group] = []
        current: Group | None = None
        for unit in units:
            head = _head_trigger(unit)
            if head is None or not self._signals_incident(unit, head):
                if current is not None and may_attach(current, unit) and _tells_more(unit, self.lexicons):
                    current.units.append(unit)
                    current.last_sentence = unit.sentence.index
                continue
            families = {t.family for t in unit.triggers}
            arrests_only = families <= {"arrest", "plot"} and "arrest" in families
            when = context.unit_date(unit, head.start)
            place = self._unit_place(unit, head, context)
            explicit_new = self.lexicons.new_incident.search(unit.text) is not None
            if opens_new_incident(current, unit=unit, explicit_new=explicit_new, date=when, place=place, arrests_only=arrests_only):
                current = Group(
                    units=[unit], head=head, head_unit=unit, families=families, arrests_only=arrests_only,
                    date=when, place=place, last_sentence=unit.sentence.index,
                )
                groups.append(current)
            else:
                current.units.append(unit)  # type: ignore[union-attr]
                current.families |= families  # type: ignore[union-attr]
                current.last_sentence = unit.sentence.index  # type: ignore[union-attr]
                if current.date is None:  # type: ignore[union-attr]
                    current.date = when  # type: ignore[union-attr]
                if current.place is None:  # type: ignore[union-attr]
                    current.place = place  # type: ignore[union-attr]
        return groups

    def _signals_incident(self, unit: Unit, head: TriggerMatch) -> bool:
        """A strong trigger, or a weak one in a violent context, or a casualty count."""
        counts = unit.counts
        if any(t.strong for t in unit.triggers):
            return True
        if any(c.category in _VIOLENT_COUNT and (c.count.best or 0) > 0 for c in counts):
            return True
        families = {t.family for t in unit.triggers}
        if "arrest" in families:
            return any(c.category == "arrested" for c in counts) or bool(unit.actors) or "suspect" in unit.text.lower()
        armed_actor = any(a.actor_type != "political party" for a in unit.actors)
        return bool(unit.weapons) or armed_actor or any(t.type in ("military", "police") for t in unit.targets)

    def _unit_place(self, unit: Unit, head: TriggerMatch, context: "DocumentContext") -> Location | None:
        from sitrep.extract.places import choose_location

        choice = choose_location(
            [unit], trigger_unit=unit, trigger_pos=head.start, resolver=context.places,
            context_countries=context.countries, actor_spans=context.actor_spans,
        )
        return choice.location if choice else None


@dataclass(frozen=True, slots=True)
class _EntityDate:
    """A spaCy DATE entity the regex finder missed, shaped like a DateMention."""

    start: int
    end: int
    text: str


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """The non-blank lines of text[start:end], each with its offset, whitespace trimmed."""
    pos = start
    for part in _LINE_BREAK.split(text[start:end]):
        stripped = part.strip()
        if stripped:
            yield pos + part.index(stripped), stripped
        pos += len(part)
        while pos < end and text[pos] == "\n":
            pos += 1


def _merge_places(places: list[EntityMention], scanned: Sequence[tuple[int, int, Any]]) -> list[EntityMention]:
    out = list(places)
    for s, e, place in scanned:
        if not any(p.start < e and s < p.end for p in out):
            out.append(EntityMention(s, e, "", "GAZ"))
    out.sort(key=lambda m: m.start)
    return out


def _is_acronym(mention: Any) -> bool:
    matched = mention.matched
    return " " not in matched and len(matched) <= 6 and mention.actor is not None and any(
        alias.isupper() and alias.upper() == matched.upper() for alias in mention.actor.aliases
    )


def _head_trigger(unit: Unit) -> TriggerMatch | None:
    triggers = unit.triggers
    if not triggers:
        return None
    strong = [t for t in triggers if t.strong]
    return (strong or [t for t in triggers if t.family != "killing"] or list(triggers))[0]


def _anchors(sentence: Sentence) -> list[tuple[int, tuple[Any, ...]]]:
    """Head triggers of a sentence keyed by their nearest date phrase (for cutting lists of incidents)."""
    if len(sentence.dates) < 2:
        return []
    heads = [t for t in sentence.triggers if t.family in _HEAD_FAMILIES]
    if len(heads) < 2:
        return []
    anchors = []
    for t in heads:
        nearest = min(sentence.dates, key=lambda d: min(abs(d.start - t.end), abs(t.start - d.end)))
        anchors.append((t.start, (nearest.text.lower(),)))
    return anchors


def _tells_more(unit: Unit, lexicons: Lexicons) -> bool:
    """A non-signalling unit that adds a claim, a count, an actor or refers back to the incident."""
    if unit.claims or unit.counts:
        return True
    if lexicons.same_incident.search(unit.text) is not None:
        return True
    return False
