"""The evidence that two reports tell the same incident, signal by signal.

Each signal either adds points (evidence for one incident), takes some away
(evidence against), or rules the link out (the two reports cannot be one
incident, whatever else they share). The points are in ``sitrep/data/dedupe.yaml``:

* **date** — spans compared at each report's precision: the same day is strong, a
  day apart is allowed (time zones, late-night events), a day inside a month-
  precise span is weak evidence (a background mention, "the November 2015
  attacks"); spans that do not meet rule the link out, and so does a report whose
  article was published before the other's incident happened;
* **place** — towns closer than ``same_place_km`` are one place, towns farther than
  ``near_km`` rule the link out; a town inside the province the other names is
  evidence, a different province or country rules it out; a country alone says
  little;
* **kind** — the same ACLED sub-event type, a related one (an IED told later as a
  suicide bombing), or a vague "attack"; an arrest and a bombing rule it out;
* **actors** — the same named group, an affiliate and its parent, unnamed
  "gunmen" and a named group (no conflict); two different named groups rule the
  link out unless one of them is only suspected (early blame is often revised);
* **counts** — the same toll is evidence; a later report with a higher toll
  (40, 60, 143) is expected; a later report with a lower toll is suspicious; tolls
  an order of magnitude apart rule it out;
* **text** — the cosine of the two texts' weighted content words
  (:mod:`sitrep.dedupe.textsim`), above or below a floor; floor and weight
  depend on the length of the shorter text (two sentences about two attacks share
  many of their few words; two whole articles about two events share few of
  theirs), and one whole article given for two reports is no evidence at all.

Every signal looks at the two reports alone, never at the others being
clustered, so a link decision is the same whichever reports surround it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from sitrep.dedupe.rules import DedupeRules
from sitrep.dedupe.textsim import EMPTY_PROFILE, TextProfile, similarity, text_profile
from sitrep.extract.segment import distance_km
from sitrep.model import Report

SameFamily = Callable[[str, str], bool]
Signals = tuple[tuple[str, float], ...]

_DAY_LEVEL = frozenset({"day", "week"})
_MONTH_LEVEL = frozenset({"month", "season"})
_TOWN_LEVEL = frozenset({"point", "town", "district"})
_WEAK_ATTRIBUTION = frozenset({"suspected"})


@dataclass(frozen=True, slots=True)
class Facts:
    """What deduplication compares of one report, computed once per report.

    Dates are proleptic ordinals (``date.toordinal``); ``date_level`` is ``"d"``
    (day or week), ``"m"`` (month or season), ``"y"`` (coarser) or None;
    ``place_level`` is ``"t"`` (a town or finer), ``"p"`` (a province), ``"c"``
    (a country or region) or None.
    """

    sub: str
    event_type: str
    date_level: str | None
    lo: int
    hi: int
    inferred: bool
    published: int | None
    place_level: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    town: str | None
    geonameid: int | None
    named: frozenset[str]
    firm: frozenset[str]  # named perpetrators not merely suspected
    unnamed: frozenset[str]
    killed: int | None
    background: bool
    text: TextProfile

    @property
    def day(self) -> bool:
        """Known to the day (or week), not inferred from the publication date."""
        return self.date_level == "d" and not self.inferred


def report_facts(
    report: Report,
    rules: DedupeRules,
    *,
    published: date | None = None,
    text: str | None = None,
    shared: dict[Any, Any] | None = None,
) -> Facts:
    """The facts of ``report``; ``text`` defaults to its evidence sentences.

    ``shared`` is a cache, kept by the caller for one clustering run, through which equal
    values (a text's profile, a set of actors, a town's name) are held once: reports given
    the same text then share one profile, which is how :func:`pair_points` knows two
    reports come from one text, and a million reports fit in memory.
    """
    if shared is None:
        shared = {}
    span = report.date
    if span is None:
        level, lo, hi, inferred = None, 0, 0, False
    else:
        lo, hi, inferred = span.start.toordinal(), span.end.toordinal(), span.inferred
        if lo == hi:
            lo = hi = _once(lo, shared)
        if inferred:
            level = "d"
            lo = hi - int(rules.get("date", "inferred_span_days"))
        elif span.precision in _DAY_LEVEL:
            level = "d"
        elif span.precision in _MONTH_LEVEL:
            level = "m"
        else:
            level = "y"
    place = report.location
    told = report.evidence.get("location")
    if told is not None and told.confidence < rules.get("place", "min_confidence"):
        place = None  # a guess from a group's home country: no sign of which incident this is
    if place is None:
        place_level = None
        lat = lon = None
        country = admin1 = town = None
        geonameid = None
    else:
        lat, lon = place.lat, place.lon
        country, geonameid = place.country_code, place.geonameid
        admin1 = place.admin1 or (place.name if place.precision == "province" else None)
        town = _once(place.name.lower(), shared) if place.precision in _TOWN_LEVEL else None
        if place.precision in _TOWN_LEVEL and lat is not None and lon is not None:
            place_level = "t"
        elif place.precision in _TOWN_LEVEL and admin1:
            place_level = "p"  # a town the gazetteer could not place: compared by its province
        elif place.precision == "province":
            place_level = "p"
        elif country is not None or place.precision in ("country", "region"):
            place_level = "c"
        else:
            place_level = None
    named = _once(frozenset(p.actor_id for p in report.perpetrators if p.actor_id), shared)
    firm = _once(
        frozenset(p.actor_id for p in report.perpetrators if p.actor_id and p.attribution not in _WEAK_ATTRIBUTION),
        shared,
    )
    unnamed = _once(frozenset(p.name.lower() for p in report.perpetrators if not p.actor_id), shared)
    killed_count = report.counts.killed
    killed = None
    if killed_count is not None:
        killed = killed_count.best if killed_count.best is not None else killed_count.min
    if text is None:
        text = evidence_text(report)
    return Facts(
        sub=report.kind.sub_event_type,
        event_type=report.kind.event_type,
        date_level=level,
        lo=lo,
        hi=hi,
        inferred=inferred,
        published=_once(published.toordinal(), shared) if published is not None else None,
        place_level=place_level,
        lat=lat,
        lon=lon,
        country=country,
        admin1=admin1,
        town=town,
        geonameid=geonameid,
        named=named,
        firm=firm,
        unnamed=unnamed,
        killed=killed,
        background=report.realis == "background",
        text=_profile(text, rules, shared),
    )


def _profile(text: str, rules: DedupeRules, shared: dict[Any, Any]) -> TextProfile:
    if not text:
        return EMPTY_PROFILE
    key = ("text", text)
    profile = shared.get(key)
    if profile is None:
        profile = shared[key] = text_profile(text, rules)
    return profile


def _once(value: Any, shared: dict[Any, Any]) -> Any:
    """``value``, or the equal value already held in ``shared``."""
    return shared.setdefault(value, value)


def evidence_text(report: Report) -> str:
    """The distinct evidence sentences of a report, in order of their offsets."""
    seen: dict[str, int] = {}
    for evidence in report.evidence.values():
        seen.setdefault(evidence.sentence, evidence.start)
    return "\n".join(sorted(seen, key=seen.__getitem__))


def pair_points(
    a: Facts, b: Facts, rules: DedupeRules, same_family: SameFamily | None = None, *, whole_articles: bool = False
) -> tuple[float, Signals] | None:
    """The points for ``a`` and ``b`` being one incident and the signals behind them,
    or None when a signal rules the link out. With ``whole_articles`` (each text is an article
    about one story), two articles of one story (:func:`one_story`) may differ on a kind, a day, a
    place or a toll at a cost (``date_conflict``...) rather than be ruled apart."""
    signals: list[tuple[str, float]] = []
    total = 0.0
    same_story = whole_articles and one_story(a.text, b.text, rules)
    for name, signal in (("date", _date), ("kind", _kind), ("place", _place), ("counts", _counts)):
        got = signal(a, b, rules)
        if got is None and same_story:
            got = (f"{name}_conflict", rules.get("text", "conflict_points"))
        if got is None:
            return None
        if got is not _ABSENT:
            signals.append(got)
            total += got[1]
    actors = _actors(a, b, rules, same_family)
    if actors is None:
        return None
    if actors is not _ABSENT:
        signals.append(actors)
        total += actors[1]
    # one whole article given for two reports is no evidence that they tell one incident (an
    # article tells several); one sentence in two articles is (a wire story, reprinted)
    if a.text.weights and b.text.weights and (a.text is not b.text or not is_article(a.text, rules)):
        text = rules.points["text"]
        words = min(len(a.text.weights), len(b.text.weights))
        weight, floor = text_scale(words, rules)
        value = weight * (similarity(a.text, b.text) - floor)
        value = round(min(text["max_points"], max(text_floor_points(words, rules), value)), 3)
        signals.append(("text", value))
        total += value
    return round(total, 3), tuple(signals)


def is_article(profile: TextProfile, rules: DedupeRules) -> bool:
    """Whether a text is long enough to be read as a whole article (``long_words / 2`` content words)."""
    return len(profile.weights) >= rules.get("text", "long_words") / 2


def one_story(a: TextProfile, b: TextProfile, rules: DedupeRules) -> bool:
    """Whether two texts are two whole articles alike enough to tell one story (``text.same_story``);
    one article given for two reports is not two articles."""
    return (
        a is not b and is_article(a, rules) and is_article(b, rules)
        and similarity(a, b) >= rules.get("text", "same_story")
    )


def text_scale(words: int, rules: DedupeRules) -> tuple[float, float]:
    """(points per unit of similarity, the similarity that is no evidence either way) for a
    shorter text of ``words`` content words: from a sentence's to a whole article's, by log length."""
    text = rules.points["text"]
    share = _length_share(words, rules)
    return (
        text["weight_short"] + share * (text["weight_long"] - text["weight_short"]),
        text["floor_short"] + share * (text["floor_long"] - text["floor_short"]),
    )


def text_floor_points(words: int, rules: DedupeRules) -> float:
    """The most a low text likeness takes away for a shorter text of ``words`` content words:
    little for a sentence (two outlets tell one attack in their own words), more for a whole
    article, by the same log-length share as :func:`text_scale`."""
    text = rules.points["text"]
    return text["min_points_short"] + _length_share(words, rules) * (text["min_points"] - text["min_points_short"])


def _length_share(words: int, rules: DedupeRules) -> float:
    """0 for a text of ``short_words`` content words or fewer, 1 from ``long_words`` on, by log length."""
    text = rules.points["text"]
    short, long_ = text["short_words"], text["long_words"]
    return min(1.0, max(0.0, math.log(max(words, 1) / short) / math.log(long_ / short)))


def score_of(points: float, rules: DedupeRules) -> float:
    """A link's score in 0..1: the logistic of the points above the threshold, at least 0.5
    exactly when the points reach the threshold (rounding never crosses it)."""
    score = round(1.0 / (1.0 + math.exp(rules.threshold - points)), 3)
    return max(0.5, score) if points >= rules.threshold else min(0.499, score)


_ABSENT: tuple[str, float] = ("", 0.0)


def kinds_compatible(sub_a: str, type_a: str, sub_b: str, type_b: str, rules: DedupeRules) -> float | None:
    """Points for two kinds (ACLED event and sub-event types), or None when they differ outright."""
    table = rules.points["kind"]
    if not sub_a or not sub_b or not type_a or not type_b:
        return table["unknown"]
    kinds = rules.kinds
    if sub_a == sub_b or any(sub_a in group and sub_b in group for group in kinds.alike):
        return table["same_subtype"]
    if any(sub_a in group and sub_b in group for group in kinds.related):
        return table["related_subtype"]
    if sub_a in kinds.exclusive_subtypes or sub_b in kinds.exclusive_subtypes:
        return None
    if (sub_a in kinds.vague_subtypes and type_b in kinds.violent_event_types) or (
        sub_b in kinds.vague_subtypes and type_a in kinds.violent_event_types
    ):
        return table["vague"]
    return None


def _kind(a: Facts, b: Facts, rules: DedupeRules) -> tuple[str, float] | None:
    points = kinds_compatible(a.sub, a.event_type, b.sub, b.event_type, rules)
    return None if points is None else ("kind", points)


def _date(a: Facts, b: Facts, rules: DedupeRules) -> tuple[str, float] | None:
    table = rules.points["date"]
    # an article cannot tell an incident that happened after it was published
    if a.published is not None and b.date_level is not None and not b.inferred and b.lo > a.published + 1:
        return None
    if b.published is not None and a.date_level is not None and not a.inferred and a.lo > b.published + 1:
        return None
    if a.date_level is None and b.date_level is None and a.published is None and b.published is None:
        return ("date", table["unknown"])  # two undated texts (pasted, or their date lost): no evidence either way
    if a.date_level is None or b.date_level is None:
        return ("date", table["missing"])
    if a.inferred or b.inferred:
        # an inferred span ends at the publication date: the incident happened by then
        if (a.inferred and not b.inferred and b.lo > a.hi + 1) or (b.inferred and not a.inferred and a.lo > b.hi + 1):
            return None
        overlap = a.lo <= b.hi + 1 and b.lo <= a.hi + 1
        return ("date", table["inferred"] if overlap else table["missing"])
    slack = 1 if "d" in (a.date_level, b.date_level) else 0
    if a.lo > b.hi + slack or b.lo > a.hi + slack:
        return None
    if a.date_level == "d" and b.date_level == "d":
        if a.lo == a.hi and b.lo == b.hi:
            return ("date", table["same_day"] if a.lo == b.lo else table["adjacent_day"])
        return ("date", table["within_week"])
    if "y" in (a.date_level, b.date_level):
        return ("date", table["within_year"])
    return ("date", table["within_month"])


def _place(a: Facts, b: Facts, rules: DedupeRules) -> tuple[str, float] | None:
    table = rules.points["place"]
    if a.place_level is None or b.place_level is None:
        return ("place", table["missing"])
    if a.country and b.country and a.country != b.country:
        return None
    if a.place_level == "t" and b.place_level == "t":
        if a.geonameid is not None and a.geonameid == b.geonameid:
            return ("place", table["same_place"])
        if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
            return ("place", table["same_place"]) if a.town == b.town else None
        km = distance_km(a.lat, a.lon, b.lat, b.lon)
        near, same = table["near_km"], table["same_place_km"]
        if km > near:
            return None
        if km <= same:
            return ("place", table["same_place"])
        share = (near - km) / (near - same)
        return ("place", round(table["near_place"] + share * (table["same_place"] - table["near_place"]), 3))
    if a.place_level in ("t", "p") and b.place_level in ("t", "p"):
        if a.admin1 is None or b.admin1 is None:
            return ("place", table["same_country"])
        if a.admin1.lower() != b.admin1.lower():
            return None
        return ("place", table["same_province"] if a.place_level == b.place_level else table["town_in_province"])
    return ("place", table["same_country"])


def _actors(a: Facts, b: Facts, rules: DedupeRules, same_family: SameFamily | None) -> tuple[str, float] | None:
    table = rules.points["actors"]
    if a.named and b.named:
        if a.named & b.named:
            return ("actors", table["same_named"])
        if same_family is not None and any(same_family(x, y) for x in a.named for y in b.named):
            return ("actors", table["same_family"])
        if not a.firm or not b.firm:
            return ("actors", table["suspected_conflict"])
        return None
    if a.named or b.named:
        return ("actors", table["unnamed_vs_named"]) if (a.unnamed or b.unnamed) else _ABSENT
    if a.unnamed & b.unnamed:
        return ("actors", table["same_unnamed"])
    return _ABSENT


def _counts(a: Facts, b: Facts, rules: DedupeRules) -> tuple[str, float] | None:
    if a.killed is None or b.killed is None:
        return _ABSENT
    table = rules.points["counts"]
    if a.killed == b.killed:
        return ("counts", table["same"])
    low, high = sorted((a.killed, b.killed))
    if low == 0:
        return ("counts", table["zero_vs_some"])
    if high > table["small_toll"] and high > table["max_ratio"] * low:
        return None
    if high > table["far_ratio"] * low:
        return ("counts", table["far_apart"])
    if a.published is None or b.published is None or a.published == b.published or a.background or b.background:
        return ("counts", table["unordered"])
    earlier, later = (a, b) if a.published < b.published else (b, a)
    assert earlier.killed is not None and later.killed is not None
    if later.killed >= earlier.killed:
        return ("counts", table["rising"])
    if 2 * later.killed >= earlier.killed:
        return ("counts", table["falling"])
    return ("counts", table["steep_fall"])
