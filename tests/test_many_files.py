"""Many one-commune CSV files read together (intake.many) give exactly what reading each alone gives.

The files are the ones communes send, with the variety they come in: a byte-order mark or none,
Windows line ends, decomposed (NFD) Vietnamese, a file in Windows-1258, an empty file, a header
with no rows, a file with its columns in another order, a quote left open, a row equal to the
header, blank lines and a cell of spaces. Every sheet, row number, problem and the whole checked
intake must be equal to reading them one by one.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.demo import generate
from pari_index.intake import many
from pari_index.intake.assessments import read_assessments
from pari_index.intake.many import read_many_tables
from pari_index.intake.tables import read_tables

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = ROOT / "criteria" / "ha-noi-2025-commune.yaml"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("many")
    data = generate(CRITERIA, folder / "data", communes=40, districts=3, seed=5)
    frame = pl.read_csv(data["assessments_long"], infer_schema=False)
    paths = []
    for n, ((code,), part) in enumerate(frame.partition_by("commune_code", as_dict=True, maintain_order=True).items()):
        path = folder / f"{code}.csv"
        text = part.write_csv()
        if n % 3 == 0:
            text = "\ufeff" + text
        if n % 5 == 1:
            text = text.replace("\n", "\r\n")
        if n == 2:
            text = unicodedata.normalize("NFD", text)
        if n == 4:
            text = text.replace("\n", "\n\n", 3)  # blank lines
        if n == 6:
            header, _, rest = text.partition("\n")
            text = f"{header}\n{header.lstrip(chr(0xFEFF))}\n{rest}"  # a row that repeats the header
        if n == 7:
            text = text.rstrip("\n") + '\n99999,1.1.1,"open'  # a quote left open
        if n == 8:
            text = text.partition("\n")[0] + "\n"  # a header without rows
        if n == 9:
            text = text.replace(",", ";")  # another delimiter
        if n == 10:
            text = text.replace("\n", "\n   ,  ,\n", 1)  # a row of spaces
        path.write_bytes(text.encode("cp1258", errors="replace") if n == 11 else text.encode("utf-8"))
        paths.append(path)
    (folder / "empty.csv").write_bytes(b"")
    # Another commune's rows (a file holding another's every row is refused: input-same-rows).
    swapped = pl.read_csv(paths[12], infer_schema=False).with_columns(commune_code=pl.lit("99998"))
    swapped.select(reversed(swapped.columns)).write_csv(folder / "swapped.csv")
    return [*paths[:20], folder / "empty.csv", *paths[20:30], folder / "swapped.csv", *paths[30:]]


def test_the_sheets_and_problems_are_those_of_each_file_read_alone(files: list[Path]) -> None:
    alone = read_tables(list(files))
    together = read_many_tables(files)
    assert together.problems == alone.problems
    assert [(s.file, s.name, s.original_headers) for s in together.sheets] == [
        (s.file, s.name, s.original_headers) for s in alone.sheets
    ]
    for mine, theirs in zip(together.sheets, alone.sheets, strict=True):
        assert_frame_equal(mine.frame, theirs.frame)


def test_most_files_are_read_in_one_call(files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a timing: the files that qualify do not go through the one-by-one reader."""
    alone: list[str] = []
    read_one = many.read_table_file

    def counted(path: str | Path, **options: bool) -> object:
        alone.append(Path(path).name)
        return read_one(path, **options)

    monkeypatch.setattr(many, "read_table_file", counted)
    read_many_tables(files)
    # The header repeated, the quote left open, the other delimiter, Windows-1258, empty, swapped.
    odd = {files[i].name for i in (6, 7, 9, 11)} | {"empty.csv", "swapped.csv"}
    assert odd <= set(alone)
    # (A few more of the synthetic files have a stray quote in a cell, as people type: alone too.)
    assert len(alone) <= len(files) // 3, alone


def test_the_checked_intake_is_the_same(files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    leaves = compile_criteria(load_criteria(CRITERIA).criteria, None).leaves
    together = read_assessments(files, leaves)
    monkeypatch.setattr(many, "MIN_FILES", 10**9)  # every file alone, as before
    alone = read_assessments(files, leaves)
    for name in ("cells", "meta", "findings", "ledger", "places"):
        assert_frame_equal(getattr(together, name), getattr(alone, name))
    assert together.cells.height > 1000
