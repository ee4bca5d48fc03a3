"""The limit of open files (``ulimit -n``): a command raises a low soft limit within the hard one,
and refuses, in its language, a session whose hard limit is below what a run needs. With 5,
polars panicked as it started (a Rust backtrace on the terminal) and the register was reported as
a CSV syntax error; with 6 or 7, an input was 'unreadable: too many open files'."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest
from children import ROOT, pari_child

from pari_index.system import limits

EXAMPLES = ROOT / "examples"
SCORE = [
    "score",
    str(EXAMPLES / "assessments_long.csv"),
    "--communes",
    str(EXAMPLES / "communes.csv"),
    "--no-survey",
    "-o",
    "out/results.xlsx",
]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_hard_limit_below_what_a_run_needs_is_refused_in_the_command_language(tmp_path: Path, lang: str) -> None:
    done = pari_child([*SCORE, "--lang", lang], tmp_path, {resource.RLIMIT_NOFILE: 8}, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == 2, said
    assert "Traceback" not in said and "panicked" not in said and "csv-syntax" not in said, said
    if lang == "vi":
        assert "phiên làm việc này chỉ cho một chương trình mở 8 tệp cùng lúc (ulimit -n)" in said, said
        assert "một lần chạy cần ít nhất 16 [open-files-limit]" in said, said
        assert "gợi ý: nâng giới hạn (ulimit -n 4096)" in said, said
    else:
        assert "this session lets a program open only 8 files at once (ulimit -n)" in said, said
    assert not (tmp_path / "out").exists()


def _with_soft_limit(soft: int, code: str, folder: Path | None = None) -> subprocess.CompletedProcess[str]:
    def lower() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))

    return subprocess.run(
        [sys.executable, "-c", code],
        preexec_fn=lower,
        cwd=folder,
        env={"PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_low_soft_limit_is_raised_within_the_hard_one() -> None:
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    if hard != resource.RLIM_INFINITY and hard < limits.MIN_OPEN_FILES:
        pytest.skip(f"this session's own hard limit of open files is {hard}")
    code = (
        "import resource\nfrom pari_index.system.limits import open_files_room\n"
        "open_files_room()\nprint(resource.getrlimit(resource.RLIMIT_NOFILE)[0])"
    )
    done = _with_soft_limit(10, code)
    assert done.returncode == 0, done.stderr
    wanted = limits.OPEN_FILES if hard == resource.RLIM_INFINITY else min(hard, limits.OPEN_FILES)
    assert int(done.stdout) == wanted


def test_a_run_under_a_low_soft_limit_scores(tmp_path: Path) -> None:
    """The README's run with a soft limit of 6 (the hard one as it is): it used to stop on an
    input 'unreadable: too many open files'."""
    whole = [*SCORE[:4], "--survey", str(EXAMPLES / "survey.csv"), "--appraisal", str(EXAMPLES / "appraisal.csv")]
    whole += ["-o", "out/results.xlsx", "--report", "out/report.html"]
    code = f"import sys\nfrom pari_index.cli import main\nsys.argv = ['pari', *{whole!r}]\nmain()"
    done = _with_soft_limit(6, code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "results.xlsx").is_file()
    assert (tmp_path / "out" / "report.html").is_file()
