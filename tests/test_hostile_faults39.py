"""What the cases of tests/hostile_faults39.py answer: an output held open (as Excel holds it on
Windows) is told with "close the file in Excel", in each language, and no previous output of the
run changes; and that a group of outputs is put in place all or none (pari_index.outputs.files)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from children import ROOT, pari_child
from hostile_faults39 import CASES, HELD_FOLDER, LOCKED

from pari_index.errors import OutputError
from pari_index.outputs import files

#: The hint's words, by language (pari_index.messages.hints).
CLOSE_IT = {"en": "close the file in Excel", "vi": "đóng tệp trong Excel"}
IN_THE_FOLDER = {"en": "a file in the folder is open", "vi": "một tệp trong thư mục đang mở"}


def _held_run(args: list[str], folder: Path, held: str) -> subprocess.CompletedProcess[str]:
    """``pari ARGS`` in a child whose renames from or to ``held`` are refused (LOCKED)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PARI_TEST_HELD": held}
    return subprocess.run(
        [sys.executable, "-c", LOCKED, *args], cwd=folder, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_an_output_held_open_says_close_it_in_excel_and_changes_no_output(tmp_path: Path, case: str, lang: str) -> None:
    first, then, held, kept = CASES[case](tmp_path)
    assert pari_child(first, tmp_path).returncode in (0, 1)
    before = {name: (tmp_path / name).read_bytes() for name in kept}
    done = _held_run([*then, "--lang", lang], tmp_path, held)
    said = done.stdout + done.stderr
    assert done.returncode == 4, said
    assert "[output-unwritable]" in said and CLOSE_IT[lang] in said and "Traceback" not in said, said
    assert (IN_THE_FOLDER[lang] in said) == (case in HELD_FOLDER), said
    assert {name: (tmp_path / name).read_bytes() for name in kept} == before
    left = [p.name for p in tmp_path.rglob("*") if ".pari-" in p.name]
    assert left == []
    # Not held, the same run writes other bytes: what was kept above was kept by the fix.
    assert pari_child(then, tmp_path).returncode in (0, 1)
    assert {name: (tmp_path / name).read_bytes() for name in kept} != before


def _written(path: Path, text: str) -> files.Placed:
    tmp = path.with_name(path.name + ".new")
    tmp.write_text(text)
    return files.place_file(tmp, path, path)


def test_a_group_refused_at_its_last_output_takes_back_those_placed(tmp_path: Path) -> None:
    """The report placed, then the workbook refused: the previous report back; a new file with no
    previous one removed; nothing kept aside left."""
    (tmp_path / "report.html").write_text("old report")

    def refused() -> files.Placed:
        raise OutputError([])

    with pytest.raises(OutputError):
        files.place_all(
            [
                lambda: _written(tmp_path / "report.html", "new report"),
                lambda: _written(tmp_path / "extra.csv", "new"),
                refused,
            ]
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    assert (tmp_path / "report.html").read_text() == "old report"


def test_a_disk_without_hard_links_keeps_the_previous_file_by_a_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT and exFAT (a USB stick) make no hard link: the previous file is renamed aside, put back
    when the group fails, removed when it is done."""

    def no_links(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "a.xlsx").write_text("old")
    placed = _written(tmp_path / "a.xlsx", "new")
    assert (tmp_path / "a.xlsx").read_text() == "new"
    placed.take_back()
    assert (tmp_path / "a.xlsx").read_text() == "old"
    _written(tmp_path / "a.xlsx", "newer").finish()
    assert [(p.name, p.read_text()) for p in tmp_path.iterdir()] == [("a.xlsx", "newer")]
