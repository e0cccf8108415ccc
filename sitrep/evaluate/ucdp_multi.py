"""``sitrep evaluate ucdp-multi``: headlines of the same UCDP event clustered into one incident.

Each gold row is one UCDP GED event coded from two to six sources; ``source_headline`` holds
their headlines joined by a bare ``;`` (``headlines_split`` holds the same as a JSON list, and
is preferred when present) and ``source_date`` each headline's publication date, in the same
order. Every headline is a separate report source.

**How headlines are clustered.** Each headline is read by the extractor as an article
published on its own ``source_date`` (HTML entities decoded). All reports of all headlines are
clustered together by :func:`sitrep.dedupe.cluster_reports`, each report compared by its
headline (``texts=``: the whole article, and the sentence its evidence comes from) and dated by
the headline's date (``published=``). A headline belongs to the incident of its main report
(the first ``reported`` one, else the first); a headline with no report is a cluster of its
own. When a row lists fewer or more dates than headlines, every headline of the row gets the
first date (counted in the notes).

**Metrics** over every headline (``n``), scored against the UCDP event ``id`` of its row:

``pairwise_precision``, ``pairwise_recall``, ``pairwise_f1``
    the pairs of headlines put in one incident that belong to one event, over all pairs put
    together (precision) and all pairs that belong together (recall); ``correct`` is the
    number of right pairs. With no predicted pair precision is 1; with no gold pair recall is 1.
``b3_precision``, ``b3_recall``, ``b3_f1``
    B-cubed: per headline, the share of its incident in its event and of its event in its
    incident, averaged over headlines.
``pairwise_f1_distinct``, ``b3_f1_distinct``
    the same over the headlines whose exact text belongs to one event only: about a third of
    the headlines are round-ups or lists ("Daily Briefing ...", "Executions 2010") cited for
    many events, which no method can tell apart, and their pairs swamp the pairwise figures.

There is no target: the headlines are noisy (daily round-ups and lists shared by many events,
a victim's name alone, other languages). The notes give, beside sitrep's figures, a
**word-overlap baseline**: two headlines published at most ``BASELINE_DAYS`` (3) days apart
are linked when at least half of the content words of the shorter one are in the other
(:func:`overlap_links`), and clusters are the connected components of the links. Incident
signals (date, place, kind, counts) should beat it.

``--errors FILE`` writes one example pair of headlines per pair of events wrongly merged in one
incident (``wrong_merge``) and per pair of incidents splitting one event (``wrong_split``),
with each headline's main report (kind, date, place).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from sitrep.evaluate.core import EvalResult, GoldDataError, extract_texts, read_csv, register
from sitrep.evaluate.clustering import ClusterScore, PairError, bcubed, example_errors, pairwise
from sitrep.evaluate.ecbplus import describe_report, document_incidents, stop_words
from sitrep.model import Article, Report

__all__ = [
    "BASELINE_DAYS",
    "Headline",
    "UcdpMultiEvaluator",
    "components",
    "content_words",
    "distinct_headlines",
    "overlap_links",
    "read_headlines",
    "split_headlines",
]

REQUIRED_COLUMNS: tuple[str, ...] = ("id", "source_headline", "source_date")
#: The word-overlap baseline links headlines published at most this many days apart ...
BASELINE_DAYS = 3
#: ... when at least this share of the shorter headline's content words are in the other.
BASELINE_OVERLAP = 0.5
#: Headlines are joined by a bare ";"; a ";" followed by a space is punctuation inside one.
_HEADLINE_SEPARATOR = re.compile(r";(?!\s)")
_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|\d+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Headline:
    """One report source of a UCDP event: ``item`` is ``<event id>:<position from 1>``."""

    item: str
    event: str
    text: str
    published: date | None


def split_headlines(row: Mapping[str, str]) -> list[str]:
    """A row's headlines: the ``headlines_split`` JSON list when present and readable, else
    ``source_headline`` split at each bare ``;``. HTML entities are decoded."""
    raw = (row.get("headlines_split") or "").strip()
    if raw:
        try:
            parsed = json.loads(raw)
        except json.JSONDecodeError:
            parsed = None
        if isinstance(parsed, list) and parsed and all(isinstance(h, str) for h in parsed):
            return [html.unescape(h).strip() for h in parsed]
    return [html.unescape(h).strip() for h in _HEADLINE_SEPARATOR.split(row["source_headline"])]


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def read_headlines(path: Path, *, limit: int | None = None) -> tuple[list[Headline], int]:
    """Every headline of a multi-source file (of its first ``limit`` events when given), and
    how many events had a number of dates that differs from their number of headlines."""
    rows = read_csv(path, REQUIRED_COLUMNS)
    if limit is not None:
        rows = rows[:limit]
    headlines: list[Headline] = []
    misaligned = 0
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        event = (row.get("id") or "").strip()
        if not event:
            raise GoldDataError(f"{path.name}, row {number}: no event id")
        if event in seen:
            raise GoldDataError(f"{path.name}, row {number}: event {event} appears twice")
        seen.add(event)
        texts = split_headlines(row)
        dates = [_date(d) for d in row["source_date"].split(";")]
        if len(dates) != len(texts):
            misaligned += 1
            dates = [dates[0] if dates else None] * len(texts)
        headlines.extend(Headline(f"{event}:{k}", event, text, when)
                         for k, (text, when) in enumerate(zip(texts, dates), start=1))
    return headlines, misaligned


def distinct_headlines(headlines: Sequence[Headline]) -> list[str]:
    """The items whose exact text is not also the headline of another event: a daily
    round-up or a list cited for many events cannot tell them apart, whatever the method."""
    events: dict[str, set[str]] = {}
    for h in headlines:
        events.setdefault(h.text, set()).add(h.event)
    return [h.item for h in headlines if len(events[h.text]) == 1]


# -- the word-overlap baseline ------------------------------------------------------------------
def content_words(text: str) -> frozenset[str]:
    """The lower-cased words of a headline, without spaCy's English stop words and words of
    fewer than three letters (numbers are kept)."""
    stop = stop_words()
    words = (m.group().lower() for m in _WORD.finditer(text))
    return frozenset(w for w in words if (w.isdigit() or len(w) > 2) and w not in stop)


def overlap_links(headlines: Sequence[Headline], *, days: int = BASELINE_DAYS,
                  share: float = BASELINE_OVERLAP) -> list[tuple[str, str]]:
    """Pairs of headlines published at most ``days`` apart in which at least ``share`` of the
    content words of the one with fewer words are in the other (a headline with no content
    word or no date links to nothing)."""
    dated = sorted((h for h in headlines if h.published is not None), key=lambda h: (h.published, h.item))
    words = {h.item: content_words(h.text) for h in dated}
    links: list[tuple[str, str]] = []
    window = timedelta(days=days)
    for i, a in enumerate(dated):
        wa = words[a.item]
        if not wa:
            continue
        for b in dated[i + 1:]:
            if b.published - a.published > window:  # type: ignore[operator]
                break
            wb = words[b.item]
            if wb and len(wa & wb) >= share * min(len(wa), len(wb)):
                links.append((a.item, b.item))
    return links


def components(items: Sequence[str], links: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Item -> label of its connected component (the component's smallest item)."""
    parent = {i: i for i in items}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in items}


