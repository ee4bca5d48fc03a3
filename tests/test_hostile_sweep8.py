"""What the cases of tests/hostile_sweep8.py answer: an output never replaces a file pari-index did
not write, a name that is not UTF-8 is refused before any work (never exit 70 after it), and the
spreadsheet exports of Vietnamese offices are read to the same results as the UTF-8 original."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from example_runs import example_evidence
from hostile_sweep8 import (
    CASES,
    CRITERIA,
    EXPECTED,
    NOT_UTF8,
    XLSX_ROWS,
    _example_csv,
    _examples,
    _score,
    user_workbook,
)
from hypothesis import given
from hypothesis import strategies as st
from sweeps import run_in_process as _run

from pari_index.errors import OutputError, UsageError
from pari_index.outputs.ownership import MAX_WORKBOOK_PART, foreign_file, sheet_names, written_by_pari
from pari_index.outputs.path_identity import Source, Target
from pari_index.outputs.path_names import check_names, windows_reason, windows_unsafe
from pari_index.outputs.paths import check_paths
from pari_index.outputs.results import read_results

runner = CliRunner()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {os.fsdecode(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    """The summary of the example files as they are, for the cases that must read the same."""
    folder = tmp_path_factory.mktemp("baseline")
    code, output = _run(*_score(folder))
    assert code == 0, output
    return read_results(folder / "out.xlsx")["summary"]


@pytest.mark.parametrize("case", sorted(c for c in CASES if c.startswith(("owner-", "name-", "results-"))))
def test_a_refused_case_answers_its_code_and_leaves_every_user_file(tmp_path: Path, case: str) -> None:
    args = CASES[case](tmp_path)
    before = _snapshot(tmp_path)
    status, code, kept = EXPECTED[case]
    exit_code, output = _run(*args)
    assert exit_code == status, output
    assert f"[{code}]" in output
    after = _snapshot(tmp_path)
    for name in kept:
        assert after[name] == before[name], name
    # Nothing written at all: the refusal comes before the run.
    assert after == before
    assert not any(".pari-" in name for name in os.listdir(tmp_path))


@pytest.mark.parametrize("case", sorted(c for c in CASES if c.startswith("export-")))
def test_a_vietnamese_export_reads_as_the_original(tmp_path: Path, case: str, baseline: pl.DataFrame) -> None:
    status, code, _ = EXPECTED[case]
    exit_code, output = _run(*CASES[case](tmp_path))
    assert exit_code == status, output
    if status == 1 and code == "duplicate-column":
        assert f"[{code}]" in output and "«VALUE»" in output
        return
    findings = read_results(tmp_path / "out.xlsx")["findings"]
    if code is not None:
        assert code in findings["kind"].to_list(), findings["kind"].unique().to_list()
    summary = read_results(tmp_path / "out.xlsx")["summary"]
    if case == "export-vietnamese-thousands":
        # One survey row rejected (row 2, 1.234,5 % over 100): that commune's survey item is 0.
        assert "survey.csv hàng 2 cột «value»" in output
        assert summary.height == baseline.height
        changed = summary.join(baseline, on="commune_code").filter(
            pl.col("total_points") != pl.col("total_points_right")
        )
        assert changed["commune_code"].to_list() == ["00001"]
        return
    assert summary.equals(baseline)


def test_the_sheet_of_a_user_workbook_is_read_and_it_is_not_pari_s(tmp_path: Path) -> None:
    book = user_workbook(tmp_path / "budget.xlsx")
    assert sheet_names(book) == ["Ngân sách"]
    assert foreign_file(book) and not written_by_pari(book)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_output_of_pari_is_replaced_again(tmp_path: Path, lang: str) -> None:
    """Each writer run twice to the same name: the second run replaces the first's output."""
    old, new = CRITERIA / "ha-noi-2025-commune.yaml", CRITERIA / "hai-phong-2022-commune.yaml"
    commands = [
        [*_score(tmp_path, "--report", str(tmp_path / "r.html")), "--lang", lang],
        ["report", tmp_path / "out.xlsx", "-o", tmp_path / "r2.html", "--lang", lang],
        ["template", "-o", tmp_path / "form.xlsx", "--lang", lang],
        ["criteria", "export", old, "-o", tmp_path / "annex.xlsx", "--lang", lang],
        ["criteria", "import", tmp_path / "annex.xlsx", "-o", tmp_path / "draft.yaml", "--lang", lang],
        ["diff", old, new, "-o", tmp_path / "changes.csv", "--lang", lang],
        ["diff", old, new, "-o", tmp_path / "changes.xlsx", "--lang", lang],
        ["demo-data", "-o", tmp_path / "demo", "--communes", "3", "--lang", lang],
        ["demo-data", "-o", tmp_path / "demo", "--communes", "3", "--format", "xlsx", "--lang", lang],
    ]
    for command in commands + commands:
        code, output = _run(*command)
        assert code in (0, 1), (command, output)  # the import draft has todo notes: exit 0 or 1
        assert "[output-not-pari]" not in output, command
    for name in (
        "out.xlsx",
        "r.html",
        "r2.html",
        "form.xlsx",
        "annex.xlsx",
        "draft.yaml",
        "changes.csv",
        "changes.xlsx",
    ):
        assert written_by_pari(tmp_path / name), name


