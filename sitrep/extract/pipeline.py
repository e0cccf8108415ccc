"""The extractor: from a cleaned article to its incident reports.

``Extractor.extract_many`` runs spaCy (NER and sentence boundaries only) over
articles in small batches, then sitrep's own components over each sentence:

==============  ===========================================  ==========================
component       reads                                        sets
==============  ===========================================  ==========================
marks           hashtags, short quotes, "Zacatecas:7"        the text read
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
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import islice
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from sitrep.extract.analysis import PLACE_LABELS, EntityMention, Sentence, Unit, split_units
from sitrep.extract.assemble import Assembler, DocumentContext, count_back, hint_countries, victims_named
from sitrep.extract.dates_header import STAMP_LABELS
from sitrep.extract.kinds import KindTable
from sitrep.extract.lexicons import LANGUAGES, Lexicons, TriggerMatch, language_of
from sitrep.extract.marks import Unmarked, unmark
from sitrep.extract.places import GROUP_WORD, INSTITUTION, country_as_adjective, named_areas
from sitrep.extract.realis import after_arrest_grounds, arrest_grounds_cut, recalled
from sitrep.extract.segment import (
    NAMES_THE_DOER, SAME_SCENE, Group, dates_compatible, may_attach, only_its_country, opens_new_incident, places_compatible,
)
from sitrep.extract.truecase import is_shouting, truecase
from sitrep.gazetteer.normalize import CAPITAL
from sitrep.model import Article, Count, DateSpan, Location, Report
from sitrep.settings import Settings, load_settings

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

    from sitrep.actors import ActorRegistry
    from sitrep.extract.outlets import SourceCountry
    from sitrep.gazetteer import Gazetteer

#: Version of the extraction logic; stored with each article so re-extraction can be detected.
EXTRACTION_VERSION = "0.1.0"

_LINE_BREAK = re.compile(r"\n+")
_VIOLENT_COUNT = frozenset({"killed", "injured", "kidnapped"})
#: The doers of an act, named without the act: alone in a clause they tell of no incident ("demand
#: punishment for the assassins of priests"; so too the armed men of triggers.yaml's armed_men, "the
#: masked men create a real legal problem") unless it counts victims or names a weapon.
_AGENT_NOUN = re.compile(r"(?:assassins?|kidnappers?|abductors?|(?:suicide )?bombers?|hostage[- ]takers?)", re.I)
#: Weapon words with everyday senses ("drone footage", "a vehicle") that alone do not make a weak
#: trigger violent.
_AMBIGUOUS_WEAPONS = frozenset({"drone", "aircraft", "vehicle", "missiles and rockets"})
#: Words that tell a death or a hurt, not how it came.
_DEATH_WORD = re.compile(r"(?i:die[sd]?|dead|perish(?:e[sd])?|kill(?:s|ed|ing)?|injur(?:e|es|ed|ing|ies|y)|hurt|wound(?:s|ed|ing)?|death tolls?)")
#: A death of age or illness, or a death or hurt in a fall or a disaster: "dies in prison at 77",
#: "died of cancer", "aged 90", "died peacefully in her sleep", "climber dies in New Zealand fall",
#: "presumed dead after falling 150 metres", "the quake injured two people".
_NATURAL_DEATH = re.compile(
    r"\b(?:die[sd]?|dead)\b[^.;]{0,40}?\b(?:at(?: the age of)? \d{2,3}\b|aged \d{2,3}\b|of (?:natural causes|old age|"
    r"cancer|(?:a )?heart (?:attack|failure|disease)|(?:an? )?(?:long )?illness|complications|pneumonia|(?:a )?stroke)|"
    r"after (?:a |an )?(?:long |short |brief )?(?:illness|battle with))"
    r"|\b(?:die[sd]?|dead|killed|injured|hurt)\b[^.;]{0,40}?\b(?:peacefully|in (?:his|her|their) sleep|"
    r"(?:after|in|while) (?:a |an |the )?(?:[\w'’-]+ ){0,3}?(?:falls?|falling|fell|climbing|mountaineering|skiing|diving|swimming)\b)"
    r"|\bf[ae]ll(?:en)? to (?:his|her|their) deaths?\b",
    re.I,
)
#: A natural disaster: a death or hurt beside it, with no weapon or armed actor, is its doing.
_DISASTER = re.compile(
    r"\b(?:(?:earth)?quakes?|tremors?|aftershocks?|Richter scale|natural disasters?|disaster (?:cent(?:er|re)|management|relief)|"
    r"avalanches?|landslides?|mudslides?|tsunamis?|volcanic eruptions?|lightning)\b",
    re.I,
)
#: Trigger families that head an incident's clause (used to cut sentences that list several).
_HEAD_FAMILIES = frozenset(
    {"suicide", "explosion", "grenade", "air", "shelling", "armed", "melee", "ramming", "assassination",
     "kidnap", "barricade", "hijack", "arson", "sabotage", "massacre", "clash", "raid", "attack", "riot", "plot", "arrest",
     "protest", "seizure"}
)


@dataclass(frozen=True, slots=True)
class _PreparedDoc:
    article: Article  # as given
    shouting: bool
    read: Article  # as read: the article, or the article with its marks taken off (sitrep.extract.marks)
    unmarked: Unmarked | None = None  # how the text read maps back to the article's


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

            self._gazetteer = Gazetteer.open(self.settings.cache_dir)  # a folder; None: the default cache
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
    def warm_up(self) -> None:
        """Load now every model and table extraction reads (spaCy, the gazetteer and its
        indexes, the actor registry, dateparser), rather than while the first articles are
        read. Timings of extraction call it first, so that loading is not counted as speed."""
        from sitrep.extract.assemble import preload as preload_assembly
        from sitrep.extract.dates_resolver import DateResolver
        from sitrep.extract.numbers import default_grammar

        self.gazetteer.preload()
        DateResolver(date(2000, 1, 1)).preload()
        default_grammar()  # the quantities read in a report's phrases outside its counts
        preload_assembly()
        for _ in self.extract_many([Article(text="Gunmen killed three people in Kabul on Friday.")]):
            pass

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
        unmarked = unmark(article.text)
        read = replace(article, text=unmarked.text) if unmarked is not None else article
        text = read.text
        shouting = is_shouting(text)
        if shouting:
            names = [(m.start, m.end, _is_acronym(m)) for m in self.registry.find_all(text)]
            names += [(s, e, False) for s, e, _ in self.gazetteer.scan(text)]
            text = _unwrapped(truecase(text, names))
        return _PreparedDoc(article, shouting, read, unmarked), text

    def _reports(self, prep: _PreparedDoc, doc: "Doc") -> list[Report]:
        article = prep.read
        source = self.lexicons.outlets.source_country(article)
        sentences = self._sentences(article.text, doc, shouting=prep.shouting, source=source)
        context = DocumentContext.build(article, sentences, self.gazetteer, self.settings, source=source)
        units = self._units(sentences)
        groups = self._segment(units, context)
        reports = self.assembler.assemble(groups, context)
        floor = self.settings.min_confidence
        kept = [_as_written(r, article.text) for r in reports if r.confidence >= floor]
        if prep.unmarked is not None:  # quote the article's own words, at its own offsets
            kept = [prep.unmarked.restore(r, prep.article.text) for r in kept]
        return kept

    def _sentences(
        self, text: str, doc: "Doc", *, shouting: bool, source: SourceCountry | None = None
    ) -> list[Sentence]:
        from sitrep.actors.attribution import find_claims
        from sitrep.extract.counts import find_counts
        from sitrep.extract.counts.romance import find_counts_romance
        from sitrep.extract.dates import find_dates

        ents = list(doc.ents)
        surnames = _surnames(ents)
        addresses = [(m.start(), m.end()) for m in ADDRESS_LINE.finditer(text)]
        # the countries the text names or whose people it names, for towns too small to be read
        # without them ("shot dead in Fortul in the Colombian department of Arauca")
        named = (
            self.gazetteer.country(e.text) for e in ents
            if e.label_ in ("GPE", "NORP") and not country_as_adjective(text, e.start_char, e.end_char)
        )
        countries = tuple(dict.fromkeys(c.country_code for c in named if c is not None and c.country_code))
        # a Spanish, Portuguese or French text naming no country is read among the countries that
        # speak it (only a text with its "en", "em" or "à" is searched: a place is only read after it)
        has_locative = any(f" {lang.locative} " in text for lang in LANGUAGES)
        language = language_of(self.lexicons.find_triggers(text)) if has_locative else None
        speaking = language.countries if language is not None and f" {language.locative} " in text else ()
        out: list[Sentence] = []
        group_countries: dict[str, None] = {}  # in the order the groups are named
        home = (source.country_code,) if source is not None and source.country_code not in countries else ()
        for span in doc.sents:
            for start, piece in _pieces(text, span.start_char, span.end_char):
                end = start + len(piece)
                # the web address of the page is not a sentence ("new-york" is no York), and a piece
                # that runs on from it below (a long address reads as a wrapped line) starts after it
                cut = next((b for a, b in addresses if a <= start < b), None)
                if cut is not None:
                    rest = text[cut:end]
                    if not rest.strip():
                        continue
                    start, piece = cut + len(rest) - len(rest.lstrip()), rest.strip()
                # a sentence hard-wrapped over lines (wire copy) is read as one line, at the same offsets
                piece = piece.replace("\n", " ").replace("\r", " ")
                entities = tuple(
                    EntityMention(
                        e.start_char - start, e.end_char - start, piece[e.start_char - start : e.end_char - start],
                        # "the Manchester Arena suicide bomber": a building the NER took for a person
                        "FAC" if e.label_ == "PERSON" and _BUILDING_NAME.search(e.text) else e.label_,
                    )
                    for e in ents
                    if start <= e.start_char and e.end_char <= end
                )
                # "the village of X" says outright that X is a place: it wins over what the NER or
                # the gazetteer scan make of the same words ("PUERTO JORDAN" is not Jordan)
                places = _merge_places(piece, [], [
                    (s, e, "PHR") for s, e, name in named_areas(piece)
                    if not self.gazetteer.is_demonym(name.split()[0])  # not "the Afghan province"
                ])
                places = _merge_places(piece, places, _capital_mentions(piece))
                places = _merge_places(piece, places, [(e.start, e.end, e.label) for e in entities if e.label in PLACE_LABELS])
                actors = tuple(self.registry.find_all(piece))
                # and where the groups named so far are active ("Abu Sayyaf in Patikul": the Philippines)
                group_countries.update(dict.fromkeys(c for a in actors for c in hint_countries(a) if c not in countries))
                # and last the country of the article's source ("in the vicinity of Tel Rifaat" in a SOHR report)
                hinted = countries + tuple(group_countries) + home
                # the gazetteer's scan fills in what the NER missed or mislabelled ("Rakhine" as an
                # organisation); in capitals it is the main source, the NER being unreliable there
                headline = _headline_case(piece)
                scanned = [
                    (*span, "GAZ") for s, e, place in self.gazetteer.scan(piece)
                    if not self.gazetteer.is_demonym(piece[s:e])
                    and (span := self._within_a_name(piece, s, e, entities, place, hinted, headline=headline)) is not None
                ]
                places = _merge_places(piece, places, scanned)
                places = _merge_places(piece, places, self._mislabelled_towns(piece, entities, actors, hinted))
                places = _merge_places(piece, places, self._untagged_towns(piece, entities, actors, hinted))
                places = _merge_places(
                    piece, places, self._locative_places(piece, countries or speaking)
                )
                places = _merge_places(piece, places, self._compound_names(piece, places, hinted))
                places = _merge_places(piece, places, self._lowercase_towns(piece))
                places = [
                    p for p in places
                    if not _names_a_person(piece, p, entities, surnames, headline=headline)
                    and _VESSEL_BEFORE.search(piece, 0, p.start) is None
                    # a cartel's name: "el cártel de los Valencia", "Cártel de Sinaloa"
                    and _CARTEL_BEFORE.search(piece, max(0, p.start - 20), p.start) is None
                    # a name whose article the place's name lacks: a nickname ("“El Cano” killed in
                    # prison" is no Kano), or a place the gazetteer knows by another name
                    and not (p.label == "GAZ" and _ARTICLE_BEFORE.search(piece, max(0, p.start - 5), p.start))
                    # a neighbourhood of the town named beside it ("en la colonia La Mora en Uruapan",
                    # "Celaya, Guanajuato.- ... en un bar de la colonia Centro")
                    and not (
                        _NEIGHBOURHOOD_BEFORE.search(piece, max(0, p.start - 20), p.start)
                        and any(q is not p and piece[q.start].isupper() for q in places)
                    )
                    # a street named after a town: "on Juan de la Riva Street", "Baghdad's Palestine Street"
                    and _STREET_AFTER.match(piece, p.end) is None
                    # a country named to say whose people or things: "two US aid workers were shot dead"
                    and not country_as_adjective(piece, p.start, p.end)
                    # the end of a group's name the NER ran on ("[Islamic State of Iraq and] the
                    # Levant near" Raqqa)
                    and not any(a.start < p.start < a.end < p.end for a in actors)
                ]
                dates = list(find_dates(piece))
                for e in entities:
                    if e.label == "DATE" and not _CODE.search(piece, max(e.start - 2, 0), e.end + 2) and not any(d.start < e.end and e.start < d.end for d in dates):
                        dates.append(_EntityDate(e.start, e.end, e.text))
                # a page's stamp dates the page, not what it tells: "Updated Thu 6 May 2010, 9:03am AEST"
                dates = [d for d in dates if _STAMP_BEFORE.search(piece, max(0, d.start - 40), d.start) is None]
                dates.sort(key=lambda d: d.start)
                triggers = tuple(self.lexicons.find_triggers(piece))
                # a Spanish, Portuguese or French sentence: "Matan a 10 en Juárez", "12 soldats tués"
                counts = tuple(find_counts(piece)) or tuple(find_counts_romance(piece))
                if any(c.anaphoric for c in counts):
                    counts = _with_antecedents(counts, piece, out)
                claims = tuple(find_claims(piece, actors, registry=self.registry))
                # weapons and targets only matter in sentences that tell of an incident
                telling = bool(triggers or counts or claims)
                out.append(
                    Sentence(
                        index=len(out),
                        start=start,
                        text=piece,
                        triggers=triggers,
                        counts=counts,
                        dates=tuple(dates),
                        places=tuple(places),
                        entities=entities,
                        actors=actors,
                        claims=claims,
                        weapons=tuple(self.lexicons.find_weapons(piece)) if telling else (),
                        targets=_outside_names(self.lexicons.find_targets(piece), actors) if telling else (),
                    )
                )
        return out

    def _within_a_name(
        self, text: str, start: int, end: int, entities: Sequence[EntityMention], place: Any, countries: Sequence[str],
        *, headline: bool,
    ) -> tuple[int, int] | None:
        """The span to read a name the gazetteer's scan found as, or None when it is only a part of a
        longer name the NER took for a person's or an organisation's, run on by a capitalised word:
        "Tula" of "Tula Toli". The longer name of an organisation is read instead when the
        gazetteer knows it ("Darat Azza" for "Azza", "Nuevo Colon" for "Nuevo"). A body, a building
        or a feature named after its town keeps it ("the Assam Assembly", "the Haditha Asphalt
        Factory", "the Jerusalem Forest"), and so does an organisation's name holding a place in
        one of the text's ``countries``, or any place when it names none ("Kyaikto" of "Kyaikto
        Moppalin intersection" in Myanmar). In a ``headline``, where every word has its capital, the
        name stands as found."""
        entity = next((e for e in entities if e.start <= start and end <= e.end and e.label in ("PERSON", "ORG")), None)
        if entity is None or (entity.start == start and entity.end == end) or headline:
            return start, end
        if entity.label == "ORG" and place.country_code in countries:
            return start, end
        if entity.label == "ORG" and not countries and not (
            end == entity.end and start > entity.start and _TWO_NAMES.fullmatch(entity.text) is not None
            and not self.gazetteer.names_a_facility(text[end : end + 20])  # "the Super Waziristan hotel"
        ):
            return start, end  # (but not the surname of "Paul Riva", a person the NER took for an organisation)
        after = _NEXT_WORD.match(text, end, entity.end)
        before = _LAST_WORD.search(text, entity.start, start)
        runs_on = [m for m in (after, before) if m is not None and m.group(1)[0].isupper()]
        if not runs_on:
            return start, end
        rest = text[end : entity.end]
        if (
            INSTITUTION.search(rest) or GROUP_WORD.search(rest) or _NATURAL_FEATURE.search(rest)
            or self.gazetteer.names_a_facility(rest)
        ):
            return start, end
        for m in runs_on if entity.label == "ORG" else ():  # a person's name holds no longer place
            longer = (start, m.end(1)) if m is after else (m.start(1), end)
            if self._local_place(text[longer[0] : longer[1]], countries) is not None:
                return longer
        return None

    def _mislabelled_towns(
        self, text: str, entities: Sequence[EntityMention], actors: Sequence[Any], countries: Sequence[str] = ()
    ) -> list[tuple[int, int, str]]:
        """Towns the NER took for an organisation, a person or a people ("a bomb in Aguelhok", "the
        Kuchlak area", "a rocket attack in Çukurca"): a name right after "in", "at", "near" or
        "outside" that is no actor of the registry nor a people's name, and that the gazetteer reads
        as a town or district, in one of the ``countries`` first (those the text names, then where
        the groups it names are active). Too small for the gazetteer's scan, which only looks for
        larger towns. Also a division the NER took for an organisation ("Bajaur Agency"), and a
        town after a group's name inside one entity ("Abu Sayyaf in Patikul")."""
        found, names, divisions, provinces = [], [], [], []
        for e in entities:
            if e.label not in ("ORG", "PERSON", "NORP"):
                continue
            if e.label == "NORP" and (self.gazetteer.is_demonym(e.text) or self.gazetteer.country(e.text) is not None):
                continue
            if self._mislabelled_facility(text, e, actors):
                found.append((e.start, e.end, "FAC"))  # "entering Kandahar Airfield"
                continue
            inner = _INNER_LOCATIVE.search(e.text)
            if inner is not None and _overlaps_an_actor(e.start, e.start + inner.start(), actors):
                # "Abu Sayyaf in Patikul" taken as one name: the town after the group's
                names.append((e.start + inner.end(), e.end, e.text[inner.end() :]))
                continue
            tail = _DIVISION_TAIL.match(text, e.end) if e.text.endswith(" Local") else None
            end = tail.end() if tail is not None else e.end
            if e.label == "ORG" and _DIVISION_END.search(text, e.start, end) and not _overlaps_an_actor(e.start, end, actors):
                divisions.append((e.start, end, text[e.start : end]))  # "Pakistan's north-western Bajaur Agency"
                continue
            named = _DIVISION_OF.match(e.text) if e.label == "ORG" else None
            if named is not None and not _overlaps_an_actor(e.start, e.end, actors):
                # "the Department of Cesar": a division named after its type, never a town (not
                # "the Department of Justice")
                provinces.append((e.start + named.end(), e.end, e.text[named.end() :]))
                continue
            before = _LOCATIVE_BEFORE.search(text, 0, e.start)
            if before is None or (before.group("bare_the") and not _AREA_AFTER.match(text, e.end)):
                continue  # "in Aguelhok", "in the village of X", "in the Tibú area"
            if _overlaps_an_actor(e.start, e.end, actors):
                continue
            # "in the department of Cesar" names a province
            (divisions if before.group("division") else names).append((e.start, e.end, e.text))
        return (
            found + self._gazetteer_spans(names, countries, _TOWN_PRECISIONS)
            + self._gazetteer_spans(divisions, countries, _TOWN_PRECISIONS | {"province"})
            + self._gazetteer_spans(provinces, countries, frozenset({"district", "province"}))
        )

    def _untagged_towns(
        self, text: str, entities: Sequence[EntityMention], actors: Sequence[Any], countries: Sequence[str] = ()
    ) -> list[tuple[int, int, str]]:
        """Towns the NER did not tag at all ("shot dead in Mpeketoni"): a capitalised name right
        after "in", "at", "near" or "outside", inside no entity or actor's name, that the gazetteer
        reads as a town or district (in the text's countries first) by its own belief rules."""
        names = [
            (m.start("name"), m.end("name"), m.group("name")) for m in _UNTAGGED_NAME.finditer(text)
            # inside no entity; one inside the name is a part the NER misread ("near Sheikh Zuweid")
            if not any(
                e.start < m.end("name") and m.start("name") < e.end
                and not (isinstance(e, EntityMention) and m.start("name") < e.start and e.end <= m.end("name"))
                for e in [*entities, *actors]
            )
        ]
        return self._gazetteer_spans(names, countries, _TOWN_PRECISIONS)

    def _gazetteer_spans(
        self, names: Iterable[tuple[int, int, str]], countries: Sequence[str], precisions: frozenset[str]
    ) -> list[tuple[int, int, str]]:
        """(start, end, "GAZ") for each named span the gazetteer reads (in ``countries`` first, else
        anywhere) as a place of one of ``precisions``."""
        found = []
        for start, end, name in names:
            place = self._local_place(name, countries)
            if place is not None and place.precision in precisions:
                found.append((start, end, "GAZ"))
        return found

    def _compound_names(
        self, text: str, places: Sequence[EntityMention], countries: Sequence[str] = ()
    ) -> list[tuple[int, int, str]]:
        """Place names read only up to a particle ("San Vicente" of "San Vicente
        del Caguán", "Rosario" of "Rosario de Perijá"), each with the rest of its name, when the
        gazetteer knows the whole name (as a town or a municipality); and names read only up to
        their second word ("Nuevo" of "Nuevo Colon" in a story of the ELN), when the gazetteer
        knows the whole name in one of the text's ``countries``."""
        found = []
        for p in places:
            m = _PARTICLE_NAME.match(text, p.end)
            if m is not None:
                end = next((e for e in (m.end(), m.end(1)) if e > p.end and self.gazetteer.candidates(text[p.start : e])), None)
                if end is not None:
                    found.append((p.start, end, p.label))
                continue
            m = _NEXT_NAME.match(text, p.end)
            if m is not None and countries and any(
                c.place.country_code in countries for c in self.gazetteer.candidates(text[p.start : m.end()])
            ):
                found.append((p.start, m.end(), p.label))
        return found

    def _lowercase_towns(self, text: str) -> list[tuple[int, int, str]]:
        """A town written in lower case after a people's word and its type ("in the Syrian town
        of manbij"), when the gazetteer knows it in that people's country."""
        found = []
        for m in _LOWERCASE_TOWN.finditer(text):
            country = self.gazetteer.country(m.group("demonym")) if self.gazetteer.is_demonym(m.group("demonym")) else None
            if country is None or not country.country_code:
                continue
            for end in dict.fromkeys((m.end("name"), m.end("first"))):  # "al bab", else "manbij" of "manbij and"
                place = self.gazetteer.resolve(text[m.start("name") : end], context_countries=[country.country_code])
                if place is not None and place.country_code == country.country_code and place.precision in _TOWN_PRECISIONS:
                    found.append((m.start("name"), end, "GAZ"))
                    break
        return found

    def _local_place(self, name: str, countries: Sequence[str]) -> Any:
        """The place ``name`` is read as among ``countries`` (the text's), else anywhere."""
        place = self.gazetteer.resolve(name, context_countries=countries) if countries else None
        return place if place is not None else self.gazetteer.resolve(name)

    def _locative_places(self, text: str, countries: Sequence[str] = ()) -> list[tuple[int, int, str]]:
        """Towns after Spanish (or French) "en", Portuguese "em" and French "à" ("Ejecutan en Juárez a
        4", "en la ciudad de Reynosa", "tiroteio em São José de Ribamar", "fait 3 morts à Abuluma"),
        which the English NER reads as part of a person's name or misses: each name the gazetteer
        reads as a town, a district or a province."""
        names = ((m.start("name"), m.end("name"), m.group("name")) for m in _LOCATIVE.finditer(text))
        return self._gazetteer_spans(names, countries, _TOWN_PRECISIONS | {"province"})

    def _mislabelled_facility(self, text: str, e: EntityMention, actors: Sequence[Any]) -> bool:
        """A facility named after its town that the NER took for an organisation or a person
        ("entering Kandahar Airfield"), right after a word of place or motion: its last word is a
        facility's and the gazetteer finds the town in its name."""
        words = e.text.split()
        if not words or words[-1].lower() not in self.gazetteer.facility_words:
            return False
        if not _FACILITY_BEFORE.search(text, 0, e.start):
            return False
        if _overlaps_an_actor(e.start, e.end, actors):
            return False
        place = self.gazetteer.facility_place(e.text)
        return place is not None and place.precision == "town"

    def _units(self, sentences: Sequence[Sentence]) -> list[Unit]:
        units: list[Unit] = []
        for sentence in sentences:
            # "Police arrested two men on Tuesday over the 2015 bombing": the act the arrest was made
            # for, recalled, is a unit of its own from the cue on, whatever dates each names
            cut = arrest_grounds_cut(sentence, self.lexicons)
            fronted = self._fronted_recall(sentence) if cut is None else None
            if fronted is not None:  # "A month after | the bombing of a market that killed 20, | a suicide bomber struck"
                for lo, hi in zip((0, *fronted), (*fronted, len(sentence.text))):
                    units.append(Unit(sentence, lo, hi, len(units)))
                continue
            anchors = _anchors(sentence) if cut is None else []
            split = split_units(sentence, order_start=len(units), anchors=anchors) if cut is None and anchors else []
            if cut is None and len(split) < 2:  # no dates to cut by, or none that did
                cut = self._cue_cut(sentence)
            if cut is not None:  # "A car bomb killed 28 pilgrims ..., while in the capital a roadside bomb exploded"
                units.append(Unit(sentence, 0, cut, len(units)))
                units.append(Unit(sentence, cut, len(sentence.text), len(units)))
                continue
            units.extend(split or split_units(sentence, order_start=len(units), anchors=anchors))
        return units

    def _fronted_recall(self, sentence: Sentence) -> tuple[int, int] | None:
        """Where a sentence that opens on an earlier act counted back from its news ("A month after
        the bombing of a market that killed 20 people, a suicide bomber struck a mosque") cuts: after
        the cue, where the recalled act begins, and at the comma that closes it, where the news
        begins. None unless the cue opens the sentence, an act follows it within reach and an act
        of an incident other than an arrest follows the comma."""
        text = sentence.text
        m = self.lexicons.earlier_incident.search(text)
        if m is None or text[: m.start].strip() or not _COUNTED_BACK.search(text, 0, m.end):
            return None
        act = next((t for t in sentence.triggers if m.end <= t.start <= m.end + _RECALLED_ACT_REACH), None)
        comma = text.find(",", act.end) if act is not None else -1
        # the news is another act; an arrest after the act it was made for is told with it ("A week after
        # the bombing of a market, police arrested three suspects")
        if comma < 0 or not any(
            t.start > comma and t.family in _HEAD_FAMILIES and t.family != "arrest" for t in sentence.triggers
        ):
            return None
        return m.end, comma

    def _cue_cut(self, sentence: Sentence) -> int | None:
        """Where a sentence that tells two incidents turns to the second: a cue of a new incident
        ("while in the capital", "elsewhere") opening a clause inside it, with an act named on
        either side (the cut falls before the comma or semicolon), a cue of an earlier incident
        ("just a day after", "in retaliation for"; the cut falls after it), or "while" and another
        act as the subject of its clause ("while a car bomb exploded")."""
        heads = [t for t in sentence.triggers if t.family in _HEAD_FAMILIES]
        if not heads or len(sentence.triggers) < 2:
            return None
        for m in self.lexicons.new_incident.finditer(sentence.text) if len(heads) > 1 else ():
            before = _CLAUSE_JOINER.sub("", sentence.text[: m.start].rstrip())
            # the cue opens a clause of its own ("..., while in the capital", "...; elsewhere", ", while
            # another attack"), not "In retaliation for an ambush the previous day, the air force launched raids"
            if before.endswith((",", ";")) and any(t.end <= m.start for t in heads) and any(t.start >= m.start for t in heads):
                return len(before) - 1
        # "rocked Aleppo just a day after twin blasts in the capital killed almost 30 people": the
        # earlier incident, recalled, is a unit of its own from the cue on (see realis.recalled); it
        # may be told by a death alone ("marched to demand justice for a student killed in custody")
        for m in self.lexicons.earlier_incident.finditer(sentence.text):
            # after an act, or after a clause of the news that tells none ("Security was tight in Kano
            # on Monday, | a week after | a bomb killed 20 people")
            news = any(t.end <= m.start for t in heads) or (
                not any(t.end <= m.start for t in sentence.triggers) and _NEWS_CLAUSE.search(sentence.text, 0, m.start) is not None
            )
            if news and any(m.end <= t.start <= m.end + _RECALLED_ACT_REACH for t in sentence.triggers):
                return m.end
        # "A drone strike killed 11 militants near the border while a car bomb exploded in Quetta"
        text = sentence.text
        # "The group frequently targets hotels in Mogadishu; in 2019, it killed 26 people in Kismayo": a
        # habit told before a semicolon, an act after it
        for m in _SEMICOLON.finditer(text):
            if self.lexicons.generic.search(text[: m.start()]) is not None and any(t.start >= m.end() for t in heads):
                return m.start()
        for w in _WHILE_ANOTHER.finditer(text) if len(heads) > 1 else ():
            if any(t.end <= w.start() for t in heads) and any(
                w.end() <= t.start < w.end() + 30 and _ACT_VERB_AFTER.match(text, t.end) for t in heads
            ):
                return w.start()
        # "Bandits killed 17 villagers in Zamfara, | while gunmen abducted 25 worshippers in Kaduna": other
        # doers and their own act
        for w in _WHILE_OTHER_DOERS.finditer(text):
            if any(t.end <= w.start() for t in sentence.triggers) and any(t.start >= w.start() for t in heads):
                return w.start()
        return None

    def _segment(self, units: Sequence[Unit], context: "DocumentContext") -> list[Group]:
        groups: list[Group] = []
        current: Group | None = None
        loose: list[tuple[Unit, bool]] = []  # the units since the last incident that joined none, generic or not
        armed = [_names_armed_actor(u) for u in units]
        disaster = _disaster_story(units, armed)
        for i, unit in enumerate(units):
            armed_before = i > 0 and armed[i - 1]  # the clause before named an armed actor
            head = _head_trigger(unit)
            generic = head is not None and self._is_generic(unit, head, context)
            if head is None or generic or not self._signals_incident(unit, head, armed_before=armed_before, disaster=disaster):
                # (a habit told of the group blamed does not hide the blame: "Police blamed al-Shabaab, which
                # has repeatedly attacked the city"; the doers, named without an act, tell more of the
                # incident: "armed men stopped them")
                if current is not None and may_attach(current, unit) and (
                    _blames(unit) if generic
                    else _tells_more(unit, self.lexicons) or any(_is_doer(t) for t in unit.triggers)
                ):
                    current.units.append(unit)
                    current.last_sentence = unit.sentence.index
                    loose = []
                else:
                    # a statement about a person's habits ("The facilitator operates a cell in X")
                    # sets no scene, and does not count against the lead-in's reach
                    habitual = generic or self.lexicons.generic.search(unit.text) is not None
                    loose = _keep_lead_in(loose + [(unit, habitual)])
                continue
            # words that point back at an incident already told do not describe this one
            # nor do words for what someone did before ("suspected of supporting the Kabul bombing")
            # (but with none told yet and the doers named first, the act they did: "Gunmen freed 12 of the
            # 30 schoolchildren they seized last week")
            first_told = current is None and _is_doer(head)
            families = {
                t.family for t in unit.triggers
                if t is head or not ((not first_told and _refers_back(unit, t)) or _ascribed(unit, t))
            }
            families = _acts_told(unit, families)
            if head.family not in families:  # "Masked men | set fire to", "killed 25 fighters and rescued 12 | hostages"
                rest = [t for t in unit.triggers if t.family in families]
                head = next((t for t in rest if t.strong), rest[0] if rest else head)
            arrests_only = head.family == "arrest" and not any(t.strong for t in unit.triggers)
            when = context.unit_date(unit, head.start)
            # a clause that opens the sentence with no act of its own sets the scene of the act after it
            # ("In Huaraz, the capital of | Ancash department, the terrorists set fire to the offices")
            lead_in = [u for u in units[max(0, i - 2) : i] if u.sentence is unit.sentence and not u.triggers]
            place = self._unit_place(unit, head, context, lead_in=lead_in)
            text = unit.text
            # the act an arrest was made for is recalled ("arrested two men over | the 2015 bombing"),
            # unless it is one told ("A bomb killed 12 ... Police arrested two men over | the bombing"):
            # "the killing" with no killing told before is another ("arrested four suspects over | the
            # killing of a police officer last week")
            grounds = after_arrest_grounds(unit, self.lexicons)
            # "the murder of the Jesuit priests" with no day, toll or doer: known to the reader, recalled
            in_passing = when is None and not head.strong and not _tells_toll(unit)
            if in_passing:
                killing = _killing_of_people(unit)
                in_passing = killing is not None and killing.start == head.start and _fitting(groups, head) is None
            # the undated act someone is accused or convicted of is an earlier one ("the kidnappers, some of
            # whom have been under arrest since 1986, were accused of kidnapping several businessmen"),
            # unless it points back at one told
            accused = (
                when is None and not _refers_back(unit, head)
                and _ACCUSED_OF.search(unit.sentence.text, max(0, head.start - 60), head.start) is not None
            )
            earlier = (
                (grounds or recalled(unit, self.lexicons))
                and not (grounds and _refers_back(unit, head) and _fitting(groups, head) is not None)
            ) or _long_before(current, unit, head, when) or in_passing or accused
            # the date the sentence gives before a cue of an earlier act is the news's ("Security was
            # tight in Kano on Monday, a week after | a bomb killed 20"): what the cue counts back from
            before = units[i - 1] if i > 0 and units[i - 1].sentence is unit.sentence else None
            # an act recalled at the sentence's opening counts back from the news after it, not before
            fronted = earlier and before is not None and self._fronted_recall(unit.sentence) == (unit.lo, unit.hi)
            news_when = context.unit_date(before, before.hi) if earlier and before is not None and not fronted else None
            # the news after an act recalled at the sentence's opening ("A month after the bombing of a
            # market that killed 20, | a suicide bomber struck a mosque in the city on Friday")
            after_recall = (
                i > 0 and unit.lo > 0 and units[i - 1].sentence is unit.sentence and units[i - 1].hi == unit.lo
                and unit.sentence.text.startswith(",", unit.lo) and recalled(units[i - 1], self.lexicons)
                and bool(groups) and groups[-1].head_unit is units[i - 1]
            )
            told_before = all(_refers_back(unit, t) for t in unit.triggers)  # the clause speaks only of one told
            explicit_new = (
                # a cue of another incident, unless the clause speaks only of one told ("Hours later,
                # the Extraditables claimed responsibility for the kidnapping"; but "Hours after the
                # bombing, ... a second explosion had hit a mosque" tells another)
                self.lexicons.new_incident.search(text) is not None
                and not (told_before or any(c.claimed for c in unit.claims))
            ) or (
                unit.lo > 0 and (  # a clause cut off by _cue_cut
                    _WHILE_ANOTHER.match(unit.sentence.text, unit.lo) is not None
                    or _WHILE_OTHER_DOERS.match(unit.sentence.text, unit.lo) is not None
                )
            ) or (
                _opens_on_another_place(unit, head, place, current) and not told_before
            ) or earlier or after_recall or _strikes_after(current, unit, head) or (
                # a rule line ("---") between two stories pasted in one text
                current is not None and _RULE_LINE.search(
                    context.article.text, context.sentences[current.last_sentence].end, unit.sentence.start
                ) is not None
            )
            # a claim speaks of an incident already told ("ISWAP said its fighters had planted the
            # explosives"), unless its own place or date says otherwise
            refers_back = (
                _refers_back(unit, head) or any(c.claimed for c in unit.claims)
                # the doer's own account of the act just told ("The Israeli military said it had targeted
                # a militant cell"): a claim in all but name
                or (when is None and current is not None and _SAID_IT_HAD.search(unit.sentence.text, 0, head.end) is not None)
                or _DURING_THE_SAME.search(unit.sentence.text, head.end) is not None
                # the attackers of the act told, taken ("Three of the attackers were killed, and one was
                # captured alive"): the act's own toll, not an arrest of its own
                or (arrests_only and current is not None and not current.arrests_only
                    and _THE_ATTACKERS.search(unit.sentence.text) is not None)
                # "The security force also detained two suspected insurgents and seized grenades"
                or (when is None and place is None and (
                    _ALSO.search(unit.sentence.text, 0, head.start) is not None
                    or any(getattr(c, "additional", False) for c in unit.counts)  # "detained three additional suspects"
                ))
            )
            threat = self.lexicons.status["threatened"].search(text) is not None
            # a threat opens an incident of its own, unless the clause points back at one told
            # ("The attack is being blamed on the Taliban, who have vowed to disrupt the elections")
            opens = current is None or (threat and not current.threat and not refers_back) or opens_new_incident(
                current, unit=unit, explicit_new=explicit_new, refers_back=refers_back, head_strong=head.strong,
                date=when, place=place, arrests_only=arrests_only,
            )
            if opens and refers_back and not (explicit_new or threat) and current is not None:
                # a dated back-reference to an incident told before the one told last ("Gunmen killed nine
                # ... on Monday. On May 2, bandits killed 14. | No group has claimed Monday's attack")
                told = _told_on_its_day(groups, head, when, place)
                if told is not None and told is not current:
                    _go_on_with(told, unit, families)
                    current, loose = told, []
                    continue
            if not opens and not (refers_back or earlier or threat) and _another_toll(current, unit, head):
                opens = True  # "A car bombing at a market killed 9 ... | After nightfall a suicide car bomber killed 11"
            if opens and not (explicit_new or threat) and _lede_of_headline(current, unit, head, place, context.article.text):
                opens = False  # "Hostage freed in Mali after two years in captivity | A French journalist kidnapped in
                # northern Mali in April 2021 was released": the lede dates the act its headline names
            if opens and not (earlier or threat) and _part_of_wave(current, unit, when, place):
                opens, refers_back = False, False  # a part of the wave the current incident sums up
            elif opens and not (earlier or threat) and groups and _ORDINAL_OF_ITS_KIND.match(unit.text) is not None:
                # the act told before, counted among others of its kind ("It was the third grenade attack
                # in the capital this month", "This is the deadliest attack of the Paraguayan People's Army")
                opens, refers_back = False, True
            elif opens and not (earlier or threat) and current is not None and self.lexicons.new_incident.search(text) is None:
                # a round-up's detail, returning to an incident told before by its place ("Bandits killed 17
                # in Zamfara, while gunmen abducted 25 in Kaduna. | In Zamfara, the attackers opened fire")
                told = _told_at_the_place(groups, unit, place, when)
                if told is not None and told is not current:
                    _go_on_with(told, unit, families)
                    current, loose = told, []  # the story goes on with it ("Several houses were set ablaze")
                    continue
            if opens:
                opened = Group(
                    units=[unit], head=head, head_unit=unit, families=families, arrests_only=arrests_only,
                    date=when, implied_date=context.news_window() if when is None else None,
                    place=place, last_sentence=unit.sentence.index, threat=threat, recalled=earlier,
                )
                if earlier:
                    news = None if fronted else current
                    opened.counted_back, opened.scene = _recalled_from(unit, news, when, place, news_when)
                elif place is None and current is not None and _SAME_PLACE.search(text) is not None:
                    # "Three months later, a roadside bomb struck a police van in the same area"
                    opened.scene = current.place
                if after_recall:  # the recalled act counts back from this news, which may be where it happened
                    recall = groups[-1]
                    recall.counted_back, _ = _recalled_from(recall.head_unit, opened, recall.date, recall.place, None)
                    if place is None and SAME_SCENE.search(text):
                        opened.scene = recall.place
                if grounds and before is not None:
                    opened.suspects = _arrested(before)
                opened.in_passing, opened.accused = in_passing, accused
                if loose and (when is None or place is None) and not earlier:
                    # (the clause before a recalled act is the news it is recalled from: "Security was
                    # tight in Kano on Monday, a week after | a bomb killed 20 people")
                    self._take_lead_in(opened, loose, unit, context)
                groups.append(opened)
                # the text goes on with its news after an incident it recalls in passing
                current = current if earlier and current is not None else opened
                loose = []
                continue
            loose = []
            target = _antecedent(groups, head) if refers_back else current
            if target is current and head.trigger_id == "count":
                target = _rising_toll_of(groups, unit, current) or target
            if target is current and _part_of_wave(current, unit, when, place):
                target.sums_up = True
            target.units.append(unit)
            target.families |= families
            target.last_sentence = max(target.last_sentence, unit.sentence.index)
            if target.date is None:
                target.date = when
            if target.place is None:
                target.place = place
        return groups

    def _take_lead_in(
        self, group: Group, loose: Sequence[tuple[Unit, bool]], head_unit: Unit, context: "DocumentContext"
    ) -> None:
        """A sentence that sets the scene shortly before an incident is told ("Afghan and coalition
        forces conducted an operation in Tsamkani district, Paktiya province, yesterday. During
        the operation the force engaged insurgents with an air strike.") gives the incident the
        date and place its own clause lacks. ``loose`` holds the units since the last incident
        that joined none (each with whether it is a generic statement); the nearest one that
        tells a date or a place is the scene, if nothing but such units stands between it and
        the incident, in one paragraph. A generic statement ("The leader conducts attacks against
        officials") is passed over, never taken as the scene."""
        expected = head_unit.order - 1
        for lead, generic in reversed(loose):
            if lead.order != expected or lead.sentence.start > head_unit.sentence.start:
                return
            expected -= 1
            between = context.article.text[lead.sentence.end : head_unit.sentence.start]
            if ("\n\n" in between and not _points_back_to_scene(head_unit.sentence.text)) or lead.claims:
                return  # another paragraph (unless "During the operation" points back), or a claim
            if generic:
                continue  # "The network's senior leader manages insurgent operations in Khost"
            when = context.unit_date(lead, len(lead.sentence.text))
            place = self._unit_place(lead, TriggerMatch(0, 0, "", "", "", False), context)
            if when is None and place is None:
                continue
            group.units.insert(0, lead)
            if group.date is None and when is not None:
                group.date, group.implied_date = when, None
            if group.place is None:
                group.place = place
            return

    def _is_generic(self, unit: Unit, head: TriggerMatch, context: "DocumentContext") -> bool:
        """A habitual or aggregate statement ("has repeatedly attacked markets", "has killed
        more than 40,000 people since 2009") rather than one incident."""
        text = unit.text
        # a habit told in a clause of its own says nothing of this act ("a pipeline was bombed ...,
        # although the ELN often attacks oil infrastructure in the area", "..., who have done
        # similar attacks in the past")
        head_start, head_end = head.start - unit.lo, head.end - unit.lo
        habitual = any(
            # the words between the cue and the act (not inside the cue: "The leader, who is an
            # explosives expert, planned and conducted roadside bombings")
            _CONCESSIVE.search(text, *((m.end, head_start) if m.end <= head_start else (head_end, m.start))) is None
            for m in self.lexicons.generic.finditer(text)
        )
        if habitual and head.strong and any(
            c.category in _VIOLENT_COUNT and (c.count.best or 0) > 0 and not c.aggregate for c in unit.counts
        ):
            return False  # "five wounded in a car bomb attack on a restaurant regularly frequented by journalists"
        if not habitual:
            # a toll over a period, not a comparison with one ("one of the deadliest in recent years")
            if not any(_COMPARISON_BEFORE.search(text, 0, m.start) is None for m in self.lexicons.aggregate.finditer(text)):
                return False
            if head.strong and not _PRESENT_PERFECT.search(text):
                return False  # "airstrikes on Ghouta kill more civilians, raising the toll since ..."
            if unit.counts and all(c.aggregate for c in unit.counts):
                return True  # a campaign's toll, whatever day it began ("which broke out in April 2023")
        found = context.dated_by(unit, head.start)
        if found is None:
            return True
        when, mention = found
        # a habit kept up since a day is told of no act on that day ("has increasingly relied on air
        # strikes since the rebels launched an offensive in late 2023")
        if habitual and _SINCE.search(unit.sentence.text, head.end, mention.start):
            return True
        return when.precision in ("year", "decade")

    def _signals_incident(
        self, unit: Unit, head: TriggerMatch, *, armed_before: bool = False, disaster: bool = False
    ) -> bool:
        """A strong trigger, or a weak one in a violent context or called deadly, or a casualty count (the
        doers alone, "the kidnappers", only with a count or a weapon). With
        ``armed_before`` (the clause before named an armed actor), a weak act done to a person
        ("They later tied the man to a tree and shot him") is one too. In a ``disaster`` story (see
        :func:`_disaster_story`, which names no weapon and no armed actor) a clause that tells only of
        deaths, hurts or bodies found is the disaster's."""
        counts = unit.counts
        if disaster and all(t.family == "killing" for t in unit.triggers):
            return False  # "the bodies of two more victims were found in the village" after a quake
        if all(_is_doer(t) for t in unit.triggers) and not (
            _names_weapon(unit) or any((c.count.best or 0) > 0 and not c.aggregate for c in counts)
        ):
            return False  # "demand punishment for the assassins of priests", "the release of alleged kidnappers"
        if any(t.strong for t in unit.triggers):
            return True
        if any(
            c.category in _VIOLENT_COUNT and ((c.count.best or 0) > 0 or (c.anaphoric and (c.count.min or 0) > 0))
            and not c.aggregate for c in counts
        ) and not _natural_death(unit):
            return True  # "killing 3", and "killed the insurgents" (the "multiple insurgents" told before)
        families = {t.family for t in unit.triggers}
        if "arrest" in families:
            return any(c.category == "arrested" for c in counts) or bool(unit.actors) or "suspect" in unit.text.lower()
        armed_actor = _names_armed_actor(unit)
        if families <= {"killing"}:  # "wounded soldiers were brought to hospital": a consequence, not an act
            from sitrep.actors.attribution import role

            text = unit.sentence.text
            # or a person named as the one killed ("the murder of Antioquia Governor Antonio Roldan
            # Betancur shocked the country")
            return any(
                role(text, a.start, a.end, actor_type=a.actor_type) == "perpetrator" for a in unit.actors
            ) or (
                any(_KILLING_OF.match(text, t.start) for t in unit.triggers) and bool(victims_named(unit, self.lexicons))
            ) or _killing_of_people(unit) is not None
        if _names_weapon(unit) or armed_actor or any(t.type in _ATTACKED_IN_EARNEST for t in unit.targets):
            return True
        text = unit.sentence.text
        if any(t.family != "killing" and _DEADLY_BEFORE.search(text, max(0, t.start - 30), t.start) for t in unit.triggers):
            return True  # "Northern Burkina Faso hit by two new deadly attacks"
        return armed_before and any(_PERSON_AFTER_ACT.match(text, t.end) for t in unit.triggers)

    def _unit_place(
        self, unit: Unit, head: TriggerMatch, context: "DocumentContext", *, lead_in: Sequence[Unit] = ()
    ) -> Location | None:
        from sitrep.extract.places import choose_location

        choice = choose_location(
            [*lead_in, unit], trigger_unit=unit, trigger_pos=head.start, resolver=context.places,
            context_countries=context.countries, not_places=context.not_places, min_score=0.0,
            fallback_countries=context.named_countries,
        )
        if choice is not None:
            return choice.location
        forced = context.places.force_country(unit)
        return forced[0] if forced else None


@dataclass(frozen=True, slots=True)
class _EntityDate:
    """A spaCy DATE entity the regex finder missed, shaped like a DateMention."""

    start: int
    end: int
    text: str


#: Two capitalised words and nothing more: as often a person's name as an organisation's.
_TWO_NAMES = re.compile(r"[A-Z][a-z]+\s+[A-Z][a-z]+")
#: A name ending in a word no person's name ends in, only a building's: "Manchester Arena".
_BUILDING_NAME = re.compile(
    r"\s(?:Arena|Stadium|Airport|Mosque|Synagogue|Cathedral|Supermarket|Nightclub|Embassy|Consulate)$"
)
#: The label of a page's stamp before a date: "Updated ", "Last modified on ", "Posted: ".
_STAMP_BEFORE = re.compile(rf"(?i:\b(?:{STAMP_LABELS}))(?:\s+(?i:on|at))?\s*[:\-–|]?\s*\Z")
#: A reference number the NER may take for a date ("2010-11-S-260", "FY-2012").
_CODE = re.compile(r"\d[-/][A-Z]|[A-Z][-/]\d")  # in or beside a date entity: a code ("2010-11-S-260")
_PARAGRAPH = re.compile(r"[\n\u2028\u2029][^\S\n\u2028\u2029]*[\n\u2028\u2029]\s*|\u2029")
_LINE = re.compile(r"[\n\u2028]")  # a line break, or Unicode's LINE SEPARATOR (common in press releases)
#: A line holding only a web address, as scraped pages often open ("https://www.x.com/2013/04/12/...",
#: or tokenised, "http: / / www. x. com / ...").
ADDRESS_LINE = re.compile(r"^[^\S\n]*(?:https?[^\S\n]*:[^\S\n]*/[^\S\n]*/|www[^\S\n]*\.)[^\n]*$", re.MULTILINE | re.IGNORECASE)
_LINE_END = re.compile(r"[.!?:;\"\u201d)\]]\s*$")


def _as_written(report: Report, text: str) -> Report:
    """``report`` with its evidence quoting ``text`` as written: a sentence wrapped over lines is
    read as one line (see :meth:`Extractor._sentences`), at the same offsets."""
    changed = {
        name: replace(
            e, sentence=text[e.start : e.end],
            phrase=text[e.phrase_start : e.phrase_end] if e.phrase_start is not None and e.phrase_end is not None else e.phrase,
        )
        for name, e in report.evidence.items()
        if e.sentence and e.sentence != text[e.start : e.end]
    }
    return replace(report, evidence={**report.evidence, **changed}) if changed else report


#: How long before the incident told a back-reference dated then tells another one ("In 2020, fighters
#: killed 110 farmers in the same area"): a day or a week off is more likely a date read wrongly ("the
#: explosion occurred on Thursday [as received]") than another act.
_EARLIER_DAYS = 31


#: A killing named by its noun and its victim: "the murder of", "the killing of".
_KILLING_OF = re.compile(r"(?:murders?|killings?|slayings?)\s+of\b", re.I)


#: The people a killing is of, told as a known group: "the murder of the (six) Jesuit priests".
_OF_THE_PEOPLE = re.compile(r"\s+the\s+(?:[\w'-]+\s+){0,2}\Z", re.I)


#: A comparison right before a period ("one of the deadliest attacks | in recent years", "the first
#: time | since 2009"), in the same clause.
_COMPARISON_BEFORE = re.compile(
    r"\b(?:deadliest|bloodiest|worst|biggest|largest|highest|heaviest|greatest|lowest|most|first)\b[^,.;:]{0,40}$", re.I
)


#: A country's capital named by description ("in the Somali capital", "Somalia's capital", "the
#: capital of Mali", "in the capital"); the gazetteer finds the city, for "the capital" alone in the
#: article's country. Not "the provincial capital", another division's; nor a capital named
#: right after, which the name places.
_CAPITAL_MENTION = re.compile(
    r"(?<!\bto\s)(?<!\bfrom\s)(?<!\btowards\s)"  # a journey's end or start ("flew from Monterrey to the capital")
    r"\b(?:the\s+(?:[A-Z][a-z]+\s+|(?:country|nation)['’]s\s+)?capital(?:\s+city)?"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3})?"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?['’]s\s+capital(?:\s+city)?)\b"
    r"(?!,?\s+[A-Z]|\s+of\b)"  # "the Somali capital(,) Mogadishu": the name says it; "the capital of the province"
)


