"""``sitrep evaluate ecbplus``: documents clustered by the incident they report, scored against ECB+.

ECB+ (Cybulska & Vossen 2014) groups news documents by the *seminal event* they report; each
topic holds two similar but different events (two rehab check-ins, two office shootings), the
hard negatives of deduplication. The gold folder holds ``documents.jsonl`` (``doc_name``,
``text``, ``seminal_event_group``, ``topic_domain_manual``) and ``event_groups.jsonl``
(``seminal_event_group``, ``topic_domain_manual``); a document's domain is its own field,
else its group's.

**How documents are clustered.** Every document is read by the extractor as one article. Its
publication date is not given (ECB+ keeps none), so it is read the way ``sitrep extract`` reads
a text dump without a date line: the day in the page address many documents open with
("http: / / articles. latimes. com / 2005 / jun / 25 / ..."), else the first full calendar date
in the text; a document with neither is extracted without one, and its relative dates
("on Tuesday") stay unresolved. All reports of all documents are clustered together by
:func:`sitrep.dedupe.cluster_reports`, each report compared by the text of its whole document
(``texts=``, with ``whole_articles=True``: an ECB+ document tells one seminal event, and its
names are what tell two similar events apart; two documents alike enough to tell one story are
linked even where extraction read a kind, a day or a town differently in them) and dated by
its document's inferred publication date where there is one (``published=``). A document belongs to the incident of its *main report*: the first report
whose realis is ``reported`` and that is not an arrest (an arrest usually follows the act an
article is about), else its first reported one, else its first report.

**Documents with no report** (sitrep found no incident in them, which is right for most
documents of the non-violent topics) have no incident. In the metrics over violent topics
they stay alone (each is its own cluster: sitrep put them with nothing). In ``b3_f1_all``
they are placed by their text alone (:func:`text_labels`): an average-linkage clustering on
a pairwise cosine similarity of content words (:func:`text_clusters`), in which each
incident's documents start as one fixed group and two incidents are never joined, so a
document with no report joins the incident whose documents it resembles or groups with
other documents with no report. It stops at a fixed similarity, so it is never told how
many events there are.

**Metrics** (values 0..1; ``n`` is the number of documents scored):

``b3_precision``, ``b3_recall``, ``b3_f1``
    B-cubed over the documents of the violent topics (``topic_domain_manual`` other than
    ``other``): for each document, the share of its predicted cluster that is in its gold
    group (precision) and the share of its gold group that is in its predicted cluster
    (recall), averaged over documents; F1 is their harmonic mean. ``correct`` is the sum of
    the per-document shares.
``pairwise_precision``, ``pairwise_recall``, ``pairwise_f1``
    over the same documents, the pairs of documents put together that belong together, over
    all pairs put together (precision) and over all pairs that belong together (recall).
    ``correct`` is the number of such pairs. With no pair predicted, precision is 1 (nothing
    was wrongly merged); with no gold pair, recall is 1.
``b3_f1_all``
    B-cubed F1 over every document, those with no report placed by their text.

The published reference: TF-IDF vectors clustered by K-means, *told the true number of
events*, reach a B-cubed F1 of about 0.97 on all documents; sitrep is never told it.

``--errors FILE`` writes, for each pair of gold groups wrongly merged in one predicted
cluster, one example pair of documents (``wrong_merge``), and for each pair of predicted
clusters that split one gold group, one example pair (``wrong_split``), over the violent
topics, with the main report of each document (kind, date, place) and its evidence sentences.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from sitrep.evaluate.clustering import ClusterScore, PairError, bcubed, example_errors, pairwise
from sitrep.evaluate.core import EvalResult, GoldDataError, extract_texts, register
from sitrep.model import Article, Report

__all__ = [
    "EcbDocument",
    "EcbPlusEvaluator",
    "Incidents",
    "choose_report",
    "cluster_incidents",
    "describe_report",
    "document_incidents",
    "read_documents",
    "report_text",
    "stop_words",
    "text_clusters",
    "text_labels",
    "text_similarity",
]

OTHER_DOMAIN = "other"
#: The kind of an arrest (ACLED sub-event type), which is not chosen as a document's main report
#: when the document tells another incident.
ARREST = "Arrests"
#: The text grouping joins two groups of documents while the average cosine similarity of
#: their content words (over every pair across the two groups) is at least this.
TEXT_THRESHOLD = 0.25
#: The weight of a capitalised word inside a line (a name) against 1 for any other content word.
NAME_WEIGHT = 3.0
#: The published figure for TF-IDF + K-means given the number of events (B-cubed F1, all documents).
REFERENCE_B3_F1_ALL = 0.97


# -- grouping documents by their text alone -------------------------------------------------------
_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|\d{2,}", re.UNICODE)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (left out of text comparisons)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _vector(text: str, stop: frozenset[str]) -> dict[str, float]:
    """Content words, L2-normalised: each occurrence counts 1, or ``NAME_WEIGHT`` for a
    capitalised word inside a line (a name: what tells one event from a similar one); a
    word's weight is 1 + log of that sum."""
    counts: Counter[str] = Counter()
    for line in text.splitlines():
        for position, match in enumerate(_WORD.finditer(line)):
            word = match.group()
            folded = word.lower()
            if len(folded) > 2 and folded not in stop:
                counts[folded] += NAME_WEIGHT if position and word[0].isupper() else 1.0
    weights = {w: 1.0 + math.log(c) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {w: v / norm for w, v in weights.items()} if norm else {}


def text_similarity(a: str, b: str) -> float:
    """Cosine similarity of the content words of two texts (0..1): a pairwise measure, with
    no statistics from any other text (stop words are spaCy's English list)."""
    stop = stop_words()
    va, vb = _vector(a, stop), _vector(b, stop)
    if len(va) > len(vb):
        va, vb = vb, va
    return sum(v * vb.get(w, 0.0) for w, v in va.items())


def text_clusters(
    texts: Mapping[str, str], *, threshold: float = TEXT_THRESHOLD, fixed: Iterable[Iterable[str]] = ()
) -> list[list[str]]:
    """Group texts (id -> text) by similarity alone: average-linkage agglomerative clustering
    on :func:`text_similarity`, joining the two most similar groups while their average
    similarity is at least ``threshold``. Never told how many groups there are.

    ``fixed`` holds groups decided beforehand (the documents of one incident): each starts as
    one group, and two of them are never joined, so a text joins at most one of them.

    The result does not depend on the order of ``texts`` (ties go to the groups with the
    smallest ids). Clusters are sorted lists of ids, sorted by first id. Cost: quadratic memory
    in the number of texts (meant for the hundreds of documents of a gold set). ValueError when
    a fixed group names an unknown id or an id is in two fixed groups.
    """
    import numpy as np

    ids = sorted(texts)
    if not ids:
        return []
    index = {i: k for k, i in enumerate(ids)}
    stop = stop_words()
    vectors = [_vector(texts[i], stop) for i in ids]
    vocabulary = {w: k for k, w in enumerate(sorted({w for v in vectors for w in v}))}
    matrix = np.zeros((len(ids), max(len(vocabulary), 1)), dtype=np.float64)
    for row, vector in enumerate(vectors):
        for word, weight in vector.items():
            matrix[row, vocabulary[word]] = weight
    # sums[i, j] = total similarity between the members of groups i and j
    sums = matrix @ matrix.T
    sizes = np.ones(len(ids))
    members: list[list[int]] = [[k] for k in range(len(ids))]
    alive = np.ones(len(ids), dtype=bool)
    locked = np.zeros(len(ids), dtype=bool)

    def join(i: int, j: int) -> None:
        keep, gone = min(i, j), max(i, j)
        sums[keep, :] += sums[gone, :]
        sums[:, keep] += sums[:, gone]
        sizes[keep] += sizes[gone]
        members[keep].extend(members[gone])
        locked[keep] |= locked[gone]
        alive[gone] = False

    placed: set[str] = set()
    for group in fixed:
        names = sorted(set(group))
        unknown = [n for n in names if n not in index]
        if unknown or placed.intersection(names):
            raise ValueError(f"fixed groups must name known ids once each: {(unknown or sorted(placed & set(names)))[0]}")
        placed.update(names)
        for name in names[1:]:
            join(index[names[0]], index[name])
        locked[index[names[0]]] = True
    while alive.sum() > 1:
        average = sums / np.outer(sizes, sizes)
        mask = np.outer(alive, alive) & ~np.outer(locked, locked)
        np.fill_diagonal(mask, False)
        average = np.where(mask, average, -np.inf)
        best = int(np.argmax(average))  # the first maximum in row-major order: smallest ids win ties
        i, j = divmod(best, len(ids))
        if average[i, j] < threshold:
            break
        join(i, j)
    clusters = [sorted(ids[k] for k in members[g]) for g in range(len(ids)) if alive[g]]
    return sorted(clusters, key=lambda c: c[0])


def text_labels(
    texts: Mapping[str, str], incidents: Mapping[str, str], *, threshold: float = TEXT_THRESHOLD
) -> dict[str, str]:
    """Id -> label for every text: those in ``incidents`` (id -> incident label) keep their
    incident's label; each other text joins, by :func:`text_clusters` with the incidents as
    fixed groups, the incident whose texts it resembles, or a group of texts with no incident
    (labelled ``text:<first id>``)."""
    by_incident: dict[str, list[str]] = {}
    for name, label in incidents.items():
        by_incident.setdefault(label, []).append(name)
    labels: dict[str, str] = {}
    for group in text_clusters(texts, threshold=threshold, fixed=by_incident.values()):
        incident = next((incidents[name] for name in group if name in incidents), f"text:{group[0]}")
        labels.update((name, incident) for name in group)
    return labels


# -- incidents from reports ---------------------------------------------------------------------
def choose_report(reports: Sequence[Report]) -> int | None:
    """The index of a document's main report: the first reported one that is not an arrest,
    else the first reported one, else the first. An arrest an article tells usually follows the
    act it is about ("Police have a suspect in custody after a hit and run")."""
    reported = [index for index, report in enumerate(reports) if report.realis == "reported"]
    for index in reported:
        if reports[index].kind.sub_event_type != ARREST:
            return index
    return reported[0] if reported else (0 if reports else None)


def report_text(report: Report) -> str:
    """The text a report is compared by: its evidence sentences, each once, in text order."""
    sentences = sorted({(e.start, e.sentence) for e in report.evidence.values() if e.sentence})
    return " ".join(s for _, s in sentences)


def cluster_incidents(
    reports: Sequence[tuple[str, Report]],
    *,
    texts: Mapping[str, str] | None = None,
    published: Mapping[str, date] | None = None,
    cluster: Callable[..., tuple[list[list[str]], list[Any]]] | None = None,
    whole_articles: bool = False,
) -> dict[str, str]:
    """Report id -> incident label (the first report id of its cluster), from
    :func:`sitrep.dedupe.cluster_reports` (or a stand-in ``cluster`` taking the same arguments;
    ``whole_articles`` is passed on only when set)."""
    if cluster is None:
        from sitrep.dedupe import cluster_reports as cluster
    options = {"whole_articles": True} if whole_articles else {}
    clusters, _ = cluster(list(reports), texts=texts, published=published, **options)
    return {rid: ids[0] for ids in clusters for rid in ids}


@dataclass(frozen=True)
class Incidents:
    """What the engine made of a set of documents: each document's main report and the label
    of its incident (documents with no report have neither)."""

    label: Mapping[str, str]  # document -> "incident:<first report id of its cluster>"
    main_report: Mapping[str, Report]  # document -> its main report
    reports: int  # how many reports were clustered


def document_incidents(
    names: Sequence[str],
    extracted: Sequence[Sequence[Report]],
    *,
    texts: Mapping[str, str],
    published: Mapping[str, date | None],
    cluster: Callable[..., tuple[list[list[str]], list[Any]]] | None = None,
    whole_articles: bool = False,
) -> Incidents:
    """Cluster every report of every document (``names[i]`` holds ``extracted[i]``), each
    report compared by its document's entry in ``texts`` (else its evidence sentences) and
    dated by its document's ``published`` date, and put each document with its main report.
    ``whole_articles``: the texts are whole articles, each about one story."""
    reports: list[tuple[str, Report]] = []
    report_texts: dict[str, str] = {}
    report_dates: dict[str, date] = {}
    main: dict[str, str] = {}
    main_report: dict[str, Report] = {}
    for name, found in zip(names, extracted):
        for index, report in enumerate(found):
            rid = f"{name}#{index}"
            reports.append((rid, report))
            report_texts[rid] = texts.get(name) or report_text(report)
            when = published.get(name)
            if when is not None:
                report_dates[rid] = when
        chosen = choose_report(found)
        if chosen is not None:
            main[name] = f"{name}#{chosen}"
            main_report[name] = found[chosen]
    incident = cluster_incidents(reports, texts=report_texts, published=report_dates, cluster=cluster,
                                 whole_articles=whole_articles)
    return Incidents({name: f"incident:{incident[rid]}" for name, rid in main.items()}, main_report, len(reports))


# -- gold documents -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EcbDocument:
    """One ECB+ document as scored."""

    name: str
    text: str
    group: str
    topic: str
    domain: str

    @property
    def violent(self) -> bool:
        return self.domain != OTHER_DOMAIN


def _jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldDataError(f"cannot read {path}: {exc}") from exc
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldDataError(f"{path.name}, line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise GoldDataError(f"{path.name}, line {number}: not a JSON object")
        rows.append(row)
    return rows


def read_documents(folder: Path, *, limit: int | None = None) -> list[EcbDocument]:
    """The documents of an ECB+ folder (the first ``limit`` ones when given), in file order.

    A document's domain is its ``topic_domain_manual``, else its group's in
    ``event_groups.jsonl`` (which may be absent when every document carries it).
    GoldDataError when a file is missing or a document lacks a field.
    """
    if not folder.is_dir():
        raise GoldDataError(f"{folder} is not a folder", hint="ecbplus --data takes the folder holding documents.jsonl")
    docs_path, groups_path = folder / "documents.jsonl", folder / "event_groups.jsonl"
    if not docs_path.exists():
        raise GoldDataError(f"{folder}: no documents.jsonl")
    group_domain = {
        str(g.get("seminal_event_group")): str(g.get("topic_domain_manual"))
        for g in (_jsonl(groups_path) if groups_path.exists() else [])
        if g.get("topic_domain_manual")
    }
    rows = _jsonl(docs_path)
    if limit is not None:
        rows = rows[:limit]
    documents: list[EcbDocument] = []
    for number, row in enumerate(rows, start=1):
        where = f"{docs_path.name}, line {number}"
        missing = [k for k in ("doc_name", "text", "seminal_event_group") if not row.get(k)]
        if missing:
            raise GoldDataError(f"{where}: missing {', '.join(missing)}")
        group = str(row["seminal_event_group"])
        domain = row.get("topic_domain_manual") or group_domain.get(group)
        if not domain:
            raise GoldDataError(f"{where}: no topic_domain_manual for {row['doc_name']} or its group {group}")
        documents.append(
            EcbDocument(str(row["doc_name"]), str(row["text"]), group, str(row.get("topic", "")), str(domain))
        )
    names = Counter(d.name for d in documents)
    twice = [n for n, c in names.items() if c > 1]
    if twice:
        raise GoldDataError(f"{docs_path.name}: document {twice[0]} appears {names[twice[0]]} times")
    return documents


def _publication(text: str) -> tuple[date | None, bool]:
    """A document's publication date and whether it was only inferred from the body: the day in
    the page address on its first line (ECB+ keeps it tokenised: "http: / / www. x. com / ..."),
    else the first full calendar date in the text."""
    from sitrep.extract.pipeline import ADDRESS_LINE
    from sitrep.ingest.published import resolve_publication

    address = ADDRESS_LINE.match(text.lstrip("\n"))
    found, inferred, _ = resolve_publication(None, None, text, url=address.group() if address else None)
    return found, inferred


# -- the evaluator ------------------------------------------------------------------------------
@register("ecbplus")
class EcbPlusEvaluator:
    """Clusters ECB+ documents by incident and scores them against their seminal events.

    Every document of the folder is scored whether or not ``--data`` was given; ``--limit N``
    takes the first N documents of ``documents.jsonl`` (the file is in topic order).
    """

    name = "ecbplus"
    default_path = "ecbplus"

    def __init__(self, *, text_threshold: float = TEXT_THRESHOLD, cluster: Callable[..., Any] | None = None) -> None:
        self.text_threshold = text_threshold
        self.cluster = cluster

    def evaluate(self, extractor: Any, path: Path, *, limit: int | None, all_rows: bool) -> EvalResult:
        """Extract every document, cluster the reports, and score the document clusters."""
        documents = read_documents(path, limit=limit)
        read = {d.name: _publication(d.text) for d in documents}
        published = {name: when for name, (when, _) in read.items()}
        articles = [
            Article(text=d.text, published=read[d.name][0], published_inferred=read[d.name][1], source=d.name)
            for d in documents
        ]
        extracted, speed = extract_texts(extractor, articles)
        result = EvalResult(dataset=self.name, documents=len(documents), speed=speed)

        names = [d.name for d in documents]
        made = document_incidents(names, extracted, texts={d.name: d.text for d in documents}, published=published,
                                  cluster=self.cluster, whole_articles=True)

        unreported = [d for d in documents if d.name not in made.label]
        texts = {d.name: d.text for d in documents}
        label_all = text_labels(texts, made.label, threshold=self.text_threshold)
        label_violent = {d.name: made.label.get(d.name) or f"alone:{d.name}" for d in documents if d.violent}
        gold = {d.name: d.group for d in documents}
        gold_violent = {d.name: d.group for d in documents if d.violent}

        self._fill(result, bcubed(label_violent, gold_violent), pairwise(label_violent, gold_violent),
                   bcubed(label_all, gold), len(gold_violent), len(gold))
        by_name = {d.name: d for d in documents}
        for error in example_errors(label_violent, gold_violent):
            self._miss(result, error, by_name, made.main_report, label_violent)
        result.notes.extend(self._notes(documents, extracted, made.main_report, published, label_violent, gold_violent,
                                        unreported, label_all, made.reports))
        # what a perfect engine would score with these reports: documents with a report in their gold group
        perfect = {d: f"gold:{gold[d]}" for d in made.label}
        perfect_violent = {d: perfect.get(d) or label for d, label in label_violent.items()}
        perfect_all = text_labels(texts, perfect, threshold=self.text_threshold)
        text_only = text_labels(texts, {}, threshold=self.text_threshold)
        result.notes.extend([
            f"ceiling with these reports (a perfect engine, the documents with no report as above): "
            f"b3_f1 {bcubed(perfect_violent, gold_violent).f1:.3f}, b3_f1_all {bcubed(perfect_all, gold).f1:.3f}",
            f"text alone, every document grouped by text (no incidents; a reference, not sitrep): "
            f"B-cubed F1 {bcubed(text_only, gold).f1:.3f} ({len(set(text_only.values()))} groups)",
        ])
        return result

    @staticmethod
    def _fill(result: EvalResult, b3: ClusterScore, pairs: ClusterScore, b3_all: ClusterScore,
              violent: int, everything: int) -> None:
        for name, value, correct in (
            ("b3_f1", b3.f1, b3.f1 * violent),
            ("b3_precision", b3.precision, b3.correct_precision),
            ("b3_recall", b3.recall, b3.correct_recall),
            ("pairwise_f1", pairs.f1, pairs.correct_precision),
            ("pairwise_precision", pairs.precision, pairs.correct_precision),
            ("pairwise_recall", pairs.recall, pairs.correct_recall),
        ):
            m = result.metric(name)
            m.value, m.n, m.correct = value, violent, correct
        m = result.metric("b3_f1_all")
        m.value, m.n, m.correct = b3_all.f1, everything, b3_all.f1 * everything

    @staticmethod
    def _miss(result: EvalResult, error: PairError, docs: Mapping[str, EcbDocument],
              main_report: Mapping[str, Report], labels: Mapping[str, str]) -> None:
        a, b = docs[error.a], docs[error.b]
        gold = a.group if error.kind == "wrong_split" else f"{a.group} / {b.group}"
        described = f"{describe_report(main_report.get(a.name))} / {describe_report(main_report.get(b.name))}"
        predicted = f"one incident: {labels[a.name]} ({described})" if error.kind == "wrong_merge" else described
        text = "\n".join(f"[{d.name}] {_snippet(d, main_report.get(d.name))}" for d in (a, b))
        result.miss(f"{a.name} | {b.name}", error.kind, gold, predicted, text)

    @staticmethod
    def _notes(documents: Sequence[EcbDocument], extracted: Sequence[Sequence[Report]],
               main_report: Mapping[str, Report], published: Mapping[str, date | None],
               labels: Mapping[str, str], gold: Mapping[str, str], unreported: Sequence[EcbDocument],
               label_all: Mapping[str, str], n_reports: int) -> list[str]:
        violent = [d for d in documents if d.violent]
        no_report = [d for d, r in zip(documents, extracted) if not r]
        no_report_violent = [d for d in no_report if d.violent]
        joined = sum(1 for d in unreported if label_all[d.name].startswith("incident:"))
        own = len({label_all[d.name] for d in unreported if not label_all[d.name].startswith("incident:")})
        dated = sum(1 for d in documents if published[d.name] is not None)
        mains = [main_report[d.name] for d in violent if d.name in main_report]
        with_date = sum(1 for r in mains if r.date is not None)
        with_place = sum(1 for r in mains if r.location is not None)
        with_both = sum(1 for r in mains if r.date is not None and r.location is not None)
        predicted_clusters = len(set(labels.values()))
        errors = example_errors(labels, gold)
        return [
            f"documents: {len(documents)} ({len(violent)} in violent topics, {len(set(gold.values()))} gold events "
            f"there); reports: {n_reports}",
            f"documents with no report: {len(no_report)} ({len(no_report_violent)} in violent topics, "
            f"{len(no_report) - len(no_report_violent)} in other topics); for b3_f1_all "
            f"{joined} joined an incident by their text, the others make {own} groups of their own",
            f"publication dates read from the page address or the body: {dated} of {len(documents)} "
            "(ECB+ keeps none; the rest have none)",
            f"main reports in violent topics: {len(mains)}; with a date {with_date}, with a place {with_place}, "
            f"with both {with_both}",
            f"violent topics: {predicted_clusters} predicted clusters for {len(set(gold.values()))} events; "
            f"gold groups wrongly merged: {sum(e.kind == 'wrong_merge' for e in errors)} pairs, "
            f"predicted clusters splitting a group: {sum(e.kind == 'wrong_split' for e in errors)} pairs",
            f"reference: TF-IDF + K-means told the number of events, B-cubed F1 about {REFERENCE_B3_F1_ALL} "
            "on all documents",
        ]


def describe_report(report: Report | None) -> str:
    """A report in a few words: kind, date, place."""
    if report is None:
        return "no report"
    when = report.date.start.isoformat() if report.date is not None else "no date"
    if report.date is not None and report.date.end != report.date.start:
        when += f"..{report.date.end.isoformat()}"
    where = report.location.name if report.location is not None else "no place"
    if report.location is not None and report.location.country_code:
        where += f" ({report.location.country_code})"
    return f"{report.kind.sub_event_type}, {when}, {where}"


def _snippet(doc: EcbDocument, report: Report | None, size: int = 400) -> str:
    text = report_text(report) if report is not None else ""
    return (text or doc.text)[:size]
