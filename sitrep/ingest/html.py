"""HTML pages: the article body and metadata through trafilatura, then furniture removal.

trafilatura runs in precision mode without comments or tables; its metadata
gives the title, author, date, outlet (site name), canonical URL and the meta
description, which becomes the standfirst. The body then goes through the same
furniture cleaner as text dumps, since pages often keep "Share this article"
or credit lines inside the article element. When trafilatura finds no body,
the page's ``<p>`` elements outside navigation, header, footer, asides and
forms are used instead, with a warning.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from sitrep.errors import ArticleUnreadable
from sitrep.ingest.encoding import decode_bytes
from sitrep.ingest.furniture import FurnitureRules, default_rules
from sitrep.ingest.layout import normalise_line
from sitrep.ingest.published import DateFinder, parse_date_value, resolve_publication
from sitrep.model import Article

_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_OUTSIDE_ARTICLE: frozenset[str] = frozenset(
    {"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "button", "select"}
)
_FALLBACK_WARNING = "trafilatura found no article body; used the page's <p> paragraphs instead"
_EMPTY_HINT = "check that the file is a saved article page and not an empty or script-rendered shell"

_log = logging.getLogger(__name__)


def _extract(html: str, url: str | None) -> object | None:
    """Run trafilatura; None when it finds nothing or fails on this page."""
    import trafilatura  # heavy import, needed only for HTML

    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except (ValueError, TypeError, AttributeError, LookupError) as exc:  # malformed markup inside lxml/trafilatura
        _log.debug("trafilatura failed on %s: %s", url or "page", exc)
        return None


def _paragraphs(html: str) -> list[str]:
    """The text of the page's <p> elements that are not navigation or page chrome."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html))
    except (lxml.etree.ParserError, ValueError):
        return []
    found = []
    for element in tree.iter("p"):
        if any(ancestor.tag in _OUTSIDE_ARTICLE for ancestor in element.iterancestors()):
            continue
        text = normalise_line(element.text_content())
        if text:
            found.append(text)
    return found


def _text_field(document: object, name: str) -> str | None:
    value = getattr(document, name, None)
    if not isinstance(value, str):
        return None
    return normalise_line(value) or None


@dataclass(frozen=True, slots=True)
class _Metadata:
    """The parts of a trafilatura result that sitrep uses."""

    body: str = ""
    title: str | None = None
    author: str | None = None
    description: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None
    published: date | None = None

    @classmethod
    def of(cls, document: object | None) -> _Metadata:
        if document is None:
            return cls()
        body = getattr(document, "text", None)
        language = _text_field(document, "language")
        return cls(
            body=body if isinstance(body, str) else "",
            title=_text_field(document, "title"),
            author=_text_field(document, "author"),
            description=_text_field(document, "description"),
            sitename=_text_field(document, "sitename"),
            url=_text_field(document, "url"),
            language=language.lower() if language else None,
            published=parse_date_value(getattr(document, "date", None)),
        )


def _html_language(html: str) -> str | None:
    match = _LANG.search(html[:8192])
    return match.group(1).lower() if match else None


def read_html(
    html: str | bytes,
    *,
    source: str = "",
    url: str | None = None,
    published: date | None = None,
    date_finder: DateFinder | None = None,
    rules: FurnitureRules | None = None,
    metadata_published: date | None = None,
) -> Article:
    """Read an HTML page (text, or bytes in the page's declared encoding).

    ``url`` is where the page came from (it wins over the page's canonical
    link). The publication date comes from the article's metadata
    (``metadata_published``, e.g. a JSON Lines field, then the page's own), else
    ``published``, else ``date_finder`` run on the body. Raises
    :class:`~sitrep.errors.ArticleUnreadable` for empty pages and pages with no
    article text.
    """
    label = source or url or "HTML page"
    rules = rules or default_rules()
    warnings: list[str] = []
    if isinstance(html, bytes):
        html, decoding = decode_bytes(html, source=label, html=True)
        warnings.extend(decoding)
    if not html.strip():
        raise ArticleUnreadable(f"{label}: the page is empty", hint=_EMPTY_HINT)

    document = _extract(html, url)
    meta = _Metadata.of(document)
    lines = meta.body.splitlines()
    if lines and meta.title and normalise_line(lines[0]).casefold() == meta.title.casefold():
        lines = lines[1:]  # trafilatura keeps the <h1> that repeats the title
    cleaned = rules.clean_lines(lines, hard_wrapped=False)
    if not cleaned.text:
        paragraphs = _paragraphs(html)
        if meta.title and paragraphs and paragraphs[0].casefold() == meta.title.casefold():
            paragraphs = paragraphs[1:]
        cleaned = rules.clean_lines(paragraphs, hard_wrapped=False)
        if cleaned.text:
            warnings.append(_FALLBACK_WARNING)
    if not cleaned.text:
        raise ArticleUnreadable(f"{label}: no article text found in the page", hint=_EMPTY_HINT)

    date_value, inferred, date_warnings = resolve_publication(
        metadata_published or meta.published, published, cleaned.text, date_finder, url=url or meta.url
    )
    return Article(
        text=cleaned.text,
        title=meta.title,
        author=meta.author,
        standfirst=meta.description,
        outlet=meta.sitename or cleaned.outlet,
        url=url or meta.url,
        published=date_value,
        published_inferred=inferred,
        language=meta.language or _html_language(html),
        source=source or None,
        warnings=tuple(warnings) + cleaned.warnings + date_warnings,
    )