def _capital_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "PHR") for each capital of :data:`_CAPITAL_MENTION` in ``text``; a text without
    the word (most) is not searched, the pattern being tried at every place of it."""
    if "capital" not in text:  # every match holds it, in lower case
        return []
    return [(m.start(), m.end(), "PHR") for m in _CAPITAL_MENTION.finditer(text)]


def _killing_of_people(unit: Unit) -> TriggerMatch | None:
    """The killing a clause names by the people it was of, a target of the lexicon ("the murder of
    the Jesuit priests shocked the country"): an incident recalled in passing, which the reader is
    taken to know. None when the clause names no such killing."""
    text = unit.sentence.text
    for t in unit.triggers:
        m = _KILLING_OF.match(text, t.start)
        if m is None:
            continue
        for target in unit.targets:
            if target.start >= m.end() and _OF_THE_PEOPLE.match(text, m.end(), target.start) and _people_word(target.text):
                return t
    return None


def _people_word(text: str) -> bool:
    """Whether the last word of ``text`` names people ("priests", "students"), not a thing."""
    from sitrep.extract.counts import default_lexicon

    words = text.lower().split()
    return bool(words) and words[-1] in default_lexicon().people


#: A toll summed up over several acts: "a string of car bombings", "a series of attacks across
#: northern Iraq", "Attacks across central and northern Iraq", "Violence across north and west
#: Baghdad", "A second day of attacks", "struck several Iraqi cities".
_WAVE = re.compile(
    r"\b(?:string|series|spate|wave|rash|flurry|day)\s+of\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks|bombings|blasts|explosions|raids|shootings|killings|violence)\b"
    r"|\b(?:attacks|bombings|blasts|explosions|raids|shootings|violence)\s+(?:[\w-]+\s+){0,2}?(?:across|throughout)\b"
    r"|\b(?:several|multiple|two|three|four|five|six)\s+(?:[\w-]+\s+)?(?:cities|towns|provinces|districts|villages)\b",
    re.IGNORECASE,
)
#: How many sentences after a wave's summary its parts may be told.
WAVE_REACH = 4
_WAVE_TOLLS = ("killed", "injured")


def _part_of_wave(group: Group | None, unit: Unit, when: DateSpan | None, place: Location | None) -> bool:
    """Whether ``unit``, which would open an incident, tells a part of a wave of attacks whose
    toll the current incident sums up ("A string of car bombings ... struck several Iraqi cities,
    killing at least 33 ... The deadliest attacks occurred in Baghdad, where three blasts left 23
    dead. | Other bombings in Kirkuk, Ramadi and Fallujah killed 10"). Told as an incident of its
    own, the part would count its dead twice: once in the summary, once alone. It is a part when
    the summary states a toll of each category the part counts, the parts told so far with this
    one fit inside it, and its day and country are the summary's."""
    if group is None or group.recalled or group.threat:
        return False
    # the summary is the head's clause, or the lede that sums up what a headline only names
    # ("Iraq violence kills 14 as bombings hit Baghdad | A string of bombings across Baghdad killed 14")
    summary = next((u for u in (group.head_unit, *group.units) if _WAVE.search(u.text) and _tolls(u)), None)
    if summary is None or unit.sentence.index - summary.sentence.index > WAVE_REACH:
        return False
    totals, own = _tolls(summary), _tolls(unit)
    if not own or not set(own) <= set(totals):
        return False
    for category, total in totals.items():
        told = sum(_tolls(u).get(category, 0) for u in group.units if u is not summary and u is not group.head_unit)
        if told + own.get(category, 0) > total:
            return False
    if _ADDS_TO.match(unit.sentence.text) is not None or not dates_compatible(group.date, when):
        return False  # "Additionally, a US soldier was killed ..." adds to the toll summed up
    if place is None and group.place is not None and _ACROSS.search(summary.text) is not None:
        # a wave "across Baghdad" holds the parts told in quarters the gazetteer does not know
        return group.place.name.lower() in summary.text.lower()
    return _inside(place, group.place)


#: A wave spread over the place it names: "bombings across Baghdad".
_ACROSS = re.compile(r"\b(?:across|throughout|around)\s+(?:the\s+)?[A-Z]")


#: The scene of the incident told before, named again: "in the same area", "in the same town".
_SAME_PLACE = re.compile(
    r"\bin\s+the\s+same\s+(?:city|town|village|area|district|province|region|neighbou?rhood|locality|place|spot)\b",
    re.IGNORECASE,
)
#: A sentence that tells more than the toll before it sums up.
_ADDS_TO = re.compile(r"\s*(?:additionally|in\s+addition|besides|separately)\b", re.IGNORECASE)


def _inside(part: Location | None, whole: Location | None) -> bool:
    """Whether a part's place may lie inside the place of the wave that sums it up: a wave over a
    country or a province holds the towns in it (and the parts told with no place); one near a
    building in Baghdad holds only Baghdad, not "other incidents across the country"."""
    if whole is None:
        return True
    if whole.precision in ("country", "region"):
        return part is None or part.country_code == whole.country_code
    if whole.precision == "province":
        return part is None or (part.country_code == whole.country_code and part.admin1 == whole.admin1)
    return part is not None and part.precision not in ("country", "region", "province") and part.name == whole.name


def _toll_figures(unit: Unit) -> Iterator[tuple[str, int]]:
    """(category, lower bound) of each count of people killed or injured in a clause (a toll of
    many incidents or of the attackers aside)."""
    for mention in unit.counts:
        if mention.category in _WAVE_TOLLS and mention.count.min is not None and not mention.aggregate and (
            mention.side != "perpetrators"
        ):
            yield mention.category, mention.count.min


def _tolls(unit: Unit) -> dict[str, int]:
    """The people a clause counts killed and injured, each category summed."""
    tolls: dict[str, int] = {}
    for category, figure in _toll_figures(unit):
        tolls[category] = tolls.get(category, 0) + figure
    return tolls


def _another_toll(group: Group | None, unit: Unit, head: TriggerMatch) -> bool:
    """Whether ``unit`` tells an act of its own with a toll of its own that cannot be the toll the
    current incident was told with: "A car bombing at a food market killed 9 people and left 15
    wounded. | After nightfall a suicide car bomber killed 11 and injured 22 near a checkpoint".
    Told by a strong act that does not point back at the incident ("the blast"), with a figure of a
    category the incident already counts, different in every such category and larger in one. A
    toll that restates the incident's ("killing 9"), runs on from it ("the toll rose to 12"), adds to
    it ("another 25 were wounded") or may be a part of it (smaller) is the incident's; so is an act
    told in the pluperfect, done before the story's."""
    if group is None or group.recalled or group.threat or group.arrests_only:
        return False
    if not head.strong or head.family == "killing":
        return False
    if _PLUPERFECT.search(unit.sentence.text, max(0, head.start - 60), head.start) is not None:
        return False  # "The two dead youths had been gunned down by ultras earlier": an act before it
    own, told = _largest_tolls([unit]), _largest_tolls(group.units)
    if not own or any(m.cumulative or m.additional or m.anaphoric for m in unit.counts if m.category in own):
        return False
    shared = [c for c in own if told.get(c)]
    # a smaller toll may be a part of the incident's ("killed twenty-two people ... | four militants
    # stormed the compounds, killing thirteen"): only one it cannot hold is another act's
    return bool(shared) and all(own[c] != told[c] for c in shared) and any(own[c] > told[c] for c in shared)


def _largest_tolls(units: Sequence[Unit]) -> dict[str, int]:
    """The largest figure of each category of :func:`_toll_figures` in ``units``: what a clause or
    an incident counts at most ("Among the 15 executed were five ... shot dead": 15)."""
    largest: dict[str, int] = {}
    for unit in units:
        for category, figure in _toll_figures(unit):
            largest[category] = max(largest.get(category, 0), figure)
    return largest


#: The pluperfect right before an act, told as done before the story's: "had been | gunned down",
#: "had already | attacked" (searched up to the act).
_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:been|already|previously|just|also)\s+)*$", re.I)


