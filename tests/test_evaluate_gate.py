"""The accuracy gate: a broken floor fails, changed data fails, lowering a floor needs a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.evaluate.gate import MARGIN, GateError, check, data_hash, evaluate_all, update


def _baseline() -> dict:  # type: ignore[type-arg]
    return {"datasets": {"isaf": {"data_sha256": "abc", "limit": None, "floors": {"province": 0.95, "min_killed": 0.90}}}}


def test_a_metric_below_its_floor_fails_the_gate() -> None:
    failures = check({"isaf": {"province": 0.96, "min_killed": 0.85}}, {"isaf": "abc"}, _baseline())
    assert [(f.metric, f.value) for f in failures] == [("min_killed", 0.85)]
    assert "below its floor 0.9000" in str(failures[0])
    assert check({"isaf": {"province": 0.96, "min_killed": 0.91}}, {"isaf": "abc"}, _baseline()) == []


def test_missing_metric_dataset_or_changed_data_fails() -> None:
    assert check({}, {}, _baseline())[0].reason == "was not evaluated"
    changed = check({"isaf": {"province": 1.0, "min_killed": 1.0}}, {"isaf": "other"}, _baseline())
    assert "differs" in changed[0].reason
    missing = check({"isaf": {"province": 1.0}}, {"isaf": "abc"}, _baseline())
    assert "was not reported" in missing[0].reason


def test_raising_floors_is_routine_and_lowering_needs_a_reason() -> None:
    baseline = _baseline()
    changes = update(baseline, {"isaf": {"province": 0.99, "min_killed": 0.95}}, {"isaf": "abc"}, {"isaf": None})
    assert baseline["datasets"]["isaf"]["floors"]["province"] == round(0.99 - MARGIN, 4)
    assert len(changes) == 2
    with pytest.raises(GateError, match="would go down"):
        update(baseline, {"isaf": {"province": 0.5}}, {"isaf": "abc"}, {"isaf": None})
    assert baseline["datasets"]["isaf"]["floors"]["province"] == round(0.99 - MARGIN, 4)  # unchanged
    update(baseline, {"isaf": {"province": 0.5}}, {"isaf": "abc"}, {"isaf": None}, allow_lower="gold relabelled")
    assert baseline["datasets"]["isaf"]["floors"]["province"] == round(0.5 - MARGIN, 4)
    assert baseline["history"][-1]["lowered_because"] == "gold relabelled"


def test_new_data_resets_floors_without_a_flag() -> None:
    baseline = _baseline()
    update(baseline, {"isaf": {"province": 0.5}}, {"isaf": "new-data"}, {"isaf": None})
    assert baseline["datasets"]["isaf"]["data_sha256"] == "new-data"


def test_evaluate_all_runs_each_set_with_its_limit(tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text("a,b\n1,2\n", encoding="utf-8")
    seen = []
    results, hashes = evaluate_all(
        _baseline() | {"datasets": {"isaf": {"limit": 50, "floors": {}}}},
        lambda name, limit: seen.append((name, limit)) or {"province": 1.0},
        lambda name: gold,
    )
    assert seen == [("isaf", 50)]
    assert results == {"isaf": {"province": 1.0}} and hashes == {"isaf": data_hash(gold)}
