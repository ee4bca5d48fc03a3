"""What the cases of tests/hostile_faults34.py answer: a socket or a folder given where a reader
opens a file is told as what it is (not-a-regular-file, not-a-file, is-a-directory), never as a
failing disk or a refused permission; and the shared refusal (errors.unreadable_file) and the
criteria reader, tested directly."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from hostile_faults34 import CASES, EXPECTED, NOT_WRITTEN, make_socket
from sweeps import case_tests, language_tests, sweep_child

from pari_index.errors import CriteriaError, unreadable_file

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


SAID = {
    "en": "error: sock.yaml: this is a socket, not a file; a criteria set is read from a file [not-a-regular-file]",
    "vi": "lỗi: sock.yaml: đây là một socket, không phải tệp; bộ tiêu chí được đọc từ một tệp [not-a-regular-file]",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_socket_as_the_criteria_set_is_told_as_a_socket_not_a_failing_disk(tmp_path: Path, lang: str) -> None:
    done = sweep_child([*CASES["export-a-socket"](tmp_path), "--lang", lang], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert SAID[lang] in said, said
    assert "No such device" not in said and "không có thiết bị" not in said, said


def test_the_shared_refusal_tells_a_folder_and_a_socket_by_what_they_are(tmp_path: Path) -> None:
    """EISDIR is is-a-directory; ENXIO of a socket (the system opens none by name) is not-a-file;
    ENXIO of a name that is no socket (a device whose hardware is gone) keeps the failing disk's
    hint, and the other refusals keep theirs."""
    sock = make_socket(tmp_path / "s.xlsx")
    plain = tmp_path / "p.xlsx"
    plain.write_bytes(b"x")
    folder = unreadable_file(IsADirectoryError(errno.EISDIR, "Is a directory", str(tmp_path)), "a.xlsx")
    assert (folder.code, folder.hint, folder.file) == ("is-a-directory", "give the file itself", "a.xlsx")
    socket = unreadable_file(OSError(errno.ENXIO, "No such device or address", str(sock)), "s.xlsx")
    assert (socket.code, socket.params, socket.file) == ("not-a-file", {"not_file": "device"}, "s.xlsx")
    device = unreadable_file(OSError(errno.ENXIO, "No such device or address", str(plain)), "p.xlsx")
    assert (device.code, device.params["unreadable_hint"]) == ("file-unreadable", "failing")
    gone = unreadable_file(OSError(errno.ENXIO, "No such device or address", str(tmp_path / "gone")), "g.xlsx")
    assert (gone.code, gone.params["unreadable_hint"]) == ("file-unreadable", "failing")
    denied = unreadable_file(PermissionError(errno.EACCES, "Permission denied", str(sock)), "s.xlsx")
    assert (denied.code, denied.params["unreadable_hint"]) == ("file-unreadable", "denied")
    nameless = unreadable_file(OSError(errno.ENXIO, "No such device or address"), str(sock))
    assert nameless.code == "not-a-file"  # no filename on the error: the file given is looked at


@pytest.mark.parametrize("kind", ["socket", "link to a socket", "device"])
def test_the_criteria_reader_opens_nothing_but_a_file_or_a_pipe(
    tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is not a file is told from its status before any open (a device opened by name may
    act: a tape rewinds); the file kind is said (a socket, a device)."""
    from pari_index.criteria import file_text

    path = tmp_path / "set.yaml"
    if kind == "device":
        path.symlink_to("/dev/null")
    elif kind == "socket":
        make_socket(path)
    else:
        path.symlink_to(make_socket(tmp_path / "elsewhere.sock"))
    opened: list[object] = []
    real_open = os.open

    def recording_open(name: object, *args: object, **kwargs: object) -> int:
        opened.append(name)
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(file_text.os, "open", recording_open)
    with pytest.raises(CriteriaError) as caught:
        file_text.read_text_file(path)
    (problem,) = caught.value.problems
    expected_kind = "device" if kind == "device" else "socket"
    assert (problem.code, problem.params["file_kind"]) == ("not-a-regular-file", expected_kind)
    assert opened == []


