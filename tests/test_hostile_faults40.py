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
from children import ROOT, pari_child
from hostile_faults40 import (
    CLOCK,
    IMPORTED_BY_THE_COMMAND,
    SAME_BYTES,
    STOP_AT_IMPORT,
    STOP_TURNED_BY_A_LIBRARY,
    STOPPED,
    STOPPED_AT_EXIT,
)


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


#: Ctrl-C's stop, by language.
INTERRUPTED = {"en": "interrupted", "vi": "đã dừng (Ctrl-C)"}

#: The stop told, by language (pari_index.messages.command_line STOPPED["terminated"]).
NOTHING_WRITTEN = {
    "en": "stopped by the system ({signal}); nothing was written",
    "vi": "đã dừng theo yêu cầu của hệ thống ({signal}); không ghi tệp nào",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("module", IMPORTED_BY_THE_COMMAND)
@pytest.mark.parametrize(("signal_name", "status"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_stop_while_the_command_is_imported_is_told(
    tmp_path: Path, signal_name: str, status: int, module: str, lang: str
) -> None:
    """81e533d: killed by the signal's default, exit 143 or 129, nothing said."""
    args, written = STOPPED["score_workbook"](tmp_path)
    done = _run(STOP_AT_IMPORT, [signal_name, module, *args, "--lang", lang], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == status, said
    assert said.strip().splitlines() == [NOTHING_WRITTEN[lang].format(signal=signal_name)], said
    assert not any((tmp_path / name).exists() for name in written)


def test_without_the_stop_the_command_runs_to_its_end(tmp_path: Path) -> None:
    """The hook alone changes nothing: a status above is the signal's doing."""
    args, written = STOPPED["score_workbook"](tmp_path)
    done = _run(STOP_AT_IMPORT, ["SIGTERM", "no.such.module", *args, "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert all((tmp_path / name).is_file() for name in written)


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("signal_name", "status"), [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)])
def test_a_stop_a_library_turned_into_its_own_interrupt_is_told_as_the_signal_it_was(
    tmp_path: Path, signal_name: str, status: int, lang: str
) -> None:
    """81e533d: SIGTERM and SIGHUP said "interrupted" (Ctrl-C) and exited 130."""
    args = ["demo-data", "-o", "demo", "--lang", lang]
    done = _run(STOP_TURNED_BY_A_LIBRARY, args, tmp_path, PARI_TEST_SIGNAL=signal_name, PARI_TEST_TURN="1")
    said = done.stdout + done.stderr
    assert done.returncode == status, said
    told = INTERRUPTED[lang] if signal_name == "SIGINT" else NOTHING_WRITTEN[lang].format(signal=signal_name)
    assert said.strip().splitlines()[-1] == told, said
    assert "Traceback" not in said and not (tmp_path / "demo").exists(), said


#: The stop over an earlier set, by language.
PREVIOUS_KEPT = {
    "en": "stopped by the system (SIGTERM); nothing was written, the previous results are left as they were",
    "vi": "đã dừng theo yêu cầu của hệ thống (SIGTERM); không ghi tệp nào, kết quả cũ được giữ nguyên",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("earlier", [False, True])
def test_a_stopped_demo_set_never_says_it_was_written(tmp_path: Path, earlier: bool, lang: str) -> None:
    """81e533d: "..., after the outputs were written" with no folder demo (the one made removed)."""
    if earlier:
        first = pari_child(["demo-data", "-o", "demo", "--seed", "3"], tmp_path)
        assert first.returncode == 0, first.stdout + first.stderr
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    args = ["demo-data", "-o", "demo", "--lang", lang]
    done = _run(STOP_TURNED_BY_A_LIBRARY, args, tmp_path, PARI_TEST_SIGNAL="SIGTERM")
    said = done.stdout + done.stderr
    assert done.returncode == 143, said
    told = PREVIOUS_KEPT[lang] if earlier else NOTHING_WRITTEN[lang].format(signal="SIGTERM")
    assert said.strip().splitlines()[-1] == told, said
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    assert (tmp_path / "demo").exists() == earlier
