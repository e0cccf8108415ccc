"""Reading inputs named on the command line: files, folders and standard input.

Files are read by extension (``.txt``/``.text``/``.md`` text dumps, ``.html``/
``.htm`` pages, ``.jsonl``/``.ndjson`` JSON Lines); any other file, and standard
input, is recognised by its content. Folders are walked recursively in sorted
order, skipping hidden files and folders. Every input yields
:class:`~sitrep.ingest.result.ReadResult` items in order, and a failure is one
item: it never stops the inputs after it.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain
from pathlib import Path
from typing import IO, Literal, TextIO

from sitrep.errors import ArticleUnreadable
from sitrep.ingest.encoding import decode_bytes
from sitrep.ingest.furniture import FurnitureRules, default_rules
from sitrep.ingest.html import read_html
from sitrep.ingest.jsonl import read_jsonl
from sitrep.ingest.published import DateFinder
from sitrep.ingest.result import ReadResult
from sitrep.ingest.text import read_text_dump

Kind = Literal["text", "html", "jsonl"]

SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
"""How a file is read, by its extension (lower-cased); other files are sniffed."""

NOT_ARTICLES: frozenset[str] = frozenset(
    """.yaml .yml .toml .ini .cfg .csv .tsv .py .js .css .map .lock .log .sh .bat .ps1
    .png .jpg .jpeg .gif .webp .svg .ico .bmp .tif .tiff .avif .heic .mp3 .mp4 .m4a .wav .ogg .webm .mov
    .pdf .doc .docx .xls .xlsx .ppt .pptx .odt .zip .gz .tgz .bz2 .xz .zst .7z .rar .tar .warc
    .db .sqlite .sqlite3 .db-wal .db-shm .db-journal .sqlite-wal .sqlite-shm .sqlite-journal
    .sqlite3-wal .sqlite3-shm .sqlite3-journal .parquet .arrow .feather .pkl .pickle .npy .npz
    .exe .dll .so .dylib .bin .class .jar .woff .woff2 .ttf .otf .eot""".split()
)
"""Extensions skipped when walking a folder (data, code, media, archives); a file
named explicitly is still read whatever its extension."""

NOT_ARTICLE_NAMES: frozenset[str] = frozenset(
    "readme license licence copying changelog changes notice authors contributing".split()
)
"""File names (without extension, lower-cased) skipped when walking a folder:
the documentation that travels with a collection of articles."""

_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|section|main|p|h[1-6]|!--|\?xml)\b", re.IGNORECASE
)
_JSON_HINT = "JSON Lines holds one object per line; a JSON array can be converted with: jq -c '.[]' file.json"


def sniff(head: str) -> Kind:
    """Guess how to read content from its first characters: JSON Lines, HTML or text."""
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<") and _HTML_START.match(stripped):
        return "html"
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except json.JSONDecodeError:
            pass
    return "text"


def _is_json_document(text: str) -> bool:
    """A JSON document spread over several lines (not JSON Lines)."""
    stripped = text.strip()
    if not stripped.startswith(("{", "[")):
        return False
    try:
        json.loads(stripped)
    except json.JSONDecodeError:
        return False
    return True


def _hidden(name: str) -> bool:
    return name.startswith(".")


def walk(folder: Path) -> list[Path]:
    """The files under ``folder`` that may hold articles, recursively, sorted by
    their path relative to ``folder``. Skipped: hidden files and folders, files
    with an extension in :data:`NOT_ARTICLES` and documentation named in
    :data:`NOT_ARTICLE_NAMES` (README.md, LICENSE...)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        root_path = Path(root)
        for name in files:
            path = root_path / name
            if _hidden(name) or path.suffix.lower() in NOT_ARTICLES or path.stem.lower() in NOT_ARTICLE_NAMES:
                continue
            if path.is_file():
                found.append(path)
    return sorted(found, key=lambda path: path.relative_to(folder).parts)


