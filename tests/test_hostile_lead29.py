"""What the cases of tests/hostile_lead29.py answer, as real child processes, and how an evidence
file's content is judged (intake.evidence_files.check_evidence_file): empty, or not a whole document of
the kind its name says."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from hostile_lead29 import BROKEN, CASES, EXPECTED, WHOLE_PDF

from pari_index.intake.evidence_files import check_evidence_file


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


def _results(tmp_path: Path, case: str) -> tuple[str, pl.DataFrame, pl.DataFrame]:
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    out = tmp_path / "ket-qua"
    return (
        said,
        pl.read_csv(out / "criteria.csv", infer_schema=False),
        pl.read_csv(out / "findings.csv", infer_schema=False),
    )


def test_empty_evidence_files_are_gaps_told_at_their_cells(tmp_path: Path) -> None:
    said, criteria, findings = _results(tmp_path, "score-with-every-tenth-evidence-file-empty")
    empty = {p.name for p in (tmp_path / "minh-chung").iterdir() if p.stat().st_size == 0}
    assert len(empty) == 191
    # Every item that needs evidence and named an empty file lost its points, and says why.
    named = criteria.filter(pl.col("evidence_file").is_in(list(empty)) & (pl.col("evidence_status") != "not_required"))
    assert named.height >= 191
    assert named["evidence_status"].unique().to_list() == ["empty_file"]
    assert named["final_score"].unique().to_list() == ["0.0"]
    told = findings.filter(pl.col("kind") == "evidence-empty_file")
    assert told.height == named.height
    assert told["column"].unique().to_list() == ["evidence_file"]
    assert f"Tệp minh chứng rỗng {named.height}" in said
    first = told.row(0, named=True)
    assert first["message"].startswith("Tệp minh chứng rỗng: tiêu chí được 0 điểm (")
    assert first["hint"] == "chép lại văn bản vào thư mục minh chứng: tệp ở đó không có nội dung (0 byte)"
    # The files left whole still count as present.
    whole = criteria.filter(pl.col("evidence_file").is_not_null() & ~pl.col("evidence_file").is_in(list(empty)))
    assert whole["evidence_status"].unique().sort().to_list() == ["not_required", "present"]


def test_a_web_page_a_cut_pdf_and_a_renamed_document_are_damaged(tmp_path: Path) -> None:
    said, criteria, findings = _results(tmp_path, "score-with-broken-evidence-files")
    items = criteria.filter(pl.col("evidence_file").is_in(list(BROKEN))).sort("criterion_id")
    assert items.select("commune_code", "criterion_id", "evidence_status", "final_score").rows() == [
        ("00001", "1.1.1", "empty_file", "0.0"),
        ("00001", "1.1.2", "damaged_file", "0.0"),
        ("00001", "1.1.3", "damaged_file", "0.0"),
        ("00001", "1.2", "damaged_file", "0.0"),
    ]
    # The computed scores were 1, 0.5, 0 and 0.75: three of them lost to evidence no one can open.
    assert items["computed_score"].to_list() == ["1.0", "0.5", "0.0", "0.75"]
    told = findings.filter(pl.col("kind").is_in(["evidence-empty_file", "evidence-damaged_file"])).sort("criterion_id")
    assert told.select("criterion_id", "row", "column").rows() == [
        ("1.1.1", "2", "evidence_file"),
        ("1.1.2", "3", "evidence_file"),
        ("1.1.3", "7", "evidence_file"),
        ("1.2", "9", "evidence_file"),
    ]
    assert told["message"].to_list() == [
        "Evidence file is empty: the item scores 0 (1_1_1_KH_72_2025.pdf)",
        "Evidence file is damaged: the item scores 0 (1_1_2_KH_54_2025.pdf): the file is a web page (HTML), "
        "not a PDF document",
        "Evidence file is damaged: the item scores 0 (1_1_3_BC_130_2025.pdf): the PDF file ends before its end "
        "mark: it was cut short when it was copied or downloaded",
        "Evidence file is damaged: the item scores 0 (1_2_BC_215_2025.pdf): the file's content is not that of a "
        "PDF document",
    ]
    assert "Evidence file is damaged 3, Evidence file is empty 1" in said
    explained = items.filter(pl.col("criterion_id") == "1.1.2")["explanation"].item()
    assert explained.endswith("evidence file is damaged: not the kind of document its name says, or cut short")


def test_a_council_row_for_a_survey_item_is_refused_at_its_row(tmp_path: Path) -> None:
    said, criteria, findings = _results(tmp_path, "score-with-a-council-row-for-a-survey-item")
    told = findings.filter(pl.col("kind") == "appraisal-survey-item")
    assert told.select("severity", "file", "row", "column").rows() == [
        ("error", str(tmp_path / "tham-dinh.csv"), "61", "criterion_id")
    ]
    assert told["message"].item() == (
        "tiêu chí 10.1.1 là tiêu chí điều tra: điểm lấy từ kết quả điều tra xã hội học, Hội đồng thẩm định không"
        " sửa; dòng này không được dùng"
    )
    # The survey's 4 points stand; the council's other corrections are applied as before.
    item = criteria.filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "10.1.1"))
    assert item.select("computed_score", "appraised_score", "final_score").rows() == [("4.0", None, "4.0")]
    assert findings.filter(pl.col("kind") == "appraisal-correction").height == 7
    assert "[appraisal-survey-item]" in said


def test_a_survey_item_in_a_commune_file_is_not_its_survey_result(tmp_path: Path) -> None:
    _, criteria, findings = _results(tmp_path, "score-with-a-survey-item-in-a-commune-file")
    told = findings.filter(pl.col("kind") == "survey-item-in-assessment")
    assert told.select("severity", "commune_code", "criterion_id", "file", "column").rows() == [
        ("error", "00001", "10.1.1", str(tmp_path / "tu-danh-gia.csv"), "value")
    ]
    assert "không có kết quả của tiêu chí này cho xã 00001" in told["message"].item()
    item = criteria.filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "10.1.1"))
    assert item.select("final_score", "status").rows() == [("0.0", "no_survey")]
    assert findings.filter(pl.col("kind") == "survey-incomplete")["commune_code"].to_list() == ["00001"]


@pytest.mark.parametrize(
    ("survey_row", "own_code", "kind"),
    [
        # The survey file's row for the item refused (an input it does not have): it gives nothing.
        pytest.param(
            ["00001", "10.1.1", "ty_le", "100"], "00001", "survey-item-in-assessment", id="survey-row-refused"
        ),
        # The commune's code mistyped: the code is what to correct, not the survey (review of session 29).
        pytest.param(None, "0001", "unknown-commune", id="own-code-unknown"),
    ],
)
def test_a_survey_item_in_a_commune_file_is_told_by_what_is_wrong_first(
    tmp_path: Path, survey_row: list[str] | None, own_code: str, kind: str
) -> None:
    args = CASES["score-with-a-survey-item-in-a-commune-file"](tmp_path)
    own = tmp_path / "tu-danh-gia.csv"
    rows = own.read_text(encoding="utf-8-sig").splitlines()
    rows[-1] = rows[-1].replace("00001,10.1.1,", f"{own_code},10.1.1,", 1)
    own.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    if survey_row is not None:
        survey = tmp_path / "khao-sat.csv"
        survey.write_text(survey.read_text(encoding="utf-8-sig") + ",".join(survey_row) + "\n", encoding="utf-8-sig")
    answers_its_case(args, tmp_path, (1, kind, ()))
    findings = pl.read_csv(tmp_path / "ket-qua" / "findings.csv", infer_schema=False)
    at_own_row = findings.filter((pl.col("file") == str(own)) & (pl.col("row") == str(len(rows))))
    assert at_own_row["kind"].to_list() == [kind]
    criteria = pl.read_csv(tmp_path / "ket-qua" / "criteria.csv", infer_schema=False)
    item = criteria.filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "10.1.1"))
    assert item["final_score"].to_list() == ["0.0"]


def test_a_survey_item_in_a_commune_file_beside_the_survey_s_own_is_a_repeat(tmp_path: Path) -> None:
    """Where the survey gives the item too, the commune's equal figure is a repeated row, as before."""
    args = CASES["score-with-a-survey-item-in-a-commune-file"](tmp_path)
    args[args.index("--survey") + 1] = str(tmp_path / "survey.csv")
    answers_its_case(args, tmp_path, (0, None, ()))
    findings = pl.read_csv(tmp_path / "ket-qua" / "findings.csv", infer_schema=False)
    assert "survey-item-in-assessment" not in findings["kind"].to_list()
    assert findings.filter(pl.col("kind") == "duplicate-row")["criterion_id"].to_list() == ["10.1.1"]


