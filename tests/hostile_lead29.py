"""Hostile cases of the twenty-ninth session's lead: evidence files that are there but broken, and
the survey part scored from the appraisal or from the communes' own files.

With ``--evidence-dir`` each evidence file an assessment names is looked for in the folder (found
as the clerk's Windows machine would find it: letter case, Unicode form, backslashes), and a name
that leads to nothing, to a folder, out of the folder, or to a file the system will not open is a
gap: a finding at the cell, and the item scores 0 under ``missing_evidence: zero``. What the file
held was never looked at. A campaign on the example (session 29) wrote every one of its 1,910
evidence files into a folder and broke some the ways a copy, an upload or a download breaks them:

- 191 files of 0 bytes (a copy that failed, a portal's upload that stored nothing): every one
  counted as evidence «present», and its item kept its points, exit 0, no word;
- a portal's "session expired" page saved under the document's name (``KH 72.pdf`` holding
  ``<!DOCTYPE html>…``); a PDF cut short in a download (no ``%%EOF`` in its last 1,024 bytes,
  where PDF readers look for it); a Word document renamed ``.pdf``: each «present», points kept.

Each is now a gap of its own at the evidence cell: ``evidence-empty_file`` (0 bytes) and
``evidence-damaged_file`` (a PDF, Office document or picture whose first bytes are not those of its
kind, or that lacks the end mark every whole file of its kind has; the English message says which).
Only the first and last 1,024 bytes of a file are read; kinds pari has no signature for are not
judged by their content. The appraisal council's decision to accept an explanation still restores
the points, as for every gap.

A second campaign rewrote the council's appraisal file the ways a secretary would (codes without
their zeros, ids with a dot or «TC», decisions as «CÓ» or «x», scores with a point or «điểm», rows
twice, reversed, Vietnamese headings, blank lines, a total row, a title row, out-of-range scores,
conflicting rows): each read the same or was told, but one. A council row for a survey item
(``00001,10.1.1,,,0``) was applied as any correction, «appraisal changed 4 to 0», and moved six
ranks of the example: the survey part is the sociological survey's, which the council does not
appraise (domain primer: keep self, appraised and survey scores apart). It is now refused at its
row, ``appraisal-survey-item``. Looking at the survey part from the other side found two more:

- with ``--survey`` files that give no result for commune 00001's item 10.1.1, the commune's own
  file giving 10.1.1 = 100% supplied its survey score: 4 points, exit 0, no finding. Now
  ``survey-item-in-assessment`` at the cell (where the survey files give the item too, the two
  meet as a repeated row or a conflict, as before);
- with ``--no-survey``, assessments holding survey results were scored (4 points to one commune,
  «INCOMPLETE: 59 communes without survey results») under the notice «every commune has 0 for it».
  Now a usage error, ``no-survey-but-survey-given`` (exit 2): which to follow is the user's to say.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_lead29.py checks what each answers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import EXAMPLES, _score

Case = Callable[[Path], list[str]]

#: A whole PDF as small as one can be: its header, one object, its trailer and its end mark.
WHOLE_PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
#: What a provincial portal answers once a session has expired, saved under the document's name.
EXPIRED_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Hệ thống một cửa</title></head>"
    "<body>Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.</body></html>\n"
).encode()
#: The start of a Word document (a zip): its local file header, cut after the first entry's name.
WORD_START = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"\x00" * 16 + b"[Content_Types].xml"

#: Commune 00001's evidence files, each broken one way (no other commune names them).
BROKEN = {
    "1_1_1_KH_72_2025.pdf": b"",
    "1_1_2_KH_54_2025.pdf": EXPIRED_PAGE,
    "1_1_3_BC_130_2025.pdf": WHOLE_PDF[:-7] + b"\x00" * 2000,
    "1_2_BC_215_2025.pdf": WORD_START,
}


def evidence_folder(folder: Path, broken: dict[str, bytes], empty_every: int = 0) -> Path:
    """Every evidence file the example names, written as a whole PDF into ``folder/minh-chung``;
    those of ``broken`` with its bytes, and with ``empty_every``, every n-th name (sorted) empty."""
    with open(EXAMPLES / "assessments_long.csv", encoding="utf-8-sig", newline="") as file:
        names = sorted({row["evidence_file"] for row in csv.DictReader(file) if row["evidence_file"]})
    documents = folder / "minh-chung"
    documents.mkdir()
    for number, name in enumerate(names):
        empty = empty_every and number % empty_every == 0
        (documents / name).write_bytes(broken.get(name, b"" if empty else WHOLE_PDF))
    return documents


def score_with_every_tenth_evidence_file_empty(folder: Path) -> list[str]:
    """191 of the 1,910 evidence files of 0 bytes: every one «present», points kept, no word."""
    documents = evidence_folder(folder, {}, empty_every=10)
    return [*_score(folder, "--evidence-dir", str(documents), out="ket-qua"), "--format", "csv"]


def score_with_broken_evidence_files(folder: Path) -> list[str]:
    """Commune 00001's evidence for 1.1.1 empty, for 1.1.2 a portal's web page, for 1.1.3 a PDF cut
    short, for 1.2 a Word document's start renamed .pdf: each «present», points kept, no word."""
    documents = evidence_folder(folder, BROKEN)
    return [*_score(folder, "--evidence-dir", str(documents), out="ket-qua"), "--format", "csv", "--lang", "en"]


