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

Two looser forms serve as fallbacks: :func:`compass_variant` spells "north west" and
"northwest" both ways, and :func:`loose_key` reduces a name to a transliteration-blind
skeleton ("Tal Rifaat", "Tall Rif'at" -> ``"tlrft"``) that :func:`loose_similarity`
checks letter by letter.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from typing import Final

__all__ = [
    "ADMIN_TYPE_WORDS",
    "ARABIC_SCRIPT_COUNTRIES",
    "ARTICLES",
    "CAPITAL",
    "ROMANISED_COUNTRIES",
    "TRANSLITERATED_COUNTRIES",
    "compass_variant",
    "is_latin",
    "loose_key",
    "loose_similarity",
    "normalize_name",
    "plain_transliteration",
    "spelling_variants",
    "split_type_word",
    "strip_article",
]

#: A capital letter, in a regular expression: A to Z and the accented and other Latin capitals
#: ("Şırnak", "Çukurca", "Île-de-France"), which a name may start with too.
CAPITAL: Final = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"

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
    "commune": "district",
    "cercle": "district",
    "regency": "district",
    "agency": "district",
    "tribal agency": "district",
    "tribal district": "district",  # Pakistan's former agencies: "the Kurram tribal district"
    "tribal region": "district",
    "subdivision": "district",
    "sub division": "district",
    "upazila": "district",
    "block": "district",
    "city": "town",
    "town": "town",
    "village": "town",
    "township": "district",  # Myanmar's and South Africa's townships are divisions
}
#: Type words used of one country's divisions or a few countries': "the Anbar tehsil" is Pakistan's or
#: India's, never Ambar in Turkey; "Ikeja LGA" is Nigeria's.
TYPE_WORD_COUNTRIES: Final[dict[str, frozenset[str]]] = {
    word: frozenset(codes.split())
    for word, codes in {
        "tehsil": "PK IN",
        "upazila": "BD",
        "woreda": "ET",
        "lga": "NG",
        "local government area": "NG",
        "oblast": "RU UA BY KZ KG TJ BG",
        "krai": "RU",
        "kray": "RU",
        "okrug": "RU",
        "autonomous okrug": "RU",
        "rayon": "RU UA BY AZ KZ KG MD TJ TM UZ GE AM",
        "raion": "RU UA BY AZ KZ KG MD TJ TM UZ GE AM",
        "regency": "ID",
        "cercle": "ML",
        "agency": "PK IN",
        "tribal agency": "PK",
        "tribal district": "PK",
        "tribal region": "PK",
        "ostan": "IR",
    }.items()
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


#: Countries whose places reach English copy transliterated from another script (Arabic,
#: Persian, Pashto, Urdu, Cyrillic, Hebrew, Indic, Burmese, Thai, Ge'ez...) or spelled
#: several ways from an oral language (Somali, Hausa, Kanuri, Fula): "Tal Afar", "Tall
#: 'Afar", "Talafar"; "Nooristan", "Nuristan"; "Baqouba", "Baqubah". Their names also get a
#: :func:`loose_key` in the index. Latin-script countries do not: a spelling that misses
#: there is a typo or another place, not a transliteration.
TRANSLITERATED_COUNTRIES: Final[frozenset[str]] = ARABIC_SCRIPT_COUNTRIES | frozenset(
    "IL IN BD NP BT LK MM TH KH LA RU UA BY KZ KG TJ UZ TM AZ GE AM MN "
    "SO ET ER DJ NG NE TD CM ML BF SN GN".split()
)
_LOOSE_DIGRAPHS: Final = re.compile(r"kh|gh|dh|th|ph|ck|ou|oo|ee|q|v|x")
_LOOSE_REPLACE: Final[dict[str, str]] = {
    "kh": "k", "gh": "g", "dh": "d", "th": "t", "ph": "f", "ck": "k",
    "ou": "u", "oo": "u", "ee": "i", "q": "k", "v": "w", "x": "ks",
}
_LOOSE_VOWELS: Final = re.compile(r"[aeiouy]+")
_LOOSE_FINAL_H: Final = re.compile(r"(?<=[aeiouy])h$")
_REPEATS: Final = re.compile(r"(.)\1+")
_ARTICLE_WORDS: Final[frozenset[str]] = frozenset(ARTICLES)
#: A loose key shorter than this matches too many places to be used.
LOOSE_MIN_LENGTH: Final = 4


def loose_key(key: str, *, min_length: int = LOOSE_MIN_LENGTH) -> str:
    """A transliteration-blind skeleton of a normalised name, or "" when too short to trust.

    Articles ("al", "el"...) are dropped, common digraphs folded ("kh" -> "k", "ou" -> "u",
    "q" -> "k", "v" -> "w"), a final "h" after a vowel dropped, vowels removed (a word's
    first vowel is kept as "a" in the first word only), repeated letters collapsed and the
    words joined: "tal rifaat", "tall rifat" and "tell rifaat" all give ``"tlrft"``;
    "reef dimashq" and "rif dimashq" give ``"rfdmshk"``; "nooristan" and "nuristan" give
    ``"nrstn"``; "kafr nabl" and "kafranbel" give ``"kfrnbl"``. A skeleton shorter than
    ``min_length`` letters is returned as "".
    """
    words = [w for w in key.split() if w not in _ARTICLE_WORDS] or key.split()
    parts = []
    for position, word in enumerate(words):
        word = _LOOSE_DIGRAPHS.sub(lambda m: _LOOSE_REPLACE[m.group()], word)
        word = _LOOSE_FINAL_H.sub("", word)
        initial = "a" if position == 0 and word[:1] in "aeiouy" else ""
        parts.append(initial + _LOOSE_VOWELS.sub("", word))
    skeleton = _REPEATS.sub(r"\1", "".join(parts))
    return skeleton if len(skeleton) >= min_length else ""


def loose_similarity(a: str, b: str) -> float:
    """How alike two normalised names are once articles and spaces are gone (0 to 1):
    "baqouba" and "baqubah" 0.86, "tal rifaat" and "tall rifat" 0.89; "ariana" and "uren"
    share a skeleton but only 0.4."""
    def bare(key: str) -> str:
        return "".join(w for w in key.split() if w not in _ARTICLE_WORDS)

    return SequenceMatcher(None, bare(a), bare(b), autojunk=False).ratio()


#: How alike two names' letters must be for :func:`spelling_variants` (and loose matches).
SPELLING_SIMILARITY: Final = 0.75


def spelling_variants(a: str, b: str) -> bool:
    """Whether two names are spellings of one name, as transliteration varies: the same
    skeleton (:func:`loose_key`, three letters or more) and letters alike
    (:func:`loose_similarity`), both ending in a vowel or neither: "Panjwayi" and "Panjwai",
    "Haditha" and "Hadithah", "Baqouba" and "Baqubah"; not "Bagram" and "Bagrami", "Kano" and
    "Kona", nor "Gaza" and "Giza" (two letters of skeleton say too little)."""
    key_a, key_b = normalize_name(a), normalize_name(b)
    if not key_a or not key_b:
        return False
    if key_a == key_b:
        return True
    skeleton = loose_key(key_a, min_length=3)
    return (
        bool(skeleton)
        and skeleton == loose_key(key_b, min_length=3)
        and _ends_in_vowel(key_a) == _ends_in_vowel(key_b)  # "Bagram" is not "Bagrami"
        and loose_similarity(key_a, key_b) >= SPELLING_SIMILARITY
    )


def _ends_in_vowel(key: str) -> bool:
    """Whether a name ends in a vowel sound ("Haditha" and "Hadithah" both do)."""
    return _LOOSE_FINAL_H.sub("", key)[-1:] in ("a", "e", "i", "o", "u", "y")


_COMPASS_JOINED: Final = re.compile(r"\b(north|south)(east|west)(ern)?\b")
_COMPASS_SPLIT: Final = re.compile(r"\b(north|south) (east|west)(ern)?\b")


def compass_variant(key: str) -> str | None:
    """The other spelling of a compass compound in a normalised key, or None:
    ``"north west"`` <-> ``"northwest"`` ("North-West Region", "Northwest Region")."""
    if _COMPASS_SPLIT.search(key):
        return _COMPASS_SPLIT.sub(lambda m: m.group(1) + m.group(2) + (m.group(3) or ""), key)
    if _COMPASS_JOINED.search(key):
        return _COMPASS_JOINED.sub(lambda m: f"{m.group(1)} {m.group(2)}{m.group(3) or ''}", key)
    return None
