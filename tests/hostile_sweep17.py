"""Hostile cases of the seventeenth session's sweep: a text file whose Vietnamese letters were
replaced by ``?`` when it was saved (Excel's plain "CSV" on an English or Japanese Windows writes
``Ph??ng H?ng C?m``) went into the ranking garbled, exit 0: refused as ``letters-lost``, as a CSV
file or a workbook's sheet; a CSV file of UTF-8 lines and Windows-1258 lines (two exports pasted
together) was refused as a TCVN3/VNI file: each line is read as what it is, with a warning;
``pari explain`` and ``pari report`` given ``--criteria`` of another set than the results' printed
that set's method texts and deadlines beside these scores, exit 0: refused as
``results-other-criteria``; an empty name (``""``, an unset variable in a script) for any path was
taken for the current folder (".: this is a folder"): refused as ``path-empty``; a commune code
with an invisible character gave one ``control-character`` finding per value of its row, the same
line printed again and again: one a row; an input that is a symbolic link to a deleted file (or a
loop) was "file not found" (a name ``ls`` lists), "Too many levels of symbolic links", or for
``pari report`` "results file not found": ``input-broken-link``, saying where it points; a code
or item id typed in full-width characters (``００００１``, ``１．１．１``) was unknown and looked
like a known one: the message now names the code it would be.

Cases of other classes tried this session that already answered well are kept so that they stay
so: a register in GB18030 or KOI8-R (refused as not Windows-1258; since
session 18 named as such, ``other-encoding``, not as TCVN3/VNI), an overlong UTF-8 form in a code
and CESU-8 surrogate bytes in a name (undecodable-bytes), a name of 9,000 combining marks through
to the report, Arabic-Indic digits, ``NaN``, ``inf``, ``1e308``, ``-0`` and 400 digits as
self-scores, an assessments file of a header only, an item answered N/A by every commune, rows of
two criteria sets in one file, last year's results of another set as ``--previous``, an .xlsx
with 100,000 number formats, rows or cells written backwards, its sheet's part missing or its
relationship pointing out of the package (``../../etc/passwd``, ``/etc/passwd``), zip entries named
``../../evil.txt``, an .xlsb renamed .xlsx, the output inside the
evidence folder, inputs named ``com1.csv`` and ``NUL.``.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_sweep17.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import CRITERIA, EXAMPLES, _examples, _rows, _score, cp1258_bytes
from hostile_sweep14 import _csv, _rewritten, _workbook
from hostile_sweep16 import _table_workbook

Case = Callable[[Path], list[str]]
HAI_PHONG = EXAMPLES / "hai-phong-2022"


def _text(name: str, folder: Path = EXAMPLES) -> str:
    return (folder / name).read_text(encoding="utf-8-sig")


# ---------------------------------------------------------------------------------------------
# Letters lost to "?" when saved in a code page without them


def _register_saved_as(folder: Path, codec: str) -> list[str]:
    _examples(folder)
    (folder / "communes.csv").write_bytes(_text("communes.csv").encode(codec, errors="replace"))
    return _score(folder)


def lost_register_shift_jis(folder: Path) -> list[str]:
    """The register saved by Excel's plain "CSV" on a Japanese Windows: every Vietnamese letter
    a ``?`` (``Ph??ng H?ng C?m``), the file pure ASCII."""
    return _register_saved_as(folder, "shift_jis")


def lost_register_cp1252(folder: Path) -> list[str]:
    """The same on an English Windows (Windows-1252 keeps â, á, ô: ``Ph??ng Tân L?c``)."""
    return _register_saved_as(folder, "cp1252")


def lost_assessments_cp1252(folder: Path) -> list[str]:
    """The assessments so saved: ``?úng h?n`` for every answer ``đúng hạn``."""
    _examples(folder)
    path = folder / "form.csv"
    path.write_bytes(_text("assessments_long.csv").encode("cp1252", errors="replace"))
    return _score(folder, assessments=path)


def lost_register_workbook(folder: Path) -> list[str]:
    """A register CSV that had lost its letters, opened and saved as a workbook."""
    rows = [
        [cell.encode("shift_jis", errors="replace").decode("shift_jis") for cell in row]
        for row in _rows("communes.csv")
    ]
    path = _table_workbook(folder / "communes.xlsx", rows)
    args = _score(folder)
    args[args.index("--communes") + 1] = str(path)
    return args


def lost_template_register(folder: Path) -> list[str]:
    """``pari template --communes`` of a register saved so (the forms would carry the names)."""
    _register_saved_as(folder, "cp1252")
    return ["template", "--communes", str(folder / "communes.csv"), "-o", str(folder / "form.xlsx")]


def question_marks_kept(folder: Path) -> list[str]:
    """Genuine question marks: explanations ending in one (``… chưa?``), a web address with
    ``?id=`` as evidence, a typo ``sao?Vì`` once: read, exit 0 as the example."""
    files = _examples(folder)
    rows = _rows("assessments_long.csv")
    for row in rows[1:400]:  # (one explanation an item: its input rows must agree)
        odd = int(row[1].split(".")[0]) % 2
        row[8] = "Đã gửi báo cáo chưa? Có." if odd else "https://dichvucong.gov.vn/view.php?id=72&lang=vi"
    for row in rows[1:]:
        if row[:2] == ["00001", "1.1.1"]:
            row[8] = "Tại sao?Vì chưa có văn bản"
    files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


# ---------------------------------------------------------------------------------------------
# One file, two encodings


def mixed_utf8_1258(folder: Path) -> list[str]:
    """The example assessments, their first 1,700 lines in UTF-8 and the rest in Windows-1258
    (``cat export-a.csv export-b.csv``, or rows added by another program)."""
    _examples(folder)
    lines = _text("assessments_long.csv").encode().split(b"\n")
    tail = cp1258_bytes(b"\n".join(lines[1700:]).decode())
    path = folder / "mixed.csv"
    path.write_bytes(b"\n".join(lines[:1700]) + b"\n" + tail)
    return _score(folder, assessments=path)


def _register_in(folder: Path, codec: str, text: str) -> list[str]:
    _examples(folder)
    (folder / "communes.csv").write_bytes(text.encode(codec, errors="replace"))
    return _score(folder)


def register_gb18030(folder: Path) -> list[str]:
    """The register in GB18030 (a Chinese Windows' "CSV"; it encodes every Vietnamese letter)."""
    return _register_in(folder, "gb18030", _text("communes.csv"))


def register_koi8(folder: Path) -> list[str]:
    """A register whose names are Russian, in KOI8-R."""
    return _register_in(folder, "koi8-r", _text("communes.csv").replace("Phường", "Город"))


def _register_bytes(folder: Path, old: str, new: bytes) -> list[str]:
    _examples(folder)
    raw = _text("communes.csv").encode()
    (folder / "communes.csv").write_bytes(raw.replace(old.encode(), new, 1))
    return _score(folder)


def overlong_utf8_code(folder: Path) -> list[str]:
    """Commune code 00004 written with an overlong form of its last digit (C0 B4)."""
    return _register_bytes(folder, "00004,", b"0000\xc0\xb4,")


def overlong_utf8_name(folder: Path) -> list[str]:
    """A name with an overlong form of its ``a`` (C1 A1)."""
    return _register_bytes(folder, "Phường Tân", "Phường T".encode() + b"\xc1\xa1n")


def surrogate_bytes_in_name(folder: Path) -> list[str]:
    """A name holding a UTF-16 surrogate written as UTF-8 bytes (ED A0 80, CESU-8)."""
    return _register_bytes(folder, "Phường Tân", "Phường ".encode() + b"\xed\xa0\x80" + "Tân".encode())


def zalgo_name_report(folder: Path) -> list[str]:
    """A name with 9,000 combining marks on one letter, through to the report."""
    _examples(folder)
    name = "Phường T" + "\u0301\u0300\u0323" * 3000 + "ân Lộc"
    (folder / "communes.csv").write_text(_text("communes.csv").replace("Phường Tân Lộc", name), encoding="utf-8")
    return _score(folder, "--report", str(folder / "page.html"))


def _self_scores(folder: Path, values: list[str]) -> list[str]:
    files = _examples(folder)
    rows = _rows("assessments_long.csv")
    scored = [row for row in rows[1:] if row[4]]
    for row, value in zip(scored, values, strict=False):
        row[4] = value
    files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


def arabic_indic_self_scores(folder: Path) -> list[str]:
    """Self-scores in Arabic-Indic digits (``٠٫٥``)."""
    return _self_scores(folder, ["١", "٠.٥", "٠"])


def special_numbers_self_scores(folder: Path) -> list[str]:
    return _self_scores(folder, ["-0", "NaN", "inf", "1e308", "9" * 400])


# ---------------------------------------------------------------------------------------------
# Completeness


def assessments_header_only(folder: Path) -> list[str]:
    _examples(folder)
    path = folder / "form.csv"
    path.write_text(_text("assessments_long.csv").splitlines()[0] + "\n", encoding="utf-8")
    return _score(folder, assessments=path)


def item_only_not_applicable(folder: Path) -> list[str]:
    """Item 1.1.2 (not allowed to be N/A) marked N/A by every commune, no value given."""
    files = _examples(folder)
    rows = _rows("assessments_long.csv")
    for row in rows[1:]:
        if row[1] == "1.1.2":
            row[3], row[4], row[9] = "", "", "x"
    files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


def two_sets_in_one_file(folder: Path) -> list[str]:
    """The example rows and 12 rows of the Hải Phòng 2022 set below them, in one file."""
    files = _examples(folder)
    other = _text("assessments_long.csv", HAI_PHONG).split("\n", 1)[1].splitlines()[:12]
    text = _text("assessments_long.csv").rstrip("\n") + "\n" + "\n".join(other) + "\n"
    files["assessments_long"].write_text(text, encoding="utf-8")
    return _score(folder)


def _hai_phong_results(folder: Path) -> Path:
    """Results of the Hải Phòng 2022 example scored once into ``hp.xlsx`` (an earlier run)."""
    from children import pari_child

    args = ["score", str(HAI_PHONG / "assessments_long.csv"), "--communes", str(HAI_PHONG / "communes.csv")]
    args += ["--survey", str(HAI_PHONG / "survey.csv"), "--criteria", str(CRITERIA / "hai-phong-2022-commune.yaml")]
    done = pari_child([*args, "-o", str(folder / "hp.xlsx"), "-q"], folder, timeout=120)
    assert done.returncode == 0, done.stderr
    return folder / "hp.xlsx"


def explain_with_other_set(folder: Path) -> list[str]:
    """``pari explain`` of Hải Phòng 2022 results with ``--criteria`` Hà Nội 2025."""
    results = _hai_phong_results(folder)
    return [
        "explain",
        "00001",
        "1.1.1",
        "--results",
        str(results),
        "--criteria",
        str(CRITERIA / "ha-noi-2025-commune.yaml"),
    ]


def report_with_other_set(folder: Path) -> list[str]:
    results = _hai_phong_results(folder)
    page = str(folder / "page.html")
    return ["report", str(results), "-o", page, "--criteria", str(CRITERIA / "ha-noi-2025-commune.yaml")]


def previous_of_other_set(folder: Path) -> list[str]:
    """Last year's results scored on another set as ``--previous``: said, compared by index."""
    results = _hai_phong_results(folder)
    return _score(folder, "--previous", str(results))


# ---------------------------------------------------------------------------------------------
# Workbooks


def _changed(folder: Path, part: str, change: Callable[[bytes], bytes]) -> list[str]:
    path = _workbook(folder / "form.xlsx", {})
    _rewritten(path, lambda name, data: change(data) if name == part else data)
    return _score(folder, assessments=path)


def styles_100k_formats(folder: Path) -> list[str]:
    """styles.xml of 100,000 number formats and as many cell formats (6 MB)."""

    def change(data: bytes) -> bytes:
        formats = "".join(f'<numFmt numFmtId="{200 + i}" formatCode="0.0_{i}"/>' for i in range(100_000))
        xfs = "".join(f'<xf numFmtId="{200 + i}" fontId="0" fillId="0" borderId="0" xfId="0"/>' for i in range(100_000))
        data = re.sub(rb"<numFmts[^>]*>.*?</numFmts>", b"", data, flags=re.S)
        data = data.replace(b"<fonts", f'<numFmts count="100000">{formats}</numFmts><fonts'.encode(), 1)
        return re.sub(rb'<cellXfs count="([0-9]+)">', b'<cellXfs count="100100">', data).replace(
            b"</cellXfs>", xfs.encode() + b"</cellXfs>"
        )

    return _changed(folder, "xl/styles.xml", change)


def rows_backwards(folder: Path) -> list[str]:
    """Every <row> of the sheet in reverse order (row numbers kept)."""

    def change(data: bytes) -> bytes:
        rows = re.findall(rb"<row .*?</row>", data, flags=re.S)
        start, end = data.index(rows[0]), data.index(rows[-1]) + len(rows[-1])
        return data[:start] + b"".join(reversed(rows)) + data[end:]

    return _changed(folder, "xl/worksheets/sheet1.xml", change)


def cells_backwards(folder: Path) -> list[str]:
    """Every row's cells in reverse order (references kept)."""

    def backwards(match: re.Match[bytes]) -> bytes:
        return match[1] + b"".join(reversed(re.findall(rb"<c .*?</c>", match[2], flags=re.S))) + match[3]

    return _changed(
        folder,
        "xl/worksheets/sheet1.xml",
        lambda data: re.sub(rb"(<row [^>]*>)(.*?)(</row>)", backwards, data, flags=re.S),
    )


def sheet_part_missing(folder: Path) -> list[str]:
    """A workbook naming a sheet whose part is not in the package."""
    path = _workbook(folder / "form.xlsx", {})
    with zipfile.ZipFile(path) as package:
        parts = [(n, package.read(n)) for n in package.namelist() if n != "xl/worksheets/sheet1.xml"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            package.writestr(name, data)
    return _score(folder, assessments=path)


def _sheet_target(target: bytes) -> Case:
    def case(folder: Path) -> list[str]:
        return _changed(
            folder, "xl/_rels/workbook.xml.rels", lambda data: data.replace(b'Target="worksheets/sheet1.xml"', target)
        )

    return case


def zip_slip_entries(folder: Path) -> list[str]:
    """The example workbook with entries named ``../../evil.txt`` and ``/abs.txt`` added."""
    path = _workbook(folder / "form.xlsx", {})
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("../../evil.txt", b"x")
        package.writestr("/abs.txt", b"y")
    return _score(folder, assessments=path)


def xlsb_renamed_xlsx(folder: Path) -> list[str]:
    """The sweep-10 .xlsb (a cell at XFD1048576) renamed .xlsx: read by its content."""
    from hostile_sweep10 import xlsb_far_cell

    args = xlsb_far_cell(folder)
    source = next(a for a in args if a.endswith(".xlsb"))
    os.rename(source, folder / "form.xlsx")
    return [str(folder / "form.xlsx") if a == source else a for a in args]


# ---------------------------------------------------------------------------------------------
# Paths


def output_in_evidence_folder(folder: Path) -> list[str]:
    """``-o`` inside the ``--evidence-dir`` of the files the rows name (refused since session 30)."""
    _examples(folder)
    evidence = folder / "evidence"
    evidence.mkdir()
    for row in _rows("assessments_long.csv")[1:]:
        if row[7]:
            (evidence / row[7]).write_bytes(b"%PDF-1.4\n")
    args = _score(folder, "--evidence-dir", str(evidence))
    args[args.index("-o") + 1] = str(evidence / "out.xlsx")
    return args


def windows_device_input_names(folder: Path) -> list[str]:
    """Inputs named ``com1.csv`` and ``NUL.`` (device names on Windows; files here)."""
    _examples(folder)
    shutil.copy(folder / "assessments_long.csv", folder / "com1.csv")
    shutil.copy(folder / "communes.csv", folder / "NUL.")
    args = _score(folder, assessments=folder / "com1.csv")
    args[args.index("--communes") + 1] = str(folder / "NUL.")
    return args


def byte_order_mark_in_codes(folder: Path) -> list[str]:
    """Commune 00001's code written with a byte-order mark before it on each of its 72 rows (a
    cell pasted from a file that began with one)."""
    files = _examples(folder)
    rows = _rows("assessments_long.csv")
    for row in rows[1:]:
        if row[0] == "00001":
            row[0] = "\ufeff00001"
    files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
    return _score(folder)


def _linked_nowhere(option: str, *, loop: bool = False, command: str = "score") -> Case:
    """``option`` given a symbolic link whose target was deleted (or, ``loop``, a link to itself),
    which ``ls`` lists where the file is looked for."""

    def case(folder: Path) -> list[str]:
        link = folder / "linked.csv"
        os.symlink(link if loop else folder / "deleted.csv", link)
        if command == "validate":
            return ["validate", str(link)]
        if command == "report":
            return ["report", str(link), "-o", str(folder / "page.html")]
        args = _score(folder)
        if option == "ASSESSMENTS":
            args[1] = str(link)
        elif option in args:
            args[args.index(option) + 1] = str(link)
        else:
            args += [option, str(link)]
        return args

    return case


def _full_width(column: int) -> Case:
    """Commune 00001's code (``column`` 0), or the item ids of its rows (1), typed in full-width
    characters (``００００１``, ``１．１．１``: a Chinese or Japanese input method)."""

    def case(folder: Path) -> list[str]:
        files = _examples(folder)
        rows = _rows("assessments_long.csv")
        for row in rows[1:]:
            if row[0] == "00001":
                row[column] = row[column].translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
        files["assessments_long"].write_text(_csv(rows), encoding="utf-8")
        return _score(folder)

    return case


def _emptied(option: str) -> Case:
    """The example run with an empty name (``""``: an unset variable in a script) for ``option``
    (``ASSESSMENTS``: the first argument)."""

    def case(folder: Path) -> list[str]:
        args = _score(folder)
        args[1 if option == "ASSESSMENTS" else args.index(option) + 1] = ""
        return args

    return case


def empty_report_results(folder: Path) -> list[str]:
    """``pari report "" -o page.html``: the results' name empty."""
    _examples(folder)
    return ["report", "", "-o", str(folder / "page.html")]


CASES: dict[str, Case] = {
    "letters-lost-register-shift-jis": lost_register_shift_jis,
    "letters-lost-register-cp1252": lost_register_cp1252,
    "letters-lost-assessments-cp1252": lost_assessments_cp1252,
    "letters-lost-register-workbook": lost_register_workbook,
    "letters-lost-template-register": lost_template_register,
    "well-question-marks-kept": question_marks_kept,
    "mixed-utf8-1258-lines": mixed_utf8_1258,
    "well-register-gb18030": register_gb18030,
    "well-register-koi8": register_koi8,
    "well-overlong-utf8-code": overlong_utf8_code,
    "well-overlong-utf8-name": overlong_utf8_name,
    "well-surrogate-bytes-in-name": surrogate_bytes_in_name,
    "well-zalgo-name-report": zalgo_name_report,
    "well-arabic-indic-self-scores": arabic_indic_self_scores,
    "well-special-numbers-self-scores": special_numbers_self_scores,
    "well-complete-assessments-header-only": assessments_header_only,
    "well-complete-item-only-na": item_only_not_applicable,
    "well-complete-two-sets-in-one-file": two_sets_in_one_file,
    "results-other-criteria-explain": explain_with_other_set,
    "results-other-criteria-report": report_with_other_set,
    "well-previous-of-other-set": previous_of_other_set,
    "well-xlsx-styles-100k-formats": styles_100k_formats,
    "well-xlsx-rows-backwards": rows_backwards,
    "well-xlsx-cells-backwards": cells_backwards,
    "well-xlsx-sheet-part-missing": sheet_part_missing,
    "well-xlsx-relationship-out-of-package": _sheet_target(b'Target="../../../../../../etc/passwd"'),
    "well-xlsx-relationship-absolute": _sheet_target(b'Target="/etc/passwd"'),
    "well-xlsx-zip-slip-entries": zip_slip_entries,
    "well-xlsb-renamed-xlsx": xlsb_renamed_xlsx,
    "well-output-in-evidence-folder": output_in_evidence_folder,
    "well-windows-device-input-names": windows_device_input_names,
    "code-mark-once-a-row": byte_order_mark_in_codes,
    "code-full-width-digits": _full_width(0),
    "code-full-width-item-ids": _full_width(1),
    "link-nowhere-register": _linked_nowhere("--communes"),
    "link-loop-assessments": _linked_nowhere("ASSESSMENTS", loop=True),
    "link-nowhere-criteria": _linked_nowhere("--criteria"),
    "link-nowhere-evidence-folder": _linked_nowhere("--evidence-dir"),
    "link-nowhere-validate": _linked_nowhere("", command="validate"),
    "link-loop-report-results": _linked_nowhere("", loop=True, command="report"),
    "path-empty-assessments": _emptied("ASSESSMENTS"),
    "path-empty-register": _emptied("--communes"),
    "path-empty-output": _emptied("-o"),
    "path-empty-report-results": empty_report_results,
}

_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")
_OTHERS = ("communes.csv", "survey.csv")

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "letters-lost-register-shift-jis": (1, "letters-lost", _INPUTS),
    "letters-lost-register-cp1252": (1, "letters-lost", _INPUTS),
    "letters-lost-assessments-cp1252": (1, "letters-lost", ("form.csv", *_OTHERS)),
    "letters-lost-register-workbook": (1, "letters-lost", ("communes.xlsx", "assessments_long.csv", "survey.csv")),
    "letters-lost-template-register": (1, "letters-lost", ("communes.csv",)),
    "well-question-marks-kept": (0, None, _INPUTS),
    "mixed-utf8-1258-lines": (0, None, ("mixed.csv", *_OTHERS)),
    "well-register-gb18030": (1, "other-encoding", _INPUTS),
    "well-register-koi8": (1, "other-encoding", _INPUTS),
    "well-overlong-utf8-code": (1, "unknown-commune", _INPUTS),
    "well-overlong-utf8-name": (1, "undecodable-bytes", _INPUTS),
    "well-surrogate-bytes-in-name": (1, "undecodable-bytes", _INPUTS),
    "well-zalgo-name-report": (0, None, _INPUTS),
    "well-arabic-indic-self-scores": (1, "bad-value", _INPUTS),
    "well-special-numbers-self-scores": (1, "number-out-of-range", _INPUTS),
    "well-complete-assessments-header-only": (1, "no-rows", ("form.csv", *_OTHERS)),
    "well-complete-item-only-na": (1, "na-not-allowed", _INPUTS),
    "well-complete-two-sets-in-one-file": (1, "pasted-sets", _INPUTS),
    "results-other-criteria-explain": (2, "results-other-criteria", ("hp.xlsx",)),
    "results-other-criteria-report": (2, "results-other-criteria", ("hp.xlsx",)),
    "well-previous-of-other-set": (0, None, ("hp.xlsx", *_INPUTS)),
    "well-xlsx-styles-100k-formats": (0, None, ("form.xlsx", *_OTHERS)),
    "well-xlsx-rows-backwards": (0, None, ("form.xlsx", *_OTHERS)),
    "well-xlsx-cells-backwards": (0, None, ("form.xlsx", *_OTHERS)),
    "well-xlsx-sheet-part-missing": (1, "sheet-unreadable", ("form.xlsx", *_OTHERS)),
    "well-xlsx-relationship-out-of-package": (1, "sheet-unreadable", ("form.xlsx", *_OTHERS)),
    "well-xlsx-relationship-absolute": (1, "sheet-unreadable", ("form.xlsx", *_OTHERS)),
    "well-xlsx-zip-slip-entries": (0, None, ("form.xlsx", *_OTHERS)),
    "well-xlsb-renamed-xlsx": (1, "sheet-too-sparse", ("form.xlsx",)),
    # Written until session 30, which refuses it: the next run took an output there for the
    # evidence a row names (tests/hostile_faults30.py).
    "well-output-in-evidence-folder": (4, "output-in-evidence-folder", _INPUTS),
    "well-windows-device-input-names": (0, None, ("com1.csv", "NUL.", "survey.csv")),
    "code-mark-once-a-row": (1, "control-character", _INPUTS),
    "code-full-width-digits": (1, "unknown-commune", _INPUTS),
    "code-full-width-item-ids": (1, "unknown-criterion", _INPUTS),
    "link-nowhere-register": (1, "input-broken-link", _INPUTS),
    "link-loop-assessments": (1, "input-broken-link", _INPUTS),
    "link-nowhere-criteria": (1, "input-broken-link", _INPUTS),
    "link-nowhere-evidence-folder": (1, "input-broken-link", _INPUTS),
    "link-nowhere-validate": (1, "input-broken-link", ()),
    "link-loop-report-results": (1, "input-broken-link", ()),
    "path-empty-assessments": (2, "path-empty", _INPUTS),
    "path-empty-register": (2, "path-empty", _INPUTS),
    "path-empty-output": (2, "path-empty", _INPUTS),
    "path-empty-report-results": (2, "path-empty", _INPUTS),
}

#: Names nothing may be written under (the results of a refused run).
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "letters-lost-register-shift-jis": ("out.xlsx",),
    "letters-lost-template-register": ("form.xlsx",),
    "results-other-criteria-explain": (),
    "results-other-criteria-report": ("page.html",),
    "path-empty-assessments": ("out.xlsx",),
    "path-empty-register": ("out.xlsx",),
    "path-empty-report-results": ("page.html",),
}
