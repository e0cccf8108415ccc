"""Golden files: the full extraction of every bundled example, reviewed and kept in tests/golden/.

A change in extraction shows here as a diff of the JSON a user would see. After checking the
change field by field (``scripts/score_examples.py --mismatches`` compares the extraction with
the hand-made answer key in examples/expected.yaml), regenerate the files with

    SITREP_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_examples.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sitrep.ingest import read_paths

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("SITREP_UPDATE_GOLDEN") == "1"


def _articles() -> list:  # type: ignore[type-arg]
    return [r for r in read_paths([EXAMPLES]) if r.article is not None]


def _golden_name(source: str) -> str:
    return Path(source).name.replace(":", "-") + ".json"


ARTICLES = _articles()


def test_every_example_is_read() -> None:
    assert len(ARTICLES) >= 10
    assert not [r for r in read_paths([EXAMPLES]) if r.error is not None]


@pytest.mark.parametrize("result", ARTICLES, ids=[_golden_name(r.source) for r in ARTICLES])
def test_extraction_matches_golden_file(result, extractor) -> None:  # type: ignore[no-untyped-def]
    article = result.article
    got = {
        "article": {k: v for k, v in article.to_dict().items() if k not in ("text", "source")},
        "reports": [r.to_dict() for r in extractor.extract(article)],
    }
    path = GOLDEN / _golden_name(result.source)
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got["article"] == expected["article"]
    assert len(got["reports"]) == len(expected["reports"]), "the number of incidents changed"
    for i, (g, e) in enumerate(zip(got["reports"], expected["reports"])):
        for field in e:
            assert g[field] == e[field], f"report {i} field {field!r} changed"