def _tells_toll(unit: Unit) -> bool:
    """Whether a clause gives a casualty count of its own ("the murder of two priests")."""
    return any(c.category in _VIOLENT_COUNT and (c.count.best or 0) > 0 for c in unit.counts)


def _is_doer(trigger: TriggerMatch) -> bool:
    """Whether a trigger names the doers of an act, not the act: "the assassins", "armed men"."""
    return trigger.trigger_id == "armed_men" or _AGENT_NOUN.fullmatch(trigger.text) is not None


def _lede_of_headline(current: Group | None, unit: Unit, head: TriggerMatch, place: Location | None, text: str) -> bool:
    """Whether ``unit`` is the lede of the headline that alone opened ``current``: a headline (the
    first line, unpunctuated, a line of its own) that dates nothing, and the first sentences after
    it telling the same kind of act at a place that fits. The lede gives the day the headline did
    not, however long ago it was."""
    if current is None or len(current.units) != 1 or current.date is not None or unit.sentence.index > 2:
        return False
    title = current.head_unit.sentence
    if title.index != 0 or title.text.rstrip()[-1:] in ".!?" or not text[title.start + len(title.text) :].startswith("\n"):
        return False
    return head.family == current.head.family and places_compatible(current.place, place)


def _rising_toll_of(groups: Sequence[Group], unit: Unit, current: Group | None) -> Group | None:
    """The incident a running toll with no act of its own updates, where the story last told of
    an act long before another it told ("a bombing at a Kabul school in May that killed 80. |
    Two days later, the toll had risen to 55"): a toll still rising is the news's, so the latest
    incident dated well after the current one; None where there is none."""
    if current is None or current.date is None or not unit.counts or not all(
        c.cumulative and not c.aggregate for c in unit.counts
    ):
        return None
    later = [
        g for g in groups
        if g is not current and not g.recalled and g.date is not None
        and g.date.start > current.date.end + timedelta(days=_EARLIER_DAYS)
    ]
    return later[-1] if later else None


