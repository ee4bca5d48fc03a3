"""Classes (xếp loại) no unit can be given (``class-unreachable``), and class warnings in a
scored run's findings.

A set whose top class starts at 900 (typed for 90) passed ``pari validate`` without a word, and
``pari score`` classed every unit below it: Xuất sắc given to none. Now validation warns when a
class starts above the highest index a unit reaches (100 % plus the bonus caps over the scale),
and ``pari score`` puts the set's class warnings (this one, ``class-gap``) among its findings,
which only ``pari validate`` said before.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.criteria.loading import load_criteria, load_criteria_text
from pari_index.criteria.validation import class_warnings
from pari_index.outputs.results import read_results

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HA_NOI = (ROOT / "criteria" / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
TOP = '{name: "Xuất sắc", en: "Excellent", from: 90,'
GOOD = '{name: "Tốt", en: "Good", from: 80, below: 90,'


def _set(top: str, good: str = GOOD) -> str:
    assert TOP in HA_NOI and GOOD in HA_NOI
    return HA_NOI.replace(TOP, '{name: "Xuất sắc", en: "Excellent", ' + top + ",").replace(GOOD, good)


def test_a_class_above_every_index_is_warned_at_its_line() -> None:
    loaded = load_criteria_text(_set("from: 900", '{name: "Tốt", en: "Good", from: 80, below: 900,'), "set.yaml")
    told = [(p.code, p.line, p.message) for p in loaded.warnings if p.code.startswith("class")]
    assert told == [
        (
            "class-unreachable",
            71,
            "class «Xuất sắc» starts at 900, above the highest index a unit reaches (105: every point of the scale"
            " and every bonus), so no unit can be given it",
        )
    ]


@pytest.mark.parametrize("top", ["from: 105", "from: 104.5", "above: 104.99"])
def test_a_class_a_bonus_reaches_is_not_warned(top: str) -> None:
    """The Hà Nội set's bonus area (cap 5) takes an index to 105: a class from 105 can be given."""
    loaded = load_criteria_text(_set(top, '{name: "Tốt", en: "Good", from: 80, below: 104,'), "set.yaml")
    assert [p.code for p in loaded.warnings if p.code == "class-unreachable"] == []


def test_a_class_above_105_is_warned() -> None:
    loaded = load_criteria_text(_set("above: 105", '{name: "Tốt", en: "Good", from: 80, to: 105,'), "set.yaml")
    assert [p.code for p in loaded.warnings if p.code == "class-unreachable"] == ["class-unreachable"]


def test_the_bundled_sets_have_no_class_warning() -> None:
    for name in ("ha-noi-2025-commune.yaml", "hai-phong-2022-commune.yaml"):
        assert class_warnings(load_criteria(ROOT / "criteria" / name).criteria) == []


@pytest.mark.parametrize(
    ("top", "good", "kind"),
    [
        ("from: 900", '{name: "Tốt", en: "Good", from: 80, below: 900,', "class-unreachable"),
        ("from: 92", GOOD, "class-gap"),
    ],
)
def test_pari_score_puts_the_class_warnings_among_its_findings(tmp_path: Path, top: str, good: str, kind: str) -> None:
    criteria = tmp_path / "set.yaml"
    criteria.write_text(_set(top, good), encoding="utf-8")
    out = tmp_path / "results.xlsx"
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--survey", str(EXAMPLES / "survey.csv"), "--criteria", str(criteria), "-o", str(out), "--lang", "en"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    findings = read_results(out)["findings"].filter(pl.col("kind").str.starts_with("class"))
    assert findings.select("severity", "kind", "commune_code", "file").rows() == [("warning", kind, None, None)]
