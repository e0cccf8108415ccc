"""Site furniture removal: the lines of a page that are not the article.

The patterns live in ``sitrep/data/furniture.yaml``; this module loads and
validates them once (:func:`default_rules`) and applies them line by line. A
line is removed only when it matches a pattern, never because it is short.

The entry point for a body of text is :func:`clean_text`; the text-dump reader
uses the lower-level :meth:`FurnitureRules.classify` so that it can look at the
header lines before they are removed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from sitrep.errors import RegistryError
from sitrep.ingest.layout import (
    TRUNCATED,
    WRAPPED_LINE_MIN,
    body_warnings,
    build_paragraphs,
    ends_clause,
    normalise_line,
)

Scope = Literal["line", "inline", "tag"]

_SCOPES: frozenset[str] = frozenset({"line", "inline", "tag"})
_PATTERN_KEYS: frozenset[str] = frozenset({"name", "comment", "scope", "regex", "case_sensitive", "warning"})
_TOP_KEYS: frozenset[str] = frozenset(
    {
        "version",
        "tag_run_min",
        "header_scan_lines",
        "header_max_other_lines",
        "max_line_chars",
        "byline_labels",
        "byline_roles",
        "date_labels",
        "time_zones",
        "patterns",
    }
)
_ALLOWED_GROUPS: frozenset[str] = frozenset({"outlet"})
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_NAMED_GROUP = re.compile(r"\(\?P<([A-Za-z_]\w*)>")

# A line that reads as a sentence of the body: tag runs are furniture only
# outside the span of such lines.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_WORD = re.compile(r"\S+")

HEADER = "header"
"""Furniture name for header lines that became fields (title, byline...): dropped without a warning."""
HEADER_LABEL = "header_label"
"""Furniture name for header lines the text-dump reader drops (kickers, stray tags): counted in warnings."""
INLINE_ONLY = "inline_only"
"""Furniture name for a line that held nothing but an inline credit."""
_SILENT: frozenset[str] = frozenset({HEADER, INLINE_ONLY})


@dataclass(frozen=True, slots=True)
class FurniturePattern:
    """One entry of furniture.yaml, compiled."""

    name: str
    comment: str
    scope: Scope
    regex: re.Pattern[str]
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """What the rules say about one normalised line."""

    text: str  # the line with inline furniture (bracketed credits) cut out
    furniture: str | None  # name of the whole-line pattern that matched, if any
    tag_like: bool  # looks like a single topic tag (removed only in runs)
    inline: tuple[str, ...] = ()  # names of inline patterns that cut something
    outlet: str | None = None  # outlet named by the furniture ("© 2024 The Sentinel")
    continues: bool = False  # matched a pattern but carries on the sentence above: kept, joined to it


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The result of cleaning a body: text, what was removed, and warnings."""

    text: str
    removed: tuple[tuple[str, str], ...]  # (pattern name, line) for every line removed
    warnings: tuple[str, ...]
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class DumpVocabulary:
    """Words the text-dump reader needs to recognise bylines and publication lines."""

    byline_labels: tuple[str, ...]
    byline_roles: tuple[str, ...]
    published_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]
    time_zones: frozenset[str]


