"""Every file a command reads, given each kind of broken file: a clear error naming the file.

The sweeps test hostile files where they were met (mostly the assessments of ``pari score``). This
test walks the command tree instead, as tests/test_left14_dash.py does, so that every path a
command reads (a criteria set, a register, a results workbook, an annex, last year's results, a
lineage table, …) meets the same broken files, and a command or option added later is covered
without being listed: a command missing from BASE fails the first test.

Each broken file is refused with exit 1 or 2 on a line starting with the run's word for error,
naming the file, never a traceback. (A valid file of another kind, such as a criteria set given
as a register, is a different matter: each reader names what it expected.)
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.errors import MAX_FILE_CHARS, Problem, shorten_path
from pari_index.messages.help_words import walk

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CRITERIA = str(ROOT / "criteria" / "ha-noi-2025-commune.yaml")
ASSESSMENTS, COMMUNES, SURVEY, APPRAISAL = (
    str(EXAMPLES / name) for name in ("assessments_long.csv", "communes.csv", "survey.csv", "appraisal.csv")
)
ANNEX = str(EXAMPLES / "annex" / "phu-luc-mau.xlsx")
#: Stands for the results workbook the module's fixture writes.
RESULTS = "<results>"

#: Each command's parameters by their names in the code, every file it reads given a good one
#: (the parameter under test replaces its own), and where it writes. A parameter set to None is
#: left out unless it is the one tested.
BASE: dict[str, tuple[dict[str, str | None], list[str]]] = {
    "validate": ({"files": CRITERIA}, []),
    "score": (
        {
            "assessments": ASSESSMENTS,
            "criteria_file": CRITERIA,
            "communes": COMMUNES,
            "survey": SURVEY,
            "appraisal": APPRAISAL,
            "evidence_dir": None,
            "previous": None,
            "lineage": None,
        },
        ["-o", "out.xlsx"],
    ),
    "explain": ({"commune": "00001", "results": RESULTS, "criteria_file": None}, []),
    "template": ({"criteria_file": CRITERIA, "communes": COMMUNES}, ["-o", "form.xlsx"]),
    "report": ({"results": RESULTS, "criteria_file": None}, ["-o", "report.html"]),
    "demo-data": ({"criteria_file": CRITERIA}, ["-o", "demo"]),
    "criteria export": ({"criteria_file": CRITERIA}, ["-o", "annex.xlsx"]),
    "criteria import": ({"annex": ANNEX}, ["-o", "draft.yaml"]),
    "diff": ({"old": CRITERIA, "new": CRITERIA}, []),
}
#: What a parameter needs beside it to be read at all.
NEEDS = {"lineage": {"previous": RESULTS}}
#: Where the commands write (not read): tested by the sweeps of outputs.
WRITTEN = {"output", "report", "cache_dir"}


def _zip_of_text() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ghi-chu.txt", "xin chào")
    return buffer.getvalue()


def _cut_workbook() -> bytes:
    whole = (EXAMPLES / "assessments_wide.xlsx").read_bytes()
    return whole[: len(whole) // 2]


#: The broken files, each under the name ending it is given (a spreadsheet's, a criteria set's, or
#: none: the content decides, not the name).
BROKEN: dict[str, tuple[str, Callable[[], bytes]]] = {
    "random-bytes": (".xlsx", lambda: random.Random(15).randbytes(200_000)),
    "empty": (".csv", lambda: b""),
    "zip-of-text": (".xlsx", _zip_of_text),
    "cut-workbook": (".xlsx", _cut_workbook),
    "nul-bytes": (".yaml", lambda: b"\0" * 50_000),
    "nul-bytes-csv": (".csv", lambda: b"\0" * 50_000),
    "html-page": ("", lambda: b"<html><body><table><tr><td>1</td></tr></table></body></html>"),
}


def _read_params() -> list[tuple[str, str]]:
    return [
        (path, str(param.name))
        for path, command in walk(main)
        for param in command.params
        if isinstance(param.type, click.Path) and param.name not in WRITTEN
    ]


PARAMS = _read_params()


COMMANDS = dict(walk(main))


def command_line(path: str, values: dict[str, str | None], results: str) -> list[str]:
    """The command ``path`` with ``values`` (by parameter name; None: left out; RESULTS: the
    results workbook): its arguments in the command's order, then its options as first spelt."""
    argv, options = path.split(), []
    for param in COMMANDS[path].params:
        value = values.get(str(param.name))
        if value is None:
            continue
        value = results if value == RESULTS else value
        if isinstance(param, click.Option):
            options += [param.opts[0], value]
        else:
            argv.append(value)
    return [*argv, *options]


def _argv(path: str, name: str, broken: Path, results: str) -> list[str]:
    given, written = BASE[path]
    return [*command_line(path, {**given, **NEEDS.get(name, {}), name: str(broken)}, results), *written]


def test_the_walk_finds_every_command_that_reads_a_file() -> None:
    assert sorted({path for path, _ in PARAMS}) == sorted(BASE)
    # Every parameter read is one BASE knows how to give.
    for path, name in PARAMS:
        assert name in BASE[path][0], (path, name)
    assert len(PARAMS) >= 19


@pytest.mark.parametrize(("path", "name"), PARAMS, ids=[f"{p}:{n}" for p, n in PARAMS])
def test_every_file_a_command_reads_refuses_each_broken_file_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, results: str, path: str, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    failures = []
    for number, (kind, (ending, make)) in enumerate(BROKEN.items()):
        lang = ("vi", "en")[number % 2]
        broken = tmp_path / f"hỏng-{kind}{ending}"
        broken.write_bytes(make())
        done = CliRunner().invoke(main, [*_argv(path, name, broken, results), "--lang", lang])
        said = done.output
        error_word = {"vi": "lỗi: ", "en": "error: "}[lang]
        if (
            done.exit_code not in (1, 2)
            or (done.exception is not None and not isinstance(done.exception, SystemExit))
            or "Traceback" in said
            or broken.name not in said
            or not any(line.startswith(error_word) for line in said.splitlines())
        ):
            failures.append(f"{kind} ({lang}): exit {done.exit_code}, {done.exception!r}: {said[-400:]}")
    assert failures == [], "\n".join(failures)


def test_a_long_path_is_cut_in_its_middle_so_that_the_file_name_stays() -> None:
    # A Windows officer's folders run long; the name of the file in question is at the end.
    folders = "C:\\Users\\Nguyễn Văn An\\Documents\\" + "Phòng Nội vụ\\CCHC 2025\\" * 12
    path = folders + "Tự đánh giá xã Đông Anh (bản cuối).xlsx"
    problem = Problem("file-not-found", "file not found", file=path)
    shown = problem.render("vi").split(": ")[0]
    assert shown.startswith("C:\\Users\\Nguyễn Văn An\\Documents\\")
    assert shown.endswith("Tự đánh giá xã Đông Anh (bản cuối).xlsx")
    assert len(shown) == MAX_FILE_CHARS and "…" in shown
    assert problem.file == path  # the problem keeps the whole name (the findings' file column)
    assert shorten_path("a/b.csv") == "a/b.csv"
