"""A stand-in for the Extractor, for the evaluator tests: it hands back hand-made reports."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Iterable, Iterator

from sitrep.model import Article, Report


class FakeExtractor:
    """What the evaluators use of an Extractor: ``warm_up``, ``extract_many``, ``nlp.pipe``,
    ``nlp.make_doc``, ``settings.batch_size`` and, for some, ``gazetteer`` and ``registry``.

    The reports of an article are looked up by its text, or with ``by="source"`` by its source
    (a gold row's or a headline's id); every article given is remembered in ``seen``.
    """

    def __init__(
        self,
        reports: dict[str, list[Report]],
        *,
        by: str = "text",
        gazetteer: Any = None,
        registry: Any = None,
        batch_size: int = 4,
    ) -> None:
        self.reports = reports
        self.by = by
        self.gazetteer = gazetteer
        self.registry = registry
        self.seen: list[Article] = []
        self.warmed = False
        self.settings = SimpleNamespace(batch_size=batch_size)
        self.nlp = SimpleNamespace(pipe=lambda texts, batch_size: iter(list(texts)), make_doc=lambda text: text)

    def warm_up(self) -> None:
        self.warmed = True

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Report]]]:
        for article in articles:
            self.seen.append(article)
            yield article, self.reports.get(getattr(article, self.by) or "", [])
