"""A stage-level caller's about table hashes every file its readers read, decomposed names too.

``pari_index.scoring.run.score`` called directly (without the facade, which hands the readers the
names the disk holds) with names typed composed (NFC) of files named decomposed (NFD) on disk read
them (spelling.spelled_on_disk) but recorded ``-`` for their SHA-256: the hash looked the name up
as typed. The digests now find the file the way the readers do, wherever they are taken: the
about table's inputs, the criteria set's file hash, the synthetic marker beside the inputs and
the cache's key (intake.file_digests).
"""

from __future__ import annotations

import hashlib
import shutil
import unicodedata
from pathlib import Path

import pytest
from hostile_sweep8 import CRITERIA, EXAMPLES

from pari_index.criteria.loading import load_criteria
from pari_index.intake import file_digests
from pari_index.outputs.provenance import SYNTHETIC_README, criteria_hash, provenance_about
from pari_index.outputs.results import about_table
from pari_index.scoring.run import score

SET_NAME = "Bộ tiêu chí.yaml"
FILES = {"assessments": "Đánh giá xã.csv", "communes": "Danh sách.csv", "survey": "Khảo sát.csv"}
SOURCES = {"assessments": "assessments_long.csv", "communes": "communes.csv", "survey": "survey.csv"}


def _nfd(name: str) -> str:
    return unicodedata.normalize("NFD", name)


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    """A folder as a Mac's zip unpacks it: the set and the inputs named decomposed, in a folder
    named decomposed, with the synthetic marker beside them."""
    folder = tmp_path / _nfd("Dữ liệu")
    folder.mkdir()
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", folder / _nfd(SET_NAME))
    for role, name in FILES.items():
        shutil.copy(EXAMPLES / SOURCES[role], folder / _nfd(name))
    (folder / SYNTHETIC_README).write_text("synthetic\n", encoding="utf-8")
    assert not (tmp_path / "Dữ liệu").exists()
    return tmp_path


def _typed(unpacked: Path, name: str) -> Path:
    return unpacked / "Dữ liệu" / name  # composed, as a keyboard gives it


def _digest(source: str) -> str:
    return hashlib.sha256((EXAMPLES / source).read_bytes()).hexdigest()


def test_a_stage_level_run_records_the_hash_of_every_decomposed_input(unpacked: Path) -> None:
    criteria_file = _typed(unpacked, SET_NAME)
    result = score(
        [_typed(unpacked, FILES["assessments"])],
        load_criteria(criteria_file),
        communes=_typed(unpacked, FILES["communes"]),
        survey=[_typed(unpacked, FILES["survey"])],
    )
    assert result.totals.height == 60  # the readers found every file
    about = dict(about_table(result).select("key", "value").rows())
    for role, source in SOURCES.items():
        assert about[f"input_sha256_{role}"] == _digest(source), role
    assert about["criteria_sha256_of"] == "file"
    assert about["criteria_sha256"] == hashlib.sha256((CRITERIA / "ha-noi-2025-commune.yaml").read_bytes()).hexdigest()
    assert about["synthetic"] == "yes"


def test_every_digest_finds_the_file_as_the_readers_do(unpacked: Path) -> None:
    """The pieces one by one: a digest outside a run, within one (hashed ahead), the criteria
    hash and the provenance rows of paths typed composed."""
    typed = _typed(unpacked, FILES["communes"])
    assert file_digests.sha256(typed) == _digest("communes.csv")
    with file_digests.inputs_of_run([typed]):
        assert file_digests.sha256(typed) == _digest("communes.csv")
    criteria = load_criteria(_typed(unpacked, SET_NAME)).criteria
    assert criteria_hash(criteria, _typed(unpacked, SET_NAME))[1] == "file"
    rows = provenance_about(criteria, None, {"communes": [str(typed)]})
    assert rows["input_sha256_communes"] == _digest("communes.csv")
    assert rows["synthetic_marker"] == SYNTHETIC_README
    # A name of no file in either form is still "-" (nothing is invented).
    missing = provenance_about(criteria, None, {"communes": [str(_typed(unpacked, "Không có.csv"))]})
    assert missing["input_sha256_communes"] == "-"
