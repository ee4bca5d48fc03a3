"""Outputs under a umask that makes every new file read-only (``umask 0222``) or unreadable
(``umask 0777``).

Under ``umask 0222`` every output of pari-index is read-only as written, and a second ``pari
score -o out.xlsx`` refused its own first results as ``output-read-only``. Such a file, as the
umask left it (this user's, the umask's mode, no ``chmod`` since it was written, recognised as
pari-index's), is now replaced; one marked since, or another user's, is refused, the message
saying what the umask does (``output-read-only-umask``); under an ordinary umask a file marked
read-only is refused as before. ``umask 0777`` wrote results of mode 000 that nobody could open:
refused before anything is read (``output-umask-unreadable``).
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pari_index.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def umask() -> Iterator[None]:
    """Restore the process's umask whatever a test sets."""
    before = os.umask(0o022)
    os.umask(before)
    try:
        yield
    finally:
        os.umask(before)


def _score(folder: Path, *more: str) -> Result:
    args = [str(EXAMPLES / "assessments_long.csv"), str(EXAMPLES / "assessments_wide.xlsx")]
    args += ["--communes", str(EXAMPLES / "communes.csv"), "--survey", str(EXAMPLES / "survey.csv")]
    args += ["--appraisal", str(EXAMPLES / "appraisal.csv"), "--lang", "en"]
    if "-o" not in more:  # an option given twice with two values is refused (option-given-twice)
        args += ["-o", str(folder / "out.xlsx")]
    return CliRunner().invoke(main, ["score", *args, *more])


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _marked_later(path: Path) -> None:
    """What a ``chmod a-w`` made after the write leaves: the change time moves, the modification
    time does not (setting the modification time back moves the change time to now)."""
    back = time.time_ns() - 60 * 10**9
    os.utime(path, ns=(back, back))
    os.chmod(path, 0o444)


@pytest.mark.usefixtures("umask")
def test_under_umask_0222_a_second_run_replaces_its_own_results(tmp_path: Path) -> None:
    os.umask(0o222)
    first = _score(tmp_path)
    assert first.exit_code == 0, first.output
    assert _mode(tmp_path / "out.xlsx") == 0o444
    inode = (tmp_path / "out.xlsx").stat().st_ino
    second = _score(tmp_path, "--report", str(tmp_path / "r.html"))
    assert second.exit_code == 0, second.output
    assert (tmp_path / "out.xlsx").stat().st_ino != inode  # written anew
    assert _mode(tmp_path / "out.xlsx") == _mode(tmp_path / "r.html") == 0o444


@pytest.mark.usefixtures("umask")
def test_under_umask_0222_a_file_marked_since_is_refused_saying_so(tmp_path: Path) -> None:
    os.umask(0o222)
    assert _score(tmp_path).exit_code == 0
    _marked_later(tmp_path / "out.xlsx")
    before = (tmp_path / "out.xlsx").read_bytes()
    result = _score(tmp_path)
    assert result.exit_code == 4, result.output
    assert (
        f"error: {tmp_path}/out.xlsx: -o would replace {tmp_path}/out.xlsx, a file marked read-only; the umask 0222 "
        "makes every new file read-only, and pari-index replaces its own outputs left so, but this file was marked "
        "(chmod) since it was written, is another user's, or is not an output of pari-index "
        "[output-read-only-umask]"
    ) in result.output
    assert (tmp_path / "out.xlsx").read_bytes() == before
    vi = CliRunner().invoke(
        main,
        [
            "score",
            str(EXAMPLES / "assessments_long.csv"),
            "--communes",
            str(EXAMPLES / "communes.csv"),
            "--no-survey",
            "-o",
            str(tmp_path / "out.xlsx"),
        ],
    )
    assert vi.exit_code == 4
    assert "một tệp được đánh dấu chỉ đọc; umask 0222 khiến mọi tệp mới đều chỉ đọc" in vi.output


@pytest.mark.usefixtures("umask")
@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="giving a file away needs root")
def test_under_umask_0222_another_users_file_is_refused(tmp_path: Path) -> None:
    os.umask(0o222)
    assert _score(tmp_path).exit_code == 0
    os.chown(tmp_path / "out.xlsx", 65534, 65534)
    result = _score(tmp_path)
    assert result.exit_code == 4
    assert "[output-read-only-umask]" in result.output


@pytest.mark.usefixtures("umask")
def test_under_an_ordinary_umask_a_results_file_marked_read_only_is_still_refused(tmp_path: Path) -> None:
    os.umask(0o022)
    assert _score(tmp_path).exit_code == 0
    os.chmod(tmp_path / "out.xlsx", 0o444)  # chmod a-w, at once: the mode is not the umask's
    result = _score(tmp_path)
    assert result.exit_code == 4
    assert f"-o would replace {tmp_path}/out.xlsx, a file marked read-only [output-read-only]" in result.output
    # Left read-only by an earlier umask 0222, under 022 now: a mark like any other.
    os.umask(0o222)
    (tmp_path / "out.xlsx").chmod(0o644)
    assert _score(tmp_path).exit_code == 0
    os.umask(0o022)
    assert "[output-read-only]" in _score(tmp_path).output


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize("mask", [0o777, 0o477])
def test_a_umask_that_takes_the_read_permission_is_refused_before_anything(tmp_path: Path, mask: int) -> None:
    os.umask(mask)
    result = _score(tmp_path)
    assert result.exit_code == 4, result.output
    assert (
        f"error: {tmp_path}/out.xlsx: the umask {mask:04o} takes the read permission from every file written: "
        f"{tmp_path}/out.xlsx could not be opened once written, not even by you [output-umask-unreadable]"
    ) in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("umask")
def test_under_umask_0222_folders_made_for_outputs_can_be_written_into(tmp_path: Path) -> None:
    """A folder made for an output was mode 0555 under umask 0222: the output could not be written
    into it (but by root). It gets its owner's write and search permission, as ``mkdir -p`` gives."""
    os.umask(0o222)
    nested = tmp_path / "new" / "sub"
    result = _score(nested)
    assert result.exit_code == 0, result.output
    assert [_mode(tmp_path / "new"), _mode(nested), _mode(nested / "out.xlsx")] == [0o755, 0o755, 0o444]
    folder = tmp_path / "res"
    for _ in range(2):  # a results folder, replaced as a whole by the second run
        result = _score(tmp_path, "--format", "csv", "-o", str(folder))
        assert result.exit_code == 0, result.output
    assert _mode(folder) == 0o755
    assert _mode(folder / "summary.csv") == 0o444
