"""What the cases of tests/hostile_faults30.py answer: no output and no cache inside the evidence
folder, a name ending in a space told as the name it is, a path through looping links told as
what it is, and a refusal of the system (an evidence folder the user may not open, a cache path the
system will not take) told with what to do about that reason."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from children import pari_child
from hostile_faults30 import (
    CASES,
    EVIDENCE,
    EXPECTED,
    NOT_WRITTEN,
    register_takes_the_survey_option,
    results_in_evidence_folder,
)
from sweeps import case_tests, language_tests, sweep_child

from pari_index.errors import OutputError

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)
#: Cases told with the system's own reason after its Vietnamese words, as every refusal of the
#: system is ("… dẫn vòng quá nhiều cấp (Too many levels of symbolic links)": what to search
#: for), which the check of a page's language takes for English words; their words are checked below.
SYSTEM_WORDS = ("report-through-looping-links", "explain-through-looping-links", "previous-through-looping-links")
words, test_each_case_says_it_in_its_own_language = language_tests(
    {name: case for name, case in CASES.items() if name not in SYSTEM_WORDS}, EXPECTED
)


@pytest.mark.parametrize("name", SYSTEM_WORDS)
def test_a_path_through_looping_links_is_told_so_in_vietnamese(tmp_path: Path, name: str) -> None:
    said = sweep_child([*CASES[name](tmp_path), "--lang", "vi"], tmp_path).stderr
    assert "không đọc được tệp: liên kết tượng trưng dẫn vòng quá nhiều cấp" in said, said
    assert "gợi ý: các liên kết tượng trưng trong đường dẫn vòng lại nhau: chỉ ra đường dẫn thật của tệp" in said
    assert "không tìm thấy" not in said and "not found" not in said, said


def test_an_output_in_the_evidence_folder_is_refused_before_the_inputs_are_read(tmp_path: Path) -> None:
    """The refusal comes from the path rule, not from a late write: with an assessments file that
    is not there, the output is still what is told."""
    args = results_in_evidence_folder(tmp_path)
    (tmp_path / "assessments_long.csv").unlink()
    said = sweep_child([*args, "--lang", "en"], tmp_path).stderr
    assert "[output-in-evidence-folder]" in said and "file-not-found" not in said, said
    assert "-o mc/ket-qua.xlsx lies inside the evidence folder --evidence-dir mc" in said, said


def test_outputs_and_cache_beside_the_evidence_folder_are_written(tmp_path: Path) -> None:
    """The control: the same run with its outputs and cache beside the folder writes them all and
    leaves the folder as it was."""
    args = results_in_evidence_folder(tmp_path)
    args[args.index("-o") + 1] = "ket-qua.xlsx"
    before = sorted(os.listdir(tmp_path / "mc"))
    done = sweep_child([*args, "--report", "bao-cao.html", "--cache", ".pari-cache", "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert all((tmp_path / name).exists() for name in ("ket-qua.xlsx", "bao-cao.html", ".pari-cache"))
    assert Path(EVIDENCE).name in before and sorted(os.listdir(tmp_path / "mc")) == before


def test_the_library_refuses_an_output_in_the_evidence_folder(tmp_path: Path) -> None:
    """pari.run_score takes the same path rule as the command."""
    import pari_index as pari

    args = results_in_evidence_folder(tmp_path)
    with pytest.raises(OutputError) as info:
        pari.run_score(
            assessments=[tmp_path / "assessments_long.csv"],
            communes=tmp_path / "communes.csv",
            survey=[tmp_path / "survey.csv"],
            evidence_dir=tmp_path / "mc",
            output=tmp_path / "mc" / "sub" / "ket-qua.xlsx",
        )
    assert [p.code for p in info.value.problems] == ["output-in-evidence-folder"], args
    assert not (tmp_path / "mc" / "sub").exists()


# ---------------------------------------------------------------------------------------------
# An evidence folder the user may not open


DENIED = {
    "en": "hint: give yourself permission to open the folder and read its files (ls -ld shows who may), or ask "
    "its owner",
    "vi": "gợi ý: cho mình quyền mở thư mục và đọc các tệp trong đó (ls -ld cho biết ai được mở), hoặc nhờ người "
    "sở hữu",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("mode", [0o000, 0o444])
def test_an_evidence_folder_the_user_may_not_open_says_to_get_permission(tmp_path: Path, mode: int, lang: str) -> None:
    args = results_in_evidence_folder(tmp_path)
    args[args.index("-o") + 1] = "ket-qua.xlsx"
    (tmp_path / "mc").chmod(mode)
    try:
        done = pari_child([*args, "--lang", lang], tmp_path, timeout=120, ordinary_user=True)
    finally:
        (tmp_path / "mc").chmod(0o755)
    assert done.returncode == 1 and "[evidence-dir-unusable]" in done.stderr, done.stderr
    assert DENIED[lang] in done.stderr, done.stderr
    assert "give the folder that holds" not in done.stderr and "chỉ ra thư mục chứa" not in done.stderr


def test_the_hint_of_an_evidence_folder_follows_the_reason(tmp_path: Path) -> None:
    """A loop in the path above the folder (the folder's own link is told as a link leading
    nowhere) and a name too long for the system: each its own hint, in both languages."""
    from pari_index.intake.evidence_files import evidence_dir_problem
    from pari_index.messages import render_hint

    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    looped = evidence_dir_problem(tmp_path / "a" / "mc")
    assert looped is not None and looped.params["folder_hint"] == "loop", looped
    assert looped.hint == "symbolic links in the path lead round in a loop: give the folder's own path"
    said = render_hint(looped.code, "vi", looped.hint, params=looped.params)
    assert said == "các liên kết tượng trưng trong đường dẫn vòng lại nhau: chỉ ra đường dẫn thật của thư mục"
    long = evidence_dir_problem(tmp_path / ("x" * 300))
    assert long is not None and long.params["folder_hint"] == "too_long", long
    assert render_hint(long.code, "en", None, params=long.params).endswith("give a shorter path")


# ---------------------------------------------------------------------------------------------
# A cache path the system will not take


@pytest.mark.parametrize(
    ("cache", "hint"),
    [
        ("communes.csv/cc", "Hint: a part of the path is a file, not a folder: give --cache the path of a folder."),
        ("loop/cc", "Hint: symbolic links in the path lead round in a loop: give --cache the folder's own path."),
        (
            "/".join(["x" * 200] * 22),
            "Hint: a name in the path is too long for the system: give --cache a shorter path.",
        ),
    ],
)
def test_a_cache_path_the_system_refuses_says_what_to_do(tmp_path: Path, cache: str, hint: str) -> None:
    args = results_in_evidence_folder(tmp_path)
    args[args.index("-o") + 1] = "ket-qua.xlsx"
    (tmp_path / "loop").symlink_to("loop")
    done = sweep_child([*args, "--cache", cache, "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    [note] = [line for line in done.stdout.splitlines() if line.startswith("Cache: ignored")]
    assert note.endswith(hint) and len(note) < 500, note


def test_a_cache_note_cuts_a_long_path_in_its_middle() -> None:
    from pari_index.intake.cache import CacheNote

    path = "/".join(["thư-mục-kết-quả"] * 300) + "/cuối"
    said = CacheNote(path, os.strerror(errno.ENAMETOOLONG)).text("vi")
    assert said.startswith("Bộ nhớ đệm: bỏ qua thư-mục-kết-quả/") and "…" in said and "/cuối (" in said, said
    assert len(said) < 400 and "cho --cache một đường dẫn ngắn hơn" in said


# ---------------------------------------------------------------------------------------------
# A path holding what a shell replaces, left as written


@pytest.mark.parametrize(
    ("path", "reason", "hint"),
    [
        ("$KET_QUA/kq.xlsx", "it is not set, or it was inside single quotes", "quote the path with double quotes"),
        ("${KET_QUA}/kq.xlsx", "it is not set, or it was inside single quotes", "quote the path with double quotes"),
        ("%KET_QUA%/kq.xlsx", "a variable of cmd.exe", "on Linux or macOS, write a variable as $NAME"),
        ("~/kq.xlsx", "a shell replaces by a folder only outside quotes", "leave ~ outside the quotes"),
    ],
)
def test_a_form_left_as_written_is_told_by_its_kind(path: str, reason: str, hint: str) -> None:
    from pari_index.errors import path_form
    from pari_index.messages import render, render_hint

    problem = path_form(path, option="-o")
    assert problem is not None and problem.code == "path-not-expanded"
    assert reason in problem.message and problem.hint is not None and hint in problem.hint, problem
    assert ("~" in problem.hint) == path.startswith("~"), problem.hint  # "leave ~ outside" of $KET_QUA
    assert render(problem.code, problem.params, "en") == problem.message
    assert render_hint(problem.code, "en", None, params=problem.params) == problem.hint
    said = render(problem.code, problem.params, "vi") + render_hint(problem.code, "vi", None, params=problem.params)
    assert "~" not in said or path.startswith("~"), said


# ---------------------------------------------------------------------------------------------
# An option's name where a path was to be


def test_a_file_really_named_as_an_option_is_read(tmp_path: Path) -> None:
    """The control: the register in a file named ``--lineage`` is read as the register (the rule
    refuses only a name that no file has)."""
    args = register_takes_the_survey_option(tmp_path)
    (tmp_path / "communes.csv").rename(tmp_path / "--lineage")
    at = args.index("--communes")
    done = sweep_child([*args[: at + 1], "--lineage", *args[at + 1 :], "--lang", "en"], tmp_path)
    assert done.returncode == 0 and "[path-is-option]" not in done.stderr, done.stderr
    assert (tmp_path / "ket-qua.xlsx").is_file()


def test_an_option_for_a_path_names_the_option_left_without_a_file(tmp_path: Path) -> None:
    said = sweep_child([*register_takes_the_survey_option(tmp_path), "--lang", "en"], tmp_path).stderr
    assert "--communes --survey: «--survey» is the name of an option, not of a file" in said, said
    assert "file-not-found" not in said, said
