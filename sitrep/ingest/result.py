"""The item the readers yield: one article, or one failure, per input."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.errors import ArticleUnreadable
from sitrep.model import Article


@dataclass(frozen=True)
class ReadResult:
    """One article or one failure, in input order.

    ``source`` names the input: ``"path/to/file.txt"``, ``"feed.jsonl:17"`` (line
    17) or ``"-"`` for standard input. Exactly one of ``article`` and ``error``
    is set.
    """

    source: str
    article: Article | None
    error: ArticleUnreadable | None

    @property
    def ok(self) -> bool:
        """True when the input gave an article."""
        return self.article is not None

    @classmethod
    def success(cls, source: str, article: Article) -> ReadResult:
        return cls(source, article, None)

    @classmethod
    def failure(cls, source: str, error: ArticleUnreadable) -> ReadResult:
        return cls(source, None, error)
