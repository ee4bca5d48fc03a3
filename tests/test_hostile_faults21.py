"""What the cases of tests/hostile_faults21.py answer (an I/O error while an annex or results are
read is ``file-unreadable`` naming the file; a report the system refuses leaves the previous
results; demo-data stopped by a size limit leaves the earlier set), and the signals and the
concurrent runs those cases cannot express: demo-data or ``pari score --report`` stopped while
they write, two demo-data runs into one folder at once. The cases run as real child processes
with a time-out."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest
from children import answers_its_case, pari_child, pari_started
from hostile_faults21 import CASES, DEMO_FILES, EXPECTED, NOT_WRITTEN, RESOURCE_LIMITS, demo_over_earlier_set
from hostile_sweep8 import _score

from pari_index.demo import generate
from pari_index.errors import IntakeError, OutputError, Problem
from pari_index.outputs import files, results

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = ROOT / "criteria" / "ha-noi-2025-commune.yaml"

#: The file each case must name.
NAMED = {
    "annex-io-error-import": "phu-luc.xlsx",
    "results-io-error-report": "ket-qua.xlsx",
    "results-io-error-explain": "ket-qua.xlsx",
    "results-io-error-previous": "nam-truoc.xlsx",
    "report-refused-keeps-results": "pari-bao-cao.html",
    "template-into-proc": "bieu-mau.xlsx",
    "output-links-to-earlier-results": "",
    "output-composed-over-decomposed-results": "",
    "output-composed-over-decomposed-user-workbook": "Ngân sách.xlsx",
    "demo-size-limit-keeps-earlier-set": "demo",
}


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED) == sorted(NAMED)


@pytest.mark.parametrize("case", sorted(set(CASES) - set(RESOURCE_LIMITS)))
def test_each_case_answers_its_code_naming_the_file_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))
    if EXPECTED[case][0] == 0:
        return
    line = next(line for line in said.splitlines() if line.startswith("lỗi: "))
    assert NAMED[case] in unicodedata.normalize("NFC", line), said
    if case.startswith(("annex", "results")):
        assert "không đọc được tệp: lỗi đọc/ghi của thiết bị (Input/output error)" in line, said
    if case == "template-into-proc":
        assert "gợi ý: chọn một thư mục của mình" in said and "đã bị xoá" not in said, said


def _digests(folder: Path, names: tuple[str, ...]) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in names}


def test_demo_data_stopped_by_a_size_limit_leaves_the_earlier_set(tmp_path: Path) -> None:
    case = "demo-size-limit-keeps-earlier-set"
    args = CASES[case](tmp_path)
    before = _digests(tmp_path / "demo", DEMO_FILES)
    done = pari_child([*args, "--lang", "en"], tmp_path, limits=RESOURCE_LIMITS[case], timeout=240)
    assert done.returncode == 4, done.stderr
    assert "[output-unwritable]" in done.stderr and "File too large" in done.stderr
    assert _digests(tmp_path / "demo", DEMO_FILES) == before
    assert sorted(os.listdir(tmp_path / "demo")) == sorted(DEMO_FILES)  # no scratch folder left


def _stop_when(child: subprocess.Popen[str], folder: Path, start: str) -> str:
    """SIGTERM ``child`` as soon as a name starting with ``start`` appears in ``folder``; what it
    said."""
    while child.poll() is None and not any(name.startswith(start) for name in os.listdir(folder)):
        time.sleep(0.002)
    assert child.poll() is None, "the run ended before it wrote anything"
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr
    return stderr


def test_demo_data_stopped_while_it_writes_leaves_the_earlier_set(tmp_path: Path) -> None:
    """It left the earlier set's survey, assessments and appraisal cut to a byte-order mark."""
    args = demo_over_earlier_set(tmp_path)
    demo = tmp_path / "demo"
    before = _digests(demo, DEMO_FILES)
    stderr = _stop_when(pari_started(args, tmp_path), demo, ".demo")  # its scratch folder
    assert "đã dừng theo yêu cầu của hệ thống (SIGTERM)" in stderr
    assert _digests(demo, DEMO_FILES) == before
    assert sorted(os.listdir(demo)) == sorted(DEMO_FILES)


def test_score_stopped_while_it_writes_the_report_leaves_the_previous_pair(tmp_path: Path) -> None:
    """It left the new results beside the previous report, saying the previous results stayed."""
    args = [*_score(tmp_path, "--report", str(tmp_path / "out.html")), "--date", "2025-01-01"]
    pari_child(args, tmp_path)
    before = _digests(tmp_path, ("out.xlsx", "out.html"))
    again = [*args[:-1], "2025-06-01"]  # another date: other bytes in both
    _stop_when(pari_started(again, tmp_path), tmp_path, ".out.html.pari-tmp-")
    assert _digests(tmp_path, ("out.xlsx", "out.html")) == before
    assert not [name for name in os.listdir(tmp_path) if ".pari-" in name]


