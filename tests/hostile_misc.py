"""Hostile inputs that are not about one reader: many findings, many conflicts, an alias bomb.

Each generator writes its files into an empty folder and returns the ``pari`` arguments (see
benchmarks/hostile.py, which times them; tests/test_hostile_misc.py checks what they answer).
Everything here is generated and synthetic.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FIVE_MB = 5 * 1024**2


def _copy_examples(folder: Path) -> tuple[Path, Path]:
    register = folder / "communes.csv"
    survey = folder / "survey.csv"
    shutil.copy(EXAMPLES / "communes.csv", register)
    shutil.copy(EXAMPLES / "survey.csv", survey)
    return register, survey


def _score_args(folder: Path, assessments: Path) -> list[str]:
    register, survey = _copy_examples(folder)
    return [
        "score",
        str(assessments),
        "--communes",
        str(register),
        "--survey",
        str(survey),
        "-o",
        str(folder / "out" / "results.xlsx"),
        "-q",
    ]


def unknown_communes(folder: Path, size: int = FIVE_MB) -> list[str]:
    """5 MB of rows, each for a different commune code that is not in the register: one finding per
    row, so the findings table is as large as the input."""
    path = folder / "unknown.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("commune_code,criterion_id,value\n")
        i = 0
        while out.tell() < size:
            out.write(f"X{i:09d},1.1.1,04/06/2025\n")
            i += 1
    return _score_args(folder, path)


def near_unknown_communes(folder: Path, size: int = FIVE_MB) -> list[str]:
    """5 MB of rows whose five-digit codes are not in the register but nearly all one digit from
    a code of it (00002 for 00001): a "did you mean" for nearly every row, with every distinct
    code's own list of near codes (intake.nearest; the messages are one sentence per kind of
    nearness, not one per code)."""
    register = {line.split(",")[0].lstrip("\ufeff") for line in (EXAMPLES / "communes.csv").open(encoding="utf-8")}
    path = folder / "near.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("commune_code,criterion_id,value\n")
        i = 0
        while out.tell() < size:
            code = f"{i % 100_000:05d}"
            if code not in register:
                out.write(f"{code},1.1.1,04/06/2025\n")
            i += 1
    return _score_args(folder, path)


def conflicting_repeats(folder: Path, size: int = FIVE_MB) -> list[str]:
    """One commune and one item, typed again and again with a different value each time: every row
    conflicts with every other, and none may be used."""
    path = folder / "conflicts.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("commune_code,criterion_id,input,value\n")
        i = 0
        while out.tell() < size:
            out.write(f"00001,1.1.2,tasks,{'có' if i % 2 else 'không'}\n")
            i += 1
    return _score_args(folder, path)


def huge_register(folder: Path, size: int = FIVE_MB) -> list[str]:
    """A register listing ten times as many units as a country has (110,000 in 5 MB), and one
    assessment row: every unit gets a row per item, and the report a line each."""
    register = folder / "huge_communes.csv"
    with register.open("w", encoding="utf-8") as out:
        out.write("code,name,type,district,province\n")
        i = 0
        while out.tell() < size:
            out.write(f"{i:06d},Xã Số {i},xã,Huyện {i % 700},Tỉnh {i % 34}\n")
            i += 1
    assessments = folder / "one.csv"
    assessments.write_text("commune_code,criterion_id,value\n000001,1.1.1,04/06/2025\n", encoding="utf-8")
    survey = folder / "survey.csv"
    shutil.copy(EXAMPLES / "survey.csv", survey)
    out_dir = folder / "out"
    return [
        "score",
        str(assessments),
        "--communes",
        str(register),
        "--survey",
        str(survey),
        "-o",
        str(out_dir / "results.xlsx"),
        "--report",
        str(out_dir / "report.html"),
        "-q",
    ]


def appraisal_unknown_communes(folder: Path, size: int = FIVE_MB) -> list[str]:
    """5 MB of appraisal rows, each for a commune the register does not hold: one finding and one
    rejected ledger row each, every message different (the ledger's reasons were searched for
    every message: 30 CPU s, 860 MB)."""
    path = folder / "appraisal.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("commune_code,criterion_id,score,reason\n")
        i = 0
        while out.tell() < size:
            out.write(f"X{i:09d},1.1.1,0.5,lý do {i}\n")
            i += 1
    assessments = folder / "one.csv"
    assessments.write_text("commune_code,criterion_id,value\n00001,1.1.1,04/06/2025\n", encoding="utf-8")
    return [*_score_args(folder, assessments), "--appraisal", str(path)]


def alias_bomb(folder: Path) -> list[str]:
    """'Billion laughs': nine levels of nine aliases, 9**10 strings once expanded."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = folder / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["validate", str(path)]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "unknown-communes": unknown_communes,
    "near-unknown-communes": near_unknown_communes,
    "conflicting-repeats": conflicting_repeats,
    "alias-bomb": alias_bomb,
    "huge-register": huge_register,
    "appraisal-unknown-communes": appraisal_unknown_communes,
}
