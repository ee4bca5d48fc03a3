"""What the cases of tests/hostile_faults31.py answer: an option left without its path told as
``path-is-option`` even where click stops on the line first, and another program's cache folder
left untouched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hostile_faults31 import (
    CASES,
    EXPECTED,
    NOT_WRITTEN,
    OTHER_FILE,
    OTHER_TAG,
    cache_of_another_program,
    report_takes_the_output_option,
)
from sweeps import case_tests, language_tests, sweep_child

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)

OPTION_LEFT_OUT = {
    "en": "error: --report -o: «-o» is the name of an option, not of a file: the path for --report is missing",
    "vi": "lỗi: --report -o: «-o» là tên một tuỳ chọn, không phải tên tệp: thiếu đường dẫn cho --report",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_option_that_took_the_output_option_is_told_not_click_s_missing_option(tmp_path: Path, lang: str) -> None:
    done = sweep_child([*report_takes_the_output_option(tmp_path), "--lang", lang], tmp_path)
    assert done.returncode == 2 and OPTION_LEFT_OUT[lang] in done.stderr, done.stderr
    assert "Missing option" not in done.stderr and "Thiếu tuỳ chọn" not in done.stderr, done.stderr
    assert "Usage:" not in done.stderr and "Cách dùng:" not in done.stderr, done.stderr


def test_click_s_own_refusal_stays_when_no_option_took_another_s_name(tmp_path: Path) -> None:
    """The control: a line click refuses for another reason (a word too many) is told by click,
    in the command's language, as before."""
    done = sweep_child(["template", "-o", "mau.xlsx", "thua", "--lang", "en"], tmp_path)
    assert done.returncode == 2 and "unexpected extra argument (thua)" in done.stderr, done.stderr
    assert "[path-is-option]" not in done.stderr and not (tmp_path / "mau.xlsx").exists()