@dataclass(frozen=True)
class FurnitureRules:
    """The compiled furniture patterns and the settings that go with them.

    Build it with :func:`load_rules` (any YAML file) or :func:`default_rules`
    (the shipped one, loaded once per process).
    """

    patterns: tuple[FurniturePattern, ...]
    tag_run_min: int
    header_scan_lines: int
    header_max_other_lines: int
    max_line_chars: int  # longer lines are never whole-line furniture (bounds the matching cost)
    vocabulary: DumpVocabulary
    _line: re.Pattern[str] | None
    _inline: re.Pattern[str] | None
    _tag: re.Pattern[str] | None

    def pattern(self, name: str) -> FurniturePattern:
        """The pattern called ``name`` (KeyError if there is none)."""
        for pattern in self.patterns:
            if pattern.name == name:
                return pattern
        raise KeyError(name)

    def _warning(self, name: str) -> str | None:
        """The warning a match of ``name`` gives; None for names that are not patterns (header lines)."""
        try:
            return self.pattern(name).warning
        except KeyError:
            return None

    def classify(self, line: str) -> LineVerdict:
        """Judge one line, already normalised with :func:`normalise_line`."""
        inline: tuple[str, ...] = ()
        if self._inline is not None and line:
            cut: list[str] = []

            def _cut(match: re.Match[str]) -> str:
                cut.append(_group_name(match))
                return ""

            stripped = self._inline.sub(_cut, line).strip()
            if cut:
                inline = tuple(cut)
                line = stripped
        if not line:
            return LineVerdict(line, INLINE_ONLY if inline else None, False, inline)
        if self._line is not None and len(line) <= self.max_line_chars:
            match = self._line.fullmatch(line)
            if match is not None:
                name = _group_name(match)
                return LineVerdict(line, name, False, inline, self._outlet(name, line))
        tag_like = self._tag is not None and self._tag.fullmatch(line) is not None
        return LineVerdict(line, None, tag_like, inline)

    def _outlet(self, name: str, line: str) -> str | None:
        regex = self.pattern(name).regex
        if "outlet" not in regex.groupindex:
            return None
        match = regex.fullmatch(line)
        value = match.group("outlet") if match else None
        value = value.strip(" ,;:-|") if value else None
        return value or None

    def clean_lines(self, lines: Sequence[str], *, hard_wrapped: bool = True) -> CleanedText:
        """Remove furniture from raw lines and assemble paragraphs.

        ``hard_wrapped`` lets paragraphs whose lines were wrapped at a fixed width
        (wire copy, e-mail) be joined back into one line; HTML extraction passes
        False because there every line is a block element.
        """
        return self.assemble(self.classify_lines(lines), hard_wrapped=hard_wrapped)

    def classify_lines(self, lines: Sequence[str]) -> list[LineVerdict]:
        """Normalise and judge raw lines, in order.

        A line that matches a pattern but continues the sentence of the line
        before it (wire copy wrapped so that "CONTRIBUTE." or "SPONSORED BY THE
        U.S. GOVERNMENT. IN VIEW ..." starts a line) is kept.
        """
        verdicts = [self.classify(normalise_line(line)) for line in lines]
        for index in range(1, len(verdicts)):
            verdict, before = verdicts[index], verdicts[index - 1]
            if verdict.furniture in (None, INLINE_ONLY) or before.furniture is not None or not before.text:
                continue
            if len(before.text) < WRAPPED_LINE_MIN or ends_clause(before.text):
                continue
            text = verdict.text
            if _SENTENCE_END.search(text) or text[:1].islower() or len(_WORD.findall(text)) >= 6:
                verdicts[index] = LineVerdict(text, None, False, verdict.inline, continues=True)
        return verdicts

    def assemble(
        self,
        verdicts: Sequence[LineVerdict],
        *,
        hard_wrapped: bool = True,
    ) -> CleanedText:
        """Drop furniture lines, build paragraphs, then drop runs of topic tags.

        Tag runs are found among paragraphs rather than raw lines, so that
        cleaning a cleaned body changes nothing.
        """
        removed: list[tuple[str, str]] = []
        kept: list[str] = []  # "" marks a paragraph break
        glued: list[int] = []  # indexes in `kept` of lines that carry on the line before
        after_furniture: set[int] = set()  # indexes in `kept` of lines that follow a furniture line
        warnings: list[str] = []
        outlet: str | None = None
        inline_cuts = 0
        furniture_seen = False
        for verdict in verdicts:
            inline_cuts += len(verdict.inline)
            if verdict.furniture is not None:
                furniture_seen = True
                if verdict.furniture not in _SILENT:
                    removed.append((verdict.furniture, verdict.text))
                    warning = self._warning(verdict.furniture)
                    if warning and warning not in warnings:
                        warnings.append(warning)
                outlet = outlet or verdict.outlet
                continue
            if verdict.text:
                if verdict.continues:
                    glued.append(len(kept))
                if furniture_seen:
                    after_furniture.add(len(kept))
                furniture_seen = False
            kept.append(verdict.text)
        paragraphs = build_paragraphs(kept, hard_wrapped=hard_wrapped, glued=glued)
        drop = self._tag_runs([(text, start in after_furniture) for start, text in paragraphs])
        removed.extend(("tag_line", paragraphs[i][1]) for i in sorted(drop))
        body = "\n\n".join(text for i, (_, text) in enumerate(paragraphs) if i not in drop)
        if removed:
            warnings.insert(0, _removed_warning(removed))
        if inline_cuts:
            warnings.append(f"removed {inline_cuts} inline picture credit{'s' if inline_cuts != 1 else ''}")
        truncated = any(w.startswith(TRUNCATED) for w in warnings)
        warnings.extend(w for w in body_warnings(body) if not (truncated and w.startswith(TRUNCATED)))
        return CleanedText(body, tuple(removed), tuple(warnings), outlet)

    def _tag_runs(self, paragraphs: Sequence[tuple[str, bool]]) -> frozenset[int]:
        """Indexes of tag-like paragraphs that form a removable block of topic tags.

        ``paragraphs`` holds each paragraph's text and whether a furniture line
        came right before it.
        """
        if self._tag is None:
            return frozenset()
        tag = self._tag
        sentences = [i for i, (text, _) in enumerate(paragraphs) if _is_sentence(text)]
        first = sentences[0] if sentences else len(paragraphs)
        last = sentences[-1] if sentences else -1
        drop: set[int] = set()
        run: list[int] = []
        for index, (text, _) in enumerate(paragraphs):
            if tag.fullmatch(text) is not None:
                run.append(index)
                continue
            drop.update(self._removable(run, first, last, paragraphs))
            run = []
        drop.update(self._removable(run, first, last, paragraphs))
        return frozenset(drop)

    def _removable(
        self, run: Sequence[int], first: int, last: int, paragraphs: Sequence[tuple[str, bool]]
    ) -> Sequence[int]:
        if len(run) < self.tag_run_min:
            return ()
        if run[-1] < first or run[0] > last or paragraphs[run[0]][1]:
            return run
        return ()


