"""The shared frame of ``sitrep evaluate``: metrics, results, speed, and the evaluator registry.

An evaluator reads a gold file, runs the extractor over its texts, maps each gold row to
sitrep's fields and scores them. Every metric carries how many rows it was scored on and
how many were excluded because the text could not support the field, so a figure can
always be checked against its denominator.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Protocol, Sequence

from sitrep.errors import SitrepError


class GoldDataError(SitrepError):
    """A gold file is missing, unreadable or lacks the columns an evaluator needs."""


@dataclass
class Metric:
    """One figure: ``value`` in 0..1, with what it was computed on.

    Accuracy-style metrics fill ``correct`` and ``n`` (``value`` = correct / n); F1-style
    metrics set ``value`` directly and may leave ``n`` as the number of documents.
    ``excluded`` counts rows left out because the text could not support the field.
    """

    value: float = 0.0
    n: int = 0
    correct: float = 0.0
    excluded: int = 0

    def add(self, ok: bool | float) -> None:
        """Score one row (True/False, or a share between 0 and 1)."""
        self.n += 1
        self.correct += float(ok)
        self.value = self.correct / self.n

    def exclude(self) -> None:
        self.excluded += 1


@dataclass(frozen=True)
class Mismatch:
    """A scored row that was wrong: for study with ``--errors FILE``."""

    row: str
    field: str
    gold: Any
    predicted: Any
    text: str


@dataclass
class EvalResult:
    dataset: str
    documents: int = 0
    seconds: float = 0.0
    metrics: dict[str, Metric] = field(default_factory=dict)
    speed: dict[str, float] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def metric(self, name: str) -> Metric:
        if name not in self.metrics:
            self.metrics[name] = Metric()
        return self.metrics[name]

    def miss(self, row: str, field_name: str, gold: Any, predicted: Any, text: str) -> None:
        self.mismatches.append(Mismatch(row, field_name, gold, predicted, text))

    def to_json(self) -> dict[str, Any]:
        """``{"dataset", "documents", "seconds", "metrics": {name: value}, ...}`` with the
        denominators under ``"support"`` and the speed figures under ``"speed"``."""
        return {
            "dataset": self.dataset,
            "documents": self.documents,
            "seconds": round(self.seconds, 2),
            "metrics": {k: round(m.value, 4) for k, m in self.metrics.items()},
            "support": {k: {"n": m.n, "correct": m.correct, "excluded": m.excluded} for k, m in self.metrics.items()},
            "speed": {k: round(v, 2) for k, v in self.speed.items()},
            "notes": list(self.notes),
        }

    def table(self) -> str:
        """A plain-text table: metric, n, correct, excluded, value; then speed and notes."""
        lines = [f"{self.dataset}: {self.documents} documents in {self.seconds:.1f} s", ""]
        lines.append(f"{'metric':<22}{'n':>7}{'correct':>10}{'excluded':>10}{'value':>8}")
        lines.append("-" * 57)
        for name, m in self.metrics.items():
            correct = f"{m.correct:.0f}" if float(m.correct).is_integer() else f"{m.correct:.1f}"
            lines.append(f"{name:<22}{m.n:>7}{correct:>10}{m.excluded:>10}{m.value:>8.3f}")
        if self.speed:
            lines.append("")
            lines.extend(f"{k}: {v:,.0f}" if v > 10 else f"{k}: {v:.2f}" for k, v in self.speed.items())
        if self.notes:
            lines.append("")
            lines.extend(self.notes)
        return "\n".join(lines)

    def write_errors(self, path: Path) -> None:
        """Every mismatch as JSON Lines: row, field, gold, predicted, text."""
        with path.open("w", encoding="utf-8") as handle:
            for m in self.mismatches:
                handle.write(json.dumps(m.__dict__, ensure_ascii=False, default=str) + "\n")


class Evaluator(Protocol):
    """What ``sitrep evaluate NAME`` runs."""

    name: str
    default_path: str  # relative to the gold data folder

    def evaluate(self, extractor: Any, path: Path, *, limit: int | None, all_rows: bool) -> EvalResult: ...


_EVALUATORS: dict[str, Callable[[], Evaluator]] = {}


def register(name: str) -> Callable[[Callable[[], Evaluator]], Callable[[], Evaluator]]:
    """Register an evaluator factory under ``name`` (used as a decorator)."""

    def wrap(factory: Callable[[], Evaluator]) -> Callable[[], Evaluator]:
        _EVALUATORS[name] = factory
        return factory

    return wrap


def evaluator(name: str) -> Evaluator:
    """The evaluator for a gold set by name; GoldDataError listing the known names otherwise."""
    _load_builtin()
    if name not in _EVALUATORS:
        raise GoldDataError(f"no evaluator named {name!r}", hint=f"choose one of: {', '.join(sorted(_EVALUATORS))}")
    return _EVALUATORS[name]()


def names() -> list[str]:
    _load_builtin()
    return sorted(_EVALUATORS)


def _load_builtin() -> None:
    import importlib

    for module in ("wikipedia", "isaf", "ucdp", "muc4", "gtd", "ecbplus", "ucdp_multi"):
        try:
            importlib.import_module(f"sitrep.evaluate.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"sitrep.evaluate.{module}":
                raise


def gold_root(explicit: str | Path | None = None) -> Path:
    """Where the shared gold data lives: ``$SITREP_GOLD_DATA``, else ``../shared/data`` from the
    current folder or from the sitrep checkout."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("SITREP_GOLD_DATA")
    if env:
        return Path(env)
    here = Path.cwd() / ".." / "shared" / "data"
    if here.exists():
        return here.resolve()
    checkout = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
    return checkout.resolve()


