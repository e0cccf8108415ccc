"""Scoring sitrep's extraction against a hand-made answer key (``examples/expected.yaml``).

    >>> from sitrep.evaluate import load_key, read_examples, extract_articles, score
    >>> key = load_key(Path("examples/expected.yaml"))                   # doctest: +SKIP
    >>> articles = read_examples(Path("examples"))                       # doctest: +SKIP
    >>> extracted = extract_articles(articles, Extractor())              # doctest: +SKIP
    >>> print(score(key, extracted, articles=articles).table())          # doctest: +SKIP

The key's format and conventions are those of ``examples/README.md``. Key incidents are
paired with extracted reports one to one per article (:mod:`sitrep.evaluate.key_align`);
fields are compared only on the pairs (:mod:`sitrep.evaluate.key_fields`), while key
incidents without a report (missed) and reports without a key incident (spurious) are
counted in incident recall and precision.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Mapping, Sequence

import yaml

from sitrep.errors import ArticleUnreadable, SitrepError
from sitrep.evaluate.key_align import ArticleText, assign, locate, similarity
from sitrep.evaluate.key_fields import (
    ARTICLE_FIELDS,
    FIELD_ORDER,
    ActorLookup,
    Admin1Lookup,
    FieldResult,
    ScoringContext,
    score_article,
    score_incident,
    weapon_gtd_types,
)
from sitrep.model import Article

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.extract.pipeline import Extractor

KEY_FORMAT: Final = 1
INCIDENT_FIELDS: Final[tuple[str, ...]] = (
    "id", "kind", "status", "realis", "date", "location", "perpetrators", "targets", "weapons",
    "counts", "claim", "trigger",
)
OPTIONAL_INCIDENT_FIELDS: Final[tuple[str, ...]] = ("unscored", "accept", "notes")


class AnswerKeyError(SitrepError):
    """The answer key file cannot be read or does not follow the key format."""


# -- the key --------------------------------------------------------------------------------
@dataclass(frozen=True)
class KeyIncident:
    """One incident of the key: its fields as written (read-only), what is unscored and
    what else is accepted."""

    id: str
    fields: Mapping[str, Any]
    unscored: frozenset[str] = frozenset()
    accept: Mapping[str, tuple[Any, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def value(self, path: str) -> Any:
        """The key's value at a dotted path ("location.name"); None where there is none."""
        value: Any = self.fields
        for part in path.split("."):
            if not isinstance(value, Mapping):
                return None
            value = value.get(part)
        return value

    def skips(self, path: str) -> bool:
        """True when ``path`` or a field above it is unscored."""
        return any(path == u or path.startswith(u + ".") for u in self.unscored)


@dataclass(frozen=True)
class KeyArticle:
    """One article of the key: its article fields and its incidents."""

    name: str
    fields: Mapping[str, Any]
    incidents: tuple[KeyIncident, ...]


@dataclass(frozen=True)
class AnswerKey:
    """A whole answer key, by article name ("01-....txt", "07-news-feed.jsonl:2")."""

    articles: Mapping[str, KeyArticle]

    @property
    def incident_count(self) -> int:
        return sum(len(a.incidents) for a in self.articles.values())


def _fail(where: str, message: str) -> AnswerKeyError:
    return AnswerKeyError(f"{where}: {message}", hint="see examples/README.md, section 'The answer key'")


