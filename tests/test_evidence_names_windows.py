"""Evidence files named in a spreadsheet made on Windows are found on every system.

A clerk on Windows writes ``Minh chứng\\KH 72.pdf`` or ``kh 72.PDF`` for the file ``Minh
chứng/KH 72.pdf``: Windows (and macOS) open it, since a backslash parts folders there and letter
case does not matter. Scored on Linux, each was ``evidence-file_not_found`` and, under
``missing_evidence: zero``, 0 points: the same spreadsheet and folder ranked a commune lower on the
provincial server than on the clerk's machine. Now a name not found as written is looked for as
Windows reads it (``spelling.path_as_windows_reads``); two files that differ only in case (which
only Linux can hold) match neither.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.intake.evidence_files import check_evidence_file
from pari_index.outputs.results import read_results

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize(
    ("on_disk", "written", "state"),
    [
        ("Hồ sơ/Kế hoạch 72.pdf", "Hồ sơ\\Kế hoạch 72.pdf", "ok"),
        ("Hồ sơ/Năm 2025/KH 72.pdf", "Hồ sơ\\Năm 2025/KH 72.pdf", "ok"),  # both separators in one name
        ("KH 72.pdf", "kh 72.PDF", "ok"),
        ("Hồ sơ/KẾ HOẠCH.pdf", "hồ sơ\\kế hoạch.pdf", "ok"),  # case of accented capitals too
        ("Kế hoạch.pdf", "Ke hoach.pdf", "file_not_found"),  # another spelling, not another case
        ("Hồ sơ/KH 72.pdf", "Hồ sơ\\KH 73.pdf", "file_not_found"),
        ("Hồ sơ", "hồ sơ", "not_a_file"),
    ],
)
def test_a_name_written_on_windows_is_found_as_windows_finds_it(
    tmp_path: Path, on_disk: str, written: str, state: str
) -> None:
    root = tmp_path / "root"
    target = root / on_disk
    target.parent.mkdir(parents=True, exist_ok=True)
    if state == "not_a_file":
        target.mkdir()
    else:
        target.write_bytes(b"%PDF\n%%EOF\n")
    assert check_evidence_file(root.resolve(), written)[0] == state


def test_decomposed_on_disk_and_written_in_another_case(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / unicodedata.normalize("NFD", "Hồ sơ")).mkdir(parents=True)
    (root / unicodedata.normalize("NFD", "Hồ sơ/Kế hoạch.pdf")).write_bytes(b"%PDF\n%%EOF\n")
    assert check_evidence_file(root.resolve(), "HỒ SƠ\\kế hoạch.PDF")[0] == "ok"


def test_two_files_differing_only_in_case_match_neither(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "KH.pdf").write_bytes(b"%PDF one\n%%EOF\n")
    (root / "kh.pdf").write_bytes(b"%PDF two\n%%EOF\n")
    assert check_evidence_file(root.resolve(), "KH.pdf")[0] == "ok"  # as written: no doubt
    assert check_evidence_file(root.resolve(), "Kh.pdf")[0] == "file_not_found"


def test_a_backslash_cannot_lead_out_of_the_evidence_folder(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "Hồ sơ").mkdir(parents=True)
    (tmp_path / "secret.pdf").write_bytes(b"%PDF\n%%EOF\n")
    assert check_evidence_file(root.resolve(), "..\\secret.pdf")[0] == "outside_evidence_dir"
    assert check_evidence_file(root.resolve(), "Hồ sơ\\..\\..\\SECRET.pdf")[0] == "outside_evidence_dir"


def _assessments_naming(folder: Path, written: str, on_disk: str, upper: bool) -> tuple[Path, Path]:
    """The example long-form assessments with every evidence file named ``written`` (a format
    with the example's file name; in capitals with ``upper``), and an evidence folder holding
    each under ``on_disk``."""
    frame = pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False)
    evidence = folder / "minh chứng"
    named = frame.with_columns(
        pl.when(pl.col("evidence_file").is_not_null())
        .then(pl.format(written, pl.col("evidence_file")).pipe(lambda name: name.str.to_uppercase() if upper else name))
        .otherwise(pl.col("evidence_file"))
        .alias("evidence_file")
    )
    for number in frame.get_column("evidence_file").drop_nulls().unique().to_list():
        path = evidence / on_disk.replace("{}", number)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.4\n\n%%EOF\n")
    assessments = folder / "assessments_long.csv"
    named.write_csv(assessments)
    return assessments, evidence


def _score(folder: Path, written: str, on_disk: str, upper: bool = False) -> pl.DataFrame:
    assessments, evidence = _assessments_naming(folder, written, on_disk, upper)
    out = folder / "out.xlsx"
    args = [
        "score",
        str(assessments),
        "--communes",
        str(EXAMPLES / "communes.csv"),
        "--survey",
        str(EXAMPLES / "survey.csv"),
        "--evidence-dir",
        str(evidence),
        "-o",
        str(out),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return read_results(out)["criteria"]


def test_a_run_scores_windows_names_as_the_exact_names(tmp_path: Path) -> None:
    (tmp_path / "exact").mkdir()
    (tmp_path / "windows").mkdir()
    exact = _score(tmp_path / "exact", "Hồ sơ/Kế hoạch {}", "Hồ sơ/Kế hoạch {}")
    windows = _score(tmp_path / "windows", "hồ sơ\\kế hoạch {}", "Hồ sơ/Kế hoạch {}", upper=True)
    assert exact.get_column("evidence_status").value_counts().height > 1  # the names do matter
    assert exact.filter(pl.col("evidence_status") == "file_not_found").height == 0
    assert windows.drop("evidence_file").equals(exact.drop("evidence_file"))
    assert windows.get_column("evidence_file").drop_nulls().str.starts_with("HỒ SƠ\\KẾ HOẠCH").all()


def _run(folder: Path, written: str, on_disk: str, *extra: str) -> tuple[int, str, dict[str, pl.DataFrame]]:
    """``pari score`` of the example assessments naming every evidence file ``written``, the folder
    holding it under ``on_disk``: the exit status, what it printed and the results read back."""
    assessments, evidence = _assessments_naming(folder, written, on_disk, False)
    out = folder / "out.xlsx"
    args = ["score", str(assessments), "--communes", str(EXAMPLES / "communes.csv"), "--survey"]
    args += [str(EXAMPLES / "survey.csv"), "--evidence-dir", str(evidence), "-o", str(out), *extra]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output, read_results(out)


def _unmatched(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    return tables["findings"].filter(pl.col("kind") == "evidence-names-unmatched")


def _about(tables: dict[str, pl.DataFrame]) -> dict[str, str]:
    about = tables["about"]
    return dict(zip(about["key"].to_list(), about["value"].to_list(), strict=True))


@pytest.mark.parametrize(
    "written",
    [
        "C:\\Users\\Xã\\Minh chứng\\{}",  # the folder of the clerk's computer
        "https://dichvucong.hanoi.gov.vn/tep/{}",  # a portal's address
        '"{}"',  # quoted
        "{}.pdf",  # the extension typed again
    ],
)
def test_names_nearly_none_of_which_the_folder_has_are_one_error(tmp_path: Path, written: str) -> None:
    """Session 32: each such name was a warning among 2,006, 567 scores of the 60 units cut, exit
    0. Now one error at the folder, with the counts and a name beside the folder's file, exit 1
    and the run says a part of its inputs could not be used."""
    status, printed, tables = _run(tmp_path, written, "{}", "--lang", "en")
    names = tables["criteria"].filter(pl.col("evidence_status").is_in(["present", "file_not_found"]))
    looked_for = names.get_column("evidence_file").n_unique()
    assert looked_for > 1_800
    found = _unmatched(tables)
    assert found.height == 1 and found["severity"][0] == "error"
    assert f"{looked_for:,} of the {looked_for:,} evidence file names looked for" in found["message"][0]
    assert "while the folder has «" in found["message"][0]
    assert found["file"][0].endswith("minh chứng")
    assert status == 1, printed
    assert "INCOMPLETE: 1 part of the input files" in printed
    assert _about(tables)["parts_unread"] == "1" and _about(tables)["complete"] == "no"


def test_names_the_folder_has_are_no_such_error(tmp_path: Path) -> None:
    status, printed, tables = _run(tmp_path, "{}", "{}")
    assert status == 0, printed
    assert _unmatched(tables).height == 0
    assert "parts_unread" not in _about(tables)


def test_the_error_is_told_in_vietnamese(tmp_path: Path) -> None:
    status, printed, tables = _run(tmp_path, "C:\\Minh chứng\\{}", "{}")
    assert status == 1, printed
    message = _unmatched(tables)["message"][0]
    assert "tên tệp minh chứng được tìm trong thư mục minh chứng không có trong đó" in message
    assert ", trong khi thư mục có «" in message and "while" not in message


def _names_looked_for(found: int, missing: int) -> pl.DataFrame:
    states = ["present"] * found + ["file_not_found"] * missing
    return pl.DataFrame({"evidence_file": [f"KH {n}.pdf" for n in range(len(states))], "evidence_status": states})


@pytest.mark.parametrize(
    ("found", "missing", "told"),
    [(1, 9, True), (2, 8, False), (0, 9, False), (0, 10, True), (100, 900, True), (101, 899, False)],
)
def test_the_error_needs_ten_names_and_at_most_one_in_ten_found(
    tmp_path: Path, found: int, missing: int, told: bool
) -> None:
    from pari_index.intake.evidence_files import EvidenceFolder
    from pari_index.scoring.evidence import unused_evidence_problems

    tmp_path.joinpath("KH 0.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    checked = _names_looked_for(found, missing)
    problems = unused_evidence_problems(EvidenceFolder(tmp_path), checked["evidence_file"].to_list(), checked)
    codes = [p.code for p in problems if p.code == "evidence-names-unmatched"]
    assert codes == (["evidence-names-unmatched"] if told else [])
    if told:
        assert problems[0].params["missing"] == missing and problems[0].params["named"] == found + missing


def test_names_each_of_a_folder_are_told_as_not_the_folders_files(tmp_path: Path) -> None:
    """Review of session 32: a clerk naming each item's folder («1_1_1_KH_72_2025.pdf/» holding
    the scan) rather than its document was 2,006 evidence-not_a_file warnings, exit 0 and no
    error: a folder is no file the folder has."""
    status, printed, tables = _run(tmp_path, "{}", "{}/bản quét.pdf", "--lang", "en")
    statuses = tables["criteria"].get_column("evidence_status")
    assert (statuses == "not_a_file").sum() > 1_800 and (statuses == "present").sum() == 0
    found = _unmatched(tables)
    assert found.height == 1 and found["severity"][0] == "error"
    assert status == 1, printed
    assert _about(tables)["parts_unread"] == "1"


def test_the_example_is_a_name_counted(tmp_path: Path) -> None:
    """The name shown beside the folder's near file is one of those counted as not there, not the
    name of an item whose evidence lacks its date (looked for by no one): «0 Kế hoạch.pdf» is near
    the folder's «0 Ke hoach (1).pdf», listed first, but was not counted."""
    from pari_index.intake.evidence_files import EvidenceFolder
    from pari_index.scoring.evidence import unused_evidence_problems

    tmp_path.joinpath("0 Ke hoach (1).pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    tmp_path.joinpath("KH 3 - Copy.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    checked = _names_looked_for(0, 12)
    names = ["0 Kế hoạch.pdf", *checked["evidence_file"].to_list()]
    problems = unused_evidence_problems(EvidenceFolder(tmp_path), names, checked)
    told = [p for p in problems if p.code == "evidence-names-unmatched"]
    assert len(told) == 1
    assert told[0].params["example"] == "«KH 3.pdf»" and told[0].params["file_name"] == "«KH 3 - Copy.pdf»"
