"""Readers: plain-text page dumps, HTML pages and JSON Lines, to cleaned Articles.

>>> from sitrep.ingest import read_paths
>>> for result in read_paths(["articles/"]):           # doctest: +SKIP
...     print(result.source, result.error or result.article.title)

Every reader returns :class:`sitrep.model.Article` values whose ``text`` is the
cleaned body (site furniture removed, whitespace normalised, paragraphs separated
by a blank line); failures are :class:`sitrep.errors.ArticleUnreadable` with a
message naming the input (and the line, for JSON Lines).
"""

from sitrep.ingest.byline import parse_byline
from sitrep.ingest.furniture import FurnitureRules, clean_text, default_rules, load_rules
from sitrep.ingest.html import read_html
from sitrep.ingest.jsonl import read_jsonl
from sitrep.ingest.published import NO_DATE_WARNING, DateFinder
from sitrep.ingest.result import ReadResult
from sitrep.ingest.sources import read_paths, sniff
from sitrep.ingest.text import looks_like_page_dump, read_text_dump

__all__ = [
    "NO_DATE_WARNING",
    "DateFinder",
    "FurnitureRules",
    "ReadResult",
    "clean_text",
    "default_rules",
    "load_rules",
    "looks_like_page_dump",
    "parse_byline",
    "read_html",
    "read_jsonl",
    "read_paths",
    "read_text_dump",
    "sniff",
]
