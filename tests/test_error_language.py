"""Errors that stop a run speak the run's language: every kind a raise site can build has words in
both languages (checked on the source), and each class of error (intake, criteria, usage, output, the
operating system, a bug) reaches the console of ``pari`` in Vietnamese by default and in English
with ``--lang en``, through CliRunner and a real process, with its place, code and hint.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from processes import run_process
from test_messages import ENGLISH, NOT_KINDS, fragments
from test_scoring import CRITERIA, write_example

from pari_index.authoring.notes import NOTES
from pari_index.cli import main
from pari_index.errors import EXIT_INTERNAL, EXIT_INVALID_INPUT, EXIT_OUTPUT, EXIT_USAGE
from pari_index.messages import CATALOGUE, entry_of

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "pari_index"
ERRORS = {"PariError", "CriteriaError", "IntakeError", "UsageError", "OutputError", "StrictModeError"}
#: Kind-like strings of the source that are no kinds: the keys of a draft's todo notes (worded in
#: both languages in authoring/notes.py), a CSS class of the report, a command's name.
NOT_ERROR_KINDS = NOT_KINDS | set(NOTES) | {"k-none", "demo-data"}


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _trees() -> dict[Path, ast.AST]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(SRC.rglob("*.py"))}


def problem_kinds() -> dict[str, str]:
    """Every kind the source can give a problem: the first argument (or ``code=``) of every
    ``Problem(...)`` that is written out, and every kind-like string constant anywhere (codes passed
    on through helpers such as ``_problem(code, ...)`` and ``out.error(loc, code, ...)``); ``schema:``
    f-strings stand for pydantic's types. Each with the place it was found."""
    kinds: dict[str, str] = {}
    kind_like = re.compile(r"^[a-z]+(-[a-z0-9_]+)+$")
    for path, tree in _trees().items():
        where = str(path.relative_to(SRC))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and kind_like.match(node.value):
                kinds.setdefault(node.value, f"{where}:{node.lineno}")
        for call in _calls(tree):
            if _name(call) != "Problem":
                continue
            code = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "code"), None)
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                kinds.setdefault(code.value, f"{where}:{call.lineno}")
            elif isinstance(code, ast.JoinedStr):
                kinds.setdefault(ast.unparse(code)[2:-1].split("{")[0] + "other", f"{where}:{call.lineno}")
    return {kind: where for kind, where in kinds.items() if kind not in NOT_ERROR_KINDS}


def test_the_walk_finds_the_kinds_of_every_class() -> None:
    # Were the walk broken, the next test would pass on nothing.
    kinds = problem_kinds()
    expected = {"yaml-syntax", "duplicate-id", "tier-gap", "output-is-input", "os-error", "usage", "strict", "todo"}
    assert expected | {"file-not-found", "output-type-unknown", "results-damaged", "no-assessments-given"} <= set(kinds)
    assert len(kinds) > 150


def test_every_kind_a_raise_site_can_build_has_words_in_both_languages() -> None:
    missing = {kind: where for kind, where in problem_kinds().items() if entry_of(kind) is None}
    assert not missing, f"add these kinds to pari_index.messages (STOPPING or CATALOGUE): {missing}"


def test_no_error_is_built_from_a_bare_sentence() -> None:
    """``PariError("...")`` has no kind, so it could speak only English: every raise names a
    kind (a Problem) whose words are in the catalogue."""
    bare = [
        f"{path.relative_to(SRC)}:{call.lineno}"
        for path, tree in _trees().items()
        for call in _calls(tree)
        if _name(call) in ERRORS and call.args and isinstance(call.args[0], ast.Constant | ast.JoinedStr)
    ]
    assert not bare, f"raise a PariError with a Problem(kind, ...), not a sentence: {bare}"


def test_a_schema_type_without_words_of_its_own_gets_the_schemas() -> None:
    assert entry_of("schema:extra_forbidden") is CATALOGUE["schema:extra_forbidden"]
    assert entry_of("schema:dict_type") is CATALOGUE["schema"]
    assert entry_of("not-a-kind") is None


# --- each class of error, at the console ----------------------------------------------------------

#: A case: the arguments of ``pari`` (from the folder of the example), the exit status, the code.
Case = tuple[Callable[[dict[str, Path]], list[str]], int, str]


