"""One file given twice to a command: the criteria and last year's results count as well.

Session 13's ``input-given-twice`` compared the tables ``pari score`` reads (assessments,
``--survey``, ``--communes``, ``--appraisal``, ``--lineage``). The same file given as
``--previous`` or ``--criteria`` and as an input, and the inputs of ``template``, ``report`` and
``explain``, were read twice and answered with whatever the second reading made of it. Now every
file a command reads is compared (outputs.paths.check_read_once), a results folder by each table
it reads.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from children import pari_child
from click.testing import CliRunner
from hostile_sweep8 import CRITERIA, _examples, _score

import pari_index as pari
from pari_index.cli import main
from pari_index.errors import UsageError

SET = CRITERIA / "ha-noi-2025-commune.yaml"


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--lang", "en"])
    return result.exit_code, result.output


def _twice(output: str, option: str, other_option: str, other: Path, path: Path | None = None) -> None:
    """The repeat ``path`` (``other`` by default) named with its option and the one it repeats."""
    said = f"error: {path or other}: {option}: this is the same file as {other_option} {other}; it was given twice"
    assert said in output, output
    assert output.count("[input-given-twice]") == 1, output


def test_assessments_given_as_previous_results(tmp_path: Path) -> None:
    files = _examples(tmp_path)
    code, output = _run(_score(tmp_path, "--previous", str(files["assessments_long"])))
    assert code == 2
    _twice(output, "--previous", "ASSESSMENTS", files["assessments_long"])
    assert not (tmp_path / "out.xlsx").exists()


def test_a_table_of_a_previous_results_folder_given_as_assessments(tmp_path: Path) -> None:
    previous = tmp_path / "last-year"
    previous.mkdir()
    files = _examples(tmp_path)
    os.link(files["assessments_long"], previous / "summary.csv")
    code, output = _run(_score(tmp_path, "--previous", str(previous)))
    assert code == 2
    _twice(output, "--previous", "ASSESSMENTS", files["assessments_long"], previous / "summary.csv")


def test_the_criteria_given_as_an_input(tmp_path: Path) -> None:
    criteria = tmp_path / "set.yaml"
    shutil.copy(SET, criteria)
    files = _examples(tmp_path)
    code, output = _run(_score(tmp_path, "--criteria", str(criteria), assessments=criteria))
    assert code == 2
    _twice(output, "--criteria", "ASSESSMENTS", criteria)
    os.link(criteria, tmp_path / "link.yaml")  # a hard link: another name, the same file
    args = _score(tmp_path, "--criteria", str(tmp_path / "link.yaml"))
    args[args.index("--communes") + 1] = str(criteria)
    code, output = _run(args)
    assert code == 2
    _twice(output, "--criteria", "--communes", criteria, tmp_path / "link.yaml")
    assert files["communes"].exists()


def test_template_given_its_criteria_as_register(tmp_path: Path) -> None:
    criteria = tmp_path / "set.yaml"
    shutil.copy(SET, criteria)
    code, output = _run(
        ["template", "--criteria", str(criteria), "--communes", str(criteria), "-o", str(tmp_path / "t.xlsx")]
    )
    assert code == 2
    _twice(output, "--communes", "--criteria", criteria)
    assert not (tmp_path / "t.xlsx").exists()


@pytest.mark.parametrize("command", ["report", "explain"])
def test_report_and_explain_given_the_results_as_criteria(tmp_path: Path, command: str) -> None:
    results = tmp_path / "results.xlsx"
    results.write_bytes(b"PK\x03\x04 not really a workbook")
    if command == "report":
        args = ["report", str(results), "-o", str(tmp_path / "r.html"), "--criteria", str(results)]
        option = "RESULTS"
    else:
        args = ["explain", "00001", "--results", str(results), "--criteria", str(results)]
        option = "--results"
    code, output = _run(args)
    assert code == 2
    _twice(output, "--criteria", option, results)


def test_the_library_run_is_told_too(tmp_path: Path) -> None:
    files = _examples(tmp_path)
    with pytest.raises(UsageError) as caught:
        pari.run_score(
            assessments=[files["assessments_long"]],
            communes=files["communes"],
            survey=[files["survey"]],
            previous=files["survey"],
            output=tmp_path / "out.xlsx",
        )
    assert [(p.code, p.params["option"], p.params["other_option"]) for p in caught.value.problems] == [
        ("input-given-twice", "--previous", "--survey")
    ]


def test_in_vietnamese_in_a_real_process(tmp_path: Path) -> None:
    files = _examples(tmp_path)
    done = pari_child(_score(tmp_path, "--previous", str(files["communes"])), tmp_path, timeout=120)
    assert done.returncode == 2, done.stderr
    assert (
        f"lỗi: {files['communes']}: --previous: đây là cùng một tệp với --communes {files['communes']}" in done.stderr
    ), done.stderr
    assert "[input-given-twice]" in done.stderr
