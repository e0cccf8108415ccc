"""Turning the bytes of a file or a page into text, or saying why not."""

from __future__ import annotations

import codecs
import re

from sitrep.errors import ArticleUnreadable

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_SNIFF_BYTES = 8192
_WEB_LATIN1: frozenset[str] = frozenset({"latin-1", "iso8859-1"})
_HINT = "sitrep reads UTF-8 text; convert the file (e.g. with iconv) or check that it is an article at all"


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _is_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    return b"\x00" in head


def _control_heavy(text: str) -> bool:
    """Decoded text full of control characters is binary data that happened to decode."""
    sample = text[:_SNIFF_BYTES]
    return bool(sample) and len(_CONTROL.findall(sample)) > 0.01 * len(sample)


def _declared_charset(data: bytes) -> str | None:
    head = data[:_SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").strip().lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guess(data: bytes) -> str | None:
    """charset_normalizer's best guess; on a tie, windows-1252, the usual legacy
    encoding of Western news pages ("à" is as plausible in cp1250 as in cp1252)."""
    from charset_normalizer import from_bytes  # installed with trafilatura

    matches = list(from_bytes(data[:200_000]))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return "cp1252"
    return str(best.encoding)


def decode_bytes(data: bytes, *, source: str, html: bool = False) -> tuple[str, tuple[str, ...]]:
    """Decode a file's bytes: BOM, then (for HTML) the declared charset, then UTF-8,
    then a statistical guess. Returns the text and warnings about the decoding.

    Raises :class:`~sitrep.errors.ArticleUnreadable` for binary data and for bytes
    that no encoding explains.
    """
    bom = _bom(data)
    if bom is not None:
        name, size = bom
        try:
            return data[size:].decode(name), ()
        except UnicodeDecodeError as exc:
            raise ArticleUnreadable(
                f"{source}: starts with a {name} byte-order mark but is not valid {name} (byte {exc.start + size})",
                hint=_HINT,
            ) from exc
    if _is_binary(data):
        raise ArticleUnreadable(
            f"{source}: binary data (NUL bytes), not a text, HTML or JSON Lines article",
            hint="point sitrep at .txt/.md text dumps, .html pages or .jsonl files",
        )
    warnings: list[str] = []
    if html:
        declared = _declared_charset(data)
        if declared in _WEB_LATIN1:
            declared = "cp1252"  # what browsers do with pages labelled Latin-1 (WHATWG Encoding)
        if declared is not None and declared not in ("utf-8", "ascii"):
            try:
                return data.decode(declared), ()
            except UnicodeDecodeError:
                warnings.append(f"page declares {declared} but is not valid {declared}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        if _control_heavy(text):
            raise ArticleUnreadable(
                f"{source}: binary data (control characters), not a text, HTML or JSON Lines article",
                hint="point sitrep at .txt/.md text dumps, .html pages or .jsonl files",
            )
        return text, tuple(warnings)
    guessed = _guess(data)
    if guessed is not None:
        try:
            guessed_text: str | None = data.decode(guessed)
        except (UnicodeDecodeError, LookupError):
            guessed_text = None
        if guessed_text is not None and not _control_heavy(guessed_text):
            warnings.append(f"not valid UTF-8 (byte {first_bad}); decoded as {guessed}")
            return guessed_text, tuple(warnings)
    raise ArticleUnreadable(
        f"{source}: not valid UTF-8 (first bad byte at offset {first_bad}) and no other encoding fits",
        hint=_HINT,
    )
