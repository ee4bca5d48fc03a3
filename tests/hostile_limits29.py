"""Hostile cases of the twenty-ninth session's helper limits29. Measured on this shared 2-core
machine (``benchmarks/hostile.py --only limits29 --cpu``; load average 2.5 to 4), on main at
fe8dd57, then after.

- pari's own fill-in form for 400 units (``pari template --communes``, a 2.3 MB workbook from a
  register of 400 rows) read back by ``pari score``: refused as ``xlsx-damaged``, "10,586,008
  bytes of XML without the end of a cell", with the hint that Excel did not write the file (1.3
  CPU s, exit 1). The form writes a validation rule on each cell to fill, and the sheet's scan
  cut its XML only after a cell, a row or a merged range: the rules after the cells (26 KB a
  unit) passed MAX_XML_RUN_BYTES (8 MiB) from some 320 units on. The same for any sheet with that
  much of conditional formats, links or ignored errors after its cells. Now a piece may end after
  any of these too (``xml_patterns._SHEET_PIECE_END``): read, 3.0 CPU s and 310 MB, exit 0.

- ``pari criteria import`` of an annex whose table holds more text than a criteria file may
  (1 MiB): a 0.1 MB workbook of 490 items whose scoring methods and evidence were 32,000
  characters each (repeated: the workbook's shared strings shrink them) took 11.8 CPU s (24 s
  wall at load 4), recognising 800 clauses a method and writing a draft of 22 MB with PyYAML;
  150,000 note rows below 445 items (2 MB) took 7.9 CPU s to draft 14 MB, a todo note a row.
  ``pari validate`` refuses either draft (``file-too-large``). Now the annex's text is counted
  before anything is recognised (``importing._check_annex_text``): ``annex-too-large`` at the row
  that passes the limit, 1.3 and 1.6 CPU s.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits29.py checks what each answers.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _examples

Case = Callable[[Path], list[str]]

#: Units of the register the form is written for: past the some 320 whose rules made 8 MiB.
FORM_UNITS = 400


def register_of(folder: Path, units: int) -> Path:
    """A register of ``units`` communes (codes 00001…), in ten districts."""
    path = folder / "danh-sach.csv"
    lines = ["code,name,type,district,province"]
    lines += [f"{n:05d},Xã Số {n},xã,Huyện {n % 10},Tỉnh Mẫu" for n in range(1, units + 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def own_form_of_400_units(folder: Path) -> list[str]:
    """The form ``pari template`` writes for FORM_UNITS units, given back unfilled to ``pari score``."""
    from pari_index.cli import main

    register = register_of(folder, FORM_UNITS)
    form = folder / "mau-tu-danh-gia.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):  # its "written" line is not the case's answer
        main(["template", "--communes", str(register), "-o", str(form)], standalone_mode=False)
    _examples(folder)
    return ["score", str(form), "--communes", str(register), "--no-survey", "-o", str(folder / "ket-qua.xlsx"), "-q"]


#: A scoring method of some 32,000 characters (Excel's cell holds 32,767).
LONG_METHOD = ("- Từ 100% trở lên: 2 điểm; - Từ 80% đến dưới 100%: 1 điểm; - Dưới 80%: 0 điểm. " * 400)[:32_000]
ANNEX_HEADER = ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm", "Tài liệu kiểm chứng"]


def annex_of(path: Path, items: int, item_row: Callable[[str], list[object]], notes: int = 0) -> Path:
    """An annex of five areas of ``items`` items each (``item_row`` of the item's number), and
    ``notes`` rows below of a text without a number."""
    import xlsxwriter

    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("Phu luc I")  # (a name of the user's own, shown as written)
        sheet.write_row(0, 0, ANNEX_HEADER)
        row = 1
        for area in range(1, 6):
            sheet.write_row(row, 0, [str(area), f"Lĩnh vực {area}", 20])
            row += 1
            for item in range(1, items + 1):
                sheet.write_row(row, 0, item_row(f"{area}.{item}"))
                row += 1
        for note in range(notes):
            sheet.write_row(row + note, 0, ["", f"ghi chú {note}", "", "- Có: 1 điểm; - Không: 0 điểm", ""])
    return path


def annex_of_long_methods(folder: Path) -> list[str]:
    """490 items whose method and evidence are LONG_METHOD (0.1 MB)."""

    def item(number: str) -> list[object]:
        return [number, f"Tiêu chí {number} " + LONG_METHOD[:200], "0,2", LONG_METHOD + number, LONG_METHOD]

    path = annex_of(folder / "phu-luc.xlsx", 98, item)
    return ["criteria", "import", str(path), "-o", str(folder / "du-thao.yaml")]


def annex_of_many_note_rows(folder: Path) -> list[str]:
    """445 short items, then 150,000 rows of notes (2 MB)."""

    def item(number: str) -> list[object]:
        return [number, f"Tiêu chí {number}", "0,2", "- Đúng hạn: 0,2 điểm;\n- Chậm: 0 điểm.", "- Báo cáo"]

    path = annex_of(folder / "phu-luc.xlsx", 89, item, notes=150_000)
    return ["criteria", "import", str(path), "-o", str(folder / "du-thao.yaml")]


CASES: dict[str, Case] = {
    "own-form-of-400-units": own_form_of_400_units,
    "annex-of-long-methods": annex_of_long_methods,
    "annex-of-many-note-rows": annex_of_many_note_rows,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "own-form-of-400-units": (0, None, ("mau-tu-danh-gia.xlsx", "danh-sach.csv")),
    "annex-of-long-methods": (1, "annex-too-large", ("phu-luc.xlsx",)),
    "annex-of-many-note-rows": (1, "annex-too-large", ("phu-luc.xlsx",)),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "annex-of-long-methods": ("du-thao.yaml",),
    "annex-of-many-note-rows": ("du-thao.yaml",),
}
