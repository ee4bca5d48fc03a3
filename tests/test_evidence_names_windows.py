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
