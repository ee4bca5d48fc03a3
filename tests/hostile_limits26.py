"""Hostile cases of the twenty-sixth session's helper limits26: small files that pari repeats.

- A criteria set whose choice item 3.4.1 labels its level ``modern`` with 99,000 characters in
  Vietnamese and in English (250 KB, within the set's limits), scored for a register of 3,000
  communes (160 KB) that each chose that level (75 KB of assessments): the label was written into
  each commune's rule branch (``cấp:<label>``), its explanation and its inputs, a criteria sheet
  of 177,000 rows carrying 900 MB of text: 6.2 + 1.4 CPU s and 1.27 GB, exit 0. Now a set's words
  are cut to 500 characters, with their length, where an output repeats them on each unit's row
  (``labels.repeated_set_text``; the method section and ``pari explain``'s method give them
  whole): 4.0 + 0.8 CPU s and 370 MB, as for the shipped set's short labels (3.6 + 0.7 CPU s,
  377 MB: the run's size, 3,000 communes).

- The example run with ``--evidence-dir /`` (the whole machine: 473,000 entries on this one's
  root file system, /proc and /sys besides): the folder was walked up to its first 250,000 entries
  (``input_watch.FOLDER_ENTRIES``) when the run began and again at each check, 3.4 + 1.6 CPU s
  and 356 MB against 1.1 s and 167 MB without it, and the run was refused (exit 1,
  ``input-folder-changed``: 92 files under /root it never read), since which entries a cut walk
  reaches shifts with any file another program adds before the cut (in /tmp). Now a folder past
  the entries is walked once, and watched through the evidence files read from it alone
  (``input_watch._first_view``): 2.4 + 0.6 CPU s, 170 MB, exit 0.

- The example's long form as a workbook whose styles list 300,000 cell styles and 75,000 number
  formats (1.6 MB; 29 MB of styles.xml, under the 32 MiB a part may hold): the styles were parsed
  whole twice (for the formats that show a percentage, then for those that pad with zeros), 2.8
  CPU s of the run's 4.7 + 0.4 CPU s, 331 MB. Now one streamed pass finds both
  (``package._style_formats``): 2.7 + 0.1 CPU s, 195 MB. (Excel writes at most about 64,000 cell
  styles.)

- The Hà Nội set with its classes Trung bình and Yếu named with 99,000 characters (in both
  languages; 450 KB), scored for 3,000 communes: each unit's class and next class carried the name
  in the summary, the ranking and the report, 8.8 + 2.2 CPU s (4.0 + 0.8 with the shipped names;
  measured under load 8), a workbook of 18.7 MB against 13. A class's name is data there (compared
  with a previous year's, mapped to its colour), so it is not cut but held to 200 characters like
  a level's value (``model.MAX_CLASS_NAME_CHARS``): ``schema:string_too_long`` at its line, exit 1,
  before any work (0.5 CPU s).

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_limits26.py checks what each answers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import CRITERIA, EXAMPLES, _score

Case = Callable[[Path], list[str]]

#: The labels given to level ``modern`` of item 3.4.1 (ASCII, 99,000 characters each).
LONG_LABELS = {
    "vi": ("Dat chuan trang thiet bi hien dai " * 3_000)[:99_000],
    "en": ("Up to standard modern equipment " * 3_200)[:99_000],
}
#: The communes of the register, each choosing that level.
COMMUNES = 3_000
_SHORT = 'label: "Đạt chuẩn, trang thiết bị hiện đại", label_en: "Up to standard, modern equipment"'


def long_level_label_set(path: Path) -> Path:
    """The Hà Nội set with item 3.4.1's level ``modern`` labelled LONG_LABELS."""
    text = (CRITERIA / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
    assert _SHORT in text
    path.write_text(text.replace(_SHORT, f'label: "{LONG_LABELS["vi"]}", label_en: "{LONG_LABELS["en"]}"'), "utf-8")
    return path


def many_communes_choosing(folder: Path, criterion: str, field: str, value: str) -> tuple[Path, Path]:
    """A register of COMMUNES communes and assessments in which each gives ``value`` for
    ``criterion``'s input ``field`` (and nothing else)."""
    register, assessments = folder / "communes.csv", folder / "tu-danh-gia.csv"
    codes = [f"{number:05d}" for number in range(1, COMMUNES + 1)]
    with register.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "name", "type", "district", "province"])
        writer.writerows([code, f"Xã {code}", "xã", "Huyện Một", "Thành phố Hà Nội"] for code in codes)
    with assessments.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["commune_code", "criterion_id", "input", "value"])
        writer.writerows([code, criterion, field, value] for code in codes)
    return register, assessments