def _long_before(current: Group | None, unit: Unit, head: TriggerMatch, when: DateSpan | None) -> bool:
    """Whether a clause that seems to point back at the incident told ("the attacks", "the same area"),
    or that tells a claim, is dated long before it: it recalls an earlier one."""
    if current is None or current.date is None or when is None:
        return False
    # (or a claim, which would otherwise be read as the incident's: "Islamic State claimed responsibility
    # for a similar attack at the shrine in July 2023")
    if not (_refers_back(unit, head) or any(c.claimed for c in unit.claims)):
        return False
    return when.end < current.date.start - timedelta(days=_EARLIER_DAYS)


#: A clause of three words or more ending in a comma: the news a cue of an earlier act follows.
_NEWS_CLAUSE = re.compile(r"\A\s*\S+(?:\s+\S+){2,},\s*(?:(?:just|only|barely|some|nearly|almost)\s+)?\Z")


#: A cue that counts back from the news to an act it recalls: "two days after | a suicide attack".
_COUNTED_BACK = re.compile(
    r"(?:\b(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week|month)s?"
    r"|\bthe\s+(?P<day>day))\s+after\s*\Z",
    re.I,
)
#: Days either side of the day such a count puts the act at ("a week after": give or take two days).
_COUNTED_BACK_SLACK = {"day": 0, "week": 2, "month": 10}


