"""Which reports tell the same incident.

:func:`cluster_reports` works in three steps:

1. **Candidates** — only reports that share a blocking key are compared
   (:mod:`sitrep.dedupe.blocking`), so the cost grows with the number of reports,
   not its square.
2. **Links** — each candidate pair is scored from the two reports alone
   (:mod:`sitrep.dedupe.signals`): date, place, kind, actors, counts and text each
   add or take away points, or rule the link out; a pair whose points reach the
   threshold is a link.
3. **Incidents** — analysts' merges (``must_link``) are applied first; then links
   are taken strongest first (ties broken by the report ids) and two incidents are
   joined only if no analyst split (``cannot_link``) lies between them and the
   joined incident stays coherent: its day-precise dates within ``day_window``
   days, its publication-inferred dates within ``inferred_window``, its towns
   within ``max_town_km``, its kinds compatible, no two of its firmly named
   perpetrators different groups, and — for reports compared by whole articles —
   its articles alike on average (``document_similarity``). This stops chains (A
   like B, B like C) from gluing two attacks together through a vague report in
   the middle.

   When both incidents are told by whole articles, that average likeness is the
   guard against chains, and the spread of days and towns is not checked: an
   article about a trial or a funeral dates its report by that later step of the
   story, a relative day resolved against a publication date guessed from the
   body can be off by days, and a street, a law firm or a car's make can be taken
   for a town; each link still holds every pairwise rule (no two reports days
   apart or towns far apart are ever linked directly).

The result depends only on the set of reports and decisions, never on their
order; clustering again changes nothing; and because links are pairwise and
incidents only grow along links, clustering the new reports together with the
incidents they link to gives the same incidents as clustering everything again.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np

from sitrep.dedupe.blocking import DATE_ONLY, FULL, PLACE_ONLY, keyed
from sitrep.dedupe.rules import DedupeRules, default_rules
from sitrep.dedupe.signals import Facts, is_article, kinds_compatible, pair_points, report_facts, score_of
from sitrep.extract.segment import distance_km
from sitrep.model import Report

SameFamily = Callable[[str, str], bool]


@dataclass(frozen=True, slots=True)
class Link:
    """Why two reports were put in one incident: the score (0..1, 0.5 at the
    threshold) and the points each signal gave (``("must_link", 1.0)`` for an
    analyst's merge)."""

    a: str
    b: str
    score: float
    signals: tuple[tuple[str, float], ...]


def link_score(
    a: Report,
    b: Report,
    *,
    same_family: SameFamily | None = None,
    published_a: date | None = None,
    published_b: date | None = None,
    text_a: str | None = None,
    text_b: str | None = None,
    rules: DedupeRules | None = None,
) -> tuple[float, tuple[tuple[str, float], ...]] | None:
    """The score and signals for two reports being one incident, or None when a signal
    rules it out. A score of at least 0.5 makes a link."""
    rules = rules or default_rules()
    shared: dict[object, object] = {}  # as in cluster_reports: one text given twice is one text
    scored = pair_points(
        report_facts(a, rules, published=published_a, text=text_a, shared=shared),
        report_facts(b, rules, published=published_b, text=text_b, shared=shared),
        rules,
        same_family,
    )
    if scored is None:
        return None
    return score_of(scored[0], rules), scored[1]


def cluster_reports(
    reports: Sequence[tuple[str, Report]],
    *,
    same_family: SameFamily | None = None,
    published: Mapping[str, date] | None = None,
    texts: Mapping[str, str] | None = None,
    must_link: Iterable[tuple[str, str]] = (),
    cannot_link: Iterable[tuple[str, str]] = (),
    rules: DedupeRules | None = None,
    whole_articles: bool = False,
) -> tuple[list[list[str]], list[Link]]:
    """Group ``(id, report)`` pairs into incidents.

    ``published`` maps a report id to its article's publication date (it orders
    tolls and rules out incidents after publication); ``texts`` maps a report id
    to the text compared for it (its evidence sentences when absent);
    ``must_link`` / ``cannot_link`` are analysts' merges and splits.
    ``whole_articles`` says that the long texts of ``texts`` are whole articles, each about one
    story: two of them alike enough to tell one story (``text.same_story``) are linked even where
    extraction read a kind, a day, a place or a toll differently in them (at a cost), and they
    meet through every name they share.

    Returns the clusters (each a sorted list of ids, sorted by first id; every
    report is in exactly one) and the links that made them: for each cluster, the
    links that joined its reports (a spanning tree: analysts' merges first, then the
    strongest links), each with its score and signals.
    """
    rules = rules or default_rules()
    published = published or {}
    texts = texts or {}
    ids = sorted({rid for rid, _ in reports})
    if len(ids) != len(reports):
        raise ValueError("report ids must be unique")
    position = {rid: i for i, rid in enumerate(ids)}
    by_id = dict(reports)
    shared: dict[object, object] = {}
    facts = [report_facts(by_id[rid], rules, published=published.get(rid), text=texts.get(rid), shared=shared)
             for rid in ids]
    del shared, by_id

    # links as parallel arrays (points, pair code), not tuples: a million reports make millions
    n = len(ids)
    points, codes = array("d"), array("q")
    for i, j in candidate_pairs(facts, rules, whole_articles=whole_articles):
        got = pair_points(facts[i], facts[j], rules, same_family, whole_articles=whole_articles)
        if got is not None and got[0] >= rules.threshold:
            points.append(got[0])
            codes.append(i * n + j)
    # strongest first; ties by the ids (a pair code orders pairs by their positions)
    order: list[int] = []
    if codes:
        by_pair, by_points = np.frombuffer(codes, dtype=np.int64), np.frombuffer(points, dtype=np.float64)
        order = np.lexsort((by_pair, -by_points)).tolist()

    clusters = _Clusters(facts, rules, same_family, whole_articles=whole_articles)
    for a, b in _pairs(cannot_link, position):
        clusters.forbid(a, b)
    links: list[Link] = []
    for a, b in sorted(_pairs(must_link, position)):
        if clusters.join(a, b, check=False):
            links.append(Link(ids[a], ids[b], 1.0, (("must_link", 1.0),)))
    for k in order:
        a, b = divmod(codes[k], n)
        if clusters.join(a, b, check=True):
            got = pair_points(facts[a], facts[b], rules, same_family, whole_articles=whole_articles)
            assert got is not None
            links.append(Link(ids[a], ids[b], score_of(points[k], rules), got[1]))
    del points, codes, order

    groups: dict[int, list[str]] = defaultdict(list)
    for i in range(n):
        groups[clusters.find(i)].append(ids[i])
    out = sorted(groups.values(), key=lambda members: members[0])
    links.sort(key=lambda link: (link.a, link.b))
    return out, links


def _pairs(pairs: Iterable[tuple[str, str]], position: Mapping[str, int]) -> set[tuple[int, int]]:
    out = set()
    for a, b in pairs:
        if a in position and b in position and a != b:
            i, j = position[a], position[b]
            out.add((min(i, j), max(i, j)))
    return out


def candidate_pairs(
    facts: Sequence[Facts], rules: DedupeRules, *, whole_articles: bool = False
) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of report positions sharing a key at their coarsest levels
    (see :mod:`sitrep.dedupe.blocking`), each once, in increasing order; with ``whole_articles``,
    also the reports compared by whole articles that share a name.

    Only keys where a pair can form are indexed: first every key a report is a full
    member of (and the place-only memberships that can pair with a date-only one),
    then the other memberships of those keys alone. The pairs are gathered as 64-bit
    codes and made unique with numpy, so a million reports' pairs fit in memory.
    """
    n = len(facts)
    # keys are held by their hash (a collision only adds a pair to compare) and a key with one
    # member by that member alone: most keys of a million reports have a single member
    members: dict[int, int | list[int]] = {}
    with_full: set[int] = set()
    for i, f in enumerate(facts):
        for key, relation, _ in keyed(f, rules, indexed=True, by_names=whole_articles):
            _add(members, hash(key), i * 4 + relation)
            if relation == FULL:
                with_full.add(hash(key))
    for i, f in enumerate(facts):  # keys are computed again rather than held for every report
        for key, relation, _ in keyed(f, rules, indexed=False):
            hashed = hash(key)
            if hashed in with_full or (relation == DATE_ONLY and hashed in members):
                _add(members, hashed, i * 4 + relation)
    del with_full
    codes = array("q")
    for key in list(members):
        listed = members.pop(key)
        if isinstance(listed, int):
            continue
        full = [m >> 2 for m in listed if m & 3 == FULL]
        if full:
            others = [m >> 2 for m in listed if m & 3 != FULL]
            for k, a in enumerate(full):
                codes.extend(a * n + b if a < b else b * n + a for b in full[k + 1 :])
                codes.extend(a * n + b if a < b else b * n + a for b in others)
        date_only = [m >> 2 for m in listed if m & 3 == DATE_ONLY]
        if date_only:
            place_only = [m >> 2 for m in listed if m & 3 == PLACE_ONLY]
            for a in date_only:
                codes.extend(a * n + b if a < b else b * n + a for b in place_only)
    unique = np.unique(np.frombuffer(codes, dtype=np.int64)) if codes else np.zeros(0, dtype=np.int64)
    del codes
    for start in range(0, len(unique), 1 << 20):
        for code in unique[start : start + (1 << 20)].tolist():
            yield divmod(code, n)


def _add(members: dict[int, int | list[int]], key: int, member: int) -> None:
    held = members.get(key)
    if held is None:
        members[key] = member
    elif isinstance(held, int):
        members[key] = [held, member]
    else:
        held.append(member)


class _Clusters:
    """Union-find over report positions, keeping what each incident must stay coherent on."""

    def __init__(
        self, facts: Sequence[Facts], rules: DedupeRules, same_family: SameFamily | None, *, whole_articles: bool = False
    ) -> None:
        self._facts = facts
        self._rules = rules
        self._same_family = same_family
        self._parent = list(range(len(facts)))
        self._size = [1] * len(facts)
        self._summary: dict[int, _Summary] = {}
        self._banned: dict[int, set[int]] = {}  # incident root -> positions split from one of its members
        self._texts: dict[int, _TextSum | None] = {}
        self._document_mean = rules.get("cluster", "document_similarity")
        # with whole articles, incidents whose articles are this alike on average tell one story
        self._same_story = rules.get("text", "same_story") if whole_articles else None

    def find(self, x: int) -> int:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def forbid(self, a: int, b: int) -> None:
        """Record an analyst's split: ``a`` and ``b`` never share an incident."""
        self._banned.setdefault(self.find(a), set()).add(b)
        self._banned.setdefault(self.find(b), set()).add(a)

    def join(self, a: int, b: int, *, check: bool) -> bool:
        """Join the incidents of ``a`` and ``b``; False when they cannot be (or are already) one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self._split_between(ra, rb):
            return False
        sa, sb = self._summary_of(ra), self._summary_of(rb)
        if check:
            ta, tb = self._document_text(ra), self._document_text(rb)
            documents = ta is not None and tb is not None
            # whole articles of one story may have been read as different kinds
            one_story = documents and self._same_story is not None and self._likeness(ta, tb) >= self._same_story  # type: ignore[arg-type]
            if not sa.compatible(sb, self._rules, self._same_family, spread=not documents, kinds=not one_story):
                return False
            if documents and self._likeness(ta, tb) < self._document_mean:  # type: ignore[arg-type]
                return False
        if self._size[ra] < self._size[rb]:
            ra, rb, sa, sb = rb, ra, sb, sa
        self._parent[rb] = ra
        self._size[ra] += self._size[rb]
        self._summary[ra] = sa.merged(sb)
        self._summary.pop(rb, None)
        self._merge_texts(ra, rb)
        if rb in self._banned:
            self._banned.setdefault(ra, set()).update(self._banned.pop(rb))
        return True

    def _split_between(self, ra: int, rb: int) -> bool:
        """Whether an analyst split a member of one incident from a member of the other."""
        return any(self.find(x) == rb for x in self._banned.get(ra, ())) or any(
            self.find(x) == ra for x in self._banned.get(rb, ())
        )

    def _document_text(self, root: int) -> "_TextSum | None":
        """The summed unit word vectors of an incident's documents (texts of article length)."""
        got = self._texts.get(root)
        if got is None and root not in self._texts and self._size[root] == 1:
            profile = self._facts[root].text
            if is_article(profile, self._rules):
                got = _TextSum({w: v / profile.norm for w, v in profile.weights.items()}, 1, len(profile.weights))
            self._texts[root] = got
        return got

    @staticmethod
    def _likeness(ta: "_TextSum", tb: "_TextSum") -> float:
        """For two incidents told by whole documents: how alike their documents are on average
        (average linkage), so one pair of similar documents does not chain two stories together."""
        small, large = (ta.vector, tb.vector) if len(ta.vector) <= len(tb.vector) else (tb.vector, ta.vector)
        dot = sum(v * large.get(w, 0.0) for w, v in small.items())
        return dot / (ta.count * tb.count)

    def _merge_texts(self, ra: int, rb: int) -> None:
        ta, tb = self._document_text(ra), self._document_text(rb)
        self._texts.pop(rb, None)
        if ta is None or tb is None:
            self._texts[ra] = ta or tb
            return
        for w, v in tb.vector.items():
            ta.vector[w] = ta.vector.get(w, 0.0) + v
        ta.count += tb.count
        ta.words += tb.words

    def _summary_of(self, root: int) -> "_Summary":
        summary = self._summary.get(root)
        if summary is None:
            summary = self._summary[root] = _Summary.of(self._facts[root])
        return summary


@dataclass(slots=True)
class _TextSum:
    """An incident's documents as the sum of their unit word vectors (mutated as it grows)."""

    vector: dict[str, float]
    count: int
    words: int


@dataclass(frozen=True, slots=True)
class _Summary:
    """What an incident must stay coherent on: day-precise dates, publication-inferred dates,
    towns, kinds, firm perpetrators."""

    first_day: int | None
    last_day: int | None
    first_inferred: int | None  # dates inferred from publication (the day each article appeared)
    last_inferred: int | None
    towns: frozenset[tuple[float, float]]
    kinds: frozenset[tuple[str, str]]
    firm: frozenset[str]

    @classmethod
    def of(cls, f: Facts) -> "_Summary":
        single_day = f.day and f.lo == f.hi
        return cls(
            f.lo if single_day else None,
            f.hi if single_day else None,
            f.hi if f.inferred else None,
            f.hi if f.inferred else None,
            _town(f),
            frozenset({(f.sub, f.event_type)}) if f.sub and f.event_type else frozenset(),
            f.firm,
        )

    def merged(self, other: "_Summary") -> "_Summary":
        days = _known(self.first_day, self.last_day, other.first_day, other.last_day)
        inferred = _known(self.first_inferred, self.last_inferred, other.first_inferred, other.last_inferred)
        return _Summary(
            min(days) if days else None,
            max(days) if days else None,
            min(inferred) if inferred else None,
            max(inferred) if inferred else None,
            self.towns | other.towns,
            self.kinds | other.kinds,
            self.firm | other.firm,
        )

    def compatible(
        self, other: "_Summary", rules: DedupeRules, same_family: SameFamily | None, *, spread: bool = True,
        kinds: bool = True,
    ) -> bool:
        """Whether the two incidents may be one; without ``spread``, the spread of their days
        and towns is not checked (incidents told by whole articles, guarded by their likeness),
        without ``kinds`` their kinds are not (whole articles of one story)."""
        if spread and not self._close(other, rules):
            return False
        for sub_a, type_a in (self.kinds - other.kinds) if kinds else ():
            for sub_b, type_b in other.kinds - self.kinds:
                if kinds_compatible(sub_a, type_a, sub_b, type_b, rules) is None:
                    return False
        for x in self.firm - other.firm:
            for y in other.firm - self.firm:
                if not (same_family is not None and same_family(x, y)):
                    return False
        return True

    def _close(self, other: "_Summary", rules: DedupeRules) -> bool:
        """Whether the two incidents' days and towns lie within the windows of one incident. An
        incident told by whole articles may already spread wider (their joins do not check it):
        the other may then join it only inside its span, without widening it."""
        if not _inside(rules.get("cluster", "day_window"), self.first_day, self.last_day, other.first_day, other.last_day):
            return False
        if not _inside(
            rules.get("cluster", "inferred_window"),
            self.first_inferred, self.last_inferred, other.first_inferred, other.last_inferred,
        ):
            return False
        limit = rules.get("cluster", "max_town_km")
        return not any(
            distance_km(lat_a, lon_a, lat_b, lon_b) > limit
            for lat_a, lon_a in self.towns - other.towns
            for lat_b, lon_b in other.towns - self.towns
        )



def _town(f: Facts) -> frozenset[tuple[float, float]]:
    if f.place_level == "t" and f.lat is not None and f.lon is not None:
        return frozenset({(round(f.lat, 3), round(f.lon, 3))})
    return frozenset()


def _known(*days: int | None) -> list[int]:
    return [d for d in days if d is not None]


def _inside(window: int, first: int | None, last: int | None, other_first: int | None, other_last: int | None) -> bool:
    """Whether two incidents' days, together, span no more than ``window`` or than either one's own span."""
    return _span(first, last, other_first, other_last) <= max(window, _span(first, last), _span(other_first, other_last))


def _span(*days: int | None) -> int:
    """How many days the known ones of ``days`` span (0 when fewer than two are known)."""
    known = _known(*days)
    return max(known) - min(known) if known else 0
