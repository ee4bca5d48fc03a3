"""Dates in a results workbook's «Thông tin» / About sheet, as officials write them.

The run date and the decision's date were written ISO (2026-01-15) on a sheet otherwise in the
officials' words; they are now 15/01/2026 (Vietnamese) and 15 Jan 2026 (English), and read back
(``--previous``, ``pari report``) as the ISO dates they were."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pari_index.messages import format_date, iso_date
from pari_index.outputs.results import read_results
from pari_index.pipeline import run_score

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9999, 12, 31)), st.sampled_from(["vi", "en"]))
def test_a_written_date_reads_back_as_it_was(day: dt.date, lang: str) -> None:
    assert iso_date(format_date(day.isoformat(), lang), lang) == day.isoformat()


def test_dates_as_each_language_writes_them() -> None:
    assert format_date("2026-01-15", "vi") == "15/01/2026"
    assert format_date("2026-01-15", "en") == "15 Jan 2026"
    # Text that is not an ISO date (an earlier version's, a hand edit) is left as it is.
    assert iso_date("2026-01-15", "vi") == "2026-01-15"
    assert iso_date("sometime", "en") == "sometime"


@pytest.mark.parametrize(
    ("lang", "sheet", "shown"), [("vi", "Thông tin", "15/01/2026"), ("en", "About", "15 Jan 2026")]
)
def test_the_about_sheet_shows_dates_as_people_write_them(tmp_path: Path, lang: str, sheet: str, shown: str) -> None:
    out = tmp_path / "results.xlsx"
    run_score(
        assessments=[EXAMPLES / "assessments_long.csv"],
        survey=[EXAMPLES / "survey.csv"],
        communes=EXAMPLES / "communes.csv",
        criteria=ROOT / "criteria" / "ha-noi-2025-commune.yaml",
        output=out,
        date="2026-01-15",
        lang=lang,
    )
    values = [row[1] for row in openpyxl.load_workbook(out, read_only=True)[sheet].iter_rows(values_only=True)]
    assert shown in values
    assert not [v for v in values if isinstance(v, str) and v[:4].isdigit() and v[4:5] == "-" and len(v) == 10]
    about = dict(read_results(out)["about"].select("key", "value").iter_rows())
    assert about["run_date"] == "2026-01-15"
    assert about["decision_date"] == "2025-11-17"
