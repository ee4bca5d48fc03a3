"""``pari explain`` and ``pari report`` given ``--criteria`` of the results' set, but edited since
they were scored (same id, another maximum): refused as ``results-criteria-edited`` (exit 2), by
the SHA-256 the results' about sheet records; sweep 17 compared the ids only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_sweep8 import CRITERIA, _score

from pari_index.cli import main

HA_NOI = CRITERIA / "ha-noi-2025-commune.yaml"


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example scored with a copy of the Hà Nội set given as a file (the about sheet records
    the file's SHA-256)."""
    folder = tmp_path_factory.mktemp("scored")
    shutil.copy(HA_NOI, folder / "set.yaml")
    result = CliRunner().invoke(main, _score(folder, "--criteria", str(folder / "set.yaml")))
    assert result.exit_code in (0, 1), result.output
    assert (folder / "out.xlsx").is_file()
    return folder


def _edited(folder: Path) -> Path:
    """The set with a line added after scoring: the same id, other bytes."""
    text = HA_NOI.read_text(encoding="utf-8")
    edited = folder / "edited.yaml"
    edited.write_text(text + "\n# edited after scoring\n", encoding="utf-8")
    return edited


@pytest.mark.parametrize("command", ["explain", "report"])
def test_an_edited_set_of_the_same_id_is_refused(scored: Path, tmp_path: Path, command: str) -> None:
    edited = _edited(tmp_path)
    results = str(scored / "out.xlsx")
    if command == "explain":
        args = ["explain", "00001", "1.1.1", "--results", results]
    else:
        args = ["report", results, "-o", str(tmp_path / "page.html")]
    result = CliRunner().invoke(main, [*args, "--criteria", str(edited), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "[results-criteria-edited]" in result.output and "edited.yaml" in result.output
    assert "file's bytes" in result.output
    assert not (tmp_path / "page.html").exists()
    same = CliRunner().invoke(main, [*args, "--criteria", str(scored / "set.yaml")])
    assert same.exit_code == 0, same.output


def test_the_vietnamese_words(scored: Path, tmp_path: Path) -> None:
    edited = _edited(tmp_path)
    args = ["explain", "00001", "1.1.1", "--results", str(scored / "out.xlsx"), "--criteria", str(edited)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "tính trên các byte của tệp" in result.output
    assert "[results-criteria-edited]" in result.output