def _recalled_from(
    unit: Unit, news: Group | None, when: DateSpan | None, place: Location | None, news_when: DateSpan | None
) -> tuple[DateSpan | None, Location | None]:
    """What an act recalled by ``unit`` takes from the news it is recalled from (the incident told,
    ``news``, or the date its sentence gives before the cue, ``news_when``) when it tells neither
    itself: the day the cue counts back to ("A car bomb killed 12 on Tuesday, two days after a
    suicide attack": Sunday), and the news's place where it points there ("a mosque in the city")."""
    counted: DateSpan | None = None
    m = _COUNTED_BACK.search(unit.sentence.text, 0, unit.lo)
    day = news_when if news_when is not None and not news_when.inferred else news.date if news is not None else None
    if when is None and m is not None and day is not None and not day.inferred and day.start == day.end:
        step = (m.group("unit") or "day").lower()
        counted = count_back(day.start, m.group("n") or "one", step, _COUNTED_BACK_SLACK[step], m.group(0).strip(),
                             "day" if step == "day" else "week")
    # (a country read from "in the country" does not stop "in the same district" pointing to the news's)
    vague = place is None or (news is not None and news.place is not None and only_its_country(place, news.place))
    scene = news.place if news is not None and vague and SAME_SCENE.search(unit.text) else None
    return counted, scene


#: The trigger that names the people who came armed ("gunmen", "masked men"), not what they did.
_ARMED_PEOPLE = "armed_men"


#: Acts that armed men make an armed assault: "Gunmen attacked security installations ... torching
#: buildings and killing six".
_DONE_WITH_ARMS = frozenset({"attack", "killing", "raid", "clash"})


#: A rescue just before the people it freed: "rescued 12 | hostages", "freed three kidnapped | children".
_RESCUED_BEFORE = re.compile(
    r"\b(?:rescued|rescuing|rescues|freed|freeing|frees|liberated|liberating|liberates)\s+(?:[\w'\u2019-]+\s+){0,3}\Z", re.I
)


#: Acts of fighting, which a rescue told with them is part of.
_FOUGHT = frozenset({"killing", "clash", "armed", "attack", "melee", "explosion", "grenade", "air", "shelling"})


