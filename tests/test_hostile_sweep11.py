"""What the cases of tests/hostile_sweep11.py answer, and the classes behind them: every file read
as a workbook, a Parquet or CSV table of results, or an annex is checked to be a file on the open
handle (a pipe waited for ever, a device read without end); every output's name ends as the kind
of file written, or, for a folder, ends in no file's ending but its own format's; a register with
no unit is named as such.

The cases run as real child processes with a time-out (a pipe made the run wait for ever)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from children import pari_child
from click.testing import CliRunner
from hostile_sweep8 import _score
from hostile_sweep11 import CASES, CRITERIA, EXPECTED, NOT_WRITTEN, RESOURCE_LIMITS, STRAY_AT

from pari_index.cli import main
from pari_index.errors import IntakeError, UsageError
from pari_index.intake.register import read_register
from pari_index.intake.sheet import pinned
from pari_index.outputs.path_identity import Target

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _child(args: list[str], folder: Path, limits: dict[int, int] | None = None) -> subprocess.CompletedProcess[str]:
    return pari_child(args, folder, limits, timeout=60)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    args = CASES[case](tmp_path)
    status, code, kept = EXPECTED[case]
    before = {name: (tmp_path / name).read_bytes() for name in kept}
    done = _child(args, tmp_path, RESOURCE_LIMITS.get(case))
    said = done.stdout + done.stderr
    assert done.returncode == status, said
    assert "Traceback" not in said
    assert code is None or (f"[{code}]" in said and "lỗi: " in said)
    assert all((tmp_path / name).read_bytes() == data for name, data in before.items())
    assert not any(os.path.lexists(tmp_path / name) for name in NOT_WRITTEN.get(case, ())), os.listdir(tmp_path)
    assert not any(".pari-" in name for name in os.listdir(tmp_path))


# ---------------------------------------------------------------------------------------------
# A pipe or a device where a file is read


@pytest.mark.parametrize(
    ("case", "english"),
    [
        (
            "results-pipe-report",
            "results.xlsx: results cannot be read from a pipe: pari score writes them as a workbook (.xlsx) or a "
            "folder [not-a-file]",
        ),
        ("results-dev-zero-previous", "last.parquet: this is a device or a socket, not a file [not-a-file]"),
        ("annex-dev-zero-import", "annex.xlsx: this is a device or a socket, not a file [not-a-file]"),
        ("results-folder-pipe-explain", "summary.parquet: not a regular file [not-a-file]"),
    ],
)
def test_a_pipe_or_a_device_is_named_in_english_too(tmp_path: Path, case: str, english: str) -> None:
    done = _child([*CASES[case](tmp_path), "--lang", "en"], tmp_path, RESOURCE_LIMITS.get(case))
    assert done.returncode == 1 and english in done.stderr, done.stderr
    assert "hint: give the file itself" in done.stderr


def test_the_vietnamese_words_of_a_device_and_a_pipe(tmp_path: Path) -> None:
    done = _child(CASES["annex-dev-zero-import"](tmp_path), tmp_path, RESOURCE_LIMITS["annex-dev-zero-import"])
    assert "annex.xlsx: đây là thiết bị hoặc socket, không phải tệp [not-a-file]" in done.stderr
    assert "gợi ý: chỉ ra chính tệp" in done.stderr
    pipe = tmp_path / "pipe"
    pipe.mkdir()
    done = _child(CASES["results-pipe-report"](pipe), pipe)
    assert (
        "results.xlsx: không đọc được kết quả từ một pipe: kết quả chấm điểm là một sổ tính (.xlsx) hoặc một thư mục "
        "[not-a-file]"
    ) in done.stderr


def test_open_regular_refuses_a_pipe_and_a_device_and_reads_a_file(tmp_path: Path) -> None:
    from pari_index.intake.sheet import open_regular

    os.mkfifo(tmp_path / "pipe.xlsx")
    with pytest.raises(IntakeError) as raised:
        open_regular(tmp_path / "pipe.xlsx", "shown.xlsx")
    problem = raised.value.problems[0]
    assert (problem.code, problem.file, problem.params["not_file"]) == ("not-a-file", "shown.xlsx", "pipe_workbook")
    with pytest.raises(IntakeError) as raised:
        open_regular(Path("/dev/null"))
    assert raised.value.problems[0].params["not_file"] == "device"
    assert open_regular(tmp_path) is None  # a folder: the reader says what it is
    assert open_regular(tmp_path / "missing.xlsx") is None
    (tmp_path / "a.xlsx").write_bytes(b"PK\x03\x04 bytes")
    handle = open_regular(tmp_path / "a.xlsx")
    assert handle is not None
    with handle:
        assert handle.read() == b"PK\x03\x04 bytes"


def test_pinned_refuses_a_pipe_instead_of_waiting(tmp_path: Path) -> None:
    """pinned() gives every workbook reader (intake, results, annex) its bytes: a pipe is refused
    there, once for all of them. A writer comes by after a while (never waiting itself), so that a
    reader that waits fails this test instead of hanging it (a signal would wake another thread)."""
    import threading
    import time

    pipe = tmp_path / "p.xlsx"
    os.mkfifo(pipe)
    stop = threading.Event()

    def writer() -> None:
        deadline = time.monotonic() + 30
        while not stop.is_set() and time.monotonic() < deadline:
            time.sleep(2)
            try:
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))  # ENXIO while nobody reads
            except OSError:
                continue

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        with pytest.raises(IntakeError), pinned(pipe):
            pass
    finally:
        stop.set()
        thread.join()


def test_an_honest_results_folder_and_workbook_still_read(tmp_path: Path) -> None:
    """The tables opened through the check read as before: report of a Parquet folder and of a
    workbook."""
    for fmt, out in (("parquet", "res"), ("xlsx", "res.xlsx")):
        assert _child(_score(tmp_path, "--format", fmt, out=out), tmp_path).returncode == 0
        done = _child(["report", str(tmp_path / out), "-o", str(tmp_path / f"{fmt}.html")], tmp_path)
        assert done.returncode == 0, done.stderr
        assert (tmp_path / f"{fmt}.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# ---------------------------------------------------------------------------------------------
# Output names whose ending says another kind of file


def _builders(folder: Path) -> dict[str, list[str]]:
    criteria = str(ROOT / "criteria" / "ha-noi-2025-commune.yaml")
    return {
        "template": ["template", "-o", str(folder / "form.NAME")],
        "report": ["report", str(folder / "res.xlsx"), "-o", str(folder / "page.NAME")],
        "score --report": _score(folder, "--report", str(folder / "page.NAME")),
        "score --format xlsx": _score(folder, "--format", "xlsx", out="res.NAME"),
        "criteria export": ["criteria", "export", criteria, "-o", str(folder / "annex.NAME")],
        "criteria import": ["criteria", "import", str(folder / "annex.xlsx"), "-o", str(folder / "draft.NAME")],
        "diff": ["diff", criteria, criteria, "-o", str(folder / "changes.NAME")],
    }


ALLOWED = {
    "template": ".xlsx",
    "report": ".html / .htm",
    "score --report": ".html / .htm",
    "score --format xlsx": ".xlsx",
    "criteria export": ".xlsx",
    "criteria import": ".yaml / .yml",
    "diff": ".csv / .xlsx",
}


@pytest.mark.parametrize("command", sorted(ALLOWED))
@pytest.mark.parametrize("suffix", ["txt", "pdf", "json"])
def test_every_command_that_writes_refuses_a_name_of_another_kind(tmp_path: Path, command: str, suffix: str) -> None:
    args = [a.replace(".NAME", f".{suffix}") for a in _builders(tmp_path)[command]]
    result = runner.invoke(main, [*args, "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert f"must end in {ALLOWED[command].replace(' / ', ' or ')} [output-suffix]" in result.output
    assert "hint: change the file name's ending" in result.output
    assert not any(p.suffix == f".{suffix}" for p in tmp_path.iterdir())


@pytest.mark.parametrize(
    ("command", "name"),
    [("template", "form.XLSX"), ("report", "page.htm"), ("score --report", "page.HTML"), ("criteria import", "d.yml")],
)
def test_the_right_ending_in_any_case_passes_the_check(command: str, name: str) -> None:
    from pari_index.outputs.path_names import check_suffixes

    allowed = tuple(ALLOWED[command].split(" / "))
    check_suffixes([Target(Path(name), suffixes=allowed)])


def test_the_suffix_refusal_in_vietnamese() -> None:
    result = runner.invoke(main, ["template", "-o", "form.txt"])
    assert result.exit_code == 2
    assert "lỗi: -o form.txt: tên tệp phải kết thúc bằng .xlsx [output-suffix]" in result.output
    assert "gợi ý: đổi đuôi tên tệp" in result.output


@pytest.mark.parametrize(
    ("name", "kind", "refused"),
    [
        ("results.xlsx", ".csv", True),
        ("results.csv", ".parquet", True),
        ("results.html", ".parquet", True),
        ("demo.xlsx", ".xlsx", True),  # a folder of workbooks named as one
        ("results.parquet", ".parquet", False),  # the folder of tables' own format
        ("results.csv", ".csv", False),
        ("results", ".csv", False),
        ("data.2026", ".csv", False),  # a dot that is no file's ending
    ],
)
def test_a_folder_is_not_named_as_a_file(name: str, kind: str, refused: bool) -> None:
    from pari_index.outputs.path_names import check_suffixes

    target = Target(Path(name), folder=True, suffixes=(kind,))
    if not refused:
        check_suffixes([target])
        return
    with pytest.raises(UsageError) as raised:
        check_suffixes([target])
    problem = raised.value.problems[0]
    assert problem.code == "output-folder-suffix"
    assert problem.params["suffix"] == "." + name.rsplit(".", 1)[1]


def test_the_folder_refusal_in_both_languages(tmp_path: Path) -> None:
    args = CASES["output-csv-folder-named-xlsx"](tmp_path)
    vi = runner.invoke(main, args)
    assert vi.exit_code == 2
    assert (
        "đây là một thư mục (các tệp .csv), nhưng tên kết thúc bằng .xlsx như tên một tệp [output-folder-suffix]"
        in vi.output
    )
    assert "gợi ý: bỏ đuôi tệp khỏi tên thư mục" in vi.output
    en = runner.invoke(main, [*args, "--lang", "en"])
    assert "this is a folder (of .csv files), but its name ends in .xlsx as a file's does" in en.output
    assert "hint: drop the file's ending from the folder's name" in en.output


def test_the_library_refuses_a_report_of_another_kind(tmp_path: Path) -> None:
    from pari_index import api

    examples = ROOT / "examples"
    criteria = api.load_criteria(ROOT / "criteria" / "ha-noi-2025-commune.yaml")
    result = api.score(
        [examples / "assessments_long.csv"],
        criteria,
        communes=examples / "communes.csv",
        survey=[examples / "survey.csv"],
    )
    with pytest.raises(UsageError) as raised:
        api.write_report(tmp_path / "ranking.xlsx", result)
    assert raised.value.problems[0].code == "output-suffix"
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------------------------
# A register with no unit


def test_a_register_of_a_header_alone_is_named(tmp_path: Path) -> None:
    path = tmp_path / "communes.csv"
    path.write_text("code,name,type\n", encoding="utf-8")
    with pytest.raises(IntakeError) as raised:
        read_register(path)
    [problem] = raised.value.problems
    assert (problem.code, problem.file, problem.params["empty"]) == ("empty-file", str(path), "table_rows")
    assert "communes.csv: danh sách đơn vị không có hàng dữ liệu nào [empty-file]" in problem.render("vi")


def test_a_register_whose_rows_are_all_left_out_gives_their_rows(tmp_path: Path) -> None:
    path = tmp_path / "communes.csv"
    path.write_text("code,name,type\n,Xã A,xã\n,Xã B,xã\n", encoding="utf-8")
    with pytest.raises(IntakeError) as raised:
        read_register(path)
    assert [(p.code, p.row) for p in raised.value.problems] == [("missing-code", 2), ("missing-code", 3)]


def test_a_register_of_one_unit_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "communes.csv"
    path.write_text("code,name,type\n00001,Xã A,xã\n", encoding="utf-8")
    register = read_register(path)
    assert register.frame["code"].to_list() == ["00001"] and register.problems == []


def test_the_run_of_an_empty_register_names_the_register_alone(tmp_path: Path) -> None:
    done = _child([*CASES["register-header-only"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1
    assert "communes.csv: the register has no rows [empty-file]" in done.stderr
    assert "unknown-commune" not in done.stderr and "file-unread" not in done.stderr


def test_a_register_of_rows_without_codes_stops_at_the_register(tmp_path: Path) -> None:
    """Every unit left out: the register's rows are the findings, none about the assessments."""
    done = _child([*CASES["register-every-code-empty"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 1
    assert done.stderr.count("[missing-code]") == 60
    assert "unknown-commune" not in done.stderr and "file-unread" not in done.stderr


# ---------------------------------------------------------------------------------------------
# A criteria set's bytes


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_a_set_in_utf16_reads_as_the_same_set(tmp_path: Path, encoding: str) -> None:
    from pari_index.criteria.loading import load_criteria

    path = tmp_path / "set.yaml"
    path.write_bytes(CRITERIA.read_text(encoding="utf-8").encode(encoding))
    assert load_criteria(path).criteria == load_criteria(CRITERIA).criteria


def test_a_stray_byte_is_placed_by_line_and_column(tmp_path: Path) -> None:
    raw = CRITERIA.read_bytes()
    line = raw.count(b"\n", 0, STRAY_AT) + 1
    column = STRAY_AT - raw.rfind(b"\n", 0, STRAY_AT)
    args = CASES["criteria-stray-bytes-mid-file"](tmp_path)
    vi = runner.invoke(main, args)
    assert vi.exit_code == 1
    # Said as a UTF-8 file with stray bytes (session 39: legacy_encoding.likely_encoding).
    stray_vi = "tệp là UTF-8 trừ một vài byte lạ ở chỗ này (dán từ một tệp khác?)"
    assert f"set.yaml:{line}:{column}: không phải văn bản UTF-8 (byte {STRAY_AT}); {stray_vi} [not-utf8]" in vi.output
    en = runner.invoke(main, [*args, "--lang", "en"])
    stray_en = "the file is UTF-8 but for a few stray bytes here (pasted from another file?)"
    assert f"set.yaml:{line}:{column}: not UTF-8 text (byte {STRAY_AT}); {stray_en} [not-utf8]" in en.output


def test_a_character_the_yaml_reader_refuses_is_placed_on_its_line(tmp_path: Path) -> None:
    args = CASES["criteria-nul-character"](tmp_path)
    en = runner.invoke(main, [*args, "--lang", "en"])
    assert en.exit_code == 1
    assert (
        "set.yaml:2:9: not valid YAML: unacceptable character #x0000: control characters are not allowed [yaml-syntax]"
    ) in en.output, en.output
    vi = runner.invoke(main, args)
    assert "set.yaml:2:9: YAML không hợp lệ: " in vi.output


# ---------------------------------------------------------------------------------------------
# A warning of reading the lineage


def test_a_lineage_read_with_a_warning_is_scored_and_the_warning_is_a_finding(tmp_path: Path) -> None:
    import polars as pl

    from pari_index.outputs.results import read_results

    done = _child(CASES["lineage-utf16-without-bom"](tmp_path), tmp_path)
    assert done.returncode == 0, done.stderr
    findings = read_results(tmp_path / "out.xlsx")["findings"].filter(pl.col("kind") == "encoding-fallback")
    assert findings.select("severity", "file").rows() == [("warning", str(tmp_path / "lineage.csv"))]
    assert findings["message"].to_list() == [
        "tệp không phải UTF-8: đã đọc theo UTF-16 (little-endian), vì cứ hai byte lại có một byte 0"
    ]


def test_a_lineage_s_errors_still_stop_the_run(tmp_path: Path) -> None:
    from pari_index.ranking.lineage import read_lineage

    path = tmp_path / "lineage.csv"
    path.write_bytes("old_code,new_code\n00001,\n".encode("utf-16-le"))
    told: list[object] = []
    with pytest.raises(IntakeError) as raised:
        read_lineage(path, told)  # type: ignore[arg-type]
    assert [p.code for p in raised.value.problems] == ["encoding-fallback", "lineage-code-missing"]


@pytest.mark.parametrize(
    ("encoding", "vi"),
    [
        ("utf-16-le", "đã đọc theo UTF-16 (little-endian), vì cứ hai byte lại có một byte 0"),
        ("utf-16-be", "đã đọc theo UTF-16 (big-endian), vì cứ hai byte lại có một byte 0"),
        ("cp1258", "đã đọc theo bảng mã Windows-1258 (tiếng Việt), vì 2 byte không phải UTF-8"),
    ],
)
def test_every_fallback_reading_has_its_vietnamese_words(tmp_path: Path, encoding: str, vi: str) -> None:
    from pari_index.intake.tables import read_table_file

    path = tmp_path / "t.csv"
    text = "code,name\n00001,Xa A\n" if encoding != "cp1258" else "code,name\n00001,X\xe2 \xf4n\n"
    path.write_bytes(text.encode(encoding))
    [problem] = read_table_file(path).problems
    assert problem.code == "encoding-fallback" and vi in problem.render("vi")
