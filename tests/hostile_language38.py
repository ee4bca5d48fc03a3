"""Hostile cases of the thirty-eighth session's helper language38: what an official reads in the
language of the run. Each was run with the real ``pari`` on 5bf6759 (before) and after the fix:

- ``pari --lang vi score … --report r.html``: the report's «Tải bảng xếp hạng (CSV)» saved
  Vietnamese headings over numbers with a decimal point (``Tổng điểm,Chỉ số (%)`` over
  ``94.3,95.98``), which a spreadsheet under Vietnamese regional settings (decimal comma, list
  separator «;») reads as texts or as other numbers; a fall in rank was the text ``'-1`` (the
  formula guard took the minus for a formula). Now the download writes a Vietnamese report's
  numbers with a decimal comma and «;» between fields, an English one's with a point and «,»,
  never a number quoted (outputs.report_packing.ranking_csv; tests/test_report.py).

- ``pari score … --group-by xyz``: the columns offered were the run's names,
  ``(các cột có: name, unit_type, district, province, ranked, note)`` in a Vietnamese run too,
  and the one no register heads a column with, ``unit_type``, was the only one accepted for the
  register's «type»: ``--group-by type`` and ``--group-by loại`` (the register's own heading, and
  its Vietnamese) were refused as unknown-group-column, exit 2. Now both rank within the unit type
  (ranking.groups.RUN_NAMES), and the columns are offered as --group-by takes them in the run's
  language: ``tên, loại, huyện, tỉnh, xếp hạng, note`` / ``name, type, district, province, ranked,
  note`` (messages.labels.group_columns_text).

- ``PARI_MAX_CELLS=abc pari score …``: the English hint named the default («set it to a number
  such as 20000000»), the Vietnamese did not («đặt một số nguyên dương»): the site's f-string and
  the catalogue's words had drifted (tests/test_message_details.py, the bad-limit cases; an
  environment variable is no argument of a case here).

``EXPECTED`` is (exit status, code, the user's files that keep their bytes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _examples

Case = Callable[[Path], list[str]]
KEPT = ("communes.csv", "assessments_long.csv", "survey.csv")


def _score_args(folder: Path, *extra: str) -> list[str]:
    _examples(folder)
    return ["score", "assessments_long.csv", "--communes", "communes.csv", "--survey", "survey.csv", *extra]


def group_by_the_register_s_type(folder: Path) -> list[str]:
    """``--group-by type``: the heading of the register's unit type (communes.csv's own)."""
    return _score_args(folder, "--group-by", "type", "-o", "out.xlsx", "--report", "report.html")


def group_by_loai(folder: Path) -> list[str]:
    """``--group-by loại``: the unit type by its Vietnamese heading."""
    return _score_args(folder, "--group-by", "loại", "-o", "out.xlsx")


def group_by_a_column_not_there(folder: Path) -> list[str]:
    """``--group-by xyz``: refused, naming the columns there are."""
    return _score_args(folder, "--group-by", "xyz", "-o", "out.xlsx")


def report_with_its_download(folder: Path) -> list[str]:
    return _score_args(folder, "-o", "out.xlsx", "--report", "report.html")


CASES: dict[str, Case] = {
    "group-by-the-register-s-type": group_by_the_register_s_type,
    "group-by-loai": group_by_loai,
    "group-by-a-column-not-there": group_by_a_column_not_there,
    "report-with-its-download": report_with_its_download,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "group-by-the-register-s-type": (0, None, KEPT),
    "group-by-loai": (0, None, KEPT),
    "group-by-a-column-not-there": (2, "unknown-group-column", KEPT),
    "report-with-its-download": (0, None, KEPT),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {"group-by-a-column-not-there": ("out.xlsx",)}