def _bad_yaml(paths: dict[str, Path], text: str) -> str:
    path = paths["folder"] / "set.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _set_with(old: str, new: str) -> Callable[[dict[str, Path]], list[str]]:
    def args(paths: dict[str, Path]) -> list[str]:
        text = CRITERIA.read_text(encoding="utf-8")
        assert old in text
        return ["validate", _bad_yaml(paths, text.replace(old, new, 1))]

    return args


def _score(paths: dict[str, Path], *extra: str, long: str | None = None) -> list[str]:
    args = ["score", long or str(paths["long"]), "--criteria", str(CRITERIA), "--communes", str(paths["communes"])]
    return [*args, "--no-survey", *extra]


CASES: dict[str, Case] = {
    "intake-missing-file": (
        lambda p: _score(p, "-o", str(p["folder"] / "r.xlsx"), long="nope.csv"),
        1,
        "file-not-found",
    ),
    "intake-missing-column": (
        lambda p: _score(p, "-o", str(p["folder"] / "r.xlsx"), long=str(p["headless"])),
        EXIT_INVALID_INPUT,
        "missing-column",
    ),
    "intake-csv-syntax": (
        lambda p: _score(p, "-o", str(p["folder"] / "r.xlsx"), long=str(p["ragged"])),
        EXIT_INVALID_INPUT,
        "csv-syntax",
    ),
    "demo-data-over-criteria": (
        lambda p: ["demo-data", "--criteria", str(p["demo"] / "set.yaml"), "-o", str(p["demo"])],
        EXIT_OUTPUT,
        "output-contains-input",
    ),
    "criteria-yaml": (lambda p: ["validate", _bad_yaml(p, "id: x\nareas: [\n")], EXIT_INVALID_INPUT, "yaml-syntax"),
    "criteria-schema": (_set_with("notes:", "nots:"), EXIT_INVALID_INPUT, "schema:extra_forbidden"),
    "criteria-validation": (_set_with("scale: 25", "scale: 26"), EXIT_INVALID_INPUT, "scale-sum"),
    "criteria-of-score": (
        lambda p: ["score", str(p["long"]), "--criteria", _bad_yaml(p, "id: x\nareas: [\n"), "-o", "r.xlsx"],
        EXIT_INVALID_INPUT,
        "yaml-syntax",
    ),
    "usage-output-type": (lambda p: _score(p, "-o", str(p["folder"] / "r.txt")), EXIT_USAGE, "output-type-unknown"),
    "usage-no-assessments": (
        lambda p: ["score", "-o", str(p["folder"] / "r.xlsx")],
        EXIT_USAGE,
        "no-assessments-given",
    ),
    "usage-no-criteria": (lambda p: ["validate"], EXIT_USAGE, "no-criteria-given"),
    "usage-template": (
        lambda p: [
            "template",
            "--communes",
            str(p["communes"]),
            "--unit-type",
            "xã",
            "-o",
            str(p["folder"] / "t.xlsx"),
        ],
        EXIT_USAGE,
        "unit-type-with-register",
    ),
    "output-over-input": (
        lambda p: ["template", "--criteria", str(p["xlsx_set"]), "-o", str(p["xlsx_set"])],
        EXIT_OUTPUT,
        "output-is-input",
    ),
    "report-not-results": (
        lambda p: ["report", str(p["communes"]), "-o", str(p["folder"] / "r.html")],
        EXIT_INVALID_INPUT,
        "not-results",
    ),
    "explain-missing-results": (
        lambda p: ["explain", "00101", "--results", str(p["folder"] / "none.xlsx")],
        EXIT_INVALID_INPUT,
        "file-not-found",
    ),
}


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("errors")
    found = write_example(folder)
    headless = folder / "headless.csv"
    headless.write_text("foo,bar\n1,2\n", encoding="utf-8")
    xlsx_set = folder / "set.xlsx"
    xlsx_set.write_bytes(b"not a workbook")
    # Row 3 ends with a decimal comma in a comma-separated file: two cells more than the header.
    lines = found["long"].read_text(encoding="utf-8-sig").splitlines()
    lines[2] += ",55,5"
    ragged = folder / "ragged.csv"
    ragged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    demo = folder / "demo"  # a folder holding the criteria set that demo-data is asked to write into
    demo.mkdir()
    (demo / "set.yaml").write_bytes(CRITERIA.read_bytes())
    return {**found, "folder": folder, "headless": headless, "xlsx_set": xlsx_set, "ragged": ragged, "demo": demo}