def resolve_data(ev: Evaluator, data: str | Path | None) -> tuple[Path, bool]:
    """The file (or folder) to score and whether every row in it is scored (``--data`` given)."""
    if data is not None:
        path = Path(data)
        if not path.exists():
            raise GoldDataError(f"no gold data at {path}")
        return path, True
    path = gold_root() / ev.default_path
    if not path.exists():
        raise GoldDataError(
            f"the shared gold data for {ev.name!r} is not at {path}",
            hint="pass --data FILE, or set SITREP_GOLD_DATA to the folder holding the gold sets",
        )
    return path, False


def run(name: str, extractor: Any, *, data: str | Path | None = None, limit: int | None = None) -> EvalResult:
    """Evaluate the gold set ``name``; the library call behind ``sitrep evaluate``."""
    ev = evaluator(name)
    path, all_rows = resolve_data(ev, data)
    start = time.perf_counter()
    result = ev.evaluate(extractor, path, limit=limit, all_rows=all_rows)
    result.seconds = time.perf_counter() - start
    return result


def extract_texts(extractor: Any, articles: Sequence[Any]) -> tuple[list[list[Any]], dict[str, float]]:
    """Reports for each article, and the speed figures for the same texts: extraction
    words/s, spaCy NER alone words/s over the same texts, and their ratio. Both are timed
    after a warm-up, so loading the models and tables is not counted."""
    words = sum(len(a.text.split()) for a in articles)
    texts = [a.text for a in articles]
    extractor.warm_up()
    # spaCy's tokenizer adds the words of a text it has not seen to its vocabulary and cache;
    # both timings start with the texts seen once, so neither pays that for the other
    for text in texts:
        extractor.nlp.make_doc(text)
    start = time.perf_counter()
    reports = [r for _, r in extractor.extract_many(articles)]
    full = time.perf_counter() - start
    start = time.perf_counter()
    for _ in extractor.nlp.pipe(texts, batch_size=extractor.settings.batch_size):
        pass
    ner = time.perf_counter() - start
    speed = {
        "extraction_words_per_s": words / full if full else 0.0,
        "ner_words_per_s": words / ner if ner else 0.0,
    }
    speed["speed_ratio"] = speed["extraction_words_per_s"] / speed["ner_words_per_s"] if ner else 0.0
    return reports, speed


def read_mapping_yaml(filename: str, path: Path | None = None) -> tuple[Any, str]:
    """A gold-set mapping file: the parsed YAML of ``path``, else of the shipped
    ``sitrep/data/evaluate/<filename>``, with the name to use in error messages."""
    from importlib import resources

    import yaml

    from sitrep.errors import RegistryError

    name = str(path) if path else filename
    try:
        text = path.read_text(encoding="utf-8") if path else (
            resources.files("sitrep.data").joinpath(filename).read_text(encoding="utf-8")
        )
        return yaml.safe_load(text), name
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"{name}: cannot be read: {exc}") from exc


def read_csv(path: Path, required: Iterable[str]) -> list[dict[str, str]]:
    """A gold CSV's rows, checking its columns; GoldDataError naming what is missing."""
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise GoldDataError(f"{path}: missing columns {', '.join(missing)}")
            return list(reader)
    except OSError as exc:
        raise GoldDataError(f"cannot read {path}: {exc}") from exc
