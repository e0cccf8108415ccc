"""JSON Lines: one article per line, as ``{"text": ...}`` or ``{"html": ...}``.

Fields: ``text`` or ``html`` (one is required), and optionally ``url``, ``title``,
``published`` (ISO date or datetime; other forms are read leniently), ``outlet``,
``author`` and ``language``. Blank lines are skipped; a line that cannot be read
becomes a failed :class:`ReadResult` naming its line number, and the lines after
it are still read.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sitrep.errors import ArticleUnreadable
from sitrep.ingest.furniture import FurnitureRules, default_rules
from sitrep.ingest.html import read_html
from sitrep.ingest.layout import normalise_line
from sitrep.ingest.published import DateFinder, parse_date_value, resolve_publication
from sitrep.ingest.result import ReadResult
from sitrep.ingest.text import looks_like_page_dump, read_text_dump
from sitrep.model import Article

FIELDS: tuple[str, ...] = ("text", "html", "url", "title", "published", "outlet", "author", "language")
"""The keys a JSON Lines record may have."""
_STRING_FIELDS: tuple[str, ...] = ("url", "title", "outlet", "author", "language")
_LINE_HINT = 'each line of a JSON Lines file must be one complete JSON object, e.g. {"text": "..."}'


@dataclass(frozen=True, slots=True)
class _Record:
    """The fields of one JSON Lines record, checked."""

    text: str | None
    html: str | None
    strings: dict[str, str]
    published: date | None
    warnings: tuple[str, ...]


def _type_name(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number"
    )


def _unknown_keys_warning(keys: list[str]) -> str:
    described = []
    for key in keys:
        close = difflib.get_close_matches(key, FIELDS, n=1, cutoff=0.75)
        described.append(f"{key!r} (did you mean {close[0]!r}?)" if close else repr(key))
    return f"ignored unknown field{'s' if len(keys) > 1 else ''} {', '.join(described)} (reported once per file)"


def _parse_record(line: str, where: str, unknown_seen: set[str]) -> _Record:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleUnreadable(
            f"{where}: not valid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}", hint=_LINE_HINT
        ) from exc
    if not isinstance(data, dict):
        raise ArticleUnreadable(f"{where}: a JSON {_type_name(data)} where an object was expected", hint=_LINE_HINT)
    warnings: list[str] = []
    bodies: dict[str, str] = {}
    for key in ("text", "html"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ArticleUnreadable(f"{where}: {key!r} must be a string, not a JSON {_type_name(value)}")
        if value.strip():
            bodies[key] = value
    if not bodies:
        present = [repr(key) for key in ("text", "html") if key in data]
        problem = (
            f"{' and '.join(present)} {'is' if len(present) == 1 else 'are'} empty"
            if present
            else "no 'text' or 'html' field"
        )
        raise ArticleUnreadable(
            f"{where}: {problem}; a record needs the article as 'text' (plain text) or 'html' (the page)",
            hint=_LINE_HINT,
        )
    if len(bodies) == 2:
        warnings.append("both 'text' and 'html' given; used 'text'")
    strings: dict[str, str] = {}
    for key in _STRING_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            if normalise_line(value):
                strings[key] = normalise_line(value)
        else:
            warnings.append(f"ignored {key!r}: expected a string, got a JSON {_type_name(value)}")
    published: date | None = None
    raw_date = data.get("published")
    if raw_date is not None and raw_date != "":
        published = parse_date_value(raw_date, language=strings.get("language"))
        if published is None:
            warnings.append(f"ignored 'published': {raw_date!r} is not a date sitrep can read")
    unknown = sorted(key for key in data if key not in FIELDS and key not in unknown_seen)
    if unknown:
        unknown_seen.update(unknown)
        warnings.append(_unknown_keys_warning(unknown))
    text = bodies.get("text")
    return _Record(text, None if text is not None else bodies.get("html"), strings, published, tuple(warnings))


def _article(
    record: _Record,
    where: str,
    published: date | None,
    date_finder: DateFinder | None,
    rules: FurnitureRules,
) -> Article:
    fields = record.strings
    if record.html is not None:
        page = read_html(
            record.html,
            source=where,
            url=fields.get("url"),
            published=published,
            date_finder=date_finder,
            rules=rules,
            metadata_published=record.published,
        )
        return _with_fields(page, fields, record.warnings)
    text = record.text or ""
    if "title" not in fields and looks_like_page_dump(text):
        dump = read_text_dump(
            text,
            source=where,
            published=published,
            date_finder=date_finder,
            rules=rules,
            metadata_published=record.published,
            url=fields.get("url"),
        )
        return _with_fields(dump, fields, record.warnings)
    cleaned = rules.clean_lines(text.splitlines())
    if not cleaned.text:
        raise ArticleUnreadable(f"{where}: 'text' holds no article text once site furniture is removed")
    date_value, inferred, date_warnings = resolve_publication(
        record.published, published, cleaned.text, date_finder, url=fields.get("url")
    )
    return Article(
        text=cleaned.text,
        title=fields.get("title"),
        author=fields.get("author"),
        outlet=fields.get("outlet") or cleaned.outlet,
        url=fields.get("url"),
        published=date_value,
        published_inferred=inferred,
        language=fields.get("language"),
        source=where,
        warnings=record.warnings + cleaned.warnings + date_warnings,
    )


def _with_fields(article: Article, fields: dict[str, str], warnings: tuple[str, ...]) -> Article:
    """The record's own fields win over what was read from the page."""
    return replace(
        article,
        title=fields.get("title") or article.title,
        author=fields.get("author") or article.author,
        outlet=fields.get("outlet") or article.outlet,
        url=fields.get("url") or article.url,
        language=fields.get("language") or article.language,
        warnings=warnings + article.warnings,
    )


def read_jsonl(
    lines: Iterable[str | bytes],
    *,
    source: str = "",
    published: date | None = None,
    date_finder: DateFinder | None = None,
    rules: FurnitureRules | None = None,
) -> Iterator[ReadResult]:
    """Read JSON Lines records, one :class:`ReadResult` per non-blank line, in order.

    ``source`` names the file in results ("feed.jsonl:17"); lines may be bytes,
    decoded as UTF-8 one by one so that one bad line does not spoil the rest.
    ``published`` is used for records whose own metadata has no date.
    """
    rules = rules or default_rules()
    unknown_seen: set[str] = set()
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}" if source else f"line {number}"
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as exc:
            error = ArticleUnreadable(f"{where}: not valid UTF-8 (byte {exc.start} of the line)", hint=_LINE_HINT)
            yield ReadResult.failure(where, error)
            continue
        line = line.rstrip("\r\n")
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            record = _parse_record(line, where, unknown_seen)
            article = _article(record, where, published, date_finder, rules)
        except ArticleUnreadable as error:
            yield ReadResult.failure(where, error)
            continue
        yield ReadResult.success(where, article)
