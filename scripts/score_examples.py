"""Score sitrep's extraction of the bundled examples against their answer key.

Reads every article in the examples folder, extracts its reports with the full pipeline
(spaCy, the gazetteer and the actor registry), pairs them with the incidents of
``expected.yaml`` and prints, per field, how many of the matched incidents are right, then
incident recall and precision.

    python scripts/score_examples.py                  # the table
    python scripts/score_examples.py --mismatches     # and every wrong field, miss and spurious report
    python scripts/score_examples.py --json > score.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.evaluate import KeyScore, extract_articles, load_key, read_examples, score

ROOT = Path(__file__).resolve().parents[1]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: python scripts/score_examples.py --examples examples --mismatches",
    )
    parser.add_argument(
        "--examples", type=Path, default=ROOT / "examples", help="folder of articles (default: examples/)"
    )
    parser.add_argument("--key", type=Path, help="answer key (default: expected.yaml in the examples folder)")
    parser.add_argument("--json", action="store_true", help="print the whole score as JSON instead of the table")
    parser.add_argument(
        "--mismatches", action="store_true", help="also list every wrong field, missed incident and spurious report"
    )
    return parser


def _short(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def _report_line(report: dict[str, Any]) -> str:
    kind = report.get("kind") or {}
    when = (report.get("date") or {}).get("start", "no date")
    where = (report.get("location") or {}).get("name", "no place")
    return f"{report.get('trigger')!r}: {kind.get('sub_event_type')}, {report.get('realis')}, {when}, {where}"


def _mismatches(result: KeyScore) -> list[str]:
    lines = ["", "Wrong fields (article | incident | field | expected | got):"]
    lines += [
        f"  {r.article} | {r.incident_id} | {r.field} | {_short(r.expected)} | {_short(r.got)}"
        for r in result.mismatches()
    ]
    lines += ["", "Missed key incidents (no report matched):"]
    lines += [f"  {article} | {incident}" for article, incident in result.missed]
    lines += ["", "Spurious reports (no key incident matched):"]
    lines += [f"  {article} | {_report_line(report)}" for article, report in result.spurious]
    return lines


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    key_path = args.key or args.examples / "expected.yaml"
    try:
        from sitrep.extract.pipeline import Extractor

        key = load_key(key_path)
        articles = read_examples(args.examples)
        extractor = Extractor()
        started = time.perf_counter()
        extracted = extract_articles(articles, extractor)
        elapsed = time.perf_counter() - started
        result = score(key, extracted, articles=articles, gazetteer=extractor.gazetteer, registry=extractor.registry)
    except SitrepError as error:
        hint = f" ({error.hint})" if error.hint else ""
        print(f"score_examples: {error}{hint}", file=sys.stderr)
        return 1
    absent = sorted(set(key.articles) - set(articles))
    unkeyed = sorted(set(articles) - set(key.articles))
    for name in absent:
        print(f"score_examples: warning: {name} is in the key but not in {args.examples}", file=sys.stderr)
    for name in unkeyed:
        print(f"score_examples: warning: {name} has no key entry; its reports count as spurious", file=sys.stderr)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
        return 0
    words = sum(len(article.text.split()) for article in articles.values())
    print(f"{len(articles)} articles, {words} words, extracted in {elapsed:.1f} s (models loaded on first use)")
    print()
    print(result.table())
    if args.mismatches:
        print("\n".join(_mismatches(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