def test_an_empty_file_may_be_replaced(tmp_path: Path) -> None:
    (tmp_path / "form.xlsx").write_bytes(b"")
    assert _run("template", "-o", tmp_path / "form.xlsx")[0] == 0
    assert written_by_pari(tmp_path / "form.xlsx")


def test_a_demo_folder_of_other_files_is_written_into_when_nothing_clashes(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert _run("demo-data", "-o", tmp_path, "--communes", "3")[0] == 0
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "SYNTHETIC-README.md").is_file()


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04 not a zip at all",
        b"<html><meta name=generator content=pari-index></html>",  # not the report's exact tag
        b"# Draft criteria set written by hand\nid: x\n",
        b"Item,Change,Old\n",
        b"\x00" * 100,
    ],
)
def test_files_that_only_look_like_pari_s_are_not_replaced(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "out.xlsx"
    path.write_bytes(content)
    assert foreign_file(path)
    with pytest.raises(OutputError) as info:
        check_paths([Target(path)], [])
    assert [p.code for p in info.value.problems] == ["output-not-pari"]


def test_a_workbook_whose_sheet_list_is_huge_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    sheets = "".join(f'<sheet name="s{i}" sheetId="{i}"/>' for i in range(MAX_WORKBOOK_PART // 20))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", f'<workbook><sheets><sheet name="summary"/><sheet name="about"/>{sheets}')
    assert sheet_names(path) is None and foreign_file(path)


def test_results_of_the_library_with_a_name_not_utf8_are_refused_before_writing(tmp_path: Path) -> None:
    import pari_index as pari

    files = _examples(tmp_path)
    named = tmp_path / NOT_UTF8
    shutil.copy(files["communes"], named)
    result = pari.score([files["assessments_long"]], communes=named, survey=[files["survey"]])
    with pytest.raises(UsageError) as info:
        pari.write_results(tmp_path / "out.xlsx", result)
    assert [p.code for p in info.value.problems] == ["name-not-utf8"]
    assert info.value.problems[0].file == str(tmp_path / "x\\xe3 \\xd0\\xf4ng.csv")
    assert not (tmp_path / "out.xlsx").exists()


def test_a_name_not_utf8_is_named_once_with_its_bytes_shown() -> None:
    workbook = Path(os.fsdecode(b"k\xe9t.xlsx"))
    sources = [("RESULTS", workbook), *(("RESULTS", workbook.with_name(f"k\udce9t.{t}.csv")) for t in ("a", "b"))]
    with pytest.raises(UsageError) as info:
        check_names([("-o", Path("ok.xlsx")), *sources, ("--communes", Path(os.fsdecode(b"c\xff.csv")))])
    problems = info.value.problems
    assert [(p.code, p.file) for p in problems] == [("name-not-utf8", "k\\xe9t.xlsx"), ("name-not-utf8", "c\\xff.csv")]
    assert problems[0].render("vi").startswith("k\\xe9t.xlsx: KẾT_QUẢ: tên tệp có byte không phải văn bản UTF-8")
    assert problems[0].render("en").startswith("k\\xe9t.xlsx: RESULTS: the name holds bytes")
    check_names([("-o", Path("kết quả.xlsx")), ("input", Path("xã Đông.csv"))])  # UTF-8 names pass


def test_check_paths_refuses_a_source_name_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        check_paths([Target(tmp_path / "out.xlsx")], [Source(tmp_path / os.fsdecode(b"a\xff.csv"))])


@pytest.mark.parametrize("case", ["xlsx-3000-data-validations", "xlsx-million-empty-rows", "xlsx-200k-merged-ranges"])
def test_a_workbook_large_around_its_cells_reads_as_its_rows(tmp_path: Path, case: str) -> None:
    """Every row of the workbook is read and used, and it scores as the same rows in CSV."""
    status, _, _ = EXPECTED[case]
    exit_code, output = _run(*CASES[case](tmp_path))
    assert exit_code == status, output
    assert "[xlsx-damaged]" not in output
    rows = read_results(tmp_path / "out.xlsx")["rows"]
    workbook = rows.filter(pl.col("file").str.ends_with(".xlsx"))
    assert workbook.height == XLSX_ROWS - 1 and workbook["status"].unique().to_list() == ["scored"]
    findings = read_results(tmp_path / "out.xlsx")["findings"]
    assert "merged-cells" not in findings["kind"].to_list()  # ranges below the data hide nothing
    summary = read_results(tmp_path / "out.xlsx")["summary"]
    same = tmp_path / "same"
    same.mkdir()
    csv_args = _score(same, assessments=_example_csv(same))
    assert _run(*csv_args)[0] == 0
    assert summary.equals(read_results(same / "out.xlsx")["summary"])


@pytest.mark.parametrize(
    ("name", "vi", "en"),
    [
        ("nul .csv", "(«nul» là tên thiết bị trên Windows)", "(«nul» is a device name on Windows)"),
        ("results.", "(tên kết thúc bằng dấu chấm hoặc dấu cách", "(it ends in a dot or a space, which Windows drops)"),
        ("a|b.xlsx", "(Windows không cho phép «|» trong tên)", "(Windows does not allow «|» in a name)"),
    ],
)
def test_why_windows_cannot_open_a_name_is_said_in_the_language_of_the_command(
    tmp_path: Path, name: str, vi: str, en: str
) -> None:
    """The reason was an English sentence inside the Vietnamese message; now a key of words."""
    for lang, words, other in (("vi", vi, en), ("en", en, vi)):
        code, output = _run("template", "-o", tmp_path / name, "--lang", lang)
        assert code == 4 and "[output-name-not-portable]" in output
        assert words in output and other not in output, output
    assert not any(tmp_path.iterdir())


@given(st.text(alphabet=st.sampled_from('CONULPTAUX.: |?*<>"abc1¹ '), min_size=1, max_size=8))
def test_every_reason_windows_gives_has_words_in_both_languages(name: str) -> None:
    from pari_index.messages import PARAM_WORDS

    found = windows_reason(name)
    assert (found is None) == (windows_unsafe(name) is None)
    if found is not None:
        assert found[0] in PARAM_WORDS["windows_reason"] and found[1] in name


def _workbook(path: Path, code: str) -> Path:
    import xlsxwriter

    with xlsxwriter.Workbook(str(path)) as workbook:
        sheet = workbook.add_worksheet("data")
        for c, text in enumerate(("commune_code", "criterion_id", "input", "value")):
            sheet.write_string(0, c, text)
        for c, text in enumerate((code, "1.1.1", "", "có")):
            sheet.write_string(1, c, text)
    return path


@pytest.mark.parametrize("through_open_file", [False, True])
def test_a_workbook_saved_again_while_it_is_read_is_read_as_it_was_measured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, through_open_file: bool
) -> None:
    """Excel saves by writing a new file and renaming it over the old: between the measuring and
    calamine's reading, the name may hold another workbook, which was read unmeasured.
    ``through_open_file``: as a workbook over SNAPSHOT_BYTES is read (ninth sweep: measured and
    read through one open file, not held in memory)."""
    from pari_index.intake import sheet
    from pari_index.intake.tables import read_table_file
    from pari_index.intake.xlsx import reading

    if through_open_file:
        monkeypatch.setattr(sheet, "SNAPSHOT_BYTES", 0)
    path = _workbook(tmp_path / "a.xlsx", "00001")
    saved = _workbook(tmp_path / "saved.xlsx", "99999")
    measure = reading._prescan

    def measured_then_saved(*args: object) -> object:
        found = measure(*args)  # type: ignore[arg-type]
        os.replace(saved, path)
        return found

    monkeypatch.setattr(reading, "_prescan", measured_then_saved)
    result = read_table_file(path)
    assert not saved.exists() and result.problems == []
    assert result.sheets[0].frame["commune_code"].to_list() == ["00001"]


def test_a_csv_file_cut_short_is_refused_and_nothing_is_published(tmp_path: Path) -> None:
    code, output = _run(*CASES["complete-csv-cut-short"](tmp_path))
    data = (tmp_path / "assessments_cut.csv").read_bytes()
    line = data.count(b"\n") + 1
    assert code == 1, output
    assert f"assessments_cut.csv hàng {line}: tệp dừng giữa hàng này" in output and "[file-cut-short]" in output
    assert not (tmp_path / "out.xlsx").exists() and not (tmp_path / "report.html").exists()


def test_a_csv_file_cut_short_under_allow_incomplete_is_reported_as_unused(tmp_path: Path) -> None:
    code, output = _run(*CASES["complete-csv-cut-short-allowed"](tmp_path))
    assert code == 1 and "[file-cut-short]" in output, output
    rows = read_results(tmp_path / "out.xlsx")["rows"]
    assert rows.filter(pl.col("file").str.ends_with("assessments_cut.csv")).height == 0
    findings = read_results(tmp_path / "out.xlsx")["findings"]
    assert "file-cut-short" in findings["kind"].to_list()


_CELL = st.text(alphabet="abcxyz019 .", max_size=6)


@given(
    rows=st.lists(st.lists(_CELL, min_size=5, max_size=5), min_size=2, max_size=6),
    newline=st.sampled_from([b"\n", b"\r\n"]),
    cut=st.integers(min_value=0),
)
def test_only_a_last_row_stopped_in_the_middle_is_cut_short(rows: list[list[str]], newline: bytes, cut: int) -> None:
    from pari_index.intake.csv_input import cut_short

    lines = [b"a,b,c,d,e", *(",".join(row).encode() for row in rows)]
    whole = newline.join(lines)
    assert cut_short(whole, ",", 5) is None and cut_short(whole + newline, ",", 5) is None
    header = len(lines[0]) + len(newline)
    at = header + cut % (len(whole) - header)
    part = whole[:at]
    last = part.rsplit(b"\n", 1)[-1]
    expected = part.count(b"\n") + 1 if not part.endswith(b"\r") and 0 < last.count(b",") < 4 else None
    assert cut_short(part, ",", 5) == expected


def test_demo_data_stopped_by_a_full_disk_leaves_no_file_cut_short(tmp_path: Path) -> None:
    """A file size limit (RLIMIT_FSIZE, as a full disk) stops demo-data in the middle of its
    assessments: it used to leave them cut short (scored with exit 0) and no README, so the next
    run was refused; now the files it was writing are removed, and the next run writes them. The
    folder, made for the run, is removed too (faults28: a failed write leaves no folder it made)."""
    import resource
    import subprocess
    import sys

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    out = tmp_path / "demo"
    argv = [sys.executable, "-m", "pari_index.cli", "demo-data", "-o", str(out), "--communes", "300", "--lang", "en"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(argv, capture_output=True, text=True, preexec_fn=limit, env=env, timeout=240)
    assert done.returncode == 4 and "[output-unwritable]" in done.stderr and "File too large" in done.stderr
    assert "Traceback" not in done.stderr
    assert not os.path.lexists(out) and sorted(p.name for p in tmp_path.iterdir()) == []
    assert _run("demo-data", "-o", out, "--communes", "3")[0] == 0


@pytest.mark.parametrize(
    ("created", "modified", "by", "ours"),
    [
        ("2026-12-01T08:00:00Z", "2026-12-01T08:00:00Z", "", True),  # as xlsxwriter wrote it
        ("2026-12-01T08:00:00Z", "2026-12-03T15:42:10Z", "", False),  # saved again (LibreOffice)
        ("2026-12-01T08:00:00Z", "2026-12-01T08:00:00Z", "Nguyễn Văn A", False),  # saved by Excel
    ],
)
def test_a_form_saved_by_another_program_is_someone_s_work(
    tmp_path: Path, created: str, modified: str, by: str, ours: bool
) -> None:
    form = tmp_path / "form.xlsx"
    assert _run("template", "-o", form)[0] == 0
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dcterms="http://purl.org/dc/terms/"><cp:lastModifiedBy>'
        f"{by}</cp:lastModifiedBy><dcterms:created>{created}</dcterms:created>"
        f"<dcterms:modified>{modified}</dcterms:modified></cp:coreProperties>"
    )
    copy = tmp_path / "copy.xlsx"
    with zipfile.ZipFile(form) as old, zipfile.ZipFile(copy, "w") as new:
        for item in old.infolist():
            new.writestr(item, core if item.filename == "docProps/core.xml" else old.read(item))
    assert written_by_pari(copy) is ours


def test_what_ownership_knows_of_the_authoring_outputs_agrees_with_their_writers() -> None:
    from pari_index.authoring.diff import COLUMNS
    from pari_index.authoring.draft_yaml import DIGEST_LINE, HEADER
    from pari_index.authoring.export import SHEETS
    from pari_index.outputs import ownership

    assert list(ownership.ANNEX_SHEETS) == [list(SHEETS[lang].values()) for lang in ("vi", "en")]
    assert list(ownership.DIFF_HEADERS)[:2] == [";".join(COLUMNS["vi"]), ",".join(COLUMNS["en"])]
    assert list(ownership.DRAFT_STARTS) == [HEADER[lang].split("{source}")[0] for lang in ("vi", "en")]
    # The digest is the header's third line, found there by "SHA-256" and its 64 digits.
    assert all(HEADER[lang].count("\n") == 2 and "SHA-256" in DIGEST_LINE[lang] for lang in ("vi", "en"))
    assert all(ownership._HEX_DIGEST.search(DIGEST_LINE[lang].format(digest="ab" * 32)) for lang in ("vi", "en"))


@pytest.mark.parametrize("through_open_file", [False, True])
def test_a_parquet_file_replaced_while_it_is_read_is_read_as_it_was_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, through_open_file: bool
) -> None:
    """The footer was checked (columns, rows: a row bomb is refused there) by name, then the data
    read by name again: a file replaced in between was read unchecked. ``through_open_file``: as a
    file over SNAPSHOT_BYTES is read (ninth sweep: measured and read through one open file, not
    held in memory)."""
    from pari_index.intake import sheet
    from pari_index.intake.tables import read_table_file

    if through_open_file:
        monkeypatch.setattr(sheet, "SNAPSHOT_BYTES", 0)

    path, replaced = tmp_path / "a.parquet", tmp_path / "new.parquet"
    pl.DataFrame({"commune_code": ["00001"], "criterion_id": ["1.1.1"], "value": ["có"]}).write_parquet(path)
    pl.DataFrame({"commune_code": ["99999"] * 3, "criterion_id": ["1.1.1"] * 3, "value": ["x"] * 3}).write_parquet(
        replaced
    )
    schema = pl.read_parquet_schema

    def checked_then_replaced(source: object) -> object:
        found = schema(source)  # type: ignore[arg-type]
        if replaced.exists():
            os.replace(replaced, path)
        return found

    monkeypatch.setattr(pl, "read_parquet_schema", checked_then_replaced)
    result = read_table_file(path)
    assert not replaced.exists() and result.problems == []
    assert result.sheets[0].frame["commune_code"].to_list() == ["00001"]


def test_a_criteria_set_or_evidence_folder_named_in_other_bytes_is_read_as_before(tmp_path: Path) -> None:
    """Their names go into no output: refusing them would only take away what worked."""
    criteria = tmp_path / os.fsdecode(b"b\xf4 ti\xeau ch\xed.yaml")
    shutil.copy(CRITERIA / "ha-noi-2025-commune.yaml", criteria)
    evidence = example_evidence(tmp_path / os.fsdecode(b"minh ch\xfang"))
    args = _score(tmp_path, "--criteria", str(criteria), "--evidence-dir", str(evidence))
    assert _run(*args, "--report", tmp_path / "r.html")[0] == 0
    assert _run("explain", "00001", "--results", tmp_path / "out.xlsx", "--criteria", criteria)[0] == 0
    assert _run("criteria", "export", criteria, "-o", tmp_path / "annex.xlsx")[0] == 0
