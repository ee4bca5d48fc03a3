"""A name typed composed (NFC) finds the file the disk names decomposed (NFD), from the library too.

Session 13 made ``pari`` look a name up so (cli_params._InputPath); a library caller with the same name
got "file not found": ``pari.load_criteria``, ``pari.score``, ``pari.read_results`` and the stage
readers (intake.register.read_register, criteria.loading.load_criteria). The lookup is now one
function (pari_index.system.spelling.spelled_on_disk) that the readers, the facade and the command use.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_sweep8 import CRITERIA, EXAMPLES

import pari_index as pari
from pari_index.cli import main
from pari_index.criteria.loading import load_criteria
from pari_index.intake.register import read_register
from pari_index.system import spelling

SET_NAME = "Bộ tiêu chí.yaml"


def _nfd(name: str) -> str:
    return unicodedata.normalize("NFD", name)


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    """A folder as a Mac's zip unpacks it: a set, a register in a sub-folder and the forms, all
    named decomposed."""
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", tmp_path / _nfd(SET_NAME))
    (tmp_path / _nfd("Dữ liệu")).mkdir()
    shutil.copy(EXAMPLES / "communes.csv", tmp_path / _nfd("Dữ liệu") / _nfd("Danh sách.csv"))
    shutil.copy(EXAMPLES / "assessments_long.csv", tmp_path / _nfd("Đánh giá xã.csv"))
    shutil.copy(EXAMPLES / "survey.csv", tmp_path / _nfd("Khảo sát.csv"))
    assert _nfc(SET_NAME) != _nfd(SET_NAME) and not (tmp_path / _nfc(SET_NAME)).exists()
    return tmp_path


def test_the_facade_and_the_stage_load_a_decomposed_set_typed_composed(unpacked: Path) -> None:
    typed = str(unpacked / _nfc(SET_NAME))
    assert pari.load_criteria(typed).id == "ha-noi-2025-commune"
    loaded = load_criteria(typed)
    assert loaded.criteria.id == "ha-noi-2025-commune"
    assert loaded.file == typed  # named as the caller gave it


def test_a_stage_reader_reads_a_decomposed_register_typed_composed(unpacked: Path) -> None:
    register = read_register(unpacked / _nfc("Dữ liệu") / _nfc("Danh sách.csv"))
    assert register.frame.height == 60


def test_a_library_run_reads_every_decomposed_input_and_records_it(unpacked: Path, tmp_path: Path) -> None:
    criteria = pari.load_criteria(unpacked / _nfc(SET_NAME))
    result = pari.score(
        [unpacked / _nfc("Đánh giá xã.csv")],
        criteria,
        communes=unpacked / _nfc("Dữ liệu") / _nfc("Danh sách.csv"),
        survey=[unpacked / _nfc("Khảo sát.csv")],
    )
    assert result.totals.height == 60
    assert result.findings.filter(pl.col("kind") == "file-not-found").height == 0
    # The facade gives the readers, and the run's records, the names the disk holds.
    assert [Path(p).name for p in result.sources["assessments"]] == [_nfd("Đánh giá xã.csv")]
    out = tmp_path / "out"
    pari.write_results(out, result, pari.rank(result), fmt="csv")
    about = dict(pari.read_results(_nfc(str(out)))["about"].select("key", "value").rows())
    assert len(about["input_sha256_assessments"]) == 64  # hashed, not "-" for a file not found
    assert len(about["input_sha256_communes"]) == 64


def test_a_name_of_no_file_in_either_form_is_still_not_found(unpacked: Path) -> None:
    from pari_index.errors import CriteriaError

    with pytest.raises(CriteriaError) as caught:
        pari.load_criteria(unpacked / _nfc("bộ tiêu chí.yaml"))  # another letter case: another name
    # Not read; since the eighteenth sweep the refusal names the near name (input-near-name).
    assert [p.code for p in caught.value.problems] == ["input-near-name"]


def test_the_command_uses_the_same_lookup(unpacked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = spelling.spelled_on_disk

    def spy(path: str | Path) -> Path:
        asked.append(str(path))
        return real(path)

    monkeypatch.setattr(spelling, "spelled_on_disk", spy)
    typed = str(unpacked / _nfc(SET_NAME))
    result = CliRunner().invoke(main, ["validate", typed, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert typed in asked
    assert "ok — ha-noi-2025-commune" in result.output
