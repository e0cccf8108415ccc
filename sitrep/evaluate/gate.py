"""The accuracy gate: per-metric floors pinned in a baseline file, checked in CI.

The baseline (``eval/baseline.json``) holds, for each gold set, the SHA-256 of the data
the floors were measured on, the row limit used, and a floor per metric. ``check`` fails
when a metric falls below its floor, or when the data no longer matches its hash (floors
measured on other data mean nothing). ``update`` writes new floors: raising a floor is
routine; lowering one is refused unless ``allow_lower`` is given with a reason, which is
recorded in the baseline's history (and belongs in the commit message too).

    python -m sitrep.evaluate.gate check            # what .ci/run does
    python -m sitrep.evaluate.gate update           # after an improvement: raise the floors
    python -m sitrep.evaluate.gate update --allow-lower "why"   # a justified drop
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Mapping

from sitrep.errors import SitrepError

DEFAULT_BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"
#: Floors sit this far below the measured value, so that a re-run with the same code passes
#: on another machine (floating-point differences can flip a few of spaCy's entity decisions).
MARGIN = 0.01


class GateError(SitrepError):
    """The baseline file is missing or malformed, or an update would lower a floor unasked."""


@dataclass(frozen=True)
class Failure:
    dataset: str
    metric: str
    value: float | None
    floor: float | None
    reason: str

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.dataset}: {self.reason}"
        return f"{self.dataset}.{self.metric} = {self.value:.4f} is below its floor {self.floor:.4f}"


def data_hash(path: Path) -> str:
    """SHA-256 of a gold file, or of a folder's files in name order."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        digest.update(file.name.encode("utf-8"))
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def load_baseline(path: Path = DEFAULT_BASELINE) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GateError(f"no baseline at {path}", hint="create it with `python -m sitrep.evaluate.gate update`") from exc
    except json.JSONDecodeError as exc:
        raise GateError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(data.get("datasets"), dict):
        raise GateError(f"{path} has no 'datasets' mapping")
    return data


def check(results: Mapping[str, Mapping[str, float]], hashes: Mapping[str, str], baseline: Mapping[str, Any]) -> list[Failure]:
    """Failures of ``results`` (dataset -> metric -> value) against the baseline's floors."""
    failures: list[Failure] = []
    for dataset, pinned in baseline["datasets"].items():
        if dataset not in results:
            failures.append(Failure(dataset, "", None, None, "was not evaluated"))
            continue
        if pinned.get("data_sha256") and hashes.get(dataset) != pinned["data_sha256"]:
            failures.append(Failure(dataset, "", None, None, "the gold data differs from the data the floors were measured on"))
            continue
        for metric, floor in pinned.get("floors", {}).items():
            value = results[dataset].get(metric)
            if value is None:
                failures.append(Failure(dataset, metric, None, floor, f"metric {metric!r} was not reported"))
            elif value < floor:
                failures.append(Failure(dataset, metric, value, floor, "below floor"))
    return failures


def update(
    baseline: dict[str, Any],
    results: Mapping[str, Mapping[str, float]],
    hashes: Mapping[str, str],
    limits: Mapping[str, int | None],
    *,
    allow_lower: str | None = None,
) -> list[str]:
    """Set each floor to its measured value less MARGIN; return what changed.

    A floor that would go down is kept (and reported) unless ``allow_lower`` gives the reason.
    """
    changes: list[str] = []
    lowered: list[str] = []
    for dataset, metrics in results.items():
        pinned = baseline["datasets"].setdefault(dataset, {"floors": {}})
        same_data = pinned.get("data_sha256") == hashes.get(dataset)
        pinned["data_sha256"] = hashes.get(dataset)
        pinned["limit"] = limits.get(dataset)
        floors = pinned.setdefault("floors", {})
        for metric, value in sorted(metrics.items()):
            new = max(0.0, round(value - MARGIN, 4))
            old = floors.get(metric)
            if old is not None and new < old and same_data and not allow_lower:
                lowered.append(f"{dataset}.{metric}: {old:.4f} -> {new:.4f}")
                continue
            if old != new:
                changes.append(f"{dataset}.{metric}: {old} -> {new}")
                floors[metric] = new
    if lowered:
        raise GateError(
            "these floors would go down: " + "; ".join(lowered),
            hint="fix the regression, or pass --allow-lower with the reason (and give it in the commit)",
        )
    if allow_lower:
        baseline.setdefault("history", []).append(
            {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "lowered_because": allow_lower, "changes": changes}
        )
    return changes


def evaluate_all(
    baseline: Mapping[str, Any], runner: Callable[[str, int | None], dict[str, float]], resolve: Callable[[str], Path]
) -> tuple[dict[str, dict[str, float]], dict[str, str]]:
    """Run every gold set the baseline names (with its limit): (dataset -> metrics, dataset -> hash)."""
    results: dict[str, dict[str, float]] = {}
    hashes: dict[str, str] = {}
    for dataset, pinned in baseline["datasets"].items():
        results[dataset] = runner(dataset, pinned.get("limit"))
        hashes[dataset] = data_hash(resolve(dataset))
    return results, hashes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.evaluate.gate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["check", "update"])
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE)
    parser.add_argument("--allow-lower", metavar="REASON", help="let update lower floors, recording why")
    parser.add_argument("--only", nargs="*", help="gold sets to evaluate (default: all the baseline names)")
    args = parser.parse_args(argv)

    from sitrep.api import default_extractor
    from sitrep.evaluate.core import evaluator, resolve_data, run

    try:
        baseline = load_baseline(args.baseline)
    except GateError:
        if args.action == "check":
            raise
        baseline = {"datasets": {name: {"floors": {}} for name in (args.only or [])}}
    if args.only:
        baseline["datasets"] = {k: v for k, v in baseline["datasets"].items() if k in args.only} | {
            k: {"floors": {}} for k in args.only if k not in baseline["datasets"]
        }
    extractor = default_extractor()

    def runner(dataset: str, limit: int | None) -> dict[str, float]:
        result = run(dataset, extractor, limit=limit)
        print(result.table(), end="\n\n", flush=True)
        return {k: m.value for k, m in result.metrics.items()}

    def resolve(dataset: str) -> Path:
        return resolve_data(evaluator(dataset), None)[0]

    results, hashes = evaluate_all(baseline, runner, resolve)
    if args.action == "check":
        failures = check(results, hashes, baseline)
        for failure in failures:
            print(f"FAIL {failure}", file=sys.stderr)
        print(f"accuracy gate: {'failed' if failures else 'passed'} ({sum(len(v) for v in results.values())} metrics)")
        return 1 if failures else 0
    full = load_baseline(args.baseline) if args.baseline.exists() else {"datasets": {}}
    changes = update(full, results, hashes, {k: v.get("limit") for k, v in baseline["datasets"].items()},
                     allow_lower=args.allow_lower)
    args.baseline.parent.mkdir(parents=True, exist_ok=True)
    args.baseline.write_text(json.dumps(full, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print("\n".join(changes) or "no floor changed")
    return 0


if __name__ == "__main__":  # pragma: no cover
    try:
        sys.exit(main())
    except SitrepError as exc:
        print(f"sitrep: {exc}" + (f" ({exc.hint})" if exc.hint else ""), file=sys.stderr)
        sys.exit(1)