def load_key(path: Path) -> AnswerKey:
    """Read and check an answer key; raises :class:`AnswerKeyError` naming the first problem."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise AnswerKeyError(f"{path}: cannot be read ({exc.strerror or exc})", hint="check the path") from exc
    except yaml.YAMLError as exc:
        raise AnswerKeyError(f"{path}: not valid YAML ({exc})") from exc
    return parse_key(data, source=str(path))


def parse_key(data: Any, *, source: str = "answer key") -> AnswerKey:
    """Check a key already loaded from YAML (see :func:`load_key`)."""
    if not isinstance(data, Mapping):
        raise _fail(source, "the top level must be a mapping")
    if data.get("format") != KEY_FORMAT:
        raise _fail(source, f"format must be {KEY_FORMAT}, got {data.get('format')!r}")
    articles = data.get("articles")
    if not isinstance(articles, Mapping):
        raise _fail(source, "'articles' must map article names to entries")
    parsed = {str(name): _parse_article(str(name), entry, source) for name, entry in articles.items()}
    return AnswerKey(MappingProxyType(parsed))


def _parse_article(name: str, entry: Any, source: str) -> KeyArticle:
    where = f"{source}: {name}"
    if not isinstance(entry, Mapping) or not isinstance(entry.get("article"), Mapping):
        raise _fail(where, "needs an 'article' mapping and an 'incidents' list")
    fields = dict(entry["article"])
    unknown = set(fields) - set(ARTICLE_FIELDS)
    if unknown:
        raise _fail(where, f"unknown article fields {sorted(unknown)}")
    if "published" in fields:
        fields["published"] = _iso_text(fields["published"], where)
    incidents = entry.get("incidents")
    if not isinstance(incidents, list):
        raise _fail(where, "'incidents' must be a list ([] for an article without any)")
    parsed = tuple(_parse_incident(item, where) for item in incidents)
    duplicates = [i for i, n in Counter(p.id for p in parsed).items() if n > 1]
    if duplicates:
        raise _fail(where, f"incident ids used twice: {duplicates}")
    return KeyArticle(name, MappingProxyType(fields), parsed)


def _parse_incident(item: Any, where: str) -> KeyIncident:
    if not isinstance(item, Mapping):
        raise _fail(where, "every incident must be a mapping")
    where = f"{where} #{item.get('id', '?')}"
    missing = [f for f in INCIDENT_FIELDS if f not in item]
    if missing:
        raise _fail(where, f"missing fields {missing} (write null or [] for 'none')")
    unknown = set(item) - set(INCIDENT_FIELDS) - set(OPTIONAL_INCIDENT_FIELDS)
    if unknown:
        raise _fail(where, f"unknown fields {sorted(unknown)}")
    fields = {name: item[name] for name in INCIDENT_FIELDS}
    if isinstance(fields["date"], Mapping):
        fields["date"] = {**fields["date"], **{k: _iso_text(fields["date"].get(k), where) for k in ("start", "end")}}
    if not isinstance(fields["counts"], Mapping):
        raise _fail(where, "'counts' must be a mapping ({} for none)")
    unscored = item.get("unscored") or []
    accept = item.get("accept") or {}
    if not isinstance(unscored, list) or not all(isinstance(u, str) for u in unscored):
        raise _fail(where, "'unscored' must be a list of field paths")
    if not isinstance(accept, Mapping):
        raise _fail(where, "'accept' must map field paths to lists of values")
    for path, values in [*((u, [None]) for u in unscored), *accept.items()]:
        if str(path).split(".", 1)[0] not in INCIDENT_FIELDS:
            raise _fail(where, f"{path!r} names no incident field")
        if not isinstance(values, list) or not values:
            raise _fail(where, f"accept[{path!r}] must be a non-empty list")
    return KeyIncident(
        id=str(item["id"]),
        fields=MappingProxyType(fields),
        unscored=frozenset(unscored),
        accept=MappingProxyType({str(path): tuple(values) for path, values in accept.items()}),
    )


def _iso_text(value: Any, where: str) -> str | None:
    if value is None or isinstance(value, date):
        return value.isoformat() if value is not None else None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise _fail(where, f"{value!r} is not an ISO date (YYYY-MM-DD)") from exc


# -- the score ------------------------------------------------------------------------------
TABLE_HEADER: Final = (
    "Fields are scored on matched pairs only: a key incident with no report counts in incident\n"
    "recall below, not as a wrong field; a report with no key incident counts in precision.\n"
    "A count's .approx is scored where key and report both have the count; 'weapons' also\n"
    "credits agreeing GTD weapon types, 'weapons.type' needs the types themselves."
)


def _share(correct: int, total: int) -> str:
    return f"{100 * correct / total:.0f}%" if total else "-"


@dataclass(frozen=True)
class KeyScore:
    """The extraction of the key's articles, compared with the key.

    ``results`` holds one :class:`FieldResult` per scored field of every matched pair (and
    per article field); ``missed`` the key incidents no report was paired with;
    ``spurious`` the reports paired with no key incident; ``matched`` the pairs, as
    (article, key incident id, index of the report in that article's list).
    """

    results: tuple[FieldResult, ...]
    missed: tuple[tuple[str, str], ...]
    spurious: tuple[tuple[str, dict], ...]
    matched: tuple[tuple[str, str, int], ...] = ()

    def by_field(self) -> dict[str, tuple[int, int]]:
        """field -> (correct, scored), incident fields first in a fixed order, then article fields."""
        tally: dict[str, list[int]] = {}
        for result in self.results:
            counts = tally.setdefault(result.field, [0, 0])
            counts[0] += result.ok
            counts[1] += 1
        order = [*FIELD_ORDER, *(f"article.{name}" for name in ARTICLE_FIELDS)]
        known = [name for name in order if name in tally]
        others = sorted(name for name in tally if name not in order)
        return {name: (tally[name][0], tally[name][1]) for name in [*known, *others]}

    @property
    def recall(self) -> float:
        """Share of the key's incidents paired with a report (1.0 for an empty key)."""
        total = len(self.matched) + len(self.missed)
        return len(self.matched) / total if total else 1.0

    @property
    def precision(self) -> float:
        """Share of the extracted reports paired with a key incident (1.0 when there are none)."""
        total = len(self.matched) + len(self.spurious)
        return len(self.matched) / total if total else 1.0

    def mismatches(self) -> tuple[FieldResult, ...]:
        """The wrong fields, in article and field order."""
        return tuple(result for result in self.results if not result.ok)

    def table(self) -> str:
        """A plain-text table: field, n, correct, share; then incident recall and precision."""
        rows = self.by_field()
        incident_rows = {name: tally for name, tally in rows.items() if not name.startswith("article.")}
        article_rows = {name: tally for name, tally in rows.items() if name.startswith("article.")}
        width = max([len("all incident fields"), *(len(name) for name in rows)])

        def line(name: str, correct: int, total: int) -> str:
            return f"{name:<{width}}  {total:>4}  {correct:>7}  {_share(correct, total):>5}"

        heading = f"{'field':<{width}}  {'n':>4}  {'correct':>7}  {'share':>5}"
        lines = [TABLE_HEADER, "", heading, "-" * len(heading)]
        lines += [line(name, correct, total) for name, (correct, total) in incident_rows.items()]
        if incident_rows:
            lines.append(line("all incident fields", *map(sum, zip(*incident_rows.values()))))
        if article_rows:
            lines.append("")
            lines += [line(name, correct, total) for name, (correct, total) in article_rows.items()]
        matched, missed, spurious = len(self.matched), len(self.missed), len(self.spurious)
        lines += [
            "",
            f"incident recall     {matched} of {matched + missed} key incidents matched"
            f" = {_share(matched, matched + missed)} ({missed} missed)",
            f"incident precision  {matched} of {matched + spurious} reports matched"
            f" = {_share(matched, matched + spurious)} ({spurious} spurious)",
        ]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: per-field tallies, recall and precision, and every pair, miss and mismatch."""
        return {
            "fields": {
                name: {"correct": correct, "scored": total, "share": correct / total if total else None}
                for name, (correct, total) in self.by_field().items()
            },
            "recall": self.recall,
            "precision": self.precision,
            "matched": [{"article": a, "incident": i, "report": r} for a, i, r in self.matched],
            "missed": [{"article": a, "incident": i} for a, i in self.missed],
            "spurious": [{"article": a, "report": report} for a, report in self.spurious],
            "mismatches": [
                {
                    "article": r.article,
                    "incident": r.incident_id,
                    "field": r.field,
                    "expected": _plain(r.expected),
                    "got": _plain(r.got),
                }
                for r in self.mismatches()
            ],
        }


def _plain(value: Any) -> Any:
    if isinstance(value, (tuple, list, frozenset, set)):
        return [_plain(v) for v in value]
    return value


def _article_dict(value: Article | Mapping[str, Any]) -> Mapping[str, Any]:
    return value.to_dict() if isinstance(value, Article) else value


def score(
    key: AnswerKey,
    extracted: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    articles: Mapping[str, Article | Mapping[str, Any]] | None = None,
    gazetteer: Admin1Lookup | None = None,
    registry: ActorLookup | None = None,
    weapon_gtd: Mapping[str, str] | None = None,
) -> KeyScore:
    """Compare extracted reports with the key.

    ``extracted`` maps the key's article names to the report dicts (``Report.to_dict()``)
    extracted from each article. ``articles`` (same names; :class:`~sitrep.model.Article`
    values or their dicts) gives the article fields to score and the body text in which the
    key's evidence phrases are found for alignment; without it, phrases are looked for in
    the reports' evidence sentences. ``gazetteer`` lets admin1 names match through the
    gazetteer, ``registry`` lets actor names match through their aliases;
    ``weapon_gtd`` maps weapon types to GTD weapon types (default: ``weapons.yaml``).
    An article the extraction has no entry for has every key incident missed; reports
    for an article the key does not list are all spurious.
    """
    context = ScoringContext(gazetteer, registry, weapon_gtd if weapon_gtd is not None else weapon_gtd_types())
    results: list[FieldResult] = []
    matched: list[tuple[str, str, int]] = []
    missed: list[tuple[str, str]] = []
    spurious: list[tuple[str, dict]] = []
    for name, entry in key.articles.items():
        reports = list(extracted.get(name, ()))
        article = _article_dict(articles[name]) if articles is not None and name in articles else None
        text = article.get("text") if article is not None else None
        body = ArticleText.build(text) if isinstance(text, str) and text else None
        located = [locate(incident, body) for incident in entry.incidents]
        weights = [
            [similarity(incident, report, phrases) for report in reports]
            for incident, phrases in zip(entry.incidents, located)
        ]
        pairs = assign(weights)
        paired_reports = {column for _, column in pairs}
        for row, column in pairs:
            incident = entry.incidents[row]
            matched.append((name, incident.id, column))
            results += score_incident(name, incident, reports[column], context)
        paired_rows = {row for row, _ in pairs}
        missed += [(name, incident.id) for row, incident in enumerate(entry.incidents) if row not in paired_rows]
        spurious += [(name, dict(report)) for column, report in enumerate(reports) if column not in paired_reports]
        if article is not None:
            results += score_article(name, entry.fields, article)
    for name in sorted(set(extracted) - set(key.articles)):
        spurious += [(name, dict(report)) for report in extracted[name]]
    return KeyScore(tuple(results), tuple(missed), tuple(spurious), tuple(matched))


# -- reading and extracting the examples ----------------------------------------------------
def key_name(source: str, folder: Path) -> str:
    """The key's name of an article read from ``folder``: its path relative to the folder,
    with ``:line`` kept for JSON Lines ("examples/07-news-feed.jsonl:2" -> "07-news-feed.jsonl:2")."""
    path, line = source, ""
    head, sep, tail = source.rpartition(":")
    if sep and tail.isdigit() and head:
        path, line = head, f":{tail}"
    try:
        relative = Path(path).resolve().relative_to(Path(folder).resolve()).as_posix()
    except ValueError:
        relative = Path(path).name
    return relative + line


def read_examples(folder: Path) -> dict[str, Article]:
    """Every article in ``folder``, read with :func:`sitrep.ingest.read_paths` and keyed by
    the key's article names. An input that cannot be read raises its
    :class:`~sitrep.errors.ArticleUnreadable`: a score over fewer articles would mislead."""
    from sitrep.ingest import read_paths

    articles: dict[str, Article] = {}
    for result in read_paths([folder]):
        if result.article is None:
            raise result.error or ArticleUnreadable(f"{result.source}: could not be read")
        articles[key_name(result.source, folder)] = result.article
    return articles


def extract_articles(articles: Mapping[str, Article], extractor: Extractor) -> dict[str, list[dict]]:
    """Run ``extractor.extract_many`` over the articles; report dicts by article name."""
    names = list(articles)
    extracted: dict[str, list[dict]] = {}
    for name, (_, reports) in zip(names, extractor.extract_many(articles[n] for n in names)):
        extracted[name] = [report.to_dict() for report in reports]
    return extracted


def extract_examples(folder: Path, extractor: Extractor) -> dict[str, list[dict]]:
    """Read every article in ``folder`` and extract its reports, keyed by the key's article
    names. Use :func:`read_examples` and :func:`extract_articles` to keep the articles too
    (their fields are scored as well)."""
    return extract_articles(read_examples(folder), extractor)

