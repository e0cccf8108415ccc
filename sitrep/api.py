"""sitrep's Python API: the functions the CLI (and any other shell) call.

>>> import sitrep
>>> reports = sitrep.extract("Gunmen killed 12 people in Maiduguri on Tuesday.", published="2024-05-08")
>>> reports[0].counts.killed.best
12
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from sitrep.errors import ArticleUnreadable
from sitrep.model import Article, Report
from sitrep.settings import Settings, load_settings

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.extract.pipeline import Extractor
    from sitrep.store import Store


@lru_cache(maxsize=1)
def default_extractor() -> "Extractor":
    """The extractor ``sitrep.extract`` uses: built from the environment's settings on first call."""
    from sitrep.extract.pipeline import Extractor

    return Extractor(load_settings())


def parse_date(value: str | date | None) -> date | None:
    """An ISO date (or datetime) string, a date, or None."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise ArticleUnreadable(f"not a date: {value!r}", hint="write dates as YYYY-MM-DD") from exc


def extract(
    text: str,
    *,
    published: str | date | None = None,
    title: str | None = None,
    extractor: "Extractor | None" = None,
) -> list[Report]:
    """The incident reports in ``text`` (an article body), dated against ``published``."""
    article = Article(text=text, title=title, published=parse_date(published))
    return (extractor or default_extractor()).extract(article)


@dataclass
class IngestSummary:
    """What an ingest run did."""

    articles_read: int = 0
    articles_new: int = 0
    articles_unchanged: int = 0
    reports: int = 0
    incidents: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def ingest(
    paths: Sequence[str],
    store: "Store",
    *,
    published: date | None = None,
    extractor: "Extractor | None" = None,
    settings: Settings | None = None,
    progress: Callable[[int], None] | None = None,
    stdin=None,
) -> IngestSummary:
    """Read, extract and store every article under ``paths``; one bad input never stops the others.

    Each article is stored in its own transaction as soon as it is extracted, so a crash
    loses at most the article being processed. Incidents are regrouped at the end.
    """
    from sitrep.dedupe import regroup
    from sitrep.extract.pipeline import EXTRACTION_VERSION
    from sitrep.ingest import read_paths

    extractor = extractor or default_extractor()
    summary = IngestSummary()

    def articles() -> Iterable[Article]:
        for result in read_paths(paths, published=published, stdin=stdin):
            if progress is not None:
                progress(1)
            if result.error is not None:
                message = str(result.error)
                summary.errors.append(message if message.startswith(result.source) else f"{result.source}: {message}")
                continue
            assert result.article is not None
            summary.articles_read += 1
            summary.warnings.extend(f"{result.source}: {w}" for w in result.article.warnings)
            if store.has_article(result.article.content_hash, extraction_version=EXTRACTION_VERSION):
                summary.articles_unchanged += 1
                continue
            yield result.article

    for article, reports in _extract_safely(extractor, articles(), summary):
        saved = store.save_article(article, reports, extraction_version=EXTRACTION_VERSION)
        summary.articles_new += int(saved.new)
        summary.reports += len(reports)
    summary.incidents = regroup(store)
    return summary


def _extract_safely(extractor: "Extractor", articles: Iterable[Article], summary: IngestSummary):
    """Extract in batches; if a batch fails, retry its articles one by one so one bad article is isolated."""
    batch: list[Article] = []
    size = extractor.settings.batch_size

    def run(items: list[Article]):
        try:
            yield from list(extractor.extract_many(items))
        except Exception as exc:  # noqa: BLE001 - isolate the article that fails
            if len(items) == 1:
                summary.errors.append(f"{items[0].source or items[0].title}: extraction failed: {exc}")
                return
            for item in items:
                yield from run([item])

    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield from run(batch)
            batch = []
    if batch:
        yield from run(batch)
