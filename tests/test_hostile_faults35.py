"""What the cases of tests/hostile_faults35.py answer: every Office file a command reads is warned
of when it is open in Excel or LibreOffice, a pipe nobody writes to is told as such (not as an
empty file), each kind of non-folder given as the evidence folder is named, and warnings about an
input as a whole are printed before the findings of rows; and the shared functions, tested
directly."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import polars as pl
import pytest
from hostile_faults35 import CASES, EXPECTED, NOT_WRITTEN, make_socket
from sweeps import case_tests, language_tests, sweep_child

from pari_index.errors import IntakeError
from pari_index.outputs.path_identity import Source

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
#: The criteria authors' command prints a set's rule kinds by their ids, as its vocabulary allows.
_IMPORT = {name: case for name, case in CASES.items() if name.startswith("import-")}
words, test_each_case_says_it_in_its_own_language = language_tests(
    {name: case for name, case in CASES.items() if name not in _IMPORT}, EXPECTED
)
_, test_the_import_case_says_it_in_its_own_language = language_tests(_IMPORT, EXPECTED, "criteria import")

OPEN = {
    "en": "warning: {file}: this file is open in Excel or LibreOffice (its lock file {lock} is beside it): what was "
    "read is the file as last saved, without changes not yet saved there [input-open-in-office]",
    "vi": "cảnh báo: {file}: tệp này đang mở trong Excel hoặc LibreOffice (có tệp khoá {lock} bên cạnh): nội dung "
    "được đọc là bản đã lưu gần nhất, không gồm những thay đổi chưa lưu ở đó [input-open-in-office]",
}

#: The case, the file warned of and its lock.
WARNED = [
    ("import-annex-open-in-excel", "phu-luc.xlsx", "~$phu-luc.xlsx"),
    ("report-results-open-in-excel", "ket-qua.xlsx", "~$ket-qua.xlsx"),
    ("explain-results-open-in-excel", "ket-qua.xlsx", "~$ket-qua.xlsx"),
    ("report-folder-open-in-libreoffice", "kq/summary.csv", ".~lock.summary.csv#"),
    ("previous-open-in-excel", "nam-truoc.xlsx", "~$nam-truoc.xlsx"),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("case", "file", "lock"), WARNED)
def test_an_office_file_any_command_reads_is_warned_of_when_open(
    tmp_path: Path, case: str, file: str, lock: str, lang: str
) -> None:
    done = sweep_child([*CASES[case](tmp_path), "--lang", lang], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == EXPECTED[case][0], said
    assert said.count(OPEN[lang].format(file=file, lock=lock)) == 1, said


def test_the_report_of_results_open_in_excel_carries_the_warning_in_its_page(tmp_path: Path) -> None:
    done = sweep_child([*CASES["report-results-open-in-excel"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    page = (tmp_path / "bao-cao.html").read_text(encoding="utf-8")
    assert "input-open-in-office" in page and "~$ket-qua.xlsx" in page


IDLE = {
    "en": "error: {file}: this is a pipe (FIFO), not a file, and no program writes into it: there was nothing to "
    "read [pipe-no-writer]",
    "vi": "lỗi: {file}: đây là một pipe (FIFO), không phải tệp, và không có chương trình nào ghi vào nó: không có gì "
    "để đọc [pipe-no-writer]",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    ("case", "file"),
    [("survey-an-idle-pipe", "dieu-tra.csv"), ("validate-an-idle-pipe", "bo-tieu-chi.yaml")],
)
def test_a_pipe_nobody_writes_to_is_told_as_such_not_as_an_empty_file(
    tmp_path: Path, case: str, file: str, lang: str
) -> None:
    done = sweep_child([*CASES[case](tmp_path), "--lang", lang], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert IDLE[lang].format(file=file) in said, said
    assert "[empty-file]" not in said, said


def _write_into(pipe: Path, data: bytes) -> threading.Thread:
    """A writer that opens ``pipe`` (waiting for its reader), writes ``data`` and closes it."""

    def write() -> None:
        with open(pipe, "wb") as stream:
            stream.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return writer


def test_the_table_reader_tells_a_pipe_with_no_writer_and_reads_one_that_is_written(tmp_path: Path) -> None:
    from pari_index.intake.tables import read_table_file

    pipe = tmp_path / "t.csv"
    os.mkfifo(pipe)
    with pytest.raises(IntakeError) as caught:
        read_table_file(pipe)
    assert [(p.code, p.file) for p in caught.value.problems] == [("pipe-no-writer", str(pipe))]
    writer = _write_into(pipe, b"a,b\n1,2\n")
    fd = os.open(pipe, os.O_RDONLY)  # as a reader: the writer is now past its open, its bytes kept
    writer.join(timeout=30)
    try:
        result = read_table_file(pipe)
    finally:
        os.close(fd)
    assert result.problems == []
    assert {"a", "b"} <= set(result.sheets[0].frame.columns)


def test_nobody_wrote_tells_a_writer_that_came_and_wrote_nothing_from_none(tmp_path: Path) -> None:
    """Both read as nothing; only the pipe no writer opened since the reader did is "nobody wrote"
    (a writer that wrote nothing is still an empty file)."""
    from pari_index.system.pipes import nobody_wrote

    pipe = tmp_path / "p"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert os.read(reader, 10) == b""
        assert nobody_wrote(reader)
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))  # a writer that writes nothing
        assert os.read(reader, 10) == b""
        assert not nobody_wrote(reader)
    finally:
        os.close(reader)
    assert not nobody_wrote(reader)  # a closed descriptor: cannot tell, so not said


def test_the_criteria_reader_tells_a_pipe_with_no_writer_and_reads_one_that_is_written(tmp_path: Path) -> None:
    from pari_index.criteria.file_text import read_text_file
    from pari_index.errors import CriteriaError

    pipe = tmp_path / "set.yaml"
    os.mkfifo(pipe)
    with pytest.raises(CriteriaError) as caught:
        read_text_file(pipe)
    assert [p.code for p in caught.value.problems] == ["pipe-no-writer"]
    writer = _write_into(pipe, b"id: x\n")
    fd = os.open(pipe, os.O_RDONLY)
    writer.join(timeout=30)
    try:
        assert read_text_file(pipe) == "id: x\n"
    finally:
        os.close(fd)


def test_a_pipe_given_by_process_substitution_is_read_as_before(tmp_path: Path) -> None:
    """``pari validate <(cat set.yaml)``: the writer is there before pari reads."""
    from hostile_faults35 import ROOT, SET

    done = subprocess.run(
        ["bash", "-c", f'"$0" -m pari_index.cli validate <(cat {SET}) --lang en', sys.executable],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert ": ok — ha-noi-2025-commune" in done.stdout


@pytest.mark.parametrize(
    ("make", "kind", "en"),
    [
        (lambda p: p.write_bytes(b"x"), "file", "the evidence folder given is a file, not a folder"),
        (make_socket, "socket", "the evidence folder given is a socket (a program's connection point), not a folder"),
        (os.mkfifo, "pipe", "the evidence folder given is a pipe (FIFO), not a folder"),
        (lambda p: p.symlink_to("/dev/null"), "device", "the evidence folder given is a device, not a folder"),
    ],
)
def test_each_kind_of_non_folder_given_as_the_evidence_folder_is_named(
    tmp_path: Path, make: object, kind: str, en: str
) -> None:
    from pari_index.intake.evidence_files import evidence_dir_problem

    path = tmp_path / "minh-chung"
    make(path)  # type: ignore[operator]
    problem = evidence_dir_problem(path)
    assert problem is not None
    assert (problem.code, problem.params) == (
        "evidence-dir-not-a-folder",
        {"not_folder": kind, "not_folder_hint": "file" if kind == "file" else "other"},
    )
    told, hint = problem.render("en").split("\n    hint: ")
    assert told == f"{path}: {en} [evidence-dir-not-a-folder]"
    assert (".zip" in hint) == (kind == "file")
    assert hint.startswith("give the folder that holds the evidence files")


def test_open_inputs_looks_at_each_file_a_command_reads(tmp_path: Path) -> None:
    """A file's source by itself; a folder's by the tables it reads; nothing of a file not there."""
    from pari_index.outputs.paths import open_inputs

    (tmp_path / "kq").mkdir()
    for name in ("kq/summary.csv", "kq/rows.csv", "phu-luc.xlsx", "nam-truoc.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    for lock in ("kq/.~lock.rows.csv#", "~$phu-luc.xlsx", "~$gone.xlsx"):
        (tmp_path / lock).write_bytes(b"")
    found = open_inputs(
        [
            Source(tmp_path / "kq", "RESULTS", reads=("summary.csv", "rows.csv")),
            Source(tmp_path / "phu-luc.xlsx", "ANNEX"),
            Source(tmp_path / "nam-truoc.xlsx", "--previous"),
            Source(tmp_path / "gone.xlsx", "--previous"),
        ]
    )
    assert [(p.file, p.params) for p in found] == [
        (str(tmp_path / "kq" / "rows.csv"), {"lock": ".~lock.rows.csv#"}),
        (str(tmp_path / "phu-luc.xlsx"), {"lock": "~$phu-luc.xlsx"}),
    ]


def test_warnings_about_a_whole_input_are_printed_before_any_row(tmp_path: Path) -> None:
    """The survey open in LibreOffice, under --strict: its warning before the first row's finding
    (it was the 290th, hidden in "… and 289 more")."""
    from hostile_faults35 import _inputs

    args = _inputs(tmp_path)
    (tmp_path / ".~lock.survey.csv#").write_bytes(b"")
    done = sweep_child(["score", *args, "-o", "ket-qua.xlsx", "--strict", "--lang", "en"], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 3, said
    lines = [line for line in said.splitlines() if line.startswith(("warning:", "error:"))]
    assert lines[0].startswith("warning: survey.csv: this file is open in Excel or LibreOffice"), said


def test_causes_first_puts_every_file_level_finding_before_the_rows() -> None:
    from pari_index.pipeline import causes_first

    findings = pl.DataFrame(
        {
            "file": ["a.csv", "a.csv", "b.csv", "reg.csv", None, "b.csv", "reg.csv"],
            "sheet": [None] * 7,
            "row": [2, None, 5, 3, None, None, None],
        },
        schema={"file": pl.String, "sheet": pl.String, "row": pl.Int64},
    )
    ordered = causes_first(findings, "reg.csv")
    assert list(zip(ordered["file"], ordered["row"], strict=True)) == [
        ("reg.csv", None),
        ("reg.csv", 3),
        ("a.csv", None),
        ("b.csv", None),
        ("a.csv", 2),
        ("b.csv", 5),
        (None, None),
    ]


LONG = {
    "en": "warning: {file}: {option}: {inside}a full path of {length} characters: Excel and Explorer on Windows open "
    "at most 259 (without long-path support), so the file cannot be opened there [output-path-too-long-for-windows]",
    "vi": "cảnh báo: {file}: {option}: {inside}đường dẫn đầy đủ dài {length} ký tự: Excel và Explorer trên "
    "Windows chỉ mở được đường dẫn dài tối đa 259 ký tự (khi chưa bật hỗ trợ đường dẫn dài), nên không mở được tệp "
    "ở đó [output-path-too-long-for-windows]",
}
INSIDE = {"en": "the files pari writes in it reach ", "vi": "các tệp pari ghi vào đó có "}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    ("case", "outputs"),
    [
        ("score-output-too-long-for-windows", [("-o", "ket-qua.xlsx"), ("--report", "bao-cao.html")]),
        ("template-too-long-for-windows", [("-o", "mau.xlsx")]),
        ("export-too-long-for-windows", [("-o", "phu-luc.xlsx")]),
        ("demo-data-folder-too-long-for-windows", [("-o", "demo")]),
    ],
)
def test_every_output_too_long_for_windows_is_warned_of_and_still_written(
    tmp_path: Path, case: str, outputs: list[tuple[str, str]], lang: str
) -> None:
    from hostile_faults35 import DEEP

    done = sweep_child([*CASES[case](tmp_path), "--lang", lang], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    for option, name in outputs:
        path = tmp_path / DEEP / name
        folder = "." not in name
        # A demo-data set of CSV in the long form: its longest name (session 36: from the writer's list).
        length = len(str(path)) + (len("/assessments_long.csv") if folder else 0)
        file = f"{DEEP}/{name}"
        if len(file) > 160:  # every path told is cut in its middle (errors.shorten_path)
            from pari_index.errors import shorten_path

            file = shorten_path(file)
        inside = INSIDE[lang] if folder else ""
        assert LONG[lang].format(file=file, option=option, inside=inside, length=length) in said, said
        assert path.exists()


def test_a_path_windows_opens_gets_no_warning(tmp_path: Path) -> None:
    from pari_index.outputs.path_lengths import long_for_windows, windows_length

    assert long_for_windows("-o", tmp_path / "ket-qua.xlsx") is None
    assert windows_length(Path("/a/b.xlsx")) == 9
    assert windows_length(Path("/a/kq"), ["summary.csv", "findings.csv"]) == 5 + 1 + 12
    assert windows_length(Path("/Kết quả.xlsx")) == 13  # composed: one character a letter
    decomposed = Path("/Ke\u0302\u0301t.xlsx")  # as a Mac's zip names it: Windows keeps and counts its three
    assert windows_length(decomposed) == len("/Kết.xlsx") + 2
    assert windows_length(Path("/\U0001f4c1.xlsx")) == 8  # beyond the first plane: two UTF-16 units


@pytest.mark.parametrize("length", [258, 259, 260, 300])
def test_the_limit_is_259_characters_of_the_absolute_path(length: int) -> None:
    from pari_index.outputs.path_lengths import long_for_windows

    folders = "/".join(["b" * 99] * 2)  # 199 characters, no name over 255
    path = Path(f"/{folders}/" + "a" * (length - len(folders) - len("//.xlsx")) + ".xlsx")
    assert len(str(path)) == length
    told = long_for_windows("-o", path)
    assert (told is not None) == (length > 259)
    if told is not None:
        assert told.params == {"option": "-o", "length": length, "limit": 259, "long_inside": "file"}


def test_a_path_the_path_rule_refuses_for_its_length_is_told_by_that_refusal_alone(tmp_path: Path) -> None:
    """A name over 255 bytes (output-name-too-long) or a path over 4,096 (output-path-too-long): no
    warning about Windows besides the refusal."""
    from pari_index.outputs.path_lengths import long_for_windows

    assert long_for_windows("-o", tmp_path / ("a" * 256 + ".xlsx")) is None
    assert long_for_windows("-o", Path("/" + "/".join(["b" * 200] * 21) + "/kq.xlsx")) is None
    assert long_for_windows("-o", Path("/" + "/".join(["b" * 200] * 2) + "/kq.xlsx")) is not None


@pytest.mark.parametrize("name", ["kq.2026", "ket-qua.v2", "KQ 2025.12", "kq"])
def test_a_folder_not_made_yet_is_counted_with_the_files_written_in_it_whatever_dots_its_name_holds(
    tmp_path: Path, name: str
) -> None:
    """Review of session 35: ``pari demo-data -o …/kq.2026`` (240 characters; assessments_long.csv
    written in it at 261) was not warned of, the dotted name counted as a file's. Since session 36
    whether it is a folder, and what is written in it, is the writer's to say (cli_params.names_inside)."""
    from pari_index.demo.layout import set_names
    from pari_index.outputs.path_lengths import long_for_windows

    folders = "/".join(["b" * 99] * 2)
    path = Path(f"/{folders}/" + "k" * (250 - len(folders) - 2 - len(name)) + name)
    assert len(str(path)) == 250
    told = long_for_windows("-o", path, set_names("csv"))
    assert told is not None
    assert told.params == {
        "option": "-o",
        "length": 250 + 1 + len("assessments_long.csv"),
        "limit": 259,
        "long_inside": "folder",
    }
