"""Hostile cases of the twenty-first session's helper silent21: inputs that were ranked as if
nothing were wrong.

- Last year's results whose codes are all another run's (the province before the 2025 merger,
  given without ``--lineage``): every unit's change was "not in last year's results", exit 0 with
  nothing said, last year's 60 rows compared with nothing. Now the warning
  ``previous-units-unmatched`` names how many and the first codes (since session 33, when none of
  them compares, the error ``previous-compares-nothing`` in its place, the run incomplete, exit 1).
  With a lineage table linking them, nothing is said.

- A register writing the province of five of its units ``TP. Hà Nội`` beside ``Thành phố Hà Nội``:
  the five were ranked first to fifth of a province of five, exit 0 with nothing said. Now they
  rank with their province and the warning ``group-spellings`` lists both spellings.

- A criteria set with two classes named «Tốt» (70-80 and 80-90) passed ``pari validate``: a unit of
  70.35 % was classed «Tốt» with «Tốt» as its next class. A set with items ``1.1.a`` and ``1.1.A``
  passed too, though a form's headings are read whatever their case. Now ``duplicate-class`` and
  ``case-twin``, errors at their lines: ``pari validate`` says INVALID, ``pari score`` writes nothing.

- ``--appraisal appraisal.csv --appraisal bo-sung.csv``: click kept the last, and the council's
  decisions of the first file were left out, exit 0 with nothing said. Now every option taking
  one value, given twice, is ``option-given-twice`` (exit 2) before anything is read.

Each generator writes its files into an empty folder and returns the ``pari`` argv (without the
program name); ``benchmarks/hostile.py`` runs them as child processes and
tests/test_hostile_silent21.py checks what each answers (``EXPECTED``: exit status, the code that
must be printed, and the user's files that must come out byte for byte as they went in).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hostile_sweep8 import _examples, _rows, _score

Case = Callable[[Path], list[str]]
_INPUTS = ("communes.csv", "assessments_long.csv", "survey.csv")


def _previous_of_old_codes(folder: Path) -> Path:
    """Last year's results (a results folder) of the example's units under the codes they had
    before the merger: ``1`` and four digits of the code (``00004`` was ``10004``)."""
    import polars as pl
    from hostile_paths import fake_results_folder

    _examples(folder)
    codes = [row[0] for row in _rows("communes.csv")[1:]]
    summary = pl.DataFrame(
        {
            "commune_code": [f"1{c[1:]}" for c in codes],
            "name": [f"Xã {i}" for i in range(len(codes))],
            "group": ["Tỉnh cũ"] * len(codes),
            "index": [str(90 - i / 2) for i in range(len(codes))],
            "rank": [str(i + 1) for i in range(len(codes))],
            "group_size": [str(len(codes))] * len(codes),
        }
    )
    return fake_results_folder(folder, summary)


def previous_of_old_codes_without_lineage(folder: Path) -> list[str]:
    return _score(folder, "--previous", str(_previous_of_old_codes(folder)))


def previous_of_old_codes_with_lineage(folder: Path) -> list[str]:
    previous = _previous_of_old_codes(folder)
    codes = [row[0] for row in _rows("communes.csv")[1:]]
    lines = ["old_code,new_code", *(f"1{c[1:]},{c}" for c in codes)]
    (folder / "lineage.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _score(folder, "--previous", str(previous), "--lineage", str(folder / "lineage.csv"))


def register_province_shortened(folder: Path) -> list[str]:
    header, *rows = _rows("communes.csv")
    at = header.index("province")
    for row in rows[:5]:
        row[at] = row[at].replace("Thành phố ", "TP. ")
    with (folder / "don-vi.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    args = _score(folder)
    args[args.index("--communes") + 1] = str(folder / "don-vi.csv")
    return args


_HA_NOI = Path(__file__).resolve().parents[1] / "criteria" / "ha-noi-2025-commune.yaml"


def _criteria(folder: Path, *changes: tuple[str, str]) -> Path:
    text = _HA_NOI.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    (folder / "bo-chi-so.yaml").write_text(text, encoding="utf-8")
    return folder / "bo-chi-so.yaml"


def criteria_two_classes_of_one_name(folder: Path) -> list[str]:
    return ["validate", str(_criteria(folder, ('{name: "Khá", en: "Fair"', '{name: "Tốt", en: "Fair"')))]


def criteria_ids_differing_in_case_score(folder: Path) -> list[str]:
    path = _criteria(folder, ('- id: "1.1.1"', '- id: "1.1.a"'), ('- id: "1.1.2"', '- id: "1.1.A"'))
    return [*_score(folder), "--criteria", str(path)]


def appraisal_given_twice(folder: Path) -> list[str]:
    header, *_ = _rows("appraisal.csv")
    with (folder / "bo-sung.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, ["00001", "7.2.1", "", "", "", "có", "Bổ sung sau", "HĐ"]])
    (folder / "appraisal.csv").write_bytes((_HA_NOI.parents[1] / "examples" / "appraisal.csv").read_bytes())
    return [*_score(folder), "--appraisal", str(folder / "appraisal.csv"), "--appraisal", str(folder / "bo-sung.csv")]


CASES: dict[str, Case] = {
    "appraisal-given-twice": appraisal_given_twice,
    "criteria-two-classes-of-one-name": criteria_two_classes_of_one_name,
    "criteria-ids-differing-in-case-score": criteria_ids_differing_in_case_score,
    "register-province-shortened": register_province_shortened,
    "previous-of-old-codes-without-lineage": previous_of_old_codes_without_lineage,
    "well-previous-of-old-codes-with-lineage": previous_of_old_codes_with_lineage,
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "appraisal-given-twice": (2, "option-given-twice", (*_INPUTS, "appraisal.csv", "bo-sung.csv")),
    "criteria-two-classes-of-one-name": (1, "duplicate-class", ("bo-chi-so.yaml",)),
    "criteria-ids-differing-in-case-score": (1, "case-twin", (*_INPUTS, "bo-chi-so.yaml")),
    "register-province-shortened": (0, None, (*_INPUTS, "don-vi.csv")),
    # Since session 33 an error (the run incomplete, results written): nothing of last year compares.
    "previous-of-old-codes-without-lineage": (1, "previous-compares-nothing", (*_INPUTS, "res/summary.csv")),
    "well-previous-of-old-codes-with-lineage": (0, None, (*_INPUTS, "res/summary.csv", "lineage.csv")),
}
NOT_WRITTEN: dict[str, tuple[str, ...]] = {
    "criteria-ids-differing-in-case-score": ("out.xlsx",),
    "appraisal-given-twice": ("out.xlsx",),
}