def _acts_told(unit: Unit, families: set[str]) -> set[str]:
    """The trigger families of a clause without those of what it names but does not tell as done:
    its armed men, where it tells another act not theirs by arms ("Masked men set fire to two
    schools" is an arson; a shooting they did is its own trigger: "Gunmen opened fire"), and
    hostages freed in an act it tells ("troops killed 25 fighters and rescued 12 hostages" is no
    kidnapping)."""
    text = unit.sentence.text
    armed = [t for t in unit.triggers if t.family == "armed"]
    if armed and all(t.trigger_id == _ARMED_PEOPLE for t in armed) and len(families) > 1 and not families & _DONE_WITH_ARMS:
        families = families - {"armed"}
    taken = [t for t in unit.triggers if t.family == "kidnap"]
    if taken and families & _FOUGHT and all(_RESCUED_BEFORE.search(text, max(0, t.start - 60), t.start) for t in taken):
        families = families - {"kidnap"}  # (a raid that freed them stays the freeing of the kidnapped)
    return families


def _unwrapped(text: str) -> str:
    """``text`` with the line breaks of its hard-wrapped sentences made spaces (the same length, so
    the same offsets), so that spaCy reads wire copy's sentences and names whole ("IN HUARAZ, THE
    CAPITAL OF / ANCASH DEPARTMENT, THE TERRORISTS SET FIRE ..."): the breaks :func:`_pieces`
    joins over."""
    chars = list(text)
    for start, piece in _pieces(text, 0, len(text)):
        for m in _LINE.finditer(piece):
            chars[start + m.start()] = " "
    return "".join(chars)


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """The parts of text[start:end] that may stand alone, each with its offset, whitespace trimmed.

    Paragraph breaks always separate; a single line break separates only after a line that
    ends a sentence or after a short first line (a heading: a whole line, not the end of one a
    sentence before it shares), so hard-wrapped wire copy stays whole.
    """
    pos = start
    for paragraph in _PARAGRAPH.split(text[start:end]):
        offset = text.index(paragraph, pos) if paragraph else pos
        piece_start = offset
        lines = _LINE.split(paragraph)
        cursor = offset
        line_start = text.rfind("\n", 0, offset) + 1
        whole_first_line = not text[line_start:offset].strip()
        for i, line in enumerate(lines):
            cursor_end = cursor + len(line)
            last = i == len(lines) - 1
            if last or _LINE_END.search(line) or (i == 0 and whole_first_line and len(line.strip()) < 50):
                chunk = text[piece_start:cursor_end]
                stripped = chunk.strip()
                if stripped:
                    yield piece_start + chunk.index(stripped), stripped
                piece_start = cursor_end + 1
            cursor = cursor_end + 1
        pos = offset + len(paragraph)


#: Words right before a name that make it a place: "in Aguelhok", "near the village of X"; after a
#: bare "the" only a type of place after the name will do ("in the Tibú area").
_LOCATIVE_WORDS = r"(?:in|at|near|outside|on(?=\s+the\s+outskirts\b))\s+"
_PLACE_OF = (
    r"the\s+(?:town|village|city|district|area|vicinity|outskirts|(?P<division>department|province|state|region))\s+of\s+"
)
_LOCATIVE_BEFORE = re.compile(
    # "en", "em", "à": Spanish, French and Portuguese headlines ("Ejecutan en Juárez a 4")
    rf"(?:\b(?:{_LOCATIVE_WORDS}|en\s+|em\s+)|(?<!\w)à\s+)(?:{_PLACE_OF}|(?P<bare_the>the\s+))?\Z", re.I
)
#: A name after Spanish "en", Portuguese "em" or French "à": "en Juárez", "en la ciudad de Reynosa", "en Apatzingán,
#: Michoacán", "em São José de Ribamar", "no município de Caucaia", "à Makumo".
_LOCATIVE = re.compile(
    r"\b(?:en\s+(?:(?:la\s+ciudad|el\s+municipio|el\s+estado|el\s+poblado|la\s+comunidad|la\s+colonia)\s+de\s+)?"
    r"|em\s+|n[oa]\s+(?:cidade|munic[ií]pio|estado|bairro|comunidade|prov[ií]ncia|distrito|povoado|aldeia)\s+(?:de\s+)?"
    r"|à\s+|dans\s+(?:la\s+(?:ville|localité|commune|province|région|préfecture)\s+de\s+|le\s+village\s+de\s+))"
    r"(?P<name>[A-ZÁÉÍÓÚÑÂÊÔÃÕÇ][\w'’.-]*(?:\s+(?:de\s+|del\s+|do\s+|da\s+|dos\s+|das\s+)?[A-ZÁÉÍÓÚÑÂÊÔÃÕÇ][\w'’.-]*){0,2})"
)
#: What a town the NER missed may be read as.
_TOWN_PRECISIONS = frozenset({"town", "district"})
#: The type word that ends a division's name: "Bajaur Agency", "Konduga Local Government Area".
_DIVISION_END = re.compile(
    r"\s(?:Agency|District|Province|Governorate|County|Tehsil|Oblast|Prefecture|(?i:local government(?: area)?)|LGA)\Z"
)
#: A division named after its type, as an organisation's name would be: "the Department of Cesar".
_DIVISION_OF = re.compile(
    r"(?:the\s+)?(?:[Dd]epartment|[Pp]rovince|[Gg]overnorate|[Pp]refecture|[Rr]egion|[Ss]tate)\s+of\s+(?=" + CAPITAL + r")"
)
#: The rest of a division's type word after an entity cut short: "Konduga Local" + " government area".
_DIVISION_TAIL = re.compile(r"\s+(?i:government(?:\s+area)?)\b")
#: "in" and a capitalised name inside an entity's name: "Abu Sayyaf in Patikul".
_INNER_LOCATIVE = re.compile(r"\s(?:in|at|near)\s(?=[A-Z])")
#: A place of a town named by the town: "in a Parachinar market".
_LOCAL_FACILITY = r"(?:market|bazaar|mosque|church|hospital|school|hotel|restaurant|cafe|checkpoint|bus station)\b"
#: A capitalised name right after a locative word, inside a sentence ("killed in Mpeketoni", "in a
#: Parachinar market").
_UNTAGGED_NAME = re.compile(
    rf"(?<=[\w,)] ){_LOCATIVE_WORDS}(?:{_PLACE_OF}|an?\s+(?=\S+\s+{_LOCAL_FACILITY}))?"
    r"(?P<name>[A-Z][\w'’-]*[a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*[a-z][\w'’-]*){0,2})"
)
#: Before a facility's name: a word of place or motion ("at", "entering", "into").
_FACILITY_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|entering|entered|into|on|stormed)\s+(?:the\s+)?\Z", re.I)
_AREA_AFTER = re.compile(
    r"\s+(?:tribal\s+)?(?:area|district|region|town|village|municipality|province|sector|sub-?district|tehsil|county|governorate)\b",
    re.I,
)


#: The word right after a name, and the word right before it, one space away.
_NEXT_WORD = re.compile(r" ([^\W\d_]+)\b")
_LAST_WORD = re.compile(r"\b([^\W\d_]+) \Z")
#: Words of a natural feature's name, which is often its town's: "the Jerusalem Forest".
_NATURAL_FEATURE = re.compile(
    r"\b(?:forest|woods|park|mountains?|hills?|valley|river|lake|desert|plains?|beach|island|coast|gulf|bay)\b", re.I
)


def _overlaps_an_actor(start: int, end: int, actors: Sequence[Any]) -> bool:
    """Whether ``start``-``end`` shares a character with an actor's name."""
    return any(a.start < end and start < a.end for a in actors)


def _outside_names(targets: Sequence[Any], actors: Sequence[Any]) -> tuple[Any, ...]:
    """The target words that are not part of a named armed group's name: not "People" in "New
    People's Army", nor "Workers" in "Kurdistan Workers' Party" (a group named as a target is read by
    its name). A state force's name is a target's own words ("the Afghan National Army")."""
    named = [(a.start, a.end) for a in actors if a.actor is not None and a.actor_type != "state force"]
    return tuple(t for t in targets if not any(s <= t.start and t.end <= e for s, e in named))


def _surnames(ents: Sequence[Any]) -> frozenset[str]:
    """The last words of the full names (two words or more) the NER found as persons in a text:
    "Sarah Palin" makes "Palin" a person wherever the text names her alone."""
    names = set()
    for e in ents:
        if e.label_ == "PERSON" and _full_name(e.text) and not _headline_case(e.sent.text):
            names.add(_POSSESSIVE_END.sub("", e.text).split()[-1].lower())
    return frozenset(names)


_POSSESSIVE_END = re.compile(r"['’]s?\Z")
#: Before a ship's name, which is often a town's ("the Indian warship Mysore", "INS Tabar",
#: "the tanker Sirius Star"): the name is the vessel's, not where it was.
_VESSEL_BEFORE = re.compile(
    r"\b(?:(?:war|naval |navy )?ships?|vessels?|frigates?|destroyers?|corvettes?|warships?|tankers?|freighters?|"
    r"trawlers?|cruisers?|carriers?|submarines?|ferry|ferries|yachts?|dhows?|INS|HMS|USS|MV|M/V|HMAS|HMCS)\s+\Z"
)
#: A cartel named after a place or a family: "el cártel de los Valencia", "Cártel de Sinaloa", "the
#: Cartel of the Gulf". The name tells whose cartel, not where anything happened.
_CARTEL_BEFORE = re.compile(r"\bc[aá]rtel(?:es)?\s+(?:de(?:l|\s+los|\s+las|\s+la)?|of(?:\s+the)?)\s+\Z", re.IGNORECASE)
#: After a name, the word that makes it a street's: "Palestine Street", "Lahore Road".
_STREET_AFTER = re.compile(r"\s+(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Lane|Drive)(?!\w)")
#: A Spanish article before a name, which is part of the name: "El Cano", "La Mora".
_ARTICLE_BEFORE = re.compile(r"\b(?:El|La|Los|Las)\s+\Z")
#: Before a neighbourhood's name, which is often a town's elsewhere ("en la colonia La Mora en
#: Uruapan", "no bairro Jardim América").
_NEIGHBOURHOOD_BEFORE = re.compile(
    r"\b(?:[Cc]olonias?|[Cc]ol\.|[Ff]raccionamiento|[Ff]racc\.|[Bb]arrio|[Bb]airro)\s+(?:(?:La|El|Los|Las|Lo)\s+)?\Z"
)
_PERSON_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Rev|Sgt|Gen|Col|Capt|Lt)\.?\s+\Z")


def _names_a_person(
    text: str, place: EntityMention, entities: Sequence[EntityMention], surnames: frozenset[str], *, headline: bool
) -> bool:
    """Whether a place found by the NER or the gazetteer is a person's name: part of a full name
    ("Sarah Palin" is not Palín, Guatemala), after a title ("Mr McAllister"), or the surname of
    a person the text names in full. "in", "at", "near" or "outside" before it keeps it a place
    ("in Abu Ghraib"), and so does ``headline`` (``text`` is a headline) for a name inside a
    person's."""
    if place.label == "PHR" or _LOCATIVE_BEFORE.search(text, 0, place.start) is not None:
        return False
    if _PERSON_TITLE_BEFORE.search(text, 0, place.start) is not None:
        return True
    if _DONE_TO_A_PERSON.match(text, place.end) is not None and _SUBJECT_BEFORE.search(text, 0, place.start):
        return True  # "Escalante was shot outside his home": a town is not shot, stabbed or kidnapped
    if _POSSESSIVE_END.sub("", place.text).lower() in surnames:
        return True
    if headline:
        return False  # "Acapulco Massacre: 25 People Killed": the NER takes capitalised words for names
    return any(
        e.label == "PERSON" and e.start <= place.start and place.end <= e.end and (e.start, e.end) != (place.start, place.end)
        and _full_name(e.text)
        for e in entities
    )


#: What is done to a person and never to a town, told right after a name that opens its clause
#: ("Escalante was shot"; not "a volunteer from Berdiansk was killed", "the Fon of Bafut was abducted").
_SUBJECT_BEFORE = re.compile(r"(?:^|[.;:,\"“]\s*|\b(?:and|but|that|when|after|before|while)\s+)$", re.I)
_DONE_TO_A_PERSON = re.compile(
    r"\s+(?:was|were|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:shot|stabbed|murdered|assassinated|kidnapped|"
    r"abducted|beheaded|hanged|lynched|arrested|detained|wounded|injured|hurt|killed|slain|gunned\s+down)\b",
    re.I,
)


def _full_name(words: str) -> bool:
    """A person's name of two capitalised words or more, none of them an abbreviation ("Sarah
    Palin", "Monica de Greiff"; not "N. Rakhine", "Cd Juarez", nor "park Madagali", which the NER
    ran on from a common noun)."""
    names = [p for p in _POSSESSIVE_END.sub("", words).split() if p[:1].isupper()]
    return len(names) >= 2 and all(len(p) > 2 and not p.endswith(".") for p in names)


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _headline_case(text: str) -> bool:
    """Whether ``text`` is short, as a headline is, and most of its words of four letters or more
    are capitalised (a long sentence full of names is no headline)."""
    if len(text.split()) > _HEADLINE_WORDS:
        return False
    words = _LONG_WORD.findall(text)
    return bool(words) and sum(w[0].isupper() for w in words) * 5 > len(words) * 3


#: The most words a headline has.
_HEADLINE_WORDS = 16