@dataclass(frozen=True)
class _Reader:
    """The settings shared by every input of one :func:`read_paths` call."""

    published: date | None
    date_finder: DateFinder | None
    rules: FurnitureRules

    def text_or_html(self, text: str, kind: Kind, source: str) -> ReadResult:
        try:
            if kind == "html":
                article = read_html(
                    text, source=source, published=self.published, date_finder=self.date_finder, rules=self.rules
                )
            else:
                if _is_json_document(text):
                    raise ArticleUnreadable(f"{source}: a JSON document, not JSON Lines or text", hint=_JSON_HINT)
                article = read_text_dump(
                    text, source=source, published=self.published, date_finder=self.date_finder, rules=self.rules
                )
        except ArticleUnreadable as error:
            return ReadResult.failure(source, error)
        return ReadResult.success(source, article)

    def jsonl(self, lines: Iterable[str | bytes], source: str) -> Iterator[ReadResult]:
        return read_jsonl(
            lines, source=source, published=self.published, date_finder=self.date_finder, rules=self.rules
        )

    def file(self, path: Path) -> Iterator[ReadResult]:
        source = str(path)
        kind = SUFFIXES.get(path.suffix.lower())
        if kind == "jsonl":
            yield from self._jsonl_file(path, source)
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield ReadResult.failure(source, _os_error(source, exc))
            return
        if kind is None:
            kind = sniff(data[:4096].decode("utf-8", "replace"))
            if kind == "jsonl":
                yield from self.jsonl(data.splitlines(), source)
                return
        if kind == "html":
            try:
                article = read_html(
                    data, source=source, published=self.published, date_finder=self.date_finder, rules=self.rules
                )
            except ArticleUnreadable as error:
                yield ReadResult.failure(source, error)
                return
            yield ReadResult.success(source, article)
            return
        try:
            text, decoding = decode_bytes(data, source=source)
        except ArticleUnreadable as error:
            yield ReadResult.failure(source, error)
            return
        result = self.text_or_html(text, kind, source)
        if result.article is not None and decoding:
            result = ReadResult.success(source, replace(result.article, warnings=decoding + result.article.warnings))
        yield result

    def _jsonl_file(self, path: Path, source: str) -> Iterator[ReadResult]:
        try:
            handle: IO[bytes] = path.open("rb")
        except OSError as exc:
            yield ReadResult.failure(source, _os_error(source, exc))
            return
        with handle:
            try:
                yield from self.jsonl(handle, source)
            except OSError as exc:
                yield ReadResult.failure(source, _os_error(source, exc))

    def stream(self, stream: TextIO, source: str) -> Iterator[ReadResult]:
        try:
            head: list[str] = []
            for line in stream:
                head.append(line)
                if line.strip():
                    break
            kind = sniff("".join(head))
            if kind == "jsonl":
                yield from self.jsonl(chain(head, stream), source)
                return
            text = "".join(head) + stream.read()
        except UnicodeDecodeError as exc:
            yield ReadResult.failure(
                source, ArticleUnreadable(f"{source}: input is not valid text in its encoding ({exc.reason})")
            )
            return
        except OSError as exc:
            yield ReadResult.failure(source, _os_error(source, exc))
            return
        if not text.strip():
            yield ReadResult.failure(source, ArticleUnreadable(f"{source}: standard input is empty"))
            return
        yield self.text_or_html(text, kind, source)


def _os_error(source: str, exc: OSError) -> ArticleUnreadable:
    reason = exc.strerror or str(exc)
    return ArticleUnreadable(f"{source}: cannot be read ({reason})", hint="check the path and its permissions")


def read_paths(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    stdin: TextIO | None = None,
    date_finder: DateFinder | None = None,
    rules: FurnitureRules | None = None,
) -> Iterator[ReadResult]:
    """Read files, folders and ``"-"`` (standard input), one result per article or failure.

    ``published`` (the ``--published`` option) is the publication date of
    articles whose own metadata has none. ``stdin`` defaults to ``sys.stdin``.
    ``date_finder`` infers a date from the body when neither is there (default:
    ``sitrep.extract.dates.publication_date_from_text``).
    """
    reader = _Reader(published, date_finder, rules or default_rules())
    for item in paths:
        if str(item) == "-":
            yield from reader.stream(stdin if stdin is not None else sys.stdin, "-")
            continue
        path = Path(item)
        if path.is_dir():
            files = walk(path)
            if not files:
                yield ReadResult.failure(
                    str(item), ArticleUnreadable(f"{item}: folder holds no files to read (hidden files are skipped)")
                )
            for file in files:
                yield from reader.file(file)
        elif path.is_file():
            yield from reader.file(path)
        elif path.exists():
            yield ReadResult.failure(str(item), ArticleUnreadable(f"{item}: not a regular file or folder"))
        else:
            yield ReadResult.failure(
                str(item), ArticleUnreadable(f"{item}: no such file or folder", hint="check the path")
            )