# -- the evaluator ------------------------------------------------------------------------------
@register("ucdp-multi")
class UcdpMultiEvaluator:
    """Clusters the headlines of UCDP multi-source events and scores them against the events.

    Every event of the file is scored whether or not ``--data`` was given; ``--limit N``
    takes the first N events (rows).
    """

    name = "ucdp-multi"
    default_path = "ucdp/multi_source_events.csv"

    def __init__(self, *, cluster: Callable[..., Any] | None = None) -> None:
        self.cluster = cluster

    def evaluate(self, extractor: Any, path: Path, *, limit: int | None, all_rows: bool) -> EvalResult:
        """Extract every headline, cluster the reports, and score the headline clusters."""
        headlines, misaligned = read_headlines(path, limit=limit)
        articles = [Article(text=h.text, published=h.published, source=h.item) for h in headlines]
        extracted, speed = extract_texts(extractor, articles)
        result = EvalResult(dataset=self.name, documents=len(headlines), speed=speed)

        items = [h.item for h in headlines]
        made = document_incidents(items, extracted, texts={h.item: h.text for h in headlines},
                                  published={h.item: h.published for h in headlines}, cluster=self.cluster)
        predicted = {item: made.label.get(item) or f"alone:{item}" for item in items}
        gold = {h.item: h.event for h in headlines}

        pairs, b3 = pairwise(predicted, gold), bcubed(predicted, gold)
        self._fill(result, pairs, b3, len(headlines))
        distinct = distinct_headlines(headlines)
        gold_distinct = {i: gold[i] for i in distinct}
        predicted_distinct = {i: predicted[i] for i in distinct}
        self._fill(result, pairwise(predicted_distinct, gold_distinct), bcubed(predicted_distinct, gold_distinct),
                   len(distinct), suffix="_distinct")
        by_item = {h.item: h for h in headlines}
        errors = example_errors(predicted, gold)
        for error in errors:
            self._miss(result, error, by_item, made.main_report, predicted)
        baseline = components(items, overlap_links(headlines))
        result.notes.extend(self._notes(headlines, extracted, predicted, gold, baseline, errors, misaligned, made.reports))
        return result

    @staticmethod
    def _fill(result: EvalResult, pairs: ClusterScore, b3: ClusterScore, n: int, suffix: str = "") -> None:
        names = ("pairwise_f1", "pairwise_precision", "pairwise_recall", "b3_f1", "b3_precision", "b3_recall")
        if suffix:
            names = ("pairwise_f1", "b3_f1")
        values = {
            "pairwise_f1": (pairs.f1, pairs.correct_precision),
            "pairwise_precision": (pairs.precision, pairs.correct_precision),
            "pairwise_recall": (pairs.recall, pairs.correct_recall),
            "b3_f1": (b3.f1, b3.f1 * n),
            "b3_precision": (b3.precision, b3.correct_precision),
            "b3_recall": (b3.recall, b3.correct_recall),
        }
        for name in names:
            value, correct = values[name]
            m = result.metric(name + suffix)
            m.value, m.n, m.correct = value, n, correct

    @staticmethod
    def _miss(result: EvalResult, error: PairError, headlines: Mapping[str, Headline],
              main_report: Mapping[str, Report], labels: Mapping[str, str]) -> None:
        a, b = headlines[error.a], headlines[error.b]
        gold = f"event {a.event}" if error.kind == "wrong_split" else f"events {a.event} / {b.event}"
        described = f"{describe_report(main_report.get(a.item))} / {describe_report(main_report.get(b.item))}"
        predicted = f"one incident: {labels[a.item]} ({described})" if error.kind == "wrong_merge" else described
        text = "\n".join(f"[{h.item} {h.published}] {h.text}" for h in (a, b))
        result.miss(f"{a.item} | {b.item}", error.kind, gold, predicted, text)

    @staticmethod
    def _notes(headlines: Sequence[Headline], extracted: Sequence[Sequence[Report]], predicted: Mapping[str, str],
               gold: Mapping[str, str], baseline: Mapping[str, str], errors: Sequence[PairError],
               misaligned: int, n_reports: int) -> list[str]:
        no_report = sum(1 for found in extracted if not found)
        shared = Counter(h.text for h in headlines)
        repeated = sum(c for c in shared.values() if c > 1)
        base_pairs, base_b3 = pairwise(baseline, gold), bcubed(baseline, gold)
        distinct = distinct_headlines(headlines)
        base_distinct = pairwise({i: baseline[i] for i in distinct}, {i: gold[i] for i in distinct})
        notes = [
            f"events: {len(set(gold.values()))}; headlines: {len(headlines)}; reports: {n_reports}; "
            f"headlines with no report: {no_report} (each its own cluster)",
            f"headlines whose exact text stands for more than one headline (round-ups, lists): {repeated}",
            f"predicted incidents: {len(set(predicted.values()))}; example pairs: "
            f"{sum(e.kind == 'wrong_merge' for e in errors)} wrong merges, "
            f"{sum(e.kind == 'wrong_split' for e in errors)} wrong splits",
            f"word-overlap baseline ({BASELINE_DAYS}-day window, >= {BASELINE_OVERLAP:.0%} of the shorter "
            f"headline's content words shared): pairwise P {base_pairs.precision:.3f} R {base_pairs.recall:.3f} "
            f"F1 {base_pairs.f1:.3f}; B-cubed F1 {base_b3.f1:.3f}; pairwise F1 on distinct headlines "
            f"{base_distinct.f1:.3f}",
            f"*_distinct: the {len(distinct)} headlines whose exact text belongs to one event only",
        ]
        if misaligned:
            notes.append(f"events whose dates did not line up with their headlines (first date used): {misaligned}")
        return notes