#: A town in lower case after a people's word: "the Syrian town of manbij".
_LOWERCASE_TOWN = re.compile(
    r"\bthe\s+(?P<demonym>[A-Z][a-z]+)\s+(?:town|city|village)\s+of\s+(?P<name>(?P<first>[a-z][a-z'’-]+)(?:[ -][a-z][a-z'’-]+)?)\b"
)
#: The capitalised word right after a name: "Colon" of "Nuevo Colon".
_NEXT_NAME = re.compile(r" " + CAPITAL + r"[\w'\u2019-]*")
#: The rest of a name after a particle: " del Caguán", " de la Frontera", " della Luna".
_PARTICLE_NAME = re.compile(
    r"( (?:de|del|de la|de las|de los|du|de l'|della|di|da|do|dos|das)[ ]?" + CAPITAL + r"[\w'\u2019-]*)(?: " + CAPITAL + r"[\w'\u2019-]*)?"
)


def _merge_places(
    text: str, places: list[EntityMention], found: Sequence[tuple[int, int, str]]
) -> list[EntityMention]:
    """Add (start, end, label) place spans of ``text`` that overlap none of ``places``; a span
    that covers places already found and more replaces them ("DR Congo" for the NER's "Congo",
    which alone is the other Congo)."""
    out = list(places)
    for start, end, label in found:
        overlapping = [p for p in out if p.start < end and start < p.end]
        if overlapping and all(start <= p.start and p.end <= end for p in overlapping) and any(
            (p.start, p.end) != (start, end) for p in overlapping
        ):
            out = [p for p in out if p not in overlapping]
            overlapping = []
        if not overlapping:
            out.append(EntityMention(start, end, text[start:end], label))
    out.sort(key=lambda m: m.start)
    return out


def _is_acronym(mention: Any) -> bool:
    matched = mention.matched
    return " " not in matched and len(matched) <= 6 and mention.actor is not None and any(
        alias.isupper() and alias.upper() == matched.upper() for alias in mention.actor.aliases
    )


#: A sequel told after an act: "Russian warplanes | later | carried out strikes", "in response".
_SEQUEL = re.compile(r"\b(?:later|afterwards|subsequently|in response|in retaliation|retaliat(?:ed|ing|ory))\b", re.I)


def _strikes_after(current: Group | None, unit: Unit, head: TriggerMatch) -> bool:
    """Whether ``unit`` tells air strikes flown after the incident told ("A landmine killed two shepherds
    ... Russian warplanes later carried out 20 strikes on IS hideouts"): an incident of their own, with
    their own doers, not more of an incident on the ground."""
    return (
        current is not None and head.family == "air" and head.strong and "air" not in current.families
        and _SEQUEL.search(unit.text) is not None
    )


def _head_trigger(unit: Unit) -> TriggerMatch | None:
    """The trigger that names the unit's incident: a strong trigger that is not a reference back
    to an incident already told ("the ambush came five days after guerrillas kidnapped three
    workers" is about the kidnapping), else any strong trigger, else a weak one; with no trigger
    word at all, a casualty count stands in ("7 die in Chihuahua", "Nine bodies found")."""
    triggers = unit.triggers
    if not triggers:
        for c in unit.counts:
            if c.category in _VIOLENT_COUNT and (c.count.best or 0) > 0 and not c.aggregate:
                return TriggerMatch(c.start, c.end, unit.sentence.text[c.start : c.end], "count", "killing", False)
        return None
    strong = [t for t in triggers if t.strong]
    fresh = [t for t in strong if not _refers_back(unit, t)]
    # an act told of as what someone did before ("a Haqqani leader suspected of providing support
    # to the Kabul suicide bomb attack was killed in an airstrike") is not the clause's incident
    # when it tells another
    own = [t for t in (fresh or strong) if not _ascribed(unit, t)]
    return (own or fresh or strong or [t for t in triggers if t.family != "killing"] or list(triggers))[0]


def _ascribed(unit: Unit, trigger: TriggerMatch) -> bool:
    """Whether ``trigger`` names an act someone is described by (see :data:`_ASCRIBED_BEFORE`)."""
    return _ASCRIBED_BEFORE.search(unit.sentence.text, max(0, trigger.start - 60), trigger.start) is not None


#: The act just told, counted among others of its kind: "It was the third grenade attack in the
#: capital this month", "The bombing was the deadliest since 2017", "This is the second such attack".
_ORDINAL_OF_ITS_KIND = re.compile(
    r"\s*(?:it|this|that|the\s+(?:attack|bombing|blast|explosion|shooting|incident|killing|kidnapping|abduction|raid|ambush))"
    r"\s+(?:was|is|marks|marked|became|becomes)\s+(?:the|a)\s+(?:[\w-]+\s+)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|\d+(?:st|nd|rd|th)|deadliest|worst|biggest|largest)\b",
    re.IGNORECASE,
)
#: A doer's account of its act: "said it had targeted", "said its forces struck".
_SAID_IT_HAD = re.compile(
    r"\b(?:said|says|stated|confirmed)\s+(?:that\s+)?(?:it|they|its\s+[\w-]+|their\s+[\w-]+)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:targeted|struck|hit|attacked|bombed|shelled|carried\s+out|conducted)\b",
    re.IGNORECASE,
)
#: An act someone is accused, charged or convicted of, right before it: "were accused of | kidnapping".
_ACCUSED_OF = re.compile(
    r"\b(?:accused of|charged with|convicted of|sentenced for|on trial for|tried for|indicted for|found guilty of)"
    r"(?:\s+[^\s,;.]+){0,4}?\s+$",
    re.IGNORECASE,
)
#: What someone is described by, right before an act: "suspected of providing support to | the
#: Kabul suicide bomb attack", "responsible for | the bombing", "wanted for | the killings".
_ASCRIBED_BEFORE = re.compile(
    r"\b(?:suspected of|accused of|responsible for|involved in|linked to|blamed for|wanted for|"
    r"support (?:to|for)|masterminded|mastermind of|planned|planning|orchestrat(?:ed|ing))"
    r"(?:\s+[^\s,;.]+){0,6}?\s+$",
    re.IGNORECASE,
)


def _arrested(arrest: Unit) -> tuple[tuple[Unit, Any], ...]:
    """The actors an arrest's clause names after its verb, the people arrested ("arrested 45 soldiers
    | for", "the arrest of two members of the FARC | over"): the suspects of the act it was made for."""
    verb = next((t for t in arrest.triggers if t.family == "arrest"), None)
    if verb is None:
        return ()
    # (not a force named as the place of custody: "held in a Los Angeles Police jail" is where, not who)
    text = arrest.sentence.text
    return tuple(
        (arrest, a) for a in arrest.actors if a.start >= verb.end and _CUSTODY_AFTER.match(text, a.end) is None
    )


#: A place of custody named after a force: "a Los Angeles Police jail", "an army detention centre".
_CUSTODY_AFTER = re.compile(r"\s+(?:jails?|prisons?|cells?|lock-?ups?|custody|detention|holding|stations?|headquarters)\b", re.I)


def _anchors(sentence: Sentence) -> list[tuple[int, tuple[Any, ...]]]:
    """Head triggers of a sentence keyed by their nearest date phrase (for cutting lists of incidents)."""
    if len(sentence.dates) < 2:
        return []
    heads = [t for t in sentence.triggers if t.family in _HEAD_FAMILIES]
    if len(heads) < 2:
        return []
    anchors = []
    for t in heads:
        nearest = min(sentence.dates, key=lambda d, t=t: _clause_distance(sentence.text, t, d))  # type: ignore[misc]
        anchors.append((t.start, (nearest.text.lower(),)))
    return anchors


def _clause_distance(text: str, trigger: TriggerMatch, date: Any) -> float:
    """How far a date phrase is from a trigger, one in another clause counting as far: the date of the
    trigger's own clause, not one across ", and" ("In September, its fighters killed six soldiers in an
    ambush near Bal'ad, | and last year a double car bombing killed 120")."""
    lo, hi = (trigger.end, date.start) if date.start >= trigger.end else (date.end, trigger.start)
    return abs(hi - lo) + (_OTHER_CLAUSE if _CLAUSE_BOUNDARY.search(text, lo, hi) else 0.0)


#: Where one clause of a sentence ends and another begins.
_CLAUSE_BOUNDARY = re.compile(r",\s+(?:and|but|while|whereas)\b|;", re.IGNORECASE)
_OTHER_CLAUSE = 100.0


_DEFINITE_BEFORE = re.compile(
    r"(?:\b(?P<det>the|this|that|these|those|both|such)|\b(?P<poss>its|their)|(?P<day>\w+day's|last night's))"
    r"\s+(?P<mods>(?:(?!(?:the|this|that|these|those|its|their|a|an|for|of|in|on|at|by|to|with|and)\b)[\w-]+\s+){0,3})$",
    re.IGNORECASE,
)
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:\w+ed|\w+en|overrun|struck|hit|shot|made|carried out)\b", re.I)
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve other remaining".split())
_NAMED_MODIFIER = re.compile(r"\b(?:[A-Z][a-z]|\d{4}\b|\d+/\d+)")


def _told_at_the_place(groups: Sequence[Group], unit: Unit, place: Location | None, when: DateSpan | None) -> Group | None:
    """The incident told before at the place a clause opens on ("In Zamfara, the attackers arrived ..."),
    when the clause names no other day: the latest such incident, never one recalled."""
    fronted = _FRONTED_PLACE.match(unit.sentence.text) if unit.lo == 0 else None
    if fronted is None or place is None:
        return None
    name = fronted.group("name").lower()
    for group in reversed(groups):
        seat = group.place
        if group.recalled or seat is None or not dates_compatible(group.date, when):
            continue
        if name in {(seat.name or "").lower(), (seat.admin1 or "").lower()} and (
            seat.country_code == place.country_code and (place.admin1 or place.name) in (seat.admin1, seat.name)
        ):
            return group
    return None


def _go_on_with(told: Group, unit: Unit, families: set[str]) -> None:
    """Add ``unit`` to an incident told before, to which the text returns."""
    told.units.append(unit)
    told.families |= families
    told.last_sentence = max(told.last_sentence, unit.sentence.index)


def _told_on_its_day(
    groups: Sequence[Group], head: TriggerMatch, when: DateSpan | None, place: Location | None
) -> Group | None:
    """The incident a back-reference dated to the day points at ("Monday's attack"): the latest one
    told of that day and of a place that fits, never one recalled in passing."""
    if when is None or when.precision != "day":
        return None
    pool = [
        g for g in groups
        if not g.recalled and g.date is not None and g.date.precision == "day"
        and dates_compatible(g.date, when) and places_compatible(g.place, place)
    ]
    return _fitting(pool, head)


def _refers_back(unit: Unit, trigger: TriggerMatch) -> bool:
    """Whether ``trigger`` names an incident already told: "the attack", "the two blasts",
    "its attack", "Tuesday's bombing" — but not a named event told for the first time ("the
    Manchester Arena bombing", "the 2015 attacks")."""
    text = unit.sentence.text
    m = _DEFINITE_BEFORE.search(text, max(0, trigger.start - 40), trigger.start)
    if m is None:
        return False
    mods = m.group("mods")
    if trigger.text.lower().endswith("ed") or " " in trigger.text:
        # a verb ("the group killed", "the guerrillas opened fire") or a nominal used bare
        # ("the wounded", "the four wounded") only refers back with at most a number between
        return not m.group("poss") and all(w.lower() in _NUMBER_WORDS or w.isdigit() for w in mods.split())
    if m.group("day"):
        return True
    if m.group("poss"):
        return len(mods.split()) <= 1 and not _NAMED_MODIFIER.search(mods)
    return not _NAMED_MODIFIER.search(mods)


#: An act named in the plural: the acts of a round-up, told as one ("explosions killed 23 people").
_SEVERAL_ACTS = re.compile(
    r"(?:attacks|explosions|bombings|blasts|bombs|clashes|raids|shootings|killings|strikes|assaults|ambushes)$", re.I
)
#: A sentence that opens on a named place: "In Huaraz, the capital of Ancash department, ...".
_FRONTED_PLACE = re.compile(r"\s*(?:in|at|near|outside)\s+(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,5}?)\s*,", re.I)


def _opens_on_another_place(unit: Unit, head: TriggerMatch, place: Location | None, current: Group | None) -> bool:
    """Whether a sentence after the incident's own opens on a named place other than the incident's
    and tells its act there: in a round-up, the next incident ("The Shining Path murdered two
    officials in Ancash department. In Huaraz, the terrorists set fire to the offices of ...").
    A place inside the incident's region counts: a round-up's items are often in one region. But
    the parts of acts told together ("Explosions in central Iraq killed 23 people ... In Mosul, a
    bombing near a police patrol killed an officer") are the incident's own."""
    if current is None or place is None or unit.sentence.index <= current.head_unit.sentence.index:
        return False
    if _SEVERAL_ACTS.search(current.head.text):
        return False
    m = _FRONTED_PLACE.match(unit.sentence.text)
    if m is None or m.end() > head.start:
        return False
    name, own = m.group("name").lower(), place.name.lower()
    if current.place is None:
        # the incident told has no place of its own: another kind of act where the sentence opens
        # ("Another car bomb struck a checkpoint, killing four soldiers. | In the northern city of Mosul,
        # gunmen shot dead a council member")
        return own in name and head.family != current.head.family
    return own in name and own != current.place.name.lower()


