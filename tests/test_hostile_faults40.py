"""What the cases of tests/hostile_faults40.py answer: a workbook written twice from the same
inputs has the same bytes whatever the clock says, and a stop asked after the run has ended
leaves its status and its outputs (pari_index.outputs.workbook, pari_index.launch)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from children import ROOT
from hostile_faults40 import CLOCK, SAME_BYTES, STOPPED, STOPPED_AT_EXIT


def _run(script: str, args: list[str], folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``pari ARGS`` in ``folder`` through a test's ``script`` (``python -c``)."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _hashes(folder: Path, names: list[str]) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in names}


@pytest.mark.parametrize("case", sorted(SAME_BYTES))
def test_a_workbook_written_again_a_day_later_has_the_same_bytes(tmp_path: Path, case: str) -> None:
    args, written = SAME_BYTES[case](tmp_path)
    first = _run(CLOCK, [*args, "--lang", "en"], tmp_path)
    assert first.returncode in (0, 1), first.stdout + first.stderr
    before = _hashes(tmp_path, written)
    again = _run(CLOCK, [*args, "--lang", "en"], tmp_path, PARI_TEST_CLOCK_AHEAD="1")
    assert again.returncode == first.returncode, again.stdout + again.stderr
    assert _hashes(tmp_path, written) == before


def test_a_workbook_member_is_stamped_with_no_clock(tmp_path: Path) -> None:
    """Every member, those written whole and the sheets streamed, has the zip format's first date."""
    import zipfile

    import polars as pl

    from pari_index.outputs.files import write_xlsx

    write_xlsx(tmp_path / "r.xlsx", {"A": pl.DataFrame({"x": [1, 2]}), "B": pl.DataFrame({"y": ["a"]})})
    with zipfile.ZipFile(tmp_path / "r.xlsx") as package:
        stamps = {member.date_time for member in package.infolist()}
        assert package.read("xl/worksheets/sheet2.xml").count(b"<c ") == 2  # header and one cell
    assert stamps == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP", "SIGINT"])
@pytest.mark.parametrize("case", sorted(STOPPED))
def test_a_stop_asked_as_the_ended_run_shuts_down_leaves_its_status(
    tmp_path: Path, case: str, signal_name: str
) -> None:
    """81e533d: killed by the signal (exit 143 for SIGTERM) with every output written and nothing said."""
    args, written = STOPPED[case](tmp_path)
    done = _run(STOPPED_AT_EXIT, [*args, "--lang", "en"], tmp_path, PARI_TEST_SIGNAL=signal_name)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert "Written: " in said and "Traceback" not in said and "stopped" not in said, said
    assert all((tmp_path / name).stat().st_size > 0 for name in written)
    assert [p.name for p in tmp_path.rglob("*") if ".pari-" in p.name] == []
