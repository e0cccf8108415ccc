"""Text folding, word tokens and token tries: what the actor finders match on.

:func:`fold` maps a text to a copy of the same length in lower case with accents, dashes
and curly apostrophes folded, so that offsets found in the copy are offsets in the text.
:class:`TokenText` holds a text, its folded copy and its word tokens; the trie helpers walk
token sequences through nested dicts built once when a registry is loaded.

Internal to :mod:`sitrep.actors`; :func:`fold` and :func:`is_shouting` are re-exported there.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from typing import Any, Iterable, Sequence

_PUNCT_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}


def _fold_table() -> dict[int, str]:
    """One character to one character: punctuation variants and Latin letters with accents."""
    table = {ord(k): v for k, v in _PUNCT_FOLD.items()}
    for code in range(0x00C0, 0x0250):
        base = unicodedata.normalize("NFKD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base
    return table


_FOLD = _fold_table()
#: A word: letters and digits with inner apostrophes ("people's"); the first is for ASCII text.
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_WORD = re.compile(r"\w+(?:'\w+)*")
#: What may separate two words of one name: spaces, line breaks, hyphens, slashes, brackets,
#: and the apostrophe of a plural possessive ("Kurdistan Workers' Party", "Martyrs' Brigades").
_JOIN_GAP = re.compile(r"'?[\s\-/()\[\]]{1,8}")
#: A whitespace-delimited chunk that is a URL, a domain, an e-mail address or a handle.
_URL_CHUNK = re.compile(
    r"://|\bwww\.|@|^#|\w\.(?:com|org|net|gov|edu|int|info|io|co|uk|ps|ru|af|pk|ng|so|tv|news)\b|/[^/\s]+/",
    re.IGNORECASE,
)
_CASED_LETTER = re.compile(r"[^\W\d_]")


def fold(text: str, *, keep_case: bool = False) -> str:
    """``text`` lower-cased (unless ``keep_case``) with accents, dashes and quotes folded.

    The result has the same length as ``text``, so offsets into it are offsets into ``text``.
    """
    out = text if keep_case else text.lower()
    if len(out) != len(text):  # a character whose lower case is longer (U+0130)
        out = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return out if out.isascii() else out.translate(_FOLD)


def word_key(word: str) -> str:
    return word.replace("'", "") if "'" in word else word


def is_shouting(text: str) -> bool:
    """True when ``text`` is written in capitals (wire copy): at most 1 cased letter in 10 is lower case."""
    letters = _CASED_LETTER.findall(text)
    if len(letters) < 4:
        return bool(letters) and all(c.isupper() for c in letters)
    return sum(1 for c in letters if c.islower()) * 10 <= len(letters)


class TokenText:
    """A text being scanned: the original, its folded copy and its word tokens.

    ``keys[k]`` is token k folded and without apostrophes; ``stems`` maps a possessive
    token to the key of its stem ("isis's" -> "isis"). Token offsets are computed only
    when a scan needs them.
    """

    __slots__ = ("text", "folded", "keys", "stems", "blocked", "_pattern", "_spans", "_shouting")

    def __init__(self, text: str, shouting: bool | None = None) -> None:
        self.text = text
        self.folded = folded = fold(text)
        self._pattern = _ASCII_WORD if folded.isascii() else _WORD
        self.keys: list[str] = self._pattern.findall(folded)
        self.stems: dict[int, str] = {}
        if "'" in folded:
            for k, word in enumerate(self.keys):
                if "'" in word:
                    if word.endswith("'s"):
                        self.stems[k] = word_key(word[:-2])
                    self.keys[k] = word_key(word)
        self.blocked: set[int] = set()  # tokens inside named mentions
        self._spans: list[re.Match[str]] | None = None
        self._shouting = shouting

    def _span(self, k: int) -> re.Match[str]:
        if self._spans is None:
            self._spans = list(self._pattern.finditer(self.folded))
        return self._spans[k]

    def start(self, k: int) -> int:
        return self._span(k).start()

    def end(self, k: int) -> int:
        return self._span(k).end()

    def token_ending_at(self, end: int) -> int | None:
        """The index of the token that ends at offset ``end``, or None."""
        if self._spans is None:
            self._spans = list(self._pattern.finditer(self.folded))
        k = bisect_left(self._spans, end, key=lambda m: m.end())
        return k if k < len(self._spans) and self._spans[k].end() == end else None

    def joined(self, k: int) -> bool:
        """True when token ``k`` may continue a name begun before it ("U.S.-led" included)."""
        a, b = self._span(k - 1).end(), self._span(k).start()
        folded = self.folded
        if _JOIN_GAP.fullmatch(folded, a, b) is not None:
            return True
        return folded[a] == "." and len(self.keys[k - 1]) == 1 and (b == a + 1 or _JOIN_GAP.fullmatch(folded, a + 1, b) is not None)

    def gap(self, k: int) -> str:
        """The folded text between tokens k-1 and k."""
        return self.folded[self._span(k - 1).end() : self._span(k).start()]

    @property
    def shouting(self) -> bool:
        if self._shouting is None:
            self._shouting = is_shouting(self.text)
        return self._shouting

    def written(self, first: int, last: int, end: int | None = None) -> tuple[str, ...]:
        """Tokens first..last as written (case kept, accents and apostrophes folded)."""
        text = self.text
        return tuple(
            word_key(fold(text[self.start(k) : (end if k == last and end is not None else self.end(k))], keep_case=True))
            for k in range(first, last + 1)
        )

    def written_as(self, first: int, last: int, forms: Iterable[tuple[str, ...]], end: int | None = None) -> bool:
        """Whether tokens first..last are written as one of ``forms`` (in any case, in shouted text)."""
        written = self.written(first, last, end)
        if written in forms:
            return True
        if not self.shouting:
            return False
        upper = tuple(w.upper() for w in written)
        return any(tuple(w.upper() for w in form) == upper for form in forms)

    def in_url(self, start: int, end: int) -> bool:
        """Whether the span lies in a URL, a domain, an e-mail address, a handle or a hashtag."""
        text = self.text
        if start > 0 and text[start - 1] in "@#/.":
            return True
        left, right = start, end
        while left > 0 and not text[left - 1].isspace() and start - left < 200:
            left -= 1
        while right < len(text) and not text[right].isspace() and right - end < 200:
            right += 1
        return (left < start or right > end) and _URL_CHUNK.search(text, left, right) is not None


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token keys of a phrase, folded: "Islamic State – Khorasan" -> ("islamic", "state", "khorasan")."""
    return tuple(TokenText(phrase).keys)