CACHE_NOTE = {
    "en": "Cache: ignored khac (its CACHEDIR.TAG is another program's: that program's cache, not pari-index's; "
    "nothing in it was touched; give a new or empty folder)",
    "vi": "Bộ nhớ đệm: bỏ qua khac (tệp đánh dấu bộ nhớ đệm trong thư mục là của một chương trình khác: bộ nhớ đệm của "
    "chương trình đó, không phải của pari-index; không tệp nào trong đó bị động đến; hãy chỉ ra một thư mục mới "
    "hoặc trống)",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_another_program_s_cache_is_told_and_left_as_it_was(tmp_path: Path, lang: str) -> None:
    done = sweep_child([*cache_of_another_program(tmp_path), "--lang", lang], tmp_path)
    assert done.returncode == 0, done.stderr
    said = " ".join((done.stdout + done.stderr).split())
    assert CACHE_NOTE[lang] in said, said
    assert sorted(os.listdir(tmp_path / "khac")) == sorted(Path(p).name for p in (OTHER_TAG, OTHER_FILE))
    assert (tmp_path / "ket-qua.xlsx").exists()


def test_a_cache_of_pari_is_still_claimed_and_reused(tmp_path: Path) -> None:
    """The control: a new folder gets pari's tag, and the next run reuses its entries."""
    args = cache_of_another_program(tmp_path)
    args[args.index("--cache") + 1] = ".pari-cache"
    first = sweep_child([*args, "--lang", "en"], tmp_path)
    assert first.returncode == 0 and b"pari-index" in (tmp_path / ".pari-cache" / "CACHEDIR.TAG").read_bytes()
    again = sweep_child([*args, "--lang", "en"], tmp_path)
    assert again.returncode == 0 and "60 units reused from an earlier run" in again.stdout + again.stderr, again


def test_the_library_refuses_another_program_s_tag(tmp_path: Path) -> None:
    """cache_folder.claim: a tag with the signature and another owner is not pari's."""
    from pari_index.intake.cache_folder import TAG, NotACacheFolder, claim

    (tmp_path / TAG).write_bytes(b"Signature: 8a477f597d28d172789f06886806bc55\n")
    with pytest.raises(NotACacheFolder) as info:
        claim(tmp_path)
    assert info.value.other_tag and sorted(os.listdir(tmp_path)) == [TAG]


@pytest.mark.parametrize("name", ["results-in-dev", "form-in-dev", "cache-in-dev"])
def test_nothing_is_left_in_dev(tmp_path: Path, name: str) -> None:
    """The case's name in /dev is absolute, out of NOT_WRITTEN's reach: looked at here (and
    removed, should a run have written it)."""
    args = CASES[name](tmp_path)
    written = Path(args[-1])
    try:
        done = sweep_child([*args, "--lang", "en"], tmp_path)
        assert done.returncode == 4 and "[output-system-folder]" in done.stderr, done.stderr
        # devtmpfs on a computer, tmpfs in a container's /dev
        assert "is in /dev, a folder of the operating system's own (" in done.stderr, done.stderr
        assert not os.path.lexists(written)
    finally:
        if written.is_dir():
            shutil.rmtree(written)
        elif os.path.lexists(written):
            written.unlink()


@pytest.mark.parametrize("name", ["/dev/null", "/dev/full"])
def test_a_device_in_dev_is_still_told_as_a_device(tmp_path: Path, name: str) -> None:
    done = sweep_child(["template", "-o", name, "--lang", "en"], tmp_path)
    assert done.returncode == 4 and "[output-special-file]" in done.stderr, done.stderr


def test_dev_shm_is_still_written(tmp_path: Path) -> None:
    """The control: /dev/shm is a tmpfs users may write to, mounted inside /dev."""
    if not os.path.isdir("/dev/shm"):
        pytest.skip("no /dev/shm on this system")
    form = Path(f"/dev/shm/pari-{tmp_path.name}.xlsx")
    try:
        done = sweep_child(["template", "-o", str(form), "--lang", "en"], tmp_path)
        assert done.returncode == 0 and form.is_file(), done.stderr
    finally:
        form.unlink(missing_ok=True)


def test_a_container_s_dev_of_tmpfs_is_the_system_s_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Docker mounts a tmpfs on /dev, not a devtmpfs: /dev is the system's by its place; another
    tmpfs (/dev/shm inside it, /tmp) is not."""
    from pari_index.outputs import system_places
    from pari_index.outputs.path_identity import Target

    mounts = [("/", "overlay"), ("/dev", "tmpfs"), ("/dev/shm", "tmpfs"), ("/tmp", "tmpfs")]
    monkeypatch.setattr(system_places, "_mounts", lambda: mounts)
    refused = system_places.system_folder(Target(Path("/dev/pari-ket-qua.xlsx"), "-o"))
    assert refused is not None and refused.params["kind"] == "tmpfs" and refused.params["folder"] == "/dev"
    assert system_places.system_folder(Target(Path("/dev/shm/pari-ket-qua.xlsx"), "-o")) is None
    assert system_places.system_folder(Target(Path("/tmp/pari-ket-qua.xlsx"), "-o")) is None


def test_an_output_open_in_office_is_told_with_its_lock_file(tmp_path: Path) -> None:
    from hostile_faults31 import results_open_in_excel

    done = sweep_child([*results_open_in_excel(tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 4, done.stderr
    assert (
        "-o would replace ket-qua.xlsx, which is open in Excel or LibreOffice (its lock file ~$ket-qua.xlsx is "
        "beside it)" in done.stderr
    ), done.stderr
    assert "hint: close the file there, then run again; if it is closed, a crash left the lock file: delete that " in (
        done.stderr
    )


def test_the_output_is_replaced_once_the_file_is_closed(tmp_path: Path) -> None:
    """The control: the lock file gone (the workbook closed), the same run replaces the results."""
    from hostile_faults31 import results_open_in_excel

    args = results_open_in_excel(tmp_path)
    (tmp_path / "~$ket-qua.xlsx").unlink()
    assert sweep_child([*args, "--lang", "en"], tmp_path).returncode == 0


@pytest.mark.parametrize(
    ("name", "lock"),
    [
        ("ket-qua.xlsx", "~$ket-qua.xlsx"),
        ("ket-qua.xlsx", "~$t-qua.xlsx"),
        ("assessments.xlsx", "~$sessments.xlsx"),
        ("ket-qua.xlsx", ".~lock.ket-qua.xlsx#"),
        ("kq.xlsx", "~$kq.xlsx"),
    ],
)
def test_office_s_lock_names_are_known(tmp_path: Path, name: str, lock: str) -> None:
    from pari_index.outputs.path_identity import Target
    from pari_index.outputs.replacing import open_in_office

    (tmp_path / name).write_bytes(b"PK")
    assert open_in_office(Target(tmp_path / name, "-o")) is None
    (tmp_path / lock).write_bytes(b"thu")
    found = open_in_office(Target(tmp_path / name, "-o"))
    assert found is not None and found.params["lock"] == lock


def test_a_case_twin_is_told_with_the_name_beside_it(tmp_path: Path) -> None:
    from hostile_faults31 import form_case_twin_of_a_workbook

    done = sweep_child([*form_case_twin_of_a_workbook(tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 4, done.stderr
    assert "-o Ngan-Sach.xlsx: ngan-sach.xlsx is beside it, a name Windows and macOS take for the same" in done.stderr


def test_the_name_as_written_and_a_name_of_its_own_are_written(tmp_path: Path) -> None:
    """The controls: the earlier form's name as it is written replaces it; another name is written."""
    first = sweep_child(["template", "-o", "mau.xlsx", "--lang", "en"], tmp_path)
    again = sweep_child(["template", "-o", "mau.xlsx", "--lang", "en"], tmp_path)
    other = sweep_child(["template", "-o", "mau-2.xlsx", "--lang", "en"], tmp_path)
    assert [first.returncode, again.returncode, other.returncode] == [0, 0, 0], again.stderr + other.stderr
    assert sorted(os.listdir(tmp_path)) == ["mau-2.xlsx", "mau.xlsx"]
