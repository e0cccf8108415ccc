"""Turning stored JSON and rows back into sitrep's values.

``Report.to_dict()`` writes a report as JSON-ready builtins; :func:`report_from_dict`
inverts it. The decoder follows the model's type annotations, so a field added to
``sitrep.model`` later is decoded without touching this module, and JSON written by
an older sitrep (missing a field that has a default) or a newer one (an extra key)
still loads.
"""

from __future__ import annotations

import collections.abc
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import MISSING, fields, is_dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Literal, TypeVar, Union

from sitrep.errors import StoreError
from sitrep.model import Article, Report

T = TypeVar("T")
Decoder = Callable[[Any], Any]


def report_from_dict(data: Mapping[str, Any]) -> Report:
    """Rebuild a :class:`~sitrep.model.Report` from ``Report.to_dict()`` output (or its JSON).

    Raises StoreError when a required field is missing or a value has the wrong shape.
    """
    return value_from_dict(Report, data)


def value_from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild any dataclass of :mod:`sitrep.model` (Location, Count, ...) from its plain form."""
    try:
        return typing.cast(T, _decoder(typing.cast(Any, cls))(data))
    except (TypeError, ValueError) as exc:
        raise StoreError(f"stored {cls.__name__} data is malformed: {exc}") from exc


def article_from_row(row: Mapping[str, Any]) -> Article:
    """Rebuild an :class:`~sitrep.model.Article` from an ``articles`` row (a mapping of columns)."""
    published = row.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return Article(
        text=row["text"],
        title=row.get("title"),
        author=row.get("author"),
        standfirst=row.get("standfirst"),
        outlet=row.get("outlet"),
        url=row.get("url"),
        published=published,
        published_inferred=bool(row.get("published_inferred", False)),
        language=row.get("language"),
        source=row.get("source"),
        warnings=tuple(row.get("warnings") or ()),
    )


@cache
def _decoder(hint: Any) -> Decoder:
    """A function turning the plain form of a value of type ``hint`` back into that value."""
    if hint is Any or hint is type(None):
        return _identity
    if hint is str:
        return _to_str
    if hint is bool:
        return _to_bool
    if hint is int:
        return _to_int
    if hint is float:
        return _to_float
    if hint is date:
        return _to_date
    if hint is datetime:
        return _to_datetime
    if isinstance(hint, type) and is_dataclass(hint):
        return _dataclass_decoder(hint)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Literal:
        return _identity
    if origin in (Union, types.UnionType):
        options = [arg for arg in args if arg is not type(None)]
        if len(options) == 1:
            inner = _decoder(options[0])
            return lambda value: None if value is None else inner(value)
        return _identity  # a union of several builtins: JSON already holds the right type
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda value: tuple(item(v) for v in _sequence(value))
        parts = [_decoder(arg) for arg in args]
        return lambda value: tuple(part(v) for part, v in zip(parts, _sequence(value), strict=True))
    if origin in (list, collections.abc.Sequence):
        item = _decoder(args[0]) if args else _identity
        return lambda value: [item(v) for v in _sequence(value)]
    if origin in (dict, collections.abc.Mapping):
        item = _decoder(args[1]) if len(args) == 2 else _identity
        return lambda value: {str(k): item(v) for k, v in _mapping(value).items()}
    raise TypeError(f"sitrep.store cannot decode values of type {hint!r}")


def _dataclass_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    plan = [
        (f.name, _decoder(hints[f.name]), f.default is MISSING and f.default_factory is MISSING)
        for f in fields(cls)
    ]

    def decode(value: Any) -> Any:
        data = _mapping(value)
        kwargs = {}
        for name, decoder, required in plan:
            if name in data:
                try:
                    kwargs[name] = decoder(data[name])
                except StoreError:
                    raise
                except (TypeError, ValueError, OverflowError) as exc:
                    raise StoreError(f"stored {cls.__name__}.{name} is malformed: {exc}") from exc
            elif required:
                raise StoreError(f"stored {cls.__name__} data lacks the field {name!r}")
        return cls(**kwargs)

    return decode


def _identity(value: Any) -> Any:
    return value


def _to_str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {value!r}")
    return value


def _to_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _to_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
        raise ValueError(f"expected an integer, got {value!r}")
    return int(value)


def _to_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"expected a number, got {value!r}")
    return float(value)


def _to_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _to_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _sequence(value: Any) -> list[Any] | tuple[Any, ...]:
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"expected a list, got {type(value).__name__}")
    return value


def _mapping(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"expected an object, got {type(value).__name__}")
    return value
