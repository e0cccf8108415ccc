"""Name normalisation shared by the index builder, lookups and the text scanner.

Every name that goes into the index and every query that comes out of an
article is folded the same way, so "Zürich" finds "Zurich", "Mazar-e-Sharif"
finds "Mazar-e Sharif", "N'Djamena" finds "Ndjamena" and "U.S." finds "US":

* case-folded, diacritics stripped (``ß`` -> ``ss``, ``ø`` -> ``o``, ``ı`` -> ``i``...);
* apostrophes, ayn/hamza marks, quotes and full stops deleted;
* hyphens, dashes, slashes, commas and brackets turned into spaces;
* ``&`` read as ``and``; runs of spaces collapsed.

Leading articles ("al-", "el-", "ar-", "the") and administrative type words
("province", "governorate", "oblast") are not removed by :func:`normalize_name`;
:func:`strip_article` and :func:`split_type_word` derive those variants where the
caller wants them, so an exact spelling always ranks above a derived one.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = [
    "ADMIN_TYPE_WORDS",
    "ARABIC_SCRIPT_COUNTRIES",
    "ARTICLES",
    "ROMANISED_COUNTRIES",
    "is_latin",
    "normalize_name",
    "plain_transliteration",
    "split_type_word",
    "strip_article",
]

_FOLD: Final = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŋ": "n",
        "&": " and ",
        "'": None,
        "’": None,
        "‘": None,
        "`": None,
        "´": None,
        "ʼ": None,
        "ʻ": None,
        "ʿ": None,
        "ʾ": None,
        "ʹ": None,
        '"': None,
        "“": None,
        "”": None,
        ".": None,
        "-": " ",
        "‐": " ",
        "‑": " ",
        "–": " ",
        "—": " ",
        "_": " ",
        "/": " ",
        ",": " ",
        ";": " ",
        ":": " ",
        "(": " ",
        ")": " ",
        "[": " ",
        "]": " ",
    }
)
_COMBINING: Final = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Anything outside Basic Latin, Latin-1, Latin Extended A/B/Additional, IPA/spacing
# modifiers, combining marks and general punctuation is another script.
_NON_LATIN: Final = re.compile(
    "[^\x00-\x7f\u00a0-\u024f\u0250-\u02ff\u0300-\u036f\u1e00-\u1eff\u2000-\u206f]"
)
_HAS_LETTER: Final = re.compile(r"[^\W\d_]")

#: Arabic definite articles (with their sun-letter assimilations) and "the".
ARTICLES: Final[tuple[str, ...]] = (
    "al", "el", "ar", "as", "ad", "ash", "at", "az", "an", "adh", "ath", "the",
)
_ARTICLE_PREFIXES: Final = tuple(a + " " for a in ARTICLES)

#: Administrative type words as they appear after (or before) a place name,
#: mapped to the level they name. Keys are normalised (see :func:`normalize_name`).
ADMIN_TYPE_WORDS: Final[dict[str, str]] = {
    "province": "admin1",
    "provinces": "admin1",
    "governorate": "admin1",
    "oblast": "admin1",
    "krai": "admin1",
    "kray": "admin1",
    "okrug": "admin1",
    "autonomous okrug": "admin1",
    "state": "admin1",
    "prefecture": "admin1",
    "department": "admin1",
    "territory": "admin1",
    "republic": "admin1",
    "division": "admin1",
    "region": "region",
    "regions": "region",
    "wilaya": "admin1",
    "wilayah": "admin1",
    "vilayet": "admin1",
    "velayat": "admin1",
    "ostan": "admin1",
    "muhafazah": "admin1",
    "muhafazat": "admin1",
    "district": "district",
    "districts": "district",
    "sub district": "district",
    "subdistrict": "district",
    "county": "district",
    "municipality": "district",
    "tehsil": "district",
    "rayon": "district",
    "raion": "district",
    "woreda": "district",
    "lga": "district",
    "local government area": "district",
    "city": "town",
    "town": "town",
    "village": "town",
    "township": "town",
}
_TYPE_SUFFIX: Final = re.compile(
    r"^(?P<base>.+?) (?P<type>"
    + "|".join(sorted((re.escape(k) for k in ADMIN_TYPE_WORDS), key=len, reverse=True))
    + r")$"
)
_TYPE_PREFIX: Final = re.compile(
    r"^(?:the )?(?P<type>"
    + "|".join(sorted((re.escape(k) for k in ADMIN_TYPE_WORDS), key=len, reverse=True))
    + r") of (?P<base>.+)$"
)


def normalize_name(text: str) -> str:
    """Fold a place name for lookup: ``"Mazār-e Sharīf"`` -> ``"mazar e sharif"``.

    Idempotent: ``normalize_name(normalize_name(x)) == normalize_name(x)``.
    Returns ``""`` for text without letters or digits.
    """
    if text.isascii():
        folded = text.lower()
    else:
        # NFKD can yield capitals ("\u1d2c" -> "A"), so fold case again afterwards.
        folded = _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold())).casefold()
    return " ".join(folded.translate(_FOLD).split())


def strip_article(key: str) -> str | None:
    """The normalised key without a leading article ("al anbar" -> "anbar"), or None."""
    if key.startswith(_ARTICLE_PREFIXES):
        rest = key.split(" ", 1)[1]
        return rest or None
    return None


def split_type_word(key: str) -> tuple[str, str] | None:
    """Split a normalised key into (base, type word) when it names an administrative type.

    ``"ghazni province"`` -> ``("ghazni", "province")``;
    ``"province of ghazni"`` -> ``("ghazni", "province")``; ``"kabul"`` -> None.
    """
    match = _TYPE_SUFFIX.match(key) or _TYPE_PREFIX.match(key)
    if match is None:
        return None
    return match.group("base"), match.group("type")


def is_latin(text: str) -> bool:
    """True when ``text`` has letters and all of them are Latin script."""
    return _NON_LATIN.search(text) is None and _HAS_LETTER.search(text) is not None


#: Countries whose GeoNames names are romanised from Arabic script with scholarly
#: marks (macrons, dots below, ayn/hamza) that news copy does not carry.
ARABIC_SCRIPT_COUNTRIES: Final[frozenset[str]] = frozenset(
    "AE AF BH DZ EG IQ IR JO KW LB LY MA MR OM PK PS QA SA SD SY TN YE".split()
)
#: Countries whose GeoNames names carry scholarly romanisation marks ("Zahirābād",
#: "Karnātaka", "Nīnawá"): shown without them, as news copy writes them.
ROMANISED_COUNTRIES: Final[frozenset[str]] = ARABIC_SCRIPT_COUNTRIES | frozenset(
    "IN BD NP BT".split()
)
_MARKS: Final = str.maketrans({"ʼ": None, "ʻ": None, "’": None, "‘": None, "ʿ": None, "ʾ": None})


def plain_transliteration(name: str) -> str:
    """A romanised name without scholarly marks: ``"Mazār-e Sharīf"`` -> ``"Mazar-e Sharif"``."""
    if name.isascii():
        return name
    plain = _COMBINING.sub("", unicodedata.normalize("NFKD", name)).translate(_MARKS)
    return unicodedata.normalize("NFC", " ".join(plain.split()))
