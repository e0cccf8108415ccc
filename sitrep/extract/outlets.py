"""The country an article's source tells: its outlet, or its web address.

A local paper's story often names no country ("Two men are executed on Tuesday afternoon", in a
Tijuana paper), and neither does a monitor's daily toll. Where an article names none and nothing
else places its incident, the country of its source is the last guess sitrep makes
(:meth:`sitrep.extract.assemble.Assembler` gives it the low confidence of a guess):

- its outlet, looked up in ``outlets.yaml`` (local outlets, agencies and monitors that report
  mainly on one country; "SOHR", "The Irrawaddy", "El Sol de Tijuana"). ``Article.outlet`` may
  name several sources, separated by ";": every one the list knows must agree;
- else its web address, when the host ends in a country's domain ("eltiempo.com.co",
  "milenio.mx"), not in one of the country domains used the world over (".io", ".tv", a bare
  ".co").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Mapping, Sequence
from urllib.parse import urlsplit

from sitrep.errors import RegistryError
from sitrep.extract.lexicon import load_data, require_keys
from sitrep.model import Article

#: Country domains sold for other uses the world over, which say nothing of where a site is.
GENERIC_COUNTRY_DOMAINS = frozenset({
    "ac", "ai", "am", "cc", "co", "eu", "fm", "gg", "gl", "im", "io", "la", "md", "me", "ms", "nu", "sh", "su",
    "tk", "to", "tv", "vc", "ws",
})
#: Second-level names under which a country domain is the country's own ("eltiempo.com.co").
_SECOND_LEVEL = frozenset({"com", "org", "net", "gov", "edu", "mil", "gob", "gouv", "ac", "co", "nic"})
_DOMAIN_COUNTRY = {"uk": "GB"}
_NOT_WORD = re.compile(r"[\W_]+")


def normalise_outlet(name: str) -> str:
    """An outlet's name as looked up: lower case, no accents or punctuation, no leading "the"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _NOT_WORD.sub(" ", plain).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class SourceCountry:
    """A country an article's source tells, and what told it (the outlet's name, or the host)."""

    country_code: str
    told_by: str


class Outlets:
    """Outlets that report mainly on one country, from ``outlets.yaml``."""

    def __init__(self, names: Mapping[str, str], prefixes: Sequence[tuple[str, str]] = ()) -> None:
        self._names = {normalise_outlet(n): code for n, code in names.items()}
        self._prefixes = [(normalise_outlet(p) + " ", code) for p, code in prefixes]

    @classmethod
    def load(cls) -> "Outlets":
        data = load_data("outlets.yaml")
        names: dict[str, str] = {}
        for item in data.get("outlets", []):
            require_keys("outlets.yaml", item, ("name", "country"))
            code = _code(item)
            for name in [item["name"], *item.get("aliases", [])]:
                key = normalise_outlet(str(name))
                if key in names and names[key] != code:
                    raise RegistryError(f"outlets.yaml: {name!r} is given to two countries")
                names[key] = code
        prefixes = []
        for item in data.get("prefixes", []):
            require_keys("outlets.yaml", item, ("prefix", "country"))
            prefixes.append((str(item["prefix"]), _code(item)))
        return cls(names, prefixes)

    def __len__(self) -> int:
        return len(self._names)

    @property
    def countries(self) -> frozenset[str]:
        """Every country an outlet or a chain of papers is listed under."""
        return frozenset(self._names.values()) | {code for _, code in self._prefixes}

    def outlet_country(self, outlet: str) -> str | None:
        """The country of the outlet(s) named, or None when none is known or they disagree."""
        codes = {code for code in (self._one(name) for name in outlet.split(";")) if code is not None}
        return codes.pop() if len(codes) == 1 else None

    def source_country(self, article: Article) -> SourceCountry | None:
        """The country the article's outlet tells, else the one its web address tells."""
        if article.outlet:
            code = self.outlet_country(article.outlet)
            if code is not None:
                return SourceCountry(code, article.outlet.strip())
        if article.url:
            host = _host(article.url)
            code = domain_country(host) if host else None
            if code is not None:
                return SourceCountry(code, host)  # type: ignore[arg-type]
        return None

    def _one(self, name: str) -> str | None:
        key = normalise_outlet(name)
        if not key:
            return None
        found = self._names.get(key)
        if found is not None:
            return found
        return next((code for prefix, code in self._prefixes if key.startswith(prefix)), None)


def domain_country(host: str) -> str | None:
    """The country whose domain ``host`` ends in ("milenio.mx": MX, "eltiempo.com.co": CO), or None
    for a generic domain or one used the world over ("x.io", "x.co")."""
    labels = host.lower().rstrip(".").split(".")
    if len(labels) < 2:
        return None
    last = labels[-1]
    if len(last) != 2 or not last.isalpha():
        return None
    if last in GENERIC_COUNTRY_DOMAINS and not (len(labels) >= 3 and labels[-2] in _SECOND_LEVEL):
        return None
    return _DOMAIN_COUNTRY.get(last, last.upper())


def _host(url: str) -> str | None:
    try:
        return urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None


def _code(item: Mapping[str, Any]) -> str:
    code = str(item["country"])
    if len(code) != 2 or not code.isalpha() or not code.isupper():
        raise RegistryError(f"outlets.yaml: {item['name'] if 'name' in item else item['prefix']!r} has no ISO country code")
    return code