def _long_rows(name: str) -> list[list[str]]:
    with open(EXAMPLES / name, encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def _written(folder: Path, name: str, rows: list[list[str]]) -> Path:
    path = folder / name
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def score_with_a_council_row_for_a_survey_item(folder: Path) -> list[str]:
    """The example's appraisal with one more row: commune 00001's survey item 10.1.1 set to 0 by
    the council. Applied, «appraisal changed 4 to 0», six ranks moved, exit 0."""
    rows = _long_rows("appraisal.csv")
    rows.append(["00001", "10.1.1", "", "", "0", "", "Khảo sát chưa đạt yêu cầu", "Đặng Minh Cường"])
    appraisal = _written(folder, "tham-dinh.csv", rows)
    return [*_score(folder, "--appraisal", str(appraisal), out="ket-qua"), "--format", "csv"]


def _self_assessed_survey(folder: Path) -> Path:
    """The example's assessments with commune 00001's own figure for survey item 10.1.1."""
    rows = _long_rows("assessments_long.csv")
    rows.append(["00001", "10.1.1", "", "100", *[""] * (len(rows[0]) - 4)])
    return _written(folder, "tu-danh-gia.csv", rows)


def score_with_a_survey_item_in_a_commune_file(folder: Path) -> list[str]:
    """The survey file without commune 00001's 10.1.1, which the commune's own file gives (100%):
    the commune's figure was its survey result, 4 points, exit 0, no word."""
    own = _self_assessed_survey(folder)
    survey = [row for row in _long_rows("survey.csv") if row[:2] != ["00001", "10.1.1"]]
    args = _score(folder, assessments=own, out="ket-qua")
    args[args.index("--survey") + 1] = str(_written(folder, "khao-sat.csv", survey))
    return [*args, "--format", "csv"]


def score_with_no_survey_and_survey_results(folder: Path) -> list[str]:
    """--no-survey, and the commune's file giving 10.1.1: scored (4 points to 00001) under the
    notice that every commune has 0 for the survey part."""
    args = _score(folder, assessments=_self_assessed_survey(folder), out="ket-qua")
    at = args.index("--survey")
    return [*args[:at], *args[at + 2 :], "--no-survey", "--format", "csv"]


CASES: dict[str, Case] = {
    "score-with-every-tenth-evidence-file-empty": score_with_every_tenth_evidence_file_empty,
    "score-with-broken-evidence-files": score_with_broken_evidence_files,
    "score-with-a-council-row-for-a-survey-item": score_with_a_council_row_for_a_survey_item,
    "score-with-a-survey-item-in-a-commune-file": score_with_a_survey_item_in_a_commune_file,
    "score-with-no-survey-and-survey-results": score_with_no_survey_and_survey_results,
}

#: Broken evidence files are warnings (exit 0), told at their cells; a council row or a commune's
#: value for a survey item is an error at its row (exit 1, the rest scored); --no-survey beside
#: survey results stops the run before anything is written (exit 2).
EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "score-with-every-tenth-evidence-file-empty": (0, None, ("assessments_long.csv",)),
    "score-with-broken-evidence-files": (0, None, ("assessments_long.csv",)),
    "score-with-a-council-row-for-a-survey-item": (1, "appraisal-survey-item", ("tham-dinh.csv",)),
    "score-with-a-survey-item-in-a-commune-file": (1, "survey-item-in-assessment", ("tu-danh-gia.csv",)),
    "score-with-no-survey-and-survey-results": (2, "no-survey-but-survey-given", ("tu-danh-gia.csv",)),
}