def _group_name(match: re.Match[str]) -> str:
    name = match.lastgroup
    if name is None:  # pragma: no cover - every alternative is a named group
        raise RegistryError("furniture pattern matched without a name")
    return name


def _is_sentence(line: str) -> bool:
    words = len(_WORD.findall(line))
    return words >= 12 or (words >= 4 and _SENTENCE_END.search(line) is not None)


def _removed_warning(removed: Sequence[tuple[str, str]]) -> str:
    names = sorted(Counter(name for name, _ in removed).items(), key=lambda item: (-item[1], item[0]))
    listed = ", ".join(name if count == 1 else f"{name} x{count}" for name, count in names)
    count = len(removed)
    return f"removed {count} furniture line{'s' if count != 1 else ''} ({listed})"


# --- loading -------------------------------------------------------------------------


def _join_regex(source: str) -> str:
    """Join a regex written over several YAML lines (see furniture.yaml)."""
    return "".join(part.strip() for part in source.splitlines())


def _strip_groups(source: str) -> str:
    """Turn named groups into plain ones so that patterns can share one alternation."""
    return _NAMED_GROUP.sub("(?:", source)


def _require(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise RegistryError(f"{where}: {message}", hint="fix the entry in sitrep/data/furniture.yaml")


def _string_list(data: Any, where: str) -> tuple[str, ...]:
    _require(
        isinstance(data, list) and all(isinstance(item, str) and item.strip() for item in data),
        where,
        "must be a list of non-empty strings",
    )
    return tuple(item.strip().lower() for item in data)


def _positive_int(data: Any, where: str) -> int:
    _require(isinstance(data, int) and not isinstance(data, bool) and data > 0, where, "must be a positive integer")
    return int(data)


def _parse_pattern(entry: Any, index: int, source: str) -> FurniturePattern:
    where = f"{source}: patterns[{index}]"
    _require(isinstance(entry, dict), where, "must be a mapping")
    unknown = set(entry) - _PATTERN_KEYS
    _require(not unknown, where, f"unknown keys {sorted(unknown)}")
    name = entry.get("name")
    _require(isinstance(name, str) and _NAME.fullmatch(name) is not None, where, "needs a snake_case 'name'")
    where = f"{source}: pattern {name!r}"
    _require(isinstance(entry.get("comment"), str) and entry["comment"].strip() != "", where, "needs a 'comment'")
    scope = entry.get("scope")
    _require(scope in _SCOPES, where, f"'scope' must be one of {sorted(_SCOPES)}")
    regex = entry.get("regex")
    _require(isinstance(regex, str) and regex.strip() != "", where, "needs a 'regex'")
    case_sensitive = entry.get("case_sensitive", False)
    _require(isinstance(case_sensitive, bool), where, "'case_sensitive' must be true or false")
    warning = entry.get("warning")
    _require(warning is None or (isinstance(warning, str) and warning.strip() != ""), where, "bad 'warning'")
    joined = _join_regex(regex)
    try:
        compiled = re.compile(joined, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        raise RegistryError(f"{where}: regex does not compile: {exc}") from exc
    groups = set(compiled.groupindex) - _ALLOWED_GROUPS
    _require(not groups, where, f"named groups {sorted(groups)} not allowed (only 'outlet')")
    _require(compiled.fullmatch("") is None, where, "regex matches an empty line")
    return FurniturePattern(name, entry["comment"].strip(), scope, compiled, warning)


def _alternation(patterns: Sequence[FurniturePattern]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    parts = []
    for pattern in patterns:
        flag = "i" if pattern.regex.flags & re.IGNORECASE else "-i"
        parts.append(f"(?P<{pattern.name}>(?{flag}:{_strip_groups(pattern.regex.pattern)}))")
    return re.compile("|".join(parts))


def parse_rules(data: Any, *, source: str = "furniture.yaml") -> FurnitureRules:
    """Validate parsed YAML and compile it into :class:`FurnitureRules`.

    Raises :class:`~sitrep.errors.RegistryError` naming the entry at fault.
    """
    _require(isinstance(data, dict), source, "must be a mapping")
    unknown = set(data) - _TOP_KEYS
    _require(not unknown, source, f"unknown top-level keys {sorted(unknown)}")
    _require(data.get("version") == 1, source, "'version' must be 1")
    entries = data.get("patterns")
    _require(isinstance(entries, list) and entries != [], source, "'patterns' must be a non-empty list")
    patterns = tuple(_parse_pattern(entry, i, source) for i, entry in enumerate(entries))
    names = [p.name for p in patterns]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    _require(not duplicates, source, f"duplicate pattern names {duplicates}")
    _require(sum(p.scope == "tag" for p in patterns) <= 1, source, "at most one pattern may have scope 'tag'")
    labels = data.get("date_labels")
    _require(
        isinstance(labels, dict) and set(labels) == {"published", "updated"},
        f"{source}: date_labels",
        "must have exactly the keys 'published' and 'updated'",
    )
    vocabulary = DumpVocabulary(
        byline_labels=_string_list(data.get("byline_labels"), f"{source}: byline_labels"),
        byline_roles=_string_list(data.get("byline_roles"), f"{source}: byline_roles"),
        published_labels=_string_list(labels["published"], f"{source}: date_labels.published"),
        updated_labels=_string_list(labels["updated"], f"{source}: date_labels.updated"),
        time_zones=frozenset(_string_list(data.get("time_zones"), f"{source}: time_zones")),
    )
    tags = [p for p in patterns if p.scope == "tag"]
    return FurnitureRules(
        patterns=patterns,
        tag_run_min=_positive_int(data.get("tag_run_min"), f"{source}: tag_run_min"),
        header_scan_lines=_positive_int(data.get("header_scan_lines"), f"{source}: header_scan_lines"),
        header_max_other_lines=_positive_int(data.get("header_max_other_lines"), f"{source}: header_max_other_lines"),
        max_line_chars=_positive_int(data.get("max_line_chars"), f"{source}: max_line_chars"),
        vocabulary=vocabulary,
        _line=_alternation([p for p in patterns if p.scope == "line"]),
        _inline=_alternation([p for p in patterns if p.scope == "inline"]),
        _tag=tags[0].regex if tags else None,
    )


def load_rules(path: str | Path) -> FurnitureRules:
    """Load and validate a furniture file (for tests and for users with their own list)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"{path}: cannot read furniture patterns: {exc}") from exc
    return parse_rules(data, source=str(path))


@lru_cache(maxsize=1)
def default_rules() -> FurnitureRules:
    """The shipped furniture patterns, loaded and validated once per process."""
    resource = resources.files("sitrep").joinpath("data", "furniture.yaml")
    try:
        data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"sitrep/data/furniture.yaml: cannot read furniture patterns: {exc}") from exc
    return parse_rules(data, source="sitrep/data/furniture.yaml")


def clean_text(text: str, *, rules: FurnitureRules | None = None) -> tuple[str, tuple[str, ...]]:
    """Remove site furniture from a body of text.

    Returns the cleaned body and warnings ("removed 7 furniture lines (...)",
    "text looks truncated", "very short body"). Whitespace is normalised inside
    lines, paragraphs are separated by exactly ``"\\n\\n"``, lines wrapped at a fixed
    width are joined again, and every other character is kept as it was.
    """
    cleaned = (rules or default_rules()).clean_lines(text.splitlines())
    return cleaned.text, cleaned.warnings
