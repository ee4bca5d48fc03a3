"""A results table whose Parquet pages were damaged (bytes changed on a disk or in a copy) is
refused as ``results-damaged``, never pari's own error.

Found by a byte-mutation campaign in the twenty-fourth session: 2 of 200 damaged results folders
made polars panic while decoding a page ("range end index 213 out of range for slice of length
128"), and ``pari report`` ended with exit 70, "an error of its own, not your file", after a Rust
backtrace in English. Every panic of polars decoding a Parquet file that pari measures
(intake.parquet_measure.read_measured: results tables, cached intakes) is now ``Damaged``.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import polars as pl
import pytest
from test_left16_parquet_results import results  # noqa: F401 - the fixture

from pari_index.errors import IntakeError
from pari_index.intake.parquet_measure import Damaged, read_measured
from pari_index.outputs.results import read_results

#: Four bytes written over the file at each of these fractions of its length.
DAMAGE = b"\xff\xff\xff\x7f"


def _damaged(data: bytes, at: int) -> bytes:
    return data[:at] + DAMAGE + data[at + len(DAMAGE) :]


def _panics(data: bytes) -> bool:
    try:
        pl.read_parquet(io.BytesIO(data))
    except pl.exceptions.PanicException:
        return True
    except Exception:
        return False
    return False


def test_every_damage_of_a_results_table_is_a_located_refusal(results: Path, tmp_path: Path) -> None:  # noqa: F811
    data = (results / "findings.parquet").read_bytes()
    places = range(4, len(data) - 8, 7)
    panicking = [at for at in places if _panics(_damaged(data, at))]
    assert panicking, "no damage made polars panic: the test no longer reaches the class"
    folder = tmp_path / "res"
    for at in panicking[:20]:
        shutil.copytree(results, folder, dirs_exist_ok=True)
        (folder / "findings.parquet").write_bytes(_damaged(data, at))
        with pytest.raises(IntakeError) as caught:
            read_results(folder)
        problem = caught.value.problems[0]
        assert (problem.code, Path(problem.file or "").name) == ("results-damaged", "findings.parquet"), at


def test_a_panic_while_measuring_is_damage(results: Path) -> None:  # noqa: F811
    data = (results / "findings.parquet").read_bytes()
    at = next(at for at in range(4, len(data) - 8, 7) if _panics(_damaged(data, at)))
    with pytest.raises(Damaged, match="its pages cannot be decoded"):
        read_measured(io.BytesIO(_damaged(data, at)), "findings.parquet", 10**6)


def test_a_damaged_footer_of_a_results_table_is_damage_not_another_file(results: Path, tmp_path: Path) -> None:  # noqa: F811
    """Four bytes written over a findings table's footer (its schema, row groups, statistics) made
    polars refuse it as "out of specification": told "not results (…)", as if another kind of file,
    for 2,184 of 2,839 places (session 26). A file with Parquet's magic at both ends is pari's table
    damaged; only a damage of the magic itself leaves nothing to tell it by."""
    import struct

    data = (results / "findings.parquet").read_bytes()
    footer = struct.unpack("<I", data[-8:-4])[0]
    folder = tmp_path / "res"
    codes: dict[str, int] = {}
    for at in range(len(data) - 8 - footer, len(data) - 12, 11):  # not over the footer's length or magic
        shutil.copytree(results, folder, dirs_exist_ok=True)
        (folder / "findings.parquet").write_bytes(_damaged(data, at))
        with pytest.raises(IntakeError) as caught:
            read_results(folder)
        problem = caught.value.problems[0]
        assert Path(problem.file or "").name == "findings.parquet"
        codes[problem.code] = codes.get(problem.code, 0) + 1
    assert list(codes) == ["results-damaged"] and codes["results-damaged"] > 200