def test_no_survey_beside_survey_results_stops_before_anything_is_written(tmp_path: Path) -> None:
    case = "score-with-no-survey-and-survey-results"
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case])
    assert "đã dùng --no-survey, nhưng các tệp tự đánh giá có giá trị của tiêu chí điều tra (10.1.1)" in said
    assert not (tmp_path / "ket-qua").exists()


def test_no_survey_beside_a_self_score_of_a_survey_item_alone_is_scored_without_the_survey(tmp_path: Path) -> None:
    """A self-score is no survey result: --no-survey is followed (review of session 29: it stopped
    the run as if the survey were given)."""
    args = CASES["score-with-no-survey-and-survey-results"](tmp_path)
    own = tmp_path / "tu-danh-gia.csv"
    rows = own.read_text(encoding="utf-8-sig").splitlines()
    rows[-1] = "00001,10.1.1,,,0" + "," * (rows[0].count(",") - 4)
    own.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    said = answers_its_case(args, tmp_path, (0, None, ()))
    assert "--no-survey" in said
    about = pl.read_csv(tmp_path / "ket-qua" / "about.csv", infer_schema=False)
    assert about.filter(pl.col("key") == "survey")["value"].to_list() == ["skipped"]


def _docx(comment: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as document:
        document.comment = comment
        document.writestr("[Content_Types].xml", "<Types/>")
        document.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "state"),
    [
        pytest.param("ke-hoach.pdf", WHOLE_PDF, "ok", id="a-whole-pdf"),
        pytest.param("ke-hoach.PDF", b"\xef\xbb\xbf" + b" " * 500 + WHOLE_PDF, "ok", id="a-pdf-after-some-junk"),
        pytest.param("ke-hoach.pdf", WHOLE_PDF + b"\n" * 900, "ok", id="a-pdf-with-lines-after-its-end"),
        # Padding after the end mark, as scanners and portals add it: PDF viewers open such files.
        pytest.param("ke-hoach.pdf", WHOLE_PDF + b"\x00" * 4096, "ok", id="a-pdf-padded-after-its-end"),
        pytest.param("ke-hoach.pdf", b" " * 1100 + WHOLE_PDF, "damaged_file", id="a-pdf-header-too-late"),
        pytest.param("ke-hoach.pdf", WHOLE_PDF[:-7], "damaged_file", id="a-pdf-cut-short"),
        pytest.param("ke-hoach.pdf", b"<html><body>404</body></html>", "damaged_file", id="a-web-page"),
        pytest.param("bao-cao.docx", _docx(), "ok", id="a-whole-docx"),
        pytest.param("bao-cao.docx", _docx()[:-30], "damaged_file", id="a-docx-cut-short"),
        pytest.param("bao-cao.docx", _docx(b"x" * 5000), "ok", id="a-docx-with-a-long-zip-comment"),
        pytest.param("bao-cao.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "ok", id="an-encrypted-docx"),
        pytest.param("bao-cao.xlsx", WHOLE_PDF, "damaged_file", id="a-pdf-named-xlsx"),
        pytest.param("anh.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "ok", id="a-jpeg"),
        # A picture under another picture's extension opens everywhere (review of session 29).
        pytest.param("anh.jpeg", b"GIF89a" + b"\x00" * 64, "ok", id="a-gif-named-jpeg"),
        pytest.param("anh.jpg", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"IEND\xaeB`\x82", "ok", id="a-png-named-jpg"),
        pytest.param("anh.jpg", WHOLE_PDF, "damaged_file", id="a-pdf-named-jpg"),
        pytest.param("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"IEND\xaeB`\x82", "ok", id="a-whole-png"),
        pytest.param("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "damaged_file", id="a-png-cut-short"),
        pytest.param("ghi-chu.txt", b"", "empty_file", id="any-empty-file"),
        pytest.param("bien-ban.doc", b"{\\rtf1 Bi\\'ean b\\'ean}", "ok", id="a-kind-not-judged-by-content"),
    ],
)
def test_an_evidence_file_is_judged_by_its_first_and_last_bytes(
    tmp_path: Path, name: str, content: bytes, state: str
) -> None:
    (tmp_path / name).write_bytes(content)
    found, note = check_evidence_file(tmp_path.resolve(), name)
    assert found == state, note
    assert (note == "") == (state in ("ok", "empty_file"))
