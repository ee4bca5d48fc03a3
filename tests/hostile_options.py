"""Hostile command lines and output names (benchmarks/hostile.py times them;
tests/test_hostile_options.py checks what they answer): dates that are no dates, output names
Windows cannot open (results are shared with colleagues on Windows), a synthetic marker that is a
folder, a register of hostile names given to ``pari template``.

Each generator writes its files into an empty folder and returns the ``pari`` arguments.
Everything here is generated and synthetic.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: Commune names that try to be markup, formulas or reordered text.
HOSTILE_NAMES = (
    "</script><script>alert(1)</script>",
    '=HYPERLINK("http://example.invalid","x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\u202eevil\u202c Xã",
    "Xã\u200b Zero\u200dWidth",
    "Xa\u0301 Combining",
    "<img src=x onerror=alert(2)>",
    "Xã " + "Rất Dài " * 500,
)


def _score(folder: Path, *extra: str, output: str = "out.xlsx") -> list[str]:
    for name in ("assessments_long.csv", "communes.csv", "survey.csv"):
        shutil.copy(EXAMPLES / name, folder / name)
    return [
        "score",
        str(folder / "assessments_long.csv"),
        "--communes",
        str(folder / "communes.csv"),
        "--survey",
        str(folder / "survey.csv"),
        "-o",
        str(folder / output),
        "-q",
        *extra,
    ]


def date_iso_week(folder: Path) -> list[str]:
    """An ISO week date: ten characters, which Python reads as a date, but not YYYY-MM-DD."""
    return _score(folder, "--date", "2025-W01-1")


def date_far_future(folder: Path) -> list[str]:
    return _score(folder, "--date", "9999-12-31")


def output_windows_device(folder: Path) -> list[str]:
    """``-o CON.xlsx``: a device name on Windows, where the file could never be opened."""
    return _score(folder, output="CON.xlsx")


def output_trailing_dot(folder: Path) -> list[str]:
    """A results folder whose name ends in a dot (Windows drops it, and loses the folder)."""
    return _score(folder, "--format", "csv", output="results.")


def output_reserved_character(folder: Path) -> list[str]:
    return _score(folder, output="kết quả: 2025?.xlsx")


def output_path_too_long(folder: Path) -> list[str]:
    """An output 4,400 bytes deep (22 folders of 200 letters): every name fits the disk, the whole
    path does not; it used to fail only when writing, after the whole run."""
    return _score(folder, output="/".join(["d" * 200] * 22) + "/results.xlsx")


def synthetic_marker_folder(folder: Path) -> list[str]:
    """A folder named SYNTHETIC-README.md beside the inputs (not the marker file)."""
    (folder / "SYNTHETIC-README.md").mkdir()
    (folder / "SYNTHETIC-README.md" / "x").write_text("x", encoding="utf-8")
    return _score(folder, "--report", str(folder / "report.html"))


def hostile_register(folder: Path) -> Path:
    """The example register with its first units renamed by HOSTILE_NAMES."""
    lines = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig").splitlines()
    out = [lines[0]]
    for i, line in enumerate(lines[1:]):
        cells = line.split(",")
        if i < len(HOSTILE_NAMES):
            cells[1] = '"' + HOSTILE_NAMES[i].replace('"', '""') + '"'
        out.append(",".join(cells))
    path = folder / "communes.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def template_hostile_register(folder: Path) -> list[str]:
    return ["template", "--communes", str(hostile_register(folder)), "-o", str(folder / "form.xlsx")]


def template_huge_register(folder: Path, units: int = 20_000) -> list[str]:
    """A 0.8 MB register of 20,000 units: 1,500,000 form rows, past an Excel sheet. It took over
    10 minutes and 3.3 GB (and xlsxwriter drops rows past the sheet's end without a word)."""
    path = folder / "communes.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("code,name,type,district,province\n")
        out.writelines(f"{i:06d},Xã {i},xã,Huyện {i % 50},Hà Nội\n" for i in range(units))
    return ["template", "--communes", str(path), "-o", str(folder / "form.xlsx")]


def report_hostile_names(folder: Path) -> list[str]:
    """Hostile names through the whole run into the report and its CSV download."""
    args = _score(folder, "--report", str(folder / "report.html"), "--format", "csv", output="out")
    hostile_register(folder)
    return args


CASES: dict[str, Callable[[Path], list[str]]] = {
    "date-iso-week": date_iso_week,
    "date-far-future": date_far_future,
    "output-windows-device": output_windows_device,
    "output-trailing-dot": output_trailing_dot,
    "output-reserved-character": output_reserved_character,
    "output-path-too-long": output_path_too_long,
    "synthetic-marker-folder": synthetic_marker_folder,
    "template-hostile-register": template_hostile_register,
    "template-huge-register": template_huge_register,
    "report-hostile-names": report_hostile_names,
}