def english_in(text: str, folder: Path) -> set[str]:
    """English words of ENGLISH in ``text`` once the paths, codes, option and command names and the
    file names are taken out (they are the same in either language)."""
    text = text.replace(str(folder), " ")
    for pattern in (r"\[[^\]]*\]", r"pari \w+", r"--[\w-]+", r"\w+_\w+", r"\S+\.(csv|xlsx|yaml|html|txt|md)\b"):
        text = re.sub(pattern, " ", text)
    return set(re.findall(r"[a-z]+", text.lower())) & ENGLISH


def check(output: str, lang: str, code: str, folder: Path) -> None:
    assert f"[{code}]" in output, output
    if lang == "vi":
        assert "lỗi: " in output and "error:" not in output, output
        assert not english_in(output, folder), (english_in(output, folder), output)
        assert not [f for f in fragments("en") if f in output], output
    else:
        assert "error: " in output and "lỗi" not in output and "gợi ý" not in output, output
        assert not [f for f in fragments("vi") if f in output], output


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_each_error_speaks_the_commands_language(paths: dict[str, Path], case: str, lang: str) -> None:
    make_args, status, code = CASES[case]
    args = [*make_args(paths), *(["--lang", "en"] if lang == "en" else [])]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == status, result.output
    check(result.output, lang, code, paths["folder"])


@pytest.mark.parametrize("lang", ["vi", "en", None])
@pytest.mark.parametrize("case", ["intake-missing-column", "criteria-schema", "usage-output-type", "output-over-input"])
def test_each_class_speaks_the_commands_language_in_a_real_process(
    paths: dict[str, Path], case: str, lang: str | None
) -> None:
    """Vietnamese without --lang (the default), and with --lang vi; English with --lang en."""
    make_args, status, code = CASES[case]
    proc = run_process(*make_args(paths), *(["--lang", lang] if lang else []))
    assert proc.returncode == status, proc.stderr
    check(proc.stderr, lang or "vi", code, paths["folder"])


