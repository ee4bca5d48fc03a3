"""Hostile cases of the eleventh session's sweep: a pipe or a device where a results file or an
annex is read (pari report, pari explain, --previous, pari criteria import), output names whose
ending says another kind of file than the one written (every command that writes), and a register
with no unit at all.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep11.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
``RESOURCE_LIMITS`` gives a case's process limits (``resource.setrlimit``), set in the child: the
device cases read /dev/zero without end before their fix (17-24 GB, until the system killed the
run), so their address space is bounded to keep a regression from taking the machine with it.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Callable
from pathlib import Path

from hostile_paths import fake_results_folder
from hostile_sweep8 import _examples, _score


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _zero(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


# ---------------------------------------------------------------------------------------------
# A pipe or a device where a results file or an annex is read (intake.sheet.open_regular)


def report_of_a_pipe(folder: Path) -> list[str]:
    """``pari report results.xlsx`` where results.xlsx is a named pipe nobody writes to (a
    results file being copied in, a shell's process substitution): opening it waited for ever."""
    return ["report", str(_fifo(folder / "results.xlsx")), "-o", str(folder / "report.html")]


def previous_linked_to_dev_zero(folder: Path) -> list[str]:
    """``--previous last.parquet``, a link to /dev/zero: read without end, 24 GB until the system
    killed the run, after the whole scoring."""
    return _score(folder, "--previous", str(_zero(folder / "last.parquet")))


def import_annex_linked_to_dev_zero(folder: Path) -> list[str]:
    """``pari criteria import annex.xlsx``, a link to a device: 23 GB, never answered."""
    return ["criteria", "import", str(_zero(folder / "annex.xlsx")), "-o", str(folder / "draft.yaml")]


def explain_results_folder_with_a_pipe(folder: Path) -> list[str]:
    """``pari explain --results res`` where the folder's summary.parquet is a named pipe: polars
    opened it by name and waited for ever."""
    (folder / "res").mkdir()
    _fifo(folder / "res" / "summary.parquet")
    return ["explain", "00001", "--results", str(folder / "res")]


# ---------------------------------------------------------------------------------------------
# Output names whose ending says another kind of file (outputs.path_identity.Target.suffixes)


def template_named_txt(folder: Path) -> list[str]:
    """``pari template -o form.txt`` wrote a workbook under a .txt name: a commune opening it got
    a page of binary in Notepad."""
    return ["template", "-o", str(folder / "form.txt")]


def report_named_xlsx(folder: Path) -> list[str]:
    """``--report ranking.xlsx``: an HTML page under a workbook's name, which Excel refuses."""
    return _score(folder, "--report", str(folder / "ranking.xlsx"))


def results_format_xlsx_named_txt(folder: Path) -> list[str]:
    """``--format xlsx -o results.txt``: the format given wrote a workbook under any name."""
    return _score(folder, "--format", "xlsx", out="results.txt")


def results_folder_named_xlsx(folder: Path) -> list[str]:
    """``--format csv -o results.xlsx``: a folder of CSV files named as a workbook."""
    return _score(folder, "--format", "csv", out="results.xlsx")


def demo_folder_named_xlsx(folder: Path) -> list[str]:
    """``pari demo-data --format xlsx -o demo.xlsx``: a folder of workbooks named as one."""
    return ["demo-data", "--format", "xlsx", "--communes", "3", "-o", str(folder / "demo.xlsx")]


# ---------------------------------------------------------------------------------------------
# A register with no unit (intake.register.read_register)


def register_header_only(folder: Path) -> list[str]:
    """A register saved with its header and no rows: every assessment row was "a commune not in
    the register" (thousands of findings), and the register itself was never named."""
    files = _examples(folder)
    header = files["communes"].read_text(encoding="utf-8-sig").splitlines()[0]
    files["communes"].write_text(header + "\n", encoding="utf-8")
    return _score(folder)


def template_register_header_only(folder: Path) -> list[str]:
    """``pari template --communes`` of that register wrote a form of no rows, exit 0."""
    register = folder / "communes.csv"
    register.write_text("code,name,type\n", encoding="utf-8")
    return ["template", "--communes", str(register), "-o", str(folder / "form.xlsx")]


def register_every_row_without_code(folder: Path) -> list[str]:
    """A register whose code column is empty on every row (pasted as formulas that did not
    survive the export): every unit left out, then every assessment unknown."""
    files = _examples(folder)
    lines = files["communes"].read_text(encoding="utf-8-sig").splitlines()
    files["communes"].write_text("\n".join([lines[0], *("," + ln.split(",", 1)[1] for ln in lines[1:])]) + "\n")
    return _score(folder)


# ---------------------------------------------------------------------------------------------
# A criteria set's bytes (criteria.file_text.read_text_file, yaml_reader.parse_yaml)

CRITERIA = Path(__file__).resolve().parents[1] / "criteria" / "ha-noi-2025-commune.yaml"
#: Where the stray bytes go in criteria-stray-bytes-mid-file (a byte offset of the bundled set):
#: the first ASCII byte from 5000 on, a character's start, so that the refusal names this byte and
#: not the start of a Vietnamese letter the bytes would split (the set's text moves as it changes).
STRAY_AT = next(i for i, byte in enumerate(CRITERIA.read_bytes()) if i >= 5000 and byte < 0x80)


def criteria_saved_as_unicode(folder: Path) -> list[str]:
    """The bundled set saved by Notepad as "Unicode" (UTF-16 with a byte-order mark), as YAML
    allows: refused as "not UTF-8 (byte 0)"."""
    path = folder / "set.yaml"
    path.write_bytes(CRITERIA.read_text(encoding="utf-8").encode("utf-16"))
    return ["validate", str(path)]


def criteria_stray_bytes_mid_file(folder: Path) -> list[str]:
    """Two stray bytes in the middle of a set: "not UTF-8 (byte 5001)", a place no editor shows."""
    raw = CRITERIA.read_bytes()
    path = folder / "set.yaml"
    path.write_bytes(raw[:STRAY_AT] + b"\xff\xfe" + raw[STRAY_AT:])
    return ["validate", str(path)]


def criteria_nul_character(folder: Path) -> list[str]:
    """A NUL byte on line 2 (a file cut and padded by a copy): "YAML không hợp lệ" with no line,
    and a hint about "this line"."""
    path = folder / "set.yaml"
    path.write_bytes(b"id: x\ntitle: a\x00b\n")
    return ["validate", str(path)]


# ---------------------------------------------------------------------------------------------
# A warning of reading the lineage (ranking.lineage.read_lineage)


def lineage_utf16_without_bom(folder: Path) -> list[str]:
    """A lineage table saved as UTF-16 without a byte-order mark, read correctly with a warning:
    the warning stopped the run after all its scoring, exit 1, no results, and a console line
    "cảnh báo: … Tệp không phải UTF-8" (the title alone: the Vietnamese had no words for UTF-16)."""
    path = folder / "lineage.csv"
    path.write_bytes("old_code,new_code\n00001,00004\n00002,00004\n".encode("utf-16-le"))
    # With last year's results: --lineage alone is lineage-without-previous (sweep 13).
    return _score(folder, "--lineage", str(path), "--previous", str(fake_results_folder(folder)))


Case = Callable[[Path], list[str]]

CASES: dict[str, Case] = {
    "results-pipe-report": report_of_a_pipe,
    "results-dev-zero-previous": previous_linked_to_dev_zero,
    "annex-dev-zero-import": import_annex_linked_to_dev_zero,
    "results-folder-pipe-explain": explain_results_folder_with_a_pipe,
    "output-template-named-txt": template_named_txt,
    "output-report-named-xlsx": report_named_xlsx,
    "output-format-xlsx-named-txt": results_format_xlsx_named_txt,
    "output-csv-folder-named-xlsx": results_folder_named_xlsx,
    "output-demo-folder-named-xlsx": demo_folder_named_xlsx,
    "register-header-only": register_header_only,
    "register-header-only-template": template_register_header_only,
    "register-every-code-empty": register_every_row_without_code,
    "criteria-utf16-notepad": criteria_saved_as_unicode,
    "criteria-stray-bytes-mid-file": criteria_stray_bytes_mid_file,
    "criteria-nul-character": criteria_nul_character,
    "lineage-utf16-without-bom": lineage_utf16_without_bom,
}

_BOUNDED = {resource.RLIMIT_AS: 3 * 1024**3}

#: Process limits set in a case's child (resource.setrlimit), by case.
RESOURCE_LIMITS: dict[str, dict[int, int]] = {
    "results-dev-zero-previous": _BOUNDED,
    "annex-dev-zero-import": _BOUNDED,
}

#: What each case answers: exit status, a code that must be printed (or None), and the names (in
#: the case's folder) of user files that must be left exactly as they were.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "results-pipe-report": (1, "not-a-file", ()),
    "results-dev-zero-previous": (1, "not-a-file", ("communes.csv", "assessments_long.csv", "survey.csv")),
    "annex-dev-zero-import": (1, "not-a-file", ()),
    "results-folder-pipe-explain": (1, "not-a-file", ()),
    "output-template-named-txt": (2, "output-suffix", ()),
    "output-report-named-xlsx": (2, "output-suffix", ("communes.csv", "assessments_long.csv", "survey.csv")),
    "output-format-xlsx-named-txt": (2, "output-suffix", ()),
    "output-csv-folder-named-xlsx": (2, "output-folder-suffix", ()),
    "output-demo-folder-named-xlsx": (2, "output-folder-suffix", ()),
    "register-header-only": (1, "empty-file", ("communes.csv",)),
    "register-header-only-template": (1, "empty-file", ("communes.csv",)),
    "register-every-code-empty": (1, "missing-code", ("communes.csv",)),
    "criteria-utf16-notepad": (0, None, ("set.yaml",)),
    "criteria-stray-bytes-mid-file": (1, "not-utf8", ("set.yaml",)),
    "criteria-nul-character": (1, "yaml-syntax", ("set.yaml",)),
    "lineage-utf16-without-bom": (0, None, ("lineage.csv",)),
}

#: Outputs each case must not have written (the case's folder).
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "results-dev-zero-previous": ("out.xlsx",),
    "annex-dev-zero-import": ("draft.yaml",),
    "results-pipe-report": ("report.html",),
    "output-template-named-txt": ("form.txt",),
    "output-report-named-xlsx": ("ranking.xlsx", "out.xlsx"),
    "output-format-xlsx-named-txt": ("results.txt",),
    "output-csv-folder-named-xlsx": ("results.xlsx",),
    "output-demo-folder-named-xlsx": ("demo.xlsx",),
    "register-header-only": ("out.xlsx",),
    "register-header-only-template": ("form.xlsx",),
    "register-every-code-empty": ("out.xlsx",),
}