def exact_tokens(phrase: str) -> tuple[str, ...]:
    """The tokens of a phrase with their case kept: "IS group" -> ("IS", "group")."""
    t = TokenText(phrase)
    return t.written(0, len(t.keys) - 1) if t.keys else ()



# ---------------------------------------------------------------------------------------
# Token tries
# ---------------------------------------------------------------------------------------

TRIE_END = ""  # key of a node's payload; no token key is empty


def trie_insert(trie: dict[str, Any], keys: Sequence[str], payload: Any) -> Any:
    """Add ``payload`` at ``keys``; return the payload already there, if any."""
    node = trie
    for k in keys:
        node = node.setdefault(k, {})
    previous = node.get(TRIE_END)
    if previous is None:
        node[TRIE_END] = payload
    return previous


def trie_from(trie: dict[str, Any], t: TokenText, i: int) -> list[tuple[int, int, Any]]:
    """Every (last token, end offset, payload) of a trie phrase starting at token ``i``, shortest first."""
    out: list[tuple[int, int, Any]] = []
    node = trie
    keys, stems = t.keys, t.stems
    for k in range(i, len(keys)):
        child = node.get(keys[k])
        owner = node.get(stems[k]) if stems and k in stems else None
        if (child is None and owner is None) or (k > i and not t.joined(k)):
            break
        if owner is not None and TRIE_END in owner:  # "ISIS's": the name ends before the 's
            out.append((k, t.end(k) - 2, owner[TRIE_END]))
        if child is None:
            break
        if TRIE_END in child:
            out.append((k, t.end(k), child[TRIE_END]))
        node = child
    return out


def trie_to(trie: dict[str, Any], t: TokenText, last: int) -> list[tuple[int, Any]]:
    """Every (first token, payload) of a phrase of a reversed trie ending at token ``last``, shortest first."""
    out: list[tuple[int, Any]] = []
    node = trie
    for k in range(last, -1, -1):
        child = node.get(t.keys[k])
        if child is None and k == last and k in t.stems:
            child = node.get(t.stems[k])  # "Russia's army"
        if child is None or (k < last and not t.joined(k + 1)):
            break
        if TRIE_END in child:
            out.append((k, child[TRIE_END]))
        node = child
    return out

