"""Plain-text page dumps: a title line, a header, and a body with furniture in it.

A dump is what a browser's "select all, copy" or a scraper's text output gives::

    Moscow concert attack: what we know               <- title (first line)
    Nearly 140 people were killed ... claimed it.     <- standfirst
    Jane Smith, Security correspondent                <- byline
    Mon 25 Mar 2024 10.42 GMT                         <- publication line
    Want to read The Sentinel ad-free? ...            <- furniture
    Gunmen opened fire ...                            <- body

The header is recognised only when a byline or a publication line comes within
the first lines after the title (``header_scan_lines`` in furniture.yaml); the
standfirst is the sentence-like line(s) before it. Without such a marker,
everything after the title is body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from sitrep.errors import ArticleUnreadable
from sitrep.ingest.byline import Byline, parse_byline
from sitrep.ingest.furniture import HEADER, HEADER_LABEL, FurnitureRules, LineVerdict, default_rules
from sitrep.ingest.layout import WRAPPED_LINE_MIN, continues, ends_clause, is_hard_wrapped, word_count
from sitrep.ingest.published import DateFinder, PublicationLine, publication_line, resolve_publication
from sitrep.model import Article

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
_STANDFIRST_MIN_WORDS = 6
_TITLE_MAX_WORDS = 40
_TITLE_SENTENCE_WORDS = 12  # a first line this long that ends with a full stop is body text

LineKind = Literal["byline", "date", "name", "furniture", "url", "other"]


@dataclass(frozen=True, slots=True)
class DumpHeader:
    """What the header of a text dump says, and where its body starts."""

    title: str | None
    standfirst: str | None
    author: str | None
    published: date | None
    url: str | None
    verdicts: tuple[LineVerdict, ...]  # the page's lines, header lines marked as furniture
    warnings: tuple[str, ...] = ()


#: A label before the title in a dump written by a script: "Title: ...", "Headline: ...".
_TITLE_LABEL = re.compile(r"^\s*(?:title|headline)\s*:\s*", re.IGNORECASE)


def _is_title(line: str) -> bool:
    """Headlines are short, hold at most one sentence, and a long one has no full stop."""
    words = word_count(line)
    if not 0 < words <= _TITLE_MAX_WORDS or len(_SENTENCE_END.findall(line)) > 1:
        return False
    return words < _TITLE_SENTENCE_WORDS or not line.endswith(".")


def _paragraph_from(lines: Sequence[LineVerdict], start: int, rules: FurnitureRules) -> list[str]:
    """The lines from ``start`` that could belong to one paragraph with it: up to the
    next blank line, or the next byline or publication line that does not carry on
    a wrapped sentence; furniture left out."""
    block = [lines[start].text]
    for index in range(start + 1, len(lines)):
        verdict = lines[index]
        if not verdict.text:
            break
        if verdict.furniture is not None:
            continue
        wrapped = len(block[-1]) >= WRAPPED_LINE_MIN and not ends_clause(block[-1])
        if not wrapped and (
            publication_line(verdict.text, rules.vocabulary) or parse_byline(verdict.text, rules.vocabulary)
        ):
            break
        block.append(verdict.text)
    return block


def _wrapped_with_next(lines: Sequence[LineVerdict], index: int, rules: FurnitureRules) -> bool:
    """True when the line at ``index`` is the first of a paragraph wrapped at a fixed width."""
    block = _paragraph_from(lines, index, rules)
    if len(block) < 2:
        return False
    # two lines prove nothing about a wrap width: a title and a kicker look the same
    return continues(block[0], block[1]) or (len(block) >= 3 and is_hard_wrapped(block))


def _continues_previous(lines: Sequence[LineVerdict], index: int, kinds: Mapping[int, LineKind]) -> bool:
    """True when the line at ``index`` carries on a sentence wrapped from the line above
    (which must be neither furniture nor a byline or publication line)."""
    before = lines[index - 1] if index > 0 else None
    if before is None or not before.text or before.furniture is not None:
        return False
    if kinds.get(index - 1, "other") != "other":
        return False
    return len(before.text) >= WRAPPED_LINE_MIN and not ends_clause(before.text)


def _sentence_like(line: str) -> bool:
    return word_count(line) >= _STANDFIRST_MIN_WORDS


@dataclass(frozen=True, slots=True)
class _HeaderScan:
    """The lines after the title, each with what it looks like (read-only once built)."""

    indexes: tuple[int, ...]
    kinds: Mapping[int, LineKind]
    bylines: Mapping[int, Byline]
    dates: Mapping[int, PublicationLine]


def _scan(lines: Sequence[LineVerdict], first: int, rules: FurnitureRules) -> _HeaderScan:
    indexes = tuple([i for i in range(first + 1, len(lines)) if lines[i].text][: rules.header_scan_lines])
    kinds: dict[int, LineKind] = {}
    bylines: dict[int, Byline] = {}
    dates: dict[int, PublicationLine] = {}
    for index in indexes:
        verdict = lines[index]
        if _continues_previous(lines, index, kinds):
            kinds[index] = "other"  # a wrapped line of a paragraph, whatever it looks like
            continue
        dated = publication_line(verdict.text, rules.vocabulary)
        if dated is not None:
            kinds[index], dates[index] = "date", dated
            continue
        if verdict.furniture is not None:
            kinds[index] = "url" if verdict.furniture == "bare_url" else "furniture"
            continue
        byline = parse_byline(verdict.text, rules.vocabulary)
        if byline is not None:
            kinds[index], bylines[index] = "byline", byline
            if byline.published is not None:
                dates[index] = byline.published
            continue
        kinds[index] = "name" if verdict.tag_like else "other"
    return _HeaderScan(indexes, kinds, bylines, dates)


def _header_end(scan: _HeaderScan, max_other: int) -> int | None:
    """The last byline or publication line with no more than ``max_other`` other lines before it."""
    end: int | None = None
    others = 0
    for index in scan.indexes:
        kind = scan.kinds[index]
        if kind in ("byline", "date"):
            if others > max_other:
                break
            end = index
        elif kind == "other":
            others += 1
    return end


def _author(scan: _HeaderScan, lines: Sequence[LineVerdict], end: int) -> tuple[str | None, int | None]:
    """The author and the index of the line that names them: the first byline in the
    header, else a bare name right above the publication line ("Jane Smith" /
    "25 March 2024")."""
    for index in scan.indexes:
        if index <= end and index in scan.bylines:
            return scan.bylines[index].author, index
    for index, following in zip(scan.indexes, scan.indexes[1:], strict=False):
        if index < end and scan.kinds[index] == "name" and scan.kinds[following] == "date":
            return (lines[index].text, index) if " " in lines[index].text else (None, None)
    return None, None


def parse_header(verdicts: Sequence[LineVerdict], rules: FurnitureRules) -> DumpHeader:
    """Find the title, standfirst, byline, publication line and URL of a dump.

    ``verdicts`` are the classified lines of the whole page; the returned ones
    have the header lines marked as furniture so that only the body is left.
    """
    lines = list(verdicts)
    first = next((i for i, v in enumerate(lines) if v.text and v.furniture is None), None)
    # a page copied with its address above the title ("https://www.x.com/2013/04/12/story")
    above = next((v.text.strip("<>") for v in lines[:first] if v.furniture == "bare_url"), None)
    if first is None:
        return DumpHeader(None, None, None, None, above, tuple(lines))
    if not _is_title(lines[first].text) or _wrapped_with_next(lines, first, rules):
        warning = "first line reads like body text, so no title was taken"
        return DumpHeader(None, None, None, None, above, tuple(lines), (warning,))
    title = _TITLE_LABEL.sub("", lines[first].text, count=1) or lines[first].text
    lines[first] = replace(lines[first], furniture=HEADER)
    scan = _scan(lines, first, rules)
    end = _header_end(scan, rules.header_max_other_lines)
    if end is None:
        return DumpHeader(title, None, None, None, above, tuple(lines))

    author, author_line = _author(scan, lines, end)
    zone = [index for index in scan.indexes if index <= end]
    published = _choose_date([scan.dates[i] for i in zone if i in scan.dates])
    url = next((lines[i].text.strip("<>") for i in zone if scan.kinds[i] == "url"), above)
    standfirst: list[str] = []
    for index in zone:
        kind = "byline" if index == author_line else scan.kinds[index]
        if kind in ("byline", "date", "url"):
            lines[index] = replace(lines[index], furniture=HEADER)
        elif kind == "other" and _sentence_like(lines[index].text) and len(standfirst) < 2:
            standfirst.append(lines[index].text)
            lines[index] = replace(lines[index], furniture=HEADER)
        elif kind in ("other", "name"):
            lines[index] = replace(lines[index], furniture=HEADER_LABEL)  # kickers, stray tags
    return DumpHeader(title, " ".join(standfirst) or None, author, published, url, tuple(lines))


def _choose_date(found: Sequence[PublicationLine]) -> date | None:
    for line in found:
        if line.kind == "published":
            return line.date
    return found[0].date if found else None


def read_text_dump(
    text: str,
    *,
    source: str = "",
    published: date | None = None,
    date_finder: DateFinder | None = None,
    rules: FurnitureRules | None = None,
    metadata_published: date | None = None,
    url: str | None = None,
) -> Article:
    """Read a plain-text page dump: title on the first line, then header and body.

    The publication date comes from the article's metadata (``metadata_published``,
    e.g. a JSON Lines field, then the dump's own publication line), else
    ``published`` (the ``--published`` option), else ``date_finder`` run on the body
    (default: ``sitrep.extract.dates.publication_date_from_text``); between the last two, the day
    in the page's address (``url``, else the dump's own address line).
    Raises :class:`~sitrep.errors.ArticleUnreadable` when no body text is left.
    """
    rules = rules or default_rules()
    header = parse_header(rules.classify_lines(text.splitlines()), rules)
    cleaned = rules.assemble(header.verdicts)
    warnings = header.warnings
    if not cleaned.text and header.title:
        # a one-line input ("Gunmen kill five in Maiduguri market") is its own body
        cleaned = rules.assemble([replace(v, furniture=None) if v.text == header.title else v for v in header.verdicts])
        warnings += ("only a title line: used it as the body",)
    if not cleaned.text:
        what = "is empty" if not text.strip() else "has no article text once the title and site furniture are removed"
        raise ArticleUnreadable(
            f"{source or 'text'}: the page {what}",
            hint="check that the file is an article; a text dump has the title on its first line and the body below",
        )
    date_value, inferred, date_warnings = resolve_publication(
        metadata_published or header.published, published, cleaned.text, date_finder, url=url or header.url
    )
    return Article(
        text=cleaned.text,
        title=header.title,
        author=header.author,
        standfirst=header.standfirst,
        outlet=cleaned.outlet,
        url=url or header.url,
        published=date_value,
        published_inferred=inferred,
        source=source or None,
        warnings=warnings + cleaned.warnings + date_warnings,
    )


def looks_like_page_dump(text: str) -> bool:
    """True when ``text`` starts with a title line rather than with body text.

    Used for JSON Lines records that carry ``text`` but no ``title``: the first
    line must be short, must not end with a full stop, and must be followed by
    more lines.
    """
    stripped = text.lstrip()
    head, newline, rest = stripped.partition("\n")
    head = head.strip()
    if not newline or not rest.strip() or not head:
        return False
    return word_count(head) <= 25 and not head.endswith((".", ",", ";")) and _is_title(head)