def test_two_demo_data_runs_at_once_leave_one_whole_set(tmp_path: Path) -> None:
    """Two seeds into one folder at once wrote their rows into the same files: 300 units' rows
    of two seeds, scored as pasted-sets. Now the folder holds the set of one of them, whole."""
    pari_child(["demo-data", "-o", "demo", "--communes", "10"], tmp_path)
    args = ["demo-data", "-o", "demo", "--communes", "300", "--seed"]
    runs = [pari_started([*args, str(seed)], tmp_path) for seed in (1, 2)]
    for run in runs:
        _, stderr = run.communicate(timeout=240)
        assert run.returncode == 0, stderr
    readme = (tmp_path / "demo" / "SYNTHETIC-README.md").read_text(encoding="utf-8")
    seed = 1 if "seed=1," in readme else 2
    assert f"seed={seed}," in readme
    generate(CRITERIA, tmp_path / "again", communes=300, districts=20, seed=seed)
    assert _digests(tmp_path / "demo", DEMO_FILES) == _digests(tmp_path / "again", DEMO_FILES)
    assert sorted(os.listdir(tmp_path / "demo")) == sorted(DEMO_FILES)


def test_an_earlier_set_s_other_form_goes_with_it(tmp_path: Path) -> None:
    """A long-form set over a set of both forms: the earlier wide form, of other units and another
    seed, would be scored with the new register."""
    generate(CRITERIA, tmp_path, communes=30, districts=2, forms=("long", "wide"))
    assert (tmp_path / "assessments_wide.csv").is_file()
    generate(CRITERIA, tmp_path, communes=30, districts=2, seed=3)
    assert sorted(os.listdir(tmp_path)) == sorted(DEMO_FILES)


def test_outputs_placed_together_are_placed_when_all_are_written(tmp_path: Path) -> None:
    with files.placed_together():
        files.write_text(tmp_path / "a.txt", "a")
        files.write_text(tmp_path / "folder" / "b.txt", "b")
        assert not (tmp_path / "a.txt").exists() and not (tmp_path / "folder" / "b.txt").exists()
        with files.placed_together():  # a group inside a group is part of it
            files.write_text(tmp_path / "c.txt", "c")
        assert not (tmp_path / "c.txt").exists()
    assert [(tmp_path / n).read_text() for n in ("a.txt", "folder/b.txt", "c.txt")] == ["a", "b", "c"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.txt", "b.txt", "c.txt", "folder"]


def test_outputs_placed_together_are_none_placed_when_one_fails(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old")
    with pytest.raises(OutputError), files.placed_together():
        files.write_text(tmp_path / "a.txt", "new")
        with files.atomic_folder(tmp_path / "res") as folder:
            files.write_text(folder / "summary.csv", "x")  # straight into the folder being written
        raise OutputError(Problem("output-unwritable", "the report could not be written", file="r.html"))
    assert sorted(os.listdir(tmp_path)) == ["a.txt"] and (tmp_path / "a.txt").read_text() == "old"


def test_a_report_into_the_results_folder_is_kept_by_the_folder_placed_after_it(tmp_path: Path) -> None:
    with files.placed_together():
        with files.atomic_folder(tmp_path / "res", frozenset({"summary.csv"})) as folder:
            files.write_text(folder / "summary.csv", "x")
        files.write_text(tmp_path / "res" / "report.html", "<p>")
    assert sorted(os.listdir(tmp_path / "res")) == ["report.html", "summary.csv"]
    assert sorted(os.listdir(tmp_path)) == ["res"]


def test_an_os_error_while_results_are_read_names_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failing disk under a results folder: the system's error, with the table it names."""
    folder = tmp_path / "res"
    folder.mkdir()
    table = str(folder / "summary.csv")

    def failing(_: Path) -> object:
        raise OSError(errno.EIO, "Input/output error", table)

    monkeypatch.setattr(results, "_read_folder", failing)
    with pytest.raises(IntakeError) as raised:
        results.read_results(folder)
    [problem] = raised.value.problems
    assert (problem.code, problem.file, problem.params) == (
        "file-unreadable",
        table,
        {"reason": "Input/output error", "unreadable_hint": "failing"},
    )


def test_an_output_typed_composed_replaces_the_one_named_decomposed(tmp_path: Path) -> None:
    case = "output-composed-over-decomposed-results"
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN[case])
    nfd = unicodedata.normalize("NFD", "Kết quả.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", "")) == sorted(
        [nfd, unicodedata.normalize("NFD", "Biểu mẫu")]
    )
    folder = tmp_path / unicodedata.normalize("NFD", "Biểu mẫu")
    assert [p.name for p in folder.iterdir()] == ["báo cáo.html"]
    assert results.read_results(tmp_path / nfd)["summary"].height == 60


def test_an_output_that_links_to_an_earlier_one_replaces_what_it_links_to(tmp_path: Path) -> None:
    case = "output-links-to-earlier-results"
    args = CASES[case](tmp_path)
    before = _digests(tmp_path / "2025", ("results.xlsx", "report.html"))
    answers_its_case(args, tmp_path, EXPECTED[case])
    assert [os.readlink(tmp_path / n) for n in ("latest.xlsx", "latest.html")] == [
        "2025/results.xlsx",
        "2025/report.html",
    ]
    after = _digests(tmp_path / "2025", ("results.xlsx", "report.html"))
    assert after["report.html"] != before["report.html"]  # the run's date is in the new page
    assert sorted(os.listdir(tmp_path / "2025")) == ["report.html", "results.xlsx"]