OPEN = {
    "en": "warning: communes.csv: this file is open in Excel or LibreOffice (its lock file ~$communes.csv is beside "
    "it): what was read is the file as last saved, without changes not yet saved there [input-open-in-office]",
    "vi": "cảnh báo: communes.csv: tệp này đang mở trong Excel hoặc LibreOffice (có tệp khoá ~$communes.csv bên "
    "cạnh): nội dung được đọc là bản đã lưu gần nhất, không gồm những thay đổi chưa lưu ở đó [input-open-in-office]",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_register_open_in_excel_is_warned_of_and_the_results_still_written(tmp_path: Path, lang: str) -> None:
    done = sweep_child([*CASES["register-open-in-excel"](tmp_path), "--lang", lang], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 3, said
    assert OPEN[lang] in said, said
    assert (tmp_path / "ket-qua.xlsx").is_file()


@pytest.mark.parametrize(
    ("name", "lock", "warned"),
    [
        ("communes.xlsx", "~$communes.xlsx", True),
        ("communes.xlsx", ".~lock.communes.xlsx#", True),
        ("assessments.xlsx", "~$sessments.xlsx", True),  # 11 letters: Office drops the first two
        ("assessments.xlsx", "~$ssessments.xlsx", True),  # or the first one
        ("ab.csv", "~$b.csv", False),  # a short name is never shortened
        ("communes.xlsx", "~$other.xlsx", False),
        ("communes.xlsx", None, False),
    ],
)
def test_the_lock_names_an_office_program_keeps_beside_an_input(
    tmp_path: Path, name: str, lock: str | None, warned: bool
) -> None:
    from pari_index.intake.tables import open_in_office_input

    (tmp_path / name).write_bytes(b"x")
    if lock is not None:
        (tmp_path / lock).write_bytes(b"")
    found = open_in_office_input(tmp_path / name)
    if not warned:
        assert found is None
        return
    assert found is not None
    assert (found.code, found.severity, found.params) == ("input-open-in-office", "warning", {"lock": lock})


def test_a_pipe_or_an_unread_file_gets_no_lock_warning(tmp_path: Path) -> None:
    """A pipe has no lock (its name's lock is someone else's file), and a file that gave no table
    (empty) is told as such, alone."""
    from pari_index.intake.tables import open_in_office_input, read_table_file

    os.mkfifo(tmp_path / "communes.csv")
    (tmp_path / "~$communes.csv").write_bytes(b"")
    assert open_in_office_input(tmp_path / "communes.csv") is None
    (tmp_path / "survey.csv").write_bytes(b"")
    (tmp_path / "~$survey.csv").write_bytes(b"")
    assert [p.code for p in read_table_file(tmp_path / "survey.csv").problems] == ["empty-file"]
    (tmp_path / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "~$table.csv").write_bytes(b"")
    assert [p.code for p in read_table_file(tmp_path / "table.csv").problems] == ["input-open-in-office"]


def test_a_survey_open_in_libreoffice_is_counted_in_the_findings_line(tmp_path: Path) -> None:
    """Read last, its warning fell after the first 50 findings printed until session 35 (now
    printed before the rows' findings, tests/test_hostile_faults35.py); the line of findings by title
    names it, once (a run without -q nor --strict: otherwise the findings sheet holds it, as every
    warning beyond the first 50)."""
    args = [arg for arg in CASES["survey-open-in-libreoffice"](tmp_path) if arg not in ("-q", "--strict")]
    done = sweep_child([*args, "--lang", "en"], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert "An input file is open in Excel or LibreOffice 1 " in said, said


@pytest.mark.parametrize(
    ("name", "other", "lock"),
    [
        ("1-communes.csv", "communes.csv", "~$communes.csv"),  # Excel's lock of communes.csv
        ("v2communes.xlsx", "communes.xlsx", "~$communes.xlsx"),
        ("xassessments.xlsx", "assessments.xlsx", "~$assessments.xlsx"),
    ],
)
def test_the_whole_lock_name_of_another_file_is_not_this_files(
    tmp_path: Path, name: str, other: str, lock: str
) -> None:
    """Review of session 34: a shortened lock name that is the whole lock name of another file
    beside it is that file's (Excel writes the whole name): ``1-communes.csv`` was warned of as open
    because ``communes.csv`` was, and an output of such a name refused (output-open-in-office)."""
    from pari_index.intake.tables import open_in_office_input
    from pari_index.system.office_locks import open_lock

    for file in (name, other):
        (tmp_path / file).write_bytes(b"x")
    (tmp_path / lock).write_bytes(b"")
    assert open_in_office_input(tmp_path / name) is None
    assert open_lock(tmp_path / name) is None
    assert open_lock(tmp_path / other) == tmp_path / lock  # the other file is open
    (tmp_path / other).unlink()  # no such file: the shortened name is this file's lock
    assert open_lock(tmp_path / name) == tmp_path / lock
