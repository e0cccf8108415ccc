"""Reading and checking the YAML files of the actor registry and the unnamed-actor lexicon.

Internal to :mod:`sitrep.actors`: every problem is a :class:`~sitrep.errors.RegistryError`
that names the file and the key at fault.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

import yaml

from sitrep.errors import RegistryError

#: An ISO 3166-1 alpha-2 country code.
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def require(data: Mapping[str, Any], key: str, kind: type, source: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise RegistryError(f"{source}: {key!r} must be a {kind.__name__}")
    if kind is list and key in ("not_before", "transparent", "capital_words", "before", "after"):
        word_list(value, key, source)
    return value


def check_item(item: Any, keys: set[str], section: str, source: str) -> None:
    """A descriptor, alliance or country entry: a name, known keys, lists of words, a country code."""
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or set(item) - keys:
        raise RegistryError(f"{source}: each of {section} needs a name and only the keys {sorted(keys)}: {item!r}")
    for key in ("words", "demonyms", "names"):
        if key in item:
            word_list(item[key], f"{section}.{key}", source)
    if "words" in keys and not item.get("words"):
        raise RegistryError(f"{source}: {section} {item['name']!r} has no words")
    country = item.get("country", item.get("code"))
    if country is not None and (not isinstance(country, str) or not COUNTRY_CODE.match(country)):
        raise RegistryError(f"{source}: {section} {item.get('name')!r} has a malformed country code {country!r}")


def word_list(value: Any, key: str, source: str) -> list[str]:
    """``value`` if it is a list of non-empty strings (YAML reads a bare no/yes/on as a boolean)."""
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise RegistryError(f"{source}: {key!r} must be a list of words (quote yes, no, on, off)")
    return value


def read_yaml(path: Path | None, default: str) -> tuple[Mapping[str, Any], str]:
    try:
        if path is None:
            text = resources.files("sitrep.data").joinpath(default).read_text(encoding="utf-8")
            source = default
        else:
            text = Path(path).read_text(encoding="utf-8")
            source = str(path)
    except OSError as exc:
        raise RegistryError(f"{path or default}: cannot be read ({exc})") from exc
    try:
        data = yaml.load(text, Loader=LOADER)
    except yaml.YAMLError as exc:
        raise RegistryError(f"{source}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise RegistryError(f"{source}: expected a mapping at the top level")
    return data, source