#: A line of dashes or underscores alone: the end of one story and the start of another in one text.
_RULE_LINE = re.compile(r"^[ \t]*(?:-{3,}|_{3,}|={3,}|\*{3,})[ \t]*$", re.MULTILINE)
#: A sentence that adds to what was told ("also", "in addition"), when it names no date or place.
_ALSO = re.compile(r"\b(?:also|additionally|in addition)\b", re.IGNORECASE)
#: How many units back a scene-setting sentence may stand before the incident it sets ...
_LEAD_IN_UNITS = 3
#: ... with at most this many generic statements among them.
_LEAD_IN_GENERIC = 3
#: An incident's sentence that points back at the operation told before it, across a paragraph.
_SCENE_ANAPHOR = re.compile(
    r"\s*(?:during|while|as|after|upon|in\s+the\s+course\s+of|at\s+the\s+(?:end|start)\s+of)\s+"
    r"(?:conducting\s+|clearing\s+)?(?:the|this)\s+(?:[\w-]+\s+)?(?:operation|raid|search|patrol|mission|assault)s?\b",
    re.I,
)
#: ... or, anywhere in it, to the operation as the cause: "Four men were detained as a result of the operation".
_RESULT_OF_OPERATION = re.compile(
    r"\b(?:as\s+a\s+result\s+of|resulting\s+from)\s+(?:the|this)\s+(?:[\w-]+\s+)?(?:operation|raid|search|patrol|mission)\b",
    re.I,
)


def _points_back_to_scene(text: str) -> bool:
    return _SCENE_ANAPHOR.match(text) is not None or _RESULT_OF_OPERATION.search(text) is not None


#: Targets that make a weak trigger violent ("a bus carrying passengers was attacked", "Attack on
#: Chinese Pipeline Facility"); not a government, a party or the press, which are "attacked" in
#: words as often as with arms.
_ATTACKED_IN_EARNEST = frozenset({
    "military", "police", "transport", "aid workers", "tourists", "diplomatic", "infrastructure",
})


#: How many sentences back the people a definite plural names again may have been counted.
_ANAPHOR_REACH = 4


def _with_antecedents(counts: Sequence[Any], text: str, before: Sequence[Sentence]) -> tuple[Any, ...]:
    """Counts whose people are named by a definite plural ("the security force engaged and
    killed the insurgents") take their number from where those people were counted, in this
    sentence or one of the few before ("identified multiple armed insurgents": at least 2, with
    that phrase as the count's part). A definite plural counted nowhere is dropped: "the
    attackers were killed" says no number."""
    from sitrep.extract.counts import find_antecedent

    kept = []
    for mention in counts:
        if not mention.anaphoric:
            kept.append(mention)
            continue
        label = mention.count.parts[0].label if mention.count.parts else ""
        texts = [text[: mention.start]] + [s.text for s in reversed(before[-_ANAPHOR_REACH:])]
        part = find_antecedent(texts, label)
        if part is None:
            continue
        part = replace(part, side=part.side or mention.side)
        count = Count(part.min, part.max, part.best, part.approx, mention.count.text, (part,))
        kept.append(replace(mention, count=count, side=part.side))
    return tuple(kept)


def _keep_lead_in(loose: list[tuple[Unit, bool]]) -> list[tuple[Unit, bool]]:
    """The last units that may still set the scene of the next incident: at most
    :data:`_LEAD_IN_UNITS` that are not generic, and :data:`_LEAD_IN_GENERIC` that are."""
    kept: list[tuple[Unit, bool]] = []
    plain = generic = 0
    for unit, is_generic in reversed(loose):
        if is_generic:
            generic += 1
            if generic > _LEAD_IN_GENERIC:
                break
        else:
            plain += 1
            if plain > _LEAD_IN_UNITS:
                break
        kept.append((unit, is_generic))
    kept.reverse()
    return kept


#: A trigger told as part of a fight already told: "neutralised dozens of terrorists during the
#: fighting", "were killed in the clashes".
_DURING_THE_SAME = re.compile(
    r"\b(?:during|in|amid) the (?:fighting|clashes|battle|gunfight|firefight|exchange of fire|assault|attack|"
    r"(?:same )?(?:operation|raid|search))\b",
    re.IGNORECASE,
)
#: The attackers of an act already told, named as such: "the attackers", "one of the gunmen".
_THE_ATTACKERS = re.compile(
    r"\b(?:the|its|their)\s+(?:(?:two|three|four|five|six|remaining|surviving|last|other|fourth|fifth)\s+)?"
    r"(?:attackers?|assailants?|gunm[ae]n|(?:suicide\s+)?bombers?|hijackers?|hostage[- ]takers?|raiders?)\b",
    re.IGNORECASE,
)
#: A person right after a weak trigger's verb: "shot him", "stabbed her", "beat them".
_PERSON_AFTER_ACT = re.compile(r"\s+(?:him|her|them)\b", re.I)
#: An act called deadly right before its word: "two new deadly attacks", "a bloody raid".
_DEADLY_BEFORE = re.compile(r"\b(?:deadly|fatal|lethal|bloody|murderous|suicide)\s+(?:[\w-]+\s+)?\Z", re.I)
#: How far after a cue of an earlier incident the act it recalls is named ("a day after twin blasts",
#: "in revenge for the 85 protesters crushed to death"; not "months after, bringing the toll of the bombing").
_RECALLED_ACT_REACH = 40
#: A conjunction after the comma that opens a clause: ", while another attack in Balochistan killed four".
_CLAUSE_JOINER = re.compile(r"(?<=[,;])\s+(?:while|and|whereas)$", re.I)
#: "while" opening a clause whose subject is another act: "..., while a car bomb exploded in Quetta".
_WHILE_ANOTHER = re.compile(r",?\s+while\s+(?:an?|another)\s+(?=\S)", re.I)
#: ", while" and unnamed doers acting: ", while gunmen abducted", ", while suspected militants stormed".
_WHILE_OTHER_DOERS = re.compile(
    r",\s+while\s+(?:(?:suspected|armed|unknown|unidentified|other)\s+)?"
    r"(?:gunmen|militants|bandits|attackers|insurgents|rebels|jihadists|fighters|assailants|kidnappers|terrorists)"
    r"\s+(?:also\s+)?(?:[a-z]+ed|stormed|struck|shot|took|set|threw|blew|stole|burnt|abducted)\b",
    re.IGNORECASE,
)
#: The verb right after an act named as a subject: "a car bomb exploded", not "a bomb disposal squad".
_ACT_VERB_AFTER = re.compile(
    r"\s+(?:also\s+)?(?:exploded|explodes|detonated|went off|goes off|struck|strikes|hit|hits|killed|kills|blew|"
    r"ripped|tore|targeted|wounded|injured)\b",
    re.I,
)
#: A clause of its own opens, concessive, contrasting, relative or giving a reason: a habit it tells
#: is not said of the act before it ("blamed on FARC, as the same technique had been used in the
#: past", "done by Ansar al Sunna, who have done similar attacks in the past").
_CONCESSIVE = re.compile(r"[,;]\s*(?:although|though|even though|but|while|whereas|who|which|as|because|since)\b", re.I)
#: The start of a period a habit is kept up over ("since the rebels launched an offensive in 2023").
_SINCE = re.compile(r"\bsince\b", re.I)
#: A semicolon joining two clauses: a habit before it is not said of an act after it.
_SEMICOLON = re.compile(r";\s+")
#: Nouns that name an act of violence already told ("the crime", "this attack").
_ACT_NOUNS = (
    r"(?:crimes?|attacks?|bombings?|blasts?|explosions?|killings?|murders?|massacres?|assassinations?|"
    r"kidnappings?|abductions?|shootings?|ambush(?:es)?|actions?|acts?|incidents?)\b"
)
_BLAME = re.compile(
    r"\b(?:blam|suspect|believ|responsib|behind|attribut|linked to|carried out|perpetrat|were involved|was involved|"
    r"allegiance|"  # "The woman had pledged allegiance to the Islamic State"
    # accused of the act, not of anything ("accuses the Taliban of sheltering fighters")
    r"accus\w*\s+(?:[^.;]{1,60}?\s+)?of\s+(?:(?:the|this|that|these|those)\s+(?:\w+\s+)?" + _ACT_NOUNS
    + r"|(?:carrying|having carried)\s+out|committing|staging|perpetrating)|committed\s+(?:the|this|that|these|those)\s+"
    r"(?:\w+\s+)?" + _ACT_NOUNS + r")",
    re.I,
)
#: Trigger families that can refer back to an incident of any kind ("the attack", "the dead").
_ANY_FAMILY = frozenset({"attack", "killing", "raid"})
#: Families of incidents that "the attack" never points back to: an arrest, a seizure, a plot, a protest.
_NOT_AN_ATTACK = frozenset({"arrest", "seizure", "plot", "protest"})


def _natural_death(unit: Unit) -> bool:
    """A death of age or illness, or a death or hurt in a fall or a disaster, told alone ("The man
    dies in prison at 77", "Climber dies in New Zealand fall", "the quake injured two people"), no
    act of violence: only death and hurt words as triggers, such a cause, and no weapon or armed
    actor in the clause ("7 die in Nuevo Laredo" is one)."""
    return (
        all(_DEATH_WORD.fullmatch(t.text) for t in unit.triggers)
        and (_NATURAL_DEATH.search(unit.text) is not None or _DISASTER.search(unit.text) is not None)
        and not _names_weapon(unit)
        and not _names_armed_actor(unit)
    )


def _disaster_story(units: Sequence[Unit], armed: Sequence[bool]) -> bool:
    """Whether an article tells of a natural disaster and of nothing violent: its opening (headline
    and lede, the first three clauses) names one ("Aftershocks jolt Iran's Qeshm island"), and no
    clause names a weapon, an armed actor or an act other than a death, a hurt or bodies found.
    Its later tolls ("Qeshm Gov. Heidar Alishvandi said 50 were injured") are then the disaster's."""
    if not any(_DISASTER.search(u.text) for u in units[:3]) or any(armed):
        return False
    return not any(_names_weapon(u) or any(t.strong and t.family != "killing" for t in u.triggers) for u in units)


def _names_weapon(unit: Unit) -> bool:
    """Whether a clause names a weapon (not one of the words with everyday senses, "a vehicle")."""
    return any(w.type not in _AMBIGUOUS_WEAPONS for w in unit.weapons)


def _names_armed_actor(unit: Unit) -> bool:
    """Whether a clause names an actor that can fight (any but a political party)."""
    return any(a.actor_type != "political party" for a in unit.actors)


def _antecedent(groups: Sequence[Group], head: TriggerMatch) -> Group:
    """The latest incident a back-reference fits: "the blast" goes to the last explosion told,
    even if another incident was told after it, and not to one recalled in passing, unless no
    other fits ("arrested two men over the 2015 bombing of the market. The bombing killed 30")."""
    fresh = [g for g in groups if not g.recalled] or list(groups)
    for pool in (fresh, groups):
        fitting = _fitting(pool, head)
        if fitting is not None:
            return fitting
    return fresh[-1]


#: Acts a back-reference of one family may point at though told by another: "the bombing" after
#: "a suicide bombing at a mosque".
_KIN_FAMILIES = {"explosion": ("suicide",)}


def _fitting(groups: Sequence[Group], head: TriggerMatch) -> Group | None:
    """The latest of ``groups`` a back-reference by ``head`` fits, if any."""
    if head.family not in _ANY_FAMILY:
        # an incident opened by this kind of act first: "also detained two suspects" goes to the arrest,
        # not to the bomb plot told after it that mentions "his arrest"
        kin = {head.family, *_KIN_FAMILIES.get(head.family, ())}
        for group in reversed(groups):
            if group.head.family in kin:
                return group
        for group in reversed(groups):
            if kin & group.families:
                return group
        return None
    # "the attack" is no arrest or seizure: "a judge was arrested in connection with this attack ... found
    # explosives. The Taliban is reportedly responsible for this attack" speaks of the bombing told first
    return next((g for g in reversed(groups) if not g.arrests_only and g.head.family not in _NOT_AN_ATTACK), None)


def _tells_more(unit: Unit, lexicons: Lexicons) -> bool:
    """A non-signalling unit that adds a claim, a count, a perpetrator named with blame ("FARC
    is blamed.", "The Taliban are suspected.") or the doer's name ("The military identified the
    attacker as Mohannad Shehadeh"), or that refers back to the incident."""
    if unit.claims or unit.counts or NAMES_THE_DOER.search(unit.text) is not None:
        return True
    if lexicons.same_incident.search(unit.text) is not None:
        return True
    return _blames(unit)


def _blames(unit: Unit) -> bool:
    """Whether a unit lays blame on a group for an act as a perpetrator ("Police blamed al-Shabaab")."""
    blamable = [a for a in unit.actors if _blamable(a)]
    if not blamable or not _BLAME.search(unit.text):
        return False
    from sitrep.actors.attribution import role

    text = unit.sentence.text
    return any(role(text, a.start, a.end, actor_type=a.actor_type) == "perpetrator" for a in blamable)


def _blamable(actor: Any) -> bool:
    """Whether blame put on an actor names an incident's perpetrator: a named group other than a
    state force, or an armed group described without a name ("blamed on dissident republicans")."""
    if actor.actor is not None:
        return actor.actor_type != "state force"
    return actor.actor_type in _UNNAMED_BLAMABLE


_UNNAMED_BLAMABLE = frozenset({"armed group", "militia", "criminal group"})
