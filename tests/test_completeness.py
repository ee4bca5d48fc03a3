"""Issue 12, class 5: an incomplete run never looks complete.

* A set with a survey part and no survey results: ``survey-missing`` (exit 2; exit 1 when the
  survey files gave nothing), unless the set declares it optional or ``--no-survey`` is given;
  either way the results, the about sheet, the report and the console say so.
* A file of which nothing could be used stops the run before anything is written (exit 1,
  ``file-unread`` after the file's own problems) unless ``--allow-incomplete``.
* Rejected rows: the results carry an "incomplete: N rows rejected in K files" banner (vi / en).
* Communes of the register that sent nothing are marked ``submitted`` false / "không nộp".
* Findings about self-scores and evidence name the file, sheet, row and column they came from.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_complete import CASES, EXPECTED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_scoring import CRITERIA, DATA, write_example

from pari_index.cli import main
from pari_index.errors import IntakeError, UsageError
from pari_index.outputs.results import read_results
from pari_index.pipeline import run_score
from pari_index.scoring.completeness import notices
from pari_index.scoring.run import score


def invoke(args: list[str | Path]) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


# -- the hostile registry, each case with its exact outcome ------------------------------------


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_cases_give_their_code_and_status(name: str, tmp_path: Path) -> None:
    status, code, written = EXPECTED[name]
    argv = CASES[name](tmp_path)
    got, output = invoke(argv)
    assert got == status, output
    assert f"[{code}]" in output
    assert "Traceback" not in output
    assert (tmp_path / "out.xlsx").exists() is written
    assert (tmp_path / "report.html").exists() is written


def test_unread_file_as_a_real_subprocess(tmp_path: Path) -> None:
    argv = [*CASES["complete-decimal-comma-csv"](tmp_path), "--lang", "en"]
    done = subprocess.run([sys.executable, "-m", "pari_index.cli", *argv], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    bad = tmp_path / "decimal_comma.csv"
    assert f"{bad} row 3: not readable as CSV" in done.stderr and "[csv-syntax]" in done.stderr
    assert f"{bad}: nothing of this file could be used" in done.stderr and "[file-unread]" in done.stderr
    assert not (tmp_path / "out.xlsx").exists()


# -- 1. survey -------------------------------------------------------------------------------


def test_missing_survey_is_an_error_in_the_library_and_the_cli(tmp_path: Path) -> None:
    paths = write_example(tmp_path)
    with pytest.raises(UsageError) as caught:
        score([paths["long"]], CRITERIA, communes=paths["communes"])
    assert [p.code for p in caught.value.problems] == ["survey-missing"]
    assert "3.1" in caught.value.problems[0].message
    out = tmp_path / "out.xlsx"
    code, output = invoke(["score", paths["long"], "--criteria", CRITERIA, "--communes", paths["communes"], "-o", out])
    assert code == 2 and "[survey-missing]" in output and "--no-survey" in output
    assert not out.exists()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_survey_is_announced_everywhere(tmp_path: Path, lang: str) -> None:
    paths = write_example(tmp_path)
    out, report = tmp_path / "out.xlsx", tmp_path / "report.html"
    args = ["score", paths["long"], "--criteria", CRITERIA, "--communes", paths["communes"], "-o", out]
    code, output = invoke([*args, "--report", report, "--no-survey", "--lang", lang, "-q"])
    assert code == 0, output
    sentence = (
        "KHÔNG CÓ ĐIỀU TRA (--no-survey): phần điều tra (5 điểm) không được chấm"
        if lang == "vi"
        else "NO SURVEY (--no-survey): the survey part (5 points) is not scored"
    )
    assert sentence in output
    tables = read_results(out)
    about = dict(tables["about"].iter_rows())
    assert about["survey"] == "skipped" and about["complete"] == "no"
    assert sentence in about["notice_1"]
    assert set(tables["summary"]["notice"].to_list()) == {" ".join(notices(about, lang))}
    assert tables["summary"].columns[0] == "notice"
    html = report.read_text(encoding="utf-8")
    assert '<section class="banner" role="alert"' in html and sentence in html


def test_optional_survey_without_results_is_announced_not_refused(tmp_path: Path) -> None:
    (tmp_path / "communes.csv").write_text("code,name,type,district\n001,Xã Một,xã,Huyện A\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text("commune_code,1.1\n001,80\n", encoding="utf-8")
    run = run_score(
        assessments=[tmp_path / "a.csv"],
        criteria=DATA / "survey_optional.yaml",
        communes=tmp_path / "communes.csv",
        output=tmp_path / "out.xlsx",
        lang="en",
    )
    assert run.result.completeness.survey == "optional_missing"
    assert "No survey results: the criteria set allows it" in run.text
    assert dict(read_results(tmp_path / "out.xlsx")["about"].iter_rows())["survey"] == "optional_missing"


def test_survey_given_for_some_communes_only_says_how_many_lack_it(tmp_path: Path) -> None:
    paths = write_example(tmp_path)  # the survey covers 00101-00104, not 00105
    run = run_score(
        assessments=[paths["long"]],
        criteria=CRITERIA,
        communes=paths["communes"],
        survey=[paths["survey"]],
        output=tmp_path / "out.xlsx",
        lang="en",
    )
    assert run.result.completeness.communes_without_survey == 1
    assert "INCOMPLETE: 1 commune without survey results." in run.text


# -- 2. files of which nothing was used --------------------------------------------------------

BAD_FILES: dict[str, tuple[bytes, str]] = {
    "comma.csv": (b"commune_code,criterion_id,input,value\n00101,1.2.1,,1,5\n00101,1.2.3,,c,o,1\n", "csv-syntax"),
    "fake.xlsx": (b"PK\x03\x04 not really a zip" * 20, "not-a-spreadsheet"),
    "empty.csv": (b"", "empty-file"),
    "nocode.csv": ("criterion_id,value\n1.2.3,có\n".encode(), "missing-column"),
    "binary.csv": (b"\x00\x01garbage\x00" * 10, "binary-file"),
    "strangers.csv": (b"commune_code,criterion_id,input,value\n00999,1.2.3,,c\xc3\xb3\n", "unknown-commune"),
}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=st.lists(st.sampled_from(sorted(BAD_FILES)), min_size=1, max_size=4, unique=True))
def test_any_mix_of_unusable_files_stops_before_writing_and_lists_each(
    tmp_path_factory: pytest.TempPathFactory, chosen: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("mix")
    paths = write_example(folder)
    files = []
    for name in chosen:
        files.append(folder / name)
        files[-1].write_bytes(BAD_FILES[name][0])
    out, report = folder / "out.xlsx", folder / "report.html"
    with pytest.raises(IntakeError) as caught:
        run_score(
            assessments=[paths["long"], *files],
            criteria=CRITERIA,
            communes=paths["communes"],
            survey=[paths["survey"]],
            output=out,
            report=report,
        )
    assert caught.value.exit_code == 1
    problems = caught.value.problems
    for name, path in zip(chosen, files, strict=True):
        mine = [p.code for p in problems if p.file == str(path)]
        assert BAD_FILES[name][1] in mine and mine[-1] == "file-unread", (name, mine)
    assert not any(p.file == str(paths["long"]) for p in problems)  # the good file is not blamed
    assert not out.exists() and not report.exists()


def test_allow_incomplete_writes_and_says_which_file_was_left_out(tmp_path: Path) -> None:
    paths = write_example(tmp_path)
    bad = tmp_path / "comma.csv"
    bad.write_bytes(BAD_FILES["comma.csv"][0])
    out, report = tmp_path / "out.xlsx", tmp_path / "report.html"
    args = ["score", paths["long"], bad, "--criteria", CRITERIA, "--communes", paths["communes"]]
    code, output = invoke([*args, "--survey", paths["survey"], "-o", out, "--report", report, "--allow-incomplete"])
    assert code == 1, output  # an input was rejected: scripts notice
    assert "[csv-syntax]" in output
    about = dict(read_results(out)["about"].iter_rows())
    assert about["files_left_out"] == str(bad) and about["complete"] == "no"
    left_out = f"CHƯA ĐẦY ĐỦ: không đọc được tệp {bad}; tệp này bị bỏ qua (--allow-incomplete)."
    assert left_out in output and left_out in about.values()
    assert left_out in report.read_text(encoding="utf-8")


def test_a_file_of_empty_rows_is_not_unread_its_commune_sent_nothing(tmp_path: Path) -> None:
    paths = write_example(tmp_path)
    blank = tmp_path / "blank.csv"
    blank.write_text("commune_code,criterion_id,input,value\n00105,1.2.3,,\n", encoding="utf-8")
    run = run_score(
        assessments=[paths["long"], blank],
        criteria=CRITERIA,
        communes=paths["communes"],
        survey=[paths["survey"]],
        output=tmp_path / "out.xlsx",
    )
    assert run.result.completeness.unread_files == []


@pytest.mark.parametrize(
    ("lang", "banner"),
    [
        ("vi", "CHƯA ĐẦY ĐỦ: 2.354 dòng bị loại và 1.001 dòng chỉ dùng được một phần trong 1 tệp"),
        ("en", "INCOMPLETE: 2,354 rows rejected and 1,001 rows only partly used in 1 file"),
    ],
)
def test_the_banner_writes_its_counts_as_the_summary_writes_numbers(lang: str, banner: str) -> None:
    """«2354 rows rejected» beside «2,354 rejected» on the line above until session 35."""
    from pari_index.scoring.completeness import notices

    facts = {"rows_rejected": "2354", "rows_partial": "1001", "files_with_rejected_rows": "1"}
    facts |= {"parts_unread": "12000", "communes_without_survey": "1500", "communes_not_submitted": "1200"}
    said = notices(facts, lang)
    assert said[0].startswith(banner)
    assert ("12.000 phần" if lang == "vi" else "12,000 parts") in said[1]
    assert ("1.500 xã" if lang == "vi" else "1,500 communes") in said[2]
    assert said[3].startswith("1.200 xã" if lang == "vi" else "1,200 communes")


# -- 3. rejected rows --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "banner"),
    [
        ("vi", "CHƯA ĐẦY ĐỦ: 2 dòng bị loại trong 1 tệp; xem trang Phát hiện và Dòng đầu vào."),
        ("en", "INCOMPLETE: 2 rows rejected in 1 file; see the Findings and Input rows sheets."),
    ],
)
def test_rejected_rows_banner_in_summary_about_report_and_console(tmp_path: Path, lang: str, banner: str) -> None:
    paths = write_example(tmp_path)
    with paths["long"].open("a", encoding="utf-8") as f:
        f.write("00101,9.9,,1,,,,,\n00999,1.2.3,,có,,,,,\n")
    out, report = tmp_path / "out.xlsx", tmp_path / "report.html"
    args = ["score", paths["long"], "--criteria", CRITERIA, "--communes", paths["communes"]]
    code, output = invoke([*args, "--survey", paths["survey"], "-o", out, "--report", report, "--lang", lang, "-q"])
    assert code == 1, output
    assert banner in output
    tables = read_results(out)
    assert tables["summary"]["notice"].str.contains(banner, literal=True).all()
    about = dict(tables["about"].iter_rows())
    assert (about["rows_rejected"], about["files_with_rejected_rows"]) == ("2", "1")
    assert banner in about.values()
    html = report.read_text(encoding="utf-8")
    assert banner in html
    # The report re-words the banner in its own language from the counts.
    other = "en" if lang == "vi" else "vi"
    code, _ = invoke(["report", out, "-o", tmp_path / "other.html", "--lang", other])
    assert code == 0
    assert notices(about, other)[0] in (tmp_path / "other.html").read_text(encoding="utf-8")


def test_a_complete_run_has_no_banner(tmp_path: Path) -> None:
    paths = write_example(tmp_path)
    # 00105 gets its survey result: nothing is missing.
    with paths["survey"].open("a", encoding="utf-8") as f:
        f.write("00105,3.1,70\n")
    out, report = tmp_path / "out.xlsx", tmp_path / "report.html"
    run = run_score(
        assessments=[paths["long"]],
        criteria=CRITERIA,
        communes=paths["communes"],
        survey=[paths["survey"]],
        output=out,
        report=report,
    )
    assert run.result.completeness.complete
    tables = read_results(out)
    assert "notice" not in tables["summary"].columns
    assert dict(tables["about"].iter_rows())["complete"] == "yes"
    assert "banner" not in report.read_text(encoding="utf-8")


# -- 4. communes that sent nothing -------------------------------------------------------------


def test_communes_that_sent_nothing_are_marked(tmp_path: Path) -> None:
    paths = write_example(tmp_path)
    with paths["communes"].open("a", encoding="utf-8") as f:
        f.write("00106,Xã Sáu,xã,Huyện B,Tỉnh Thử Nghiệm\n")
    out, report = tmp_path / "out.xlsx", tmp_path / "report.html"
    args = ["score", paths["long"], "--criteria", CRITERIA, "--communes", paths["communes"]]
    code, output = invoke([*args, "--survey", paths["survey"], "-o", out, "--report", report, "--lang", "en", "-q"])
    assert code == 0, output
    summary = read_results(out)["summary"]
    sent = dict(zip(summary["commune_code"].to_list(), summary["submitted"].to_list(), strict=True))
    assert sent == {"00101": True, "00102": True, "00103": True, "00104": True, "00105": True, "00106": False}
    assert "1 commune sent no self-assessment" in output
    html = report.read_text(encoding="utf-8")
    assert html.count('class="muted not-submitted">(sent nothing)') == 1


def test_a_commune_whose_rows_were_all_rejected_did_submit(tmp_path: Path) -> None:
    paths = write_example(tmp_path)
    with paths["long"].open("a", encoding="utf-8") as f:
        f.write("00105,1.2.1,,bốn,,,,,\n")
    result = score([paths["long"]], CRITERIA, communes=paths["communes"], survey=[paths["survey"]])
    assert result.totals.filter(pl.col("commune_code") == "00105")["submitted"].to_list() == [True]


# -- 5. findings located -----------------------------------------------------------------------


def _source_rows(path: Path) -> dict[int, dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return {i + 2: row for i, row in enumerate(csv.DictReader(f))}


def test_self_score_and_evidence_findings_name_their_row_and_column(tmp_path: Path) -> None:
    paths = write_example(tmp_path)
    result = score([paths["long"]], CRITERIA, communes=paths["communes"], survey=[paths["survey"]])
    rows = _source_rows(paths["long"])
    ours = result.findings.filter(
        (pl.col("kind") == "self-score-differs") | pl.col("kind").str.starts_with("evidence-")
    )
    assert ours.height >= 3
    kinds = set(ours["kind"].to_list())
    assert "self-score-differs" in kinds and any(k.startswith("evidence-") for k in kinds)
    for f in ours.iter_rows(named=True):
        assert f["file"] == str(paths["long"]), f
        source = rows[f["row"]]
        assert (source["commune_code"], source["criterion_id"]) == (f["commune_code"], f["criterion_id"]), f
        if f["kind"] == "self-score-differs":
            assert f["column"] == "self_score" and source["self_score"], f
        elif f["column"] is not None:
            assert source[f["column"]], f  # the evidence column named holds something


def test_self_score_findings_in_a_wide_sheet_name_the_header(tmp_path: Path) -> None:
    paths = write_example(tmp_path)
    wide = tmp_path / "wide.csv"
    wide.write_text("commune_code,1.2.3,1.2.3:self_score\n00101,có,1\n00102,không,0\n00103,không,1\n", "utf-8")
    result = score([wide], CRITERIA, communes=paths["communes"], no_survey=True)
    differs = result.findings.filter(pl.col("kind") == "self-score-differs")
    assert differs.select("commune_code", "file", "row", "column").rows() == [
        ("00103", str(wide), 4, "1.2.3:self_score")
    ]


def test_an_unread_file_says_how_many_of_its_problems_are_above(tmp_path: Path) -> None:
    """Eight rows of communes not in the register (16 cells, one problem per row): the first five
    problems are printed, and the summary says so, rather than counting 8 and pointing at the five
    above as all."""
    argv = CASES["complete-every-row-rejected"](tmp_path)
    strangers = tmp_path / "strangers.csv"
    lines = strangers.read_text(encoding="utf-8").splitlines()
    rows = [f"9999{i},1.1.1,,04/06/2025,1" for i in range(8)]
    strangers.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    got, output = invoke([*argv, "--lang", "en"])
    assert got == 1, output
    assert output.count("[unknown-commune]") == 5
    assert "nothing of this file could be used (8 problem(s), 5 of them above)" in output
    got, output = invoke(argv)
    assert "không dùng được gì trong tệp này (8 vấn đề, 5 vấn đề ở trên)" in output