def long_level_label_on_every_row(folder: Path) -> list[str]:
    criteria = long_level_label_set(folder / "bo-tieu-chi.yaml")
    register, assessments = many_communes_choosing(folder, "3.4.1", "desk", "modern")
    return [
        "score",
        str(assessments),
        "--communes",
        str(register),
        "--criteria",
        str(criteria),
        "--no-survey",
        "--allow-incomplete",
        "-o",
        str(folder / "ket-qua.xlsx"),
        "-q",
    ]


def evidence_dir_root(folder: Path) -> list[str]:
    return _score(folder, "--evidence-dir", "/", out="ket-qua.xlsx")


#: Cell styles (cellXfs) and number formats written into the styles of :func:`many_cell_styles`.
CELL_STYLES = 300_000


def many_cell_styles(folder: Path) -> list[str]:
    """The example's long form as a workbook whose styles.xml lists CELL_STYLES cell styles and a
    quarter as many number formats (29 MB inflated, under the 32 MiB a part may hold; 1.6 MB)."""
    import zipfile

    import xlsxwriter

    with (EXAMPLES / "assessments_long.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    plain = folder / "plain.xlsx"
    with xlsxwriter.Workbook(str(plain)) as workbook:
        sheet = workbook.add_worksheet("data")
        for number, row in enumerate(rows):
            sheet.write_row(number, 0, row)
    formats = CELL_STYLES // 4
    codes = "".join(
        f'<numFmt numFmtId="{164 + i}" formatCode="0.{"0" * (i % 20)}&quot;{i * 7919 % 1_000_003}&quot;"/>'
        for i in range(formats)
    )
    styles = "".join(
        f'<xf numFmtId="{164 + i % formats}" fontId="0" fillId="0" borderId="0"/>' for i in range(CELL_STYLES)
    )
    path = folder / "nhieu-kieu.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/styles.xml":
                text = data.decode("utf-8")
                head, rest = text.split("<cellXfs", 1)
                _, tail = rest.split(">", 1)
                listed = f'<numFmts count="{formats}">{codes}</numFmts><cellXfs count="{CELL_STYLES + 1}">'
                data = f"{head}{listed}{styles}{tail}".encode()
            target.writestr(info, data)
    plain.unlink()
    return _score(folder, assessments=path, out="ket-qua.xlsx")


#: The names given to the classes Trung bình and Yếu (ASCII, 99,000 characters each).
LONG_CLASS_NAMES = {
    "Trung bình": ("Trung binh can co gang them " * 4_000)[:99_000],
    "Yếu": ("Yeu kem can co gang nhieu hon " * 4_000)[:99_000],
}


def long_class_names(folder: Path) -> list[str]:
    text = (CRITERIA / "ha-noi-2025-commune.yaml").read_text(encoding="utf-8")
    for name, long in LONG_CLASS_NAMES.items():
        assert f'{{name: "{name}", en: "' in text
        text = text.replace(f'{{name: "{name}", en: "', f'{{name: "{long}", en: "{long.upper()}')
    criteria = folder / "bo-tieu-chi.yaml"
    criteria.write_text(text, encoding="utf-8")
    return _score(folder, "--criteria", str(criteria), out="ket-qua.xlsx")


CASES: dict[str, Case] = {
    "long-class-names": long_class_names,
    "many-cell-styles": many_cell_styles,
    "evidence-dir-root": evidence_dir_root,
    "long-level-label-on-every-row": long_level_label_on_every_row,
}
#: Exit status, the code printed, the user's files that must keep their bytes.
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "long-class-names": (1, "schema:string_too_long", ("bo-tieu-chi.yaml",)),
    "many-cell-styles": (0, None, ("nhieu-kieu.xlsx", "communes.csv")),
    # Refused since session 30: "/" holds every output, and no output may be written inside the
    # evidence folder (output-in-evidence-folder; tests/hostile_faults30.py). The walk past
    # FOLDER_ENTRIES is tested in tests/test_hostile_faults24.py and 25 with the cut lowered.
    "evidence-dir-root": (4, "output-in-evidence-folder", ("communes.csv", "assessments_long.csv")),
    "long-level-label-on-every-row": (0, None, ("bo-tieu-chi.yaml", "communes.csv", "tu-danh-gia.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {"long-class-names": ("ket-qua.xlsx",)}