#: What a CSV broken at row 3 says, in each language: the row, the cells, and the hint for a decimal
#: comma (issue 13: the Vietnamese message gave only its title and the general hint).
CSV_SYNTAX = {
    "vi": (
        "ragged.csv hàng 3: không đọc được dạng CSV: hàng 3 có 11 ô nhưng hàng tiêu đề (hàng 1) có 9 [csv-syntax]",
        "gợi ý: số có dấu phẩy thập phân (như 55,5) bị tách thành hai ô trong tệp phân cách bằng dấu phẩy",
    ),
    "en": (
        "ragged.csv row 3: not readable as CSV: row 3 has 11 cells but the header (row 1) has 9 [csv-syntax]",
        "hint: a number with a decimal comma (like 55,5) splits into two cells in a comma-separated file: use a "
        "decimal point, put the number in quotes, or save the file with semicolons",
    ),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_csv_problem_says_where_and_why_in_either_language(paths: dict[str, Path], lang: str) -> None:
    make_args, status, _ = CASES["intake-csv-syntax"]
    args = [*make_args(paths), "--lang", lang]
    result, proc = CliRunner().invoke(main, args), run_process(*args)
    assert result.exit_code == proc.returncode == status
    for output in (result.output, proc.stderr):
        for expected in CSV_SYNTAX[lang]:
            assert expected in output, output


@pytest.mark.parametrize(
    ("lang", "listed"),
    [
        (None, ["danh sách đơn vị", "tự đánh giá, dạng dọc", "kết quả thẩm định", "ghi chú về dữ liệu mô phỏng"]),
        ("en", ["register of units", "self-assessments, long form", "appraisal", "note on the synthetic data"]),
    ],
)
def test_demo_data_lists_its_files_in_the_language_asked(tmp_path: Path, lang: str | None, listed: list[str]) -> None:
    args = ["demo-data", "--criteria", str(CRITERIA), "--communes", "3", *(["--lang", lang] if lang else [])]
    result = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "runner")])
    proc = run_process(*args, "-o", str(tmp_path / "process"))
    assert result.exit_code == proc.returncode == 0, (result.output, proc.stderr)
    for output, folder in ((result.output, tmp_path / "runner"), (proc.stdout, tmp_path / "process")):
        labels = [line.rsplit(": ", 1)[0] for line in output.splitlines()]
        assert labels == [listed[0], listed[1], "kết quả điều tra" if lang is None else "survey results", *listed[2:]]
        assert f": {folder / 'communes.csv'}" in output
    # The files say in both languages that they are synthetic, whatever --lang: the same bytes.
    for name in ("communes.csv", "SYNTHETIC-README.md"):
        assert (tmp_path / "runner" / name).read_bytes() == (tmp_path / "process" / name).read_bytes()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_problem_of_the_operating_system_keeps_its_own_words(
    paths: dict[str, Path], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pari_index.pipeline

    def refuse(**_: Any) -> None:
        raise PermissionError(13, "Permission denied", str(paths["long"]))

    monkeypatch.setattr(pari_index.pipeline, "run_score", refuse)
    result = CliRunner().invoke(main, [*_score(paths, "-o", "r.xlsx"), "--lang", lang])
    assert result.exit_code == EXIT_INVALID_INPUT
    # The system's reason stays as the system gives it; the rest is in the run's language.
    assert "Permission denied" in result.output
    check(result.output.replace("Permission denied", ""), lang, "os-error", paths["folder"])
    assert ("hệ điều hành từ chối" in result.output) == (lang == "vi")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_bug_is_told_in_the_commands_language(
    paths: dict[str, Path], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pari_index.pipeline

    def crash(**_: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.delenv("PARI_DEBUG", raising=False)
    monkeypatch.setattr(pari_index.pipeline, "run_score", crash)
    result = CliRunner().invoke(main, [*_score(paths, "-o", "r.xlsx"), "--lang", lang])
    assert result.exit_code == EXIT_INTERNAL
    assert "RuntimeError: boom" in result.output and "PARI_DEBUG=1" in result.output
    assert result.output.startswith("lỗi nội bộ" if lang == "vi" else "internal error")


def test_a_todo_of_a_draft_is_quoted_in_either_language(paths: dict[str, Path]) -> None:
    text = CRITERIA.read_text(encoding="utf-8").replace("notes:", 'todo: "kiểm tra điểm"\nnotes:', 1)
    path = _bad_yaml(paths, text)
    vi = CliRunner().invoke(main, ["validate", path]).output
    en = CliRunner().invoke(main, ["validate", path, "--lang", "en"]).output
    assert "ghi chú todo chưa giải quyết: kiểm tra điểm [todo]" in vi
    assert "unresolved todo: kiểm tra điểm [todo]" in en


@pytest.mark.parametrize(
    ("old", "new", "vietnamese"),
    [
        ("scale: 25", "scale: 26", "các lĩnh vực cộng được 25, không phải thang điểm 26 đã khai báo [scale-sum]"),
        ("scale: 25", "scale: 25\nscale: 25", "khoá «scale» xuất hiện hai lần trong ánh xạ này (lần đầu ở dòng"),
        ('id: "1.1.1"', 'id: "1.1.2"', "mã «1.1.2» được dùng hai lần (lần đầu ở dòng"),
    ],
)
def test_a_criteria_problem_keeps_its_figures_in_vietnamese(
    paths: dict[str, Path], old: str, new: str, vietnamese: str
) -> None:
    text = CRITERIA.read_text(encoding="utf-8")
    assert old in text
    result = CliRunner().invoke(main, ["validate", _bad_yaml(paths, text.replace(old, new, 1))])
    assert result.exit_code == EXIT_INVALID_INPUT
    assert vietnamese in result.output, result.output


def test_every_option_field_of_the_catalogue_names_an_argument_in_the_message_language() -> None:
    """A field that names an option or an argument (``{option}``, ``{source_option}``, …) shows an
    argument by the name the help of that language gives it: a Vietnamese message said "tệp đầu
    vào RESULTS" where the help says KẾT_QUẢ. Checked for every such field of every kind."""
    from pari_index.messages.rendering import render

    fields = {
        (kind, name)
        for kind, found in CATALOGUE.items()
        for template in (found.message.vi, found.message.en, *((found.hint.vi, found.hint.en) if found.hint else ()))
        for name in re.findall(r"\{([a-z_]*option)\}", template)
    }
    assert {name for _, name in fields} >= {"option", "other_option", "source_option"}
    for kind, name in sorted(fields):
        params = {field: "x" for field in re.findall(r"\{([a-z_]+)\}", CATALOGUE[kind].message.en)}
        params[name] = "RESULTS"
        vietnamese = render(kind, params, "vi")
        english = render(kind, params, "en")
        if "RESULTS" in english:
            assert "KẾT_QUẢ" in vietnamese and "RESULTS" not in vietnamese, (kind, name, vietnamese)
