"""Hostile cases of the twentieth session's lead: inputs that were scored (or drafted) as if
nothing were wrong.

- A survey of ratios (``0.925`` for 92,5 %, as a survey tool exports them) was scored as under
  1 %: every commune's survey part lost, exit 0. Now ``percent-as-fraction`` at each cell, and a
  survey that gives nothing stops the run (``survey-missing``) before anything is written.
- A commune's form of another version of the set (its «Max points» another year's) was scored
  without a word: now ``form-other-version`` (a warning; the run goes on, exit 0).
- ``pari criteria import`` of an annex of 60,000 numbered rows (1.6 MB) took 40 s and 880 MB,
  writing a draft ``pari validate`` refuses: now ``too-many-items`` at the first row past the
  limit, before anything is drafted.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_lead20.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl
import xlsxwriter
from hostile_sweep8 import CRITERIA, _examples, _rows, _score

Case = Callable[[Path], list[str]]
HA_NOI = CRITERIA / "ha-noi-2025-commune.yaml"


def _ratio(text: str) -> str:
    return f"{float(text.replace(',', '.')) / 100:.4g}"


def survey_of_ratios(folder: Path) -> list[str]:
    header, *rows = _rows("survey.csv")
    at = header.index("value")
    with (folder / "ratios.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *([*r[:at], _ratio(r[at]), *r[at + 1 :]] for r in rows)])
    args = _score(folder)
    args[args.index("--survey") + 1] = str(folder / "ratios.csv")
    return args


def form_of_last_year(folder: Path) -> list[str]:
    """The form of the set for the example's register, commune 00001's rows filled from the
    example, the maxima of its first three rows of 1 point changed (two items) as a revision does."""
    files = _examples(folder)
    form = folder / "mau-2024.xlsx"
    template = ["template", "--criteria", str(HA_NOI), "-o", str(form)]
    from click.testing import CliRunner

    from pari_index.cli import main

    made = CliRunner().invoke(main, template)
    assert made.exit_code == 0, made.output
    _header, *rows = _rows("assessments_long.csv")
    values = {(r[0], r[1], r[2]): r[3] for r in rows if r[0] == "00001"}
    wb = openpyxl.load_workbook(form)
    ws = wb.worksheets[1]
    heads = [c.value for c in ws[1]]
    code, item, name, value, most = (
        heads.index(h) for h in ("Mã đơn vị", "Tiêu chí", "Đầu vào", "Giá trị", "Điểm tối đa")
    )
    changed = 0
    for row in ws.iter_rows(min_row=2):
        key = (row[item].value, row[name].value)
        given = values.get(("00001", *key)) or values.get(("00001", key[0], ""))
        if given is None:
            continue
        row[code].value, row[value].value = "00001", given
        if changed < 3 and row[most].value == 1:
            row[most].value, changed = 2, changed + 1
    wb.save(form)
    return [
        "score",
        str(form),
        "--criteria",
        str(HA_NOI),
        "--communes",
        str(files["communes"]),
        "--no-survey",
        "-o",
        str(folder / "out.xlsx"),
        "-q",
    ]


def annex_of_60000_rows(folder: Path) -> list[str]:
    book = xlsxwriter.Workbook(str(folder / "phu-luc.xlsx"))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Phương pháp chấm điểm"])
    row = 1
    for area in range(1, 201):
        sheet.write_row(row, 0, [str(area), f"Lĩnh vực {area}"])
        row += 1
        for item in range(1, 300):
            method = "- Ban hành đúng thời hạn: 1 điểm;\n- Ban hành chậm: 0,5 điểm;\n- Không ban hành: 0 điểm."
            sheet.write_row(row, 0, [f"{area}.{item}", f"Tiêu chí {area}.{item}", "1 điểm", method])
            row += 1
    book.close()
    return ["criteria", "import", str(folder / "phu-luc.xlsx"), "-o", str(folder / "du-thao.yaml")]


CASES: dict[str, Case] = {
    "survey-of-ratios": survey_of_ratios,
    "form-of-last-year": form_of_last_year,
    "annex-of-60000-rows": annex_of_60000_rows,
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "survey-of-ratios": (1, "survey-missing", (*_INPUTS, "ratios.csv")),
    "form-of-last-year": (0, None, ("communes.csv", "mau-2024.xlsx")),
    "annex-of-60000-rows": (1, "too-many-items", ("phu-luc.xlsx",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "survey-of-ratios": ("out.xlsx",),
    "annex-of-60000-rows": ("du-thao.yaml",),
}
