"""Hostile cases of the fortieth session's helper language40: what an official reads when a table
is empty or a results file is not what pari wrote, in the language of the run. Each was run with the
real ``pari`` on 81e533d (before) and after the fix:

- ``pari score assessments_long.csv --communes dm.csv …``, ``dm.csv`` a heading line alone: exit 1,
  «dm.csv: không trang tính nào của tệp có hàng dữ liệu» (no sheet of the file has data rows: of a
  CSV file, and naming no table), the English «the register has no rows»; now «danh sách đơn vị
  không có hàng dữ liệu nào» (empty-file's words ``table_rows``, the table in ``rows_table``: the
  register, the lineage table, the appraisal file).

- ``pari report ket-qua -o bc.html``, the folder's ``about.parquet`` a text file: exit 1, «không đọc
  được bảng này của kết quả (lỗi ValueError của thư viện đọc bảng)», a Python class named as the
  table library's error, the English «(not Parquet: no Parquet footer)»; now «… không phải tệp
  Parquet (tệp không bắt đầu bằng «PAR1» …)» (results_problem ``not_parquet``).

- The same, ``about.parquet`` a Parquet file cut short (a copy stopped half-way): exit 1, told as
  above, «give a results file written by pari score», as if it were another file; now
  ``results-damaged``, «cấu trúc Parquet … bị cắt mất», score again.

- ``pari report assessments_wide.xlsx -o bc.html``: exit 1, «không có bảng summary», the table's
  id; now «không có bảng Tổng hợp (trang «Tổng hợp» của sổ tính, tệp summary.csv hay
  summary.parquet của thư mục)».

- ``pari score … --communes dm.csv --group-by district``, the register's first unit alone in its
  district: exit 0, group-few-units said «các nhóm của lượt chấm có khoảng 11.5 đơn vị», a decimal
  point in Vietnamese (the median passed as a text), under the title «Nhóm chỉ có một hai đơn vị»
  (spoken; the summary line read «… một hai đơn vị 1»); now «11,5» and «Nhóm xếp hạng quá ít đơn vị».

``EXPECTED`` is (exit status, code, the user's files that keep their bytes)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import polars as pl
from hostile_sweep8 import EXAMPLES, _examples

Case = Callable[[Path], list[str]]
KEPT = ("dm.csv", "assessments_long.csv", "survey.csv")


def register_of_a_heading_line_alone(folder: Path) -> list[str]:
    """A register exported with its headings and no unit."""
    heading = _examples(folder)["communes"].read_text(encoding="utf-8-sig").splitlines()[0]
    (folder / "dm.csv").write_text(heading + "\n", encoding="utf-8")
    return ["score", "assessments_long.csv", "--communes", "dm.csv", "--survey", "survey.csv", "-o", "out.xlsx"]


def _about_table(folder: Path) -> Path:
    """``ket-qua/about.parquet``: a real Parquet table of the about's shape (read first)."""
    (folder / "ket-qua").mkdir()
    path = folder / "ket-qua" / "about.parquet"
    pl.DataFrame({"key": [f"k{i}" for i in range(200)], "value": [f"giá trị {i}" for i in range(200)]}).write_parquet(
        path
    )
    return path


def results_table_another_file(folder: Path) -> list[str]:
    """A results folder whose about table is a text file under the table's name."""
    _about_table(folder).write_text("đây không phải bảng kết quả\n", encoding="utf-8")
    return ["report", "ket-qua", "-o", "bc.html"]


def results_table_cut_short(folder: Path) -> list[str]:
    """A results folder whose about table was copied only half-way."""
    path = _about_table(folder)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return ["report", "ket-qua", "-o", "bc.html"]


def results_without_a_summary(folder: Path) -> list[str]:
    """A workbook of assessments given where results are read."""
    shutil.copy(EXAMPLES / "assessments_wide.xlsx", folder / "assessments_wide.xlsx")
    return ["report", "assessments_wide.xlsx", "-o", "bc.html"]


def district_of_one_commune(folder: Path) -> list[str]:
    """The register's first unit moved alone into a district of its own, ranked within districts."""
    rows = _examples(folder)["communes"].read_text(encoding="utf-8-sig").splitlines()
    first = rows[1].split(",")
    first[3] = "Huyện Một Xã"
    rows[1] = ",".join(first)
    (folder / "dm.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return [
        "score", "assessments_long.csv", "--communes", "dm.csv", "--survey", "survey.csv",
        "--group-by", "district", "-o", "out.xlsx",
    ]  # fmt: skip


CASES: dict[str, Case] = {
    "register-of-a-heading-line-alone": register_of_a_heading_line_alone,
    "results-table-another-file": results_table_another_file,
    "results-table-cut-short": results_table_cut_short,
    "results-without-a-summary": results_without_a_summary,
    "district-of-one-commune": district_of_one_commune,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "register-of-a-heading-line-alone": (1, "empty-file", KEPT),
    "results-table-another-file": (1, "not-results", ("ket-qua/about.parquet",)),
    "results-table-cut-short": (1, "results-damaged", ("ket-qua/about.parquet",)),
    "results-without-a-summary": (1, "not-results", ("assessments_wide.xlsx",)),
    "district-of-one-commune": (0, None, KEPT),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "register-of-a-heading-line-alone": ("out.xlsx",),
    "results-table-another-file": ("bc.html",),
    "results-table-cut-short": ("bc.html",),
    "results-without-a-summary": ("bc.html",),
}
