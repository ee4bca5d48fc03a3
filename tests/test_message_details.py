"""A finding tells its evidence in either language: the Vietnamese message says what the English one
says (which file, what was found, the size and the limit, which column, which encoding), from the
parameters of its raise site; a raise site gives every parameter its message needs. Checked on
real inputs for the kinds that once gave the Vietnamese title alone, and on the source for every
kind and every raise site the walk reaches.
"""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.errors import CriteriaError, IntakeError, PariError, Problem, UsageError
from pari_index.messages import CATALOGUE, PARAM_WORDS, entry_of, render, render_hint

SRC = Path(__file__).resolve().parents[1] / "src" / "pari_index"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# --- on real inputs ---------------------------------------------------------------------------------


def _problems(path: Path) -> list[Problem]:
    from pari_index.intake.tables import read_table_file

    try:
        return read_table_file(path).problems
    except PariError as error:
        return error.problems


def _told(problem: Problem, lang: str) -> str:
    """The problem as the console prints it, without its place: message [kind] and hint."""
    text = problem.render(lang)
    place = problem.located(lang)
    return text if place == "-" else text.removeprefix(f"{place}: ")


def _encoding_fallback(tmp: Path) -> Path:
    path = tmp / "cp1258.csv"
    # "Hà Nội" in Windows-1258 (its tone marks are combining characters): 3 bytes that are not UTF-8.
    path.write_bytes(b"commune_code,name\n00101,H\xe0 N\xf4\xf2i\n")
    return path


def _reserved_column(tmp: Path) -> Path:
    path = tmp / "reserved.csv"
    path.write_text("_row,commune_code\n1,00101\n", encoding="utf-8")
    return path


def _no_headers(tmp: Path) -> Path:
    path = tmp / "blank_header.csv"
    path.write_text(",,\n1,2,3\n", encoding="utf-8")
    return path


def _not_a_spreadsheet(tmp: Path) -> Path:
    path = tmp / "damaged.xlsx"
    path.write_bytes(b"PK\x03\x04 not a zip package")
    return path


def _empty_workbook(tmp: Path) -> Path:
    import xlsxwriter

    path = tmp / "empty.xlsx"
    with xlsxwriter.Workbook(path) as wb:
        wb.add_worksheet("data")
    return path


def _empty_csv(tmp: Path) -> Path:
    path = tmp / "empty.csv"
    path.write_text("  \n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "kind", "vi", "en"),
    [
        (
            _encoding_fallback,
            "encoding-fallback",
            "tệp không phải UTF-8: đã đọc theo bảng mã Windows-1258 (tiếng Việt), vì 3 byte không phải UTF-8",
            "not UTF-8: read as Windows-1258 (Vietnamese), since 3 bytes are not UTF-8",
        ),
        (
            _reserved_column,
            "reserved-column",
            "cột «_row» có tên pari-index dùng cho chính nó; giá trị của cột không được đọc",
            "column «_row» has a name pari-index uses for itself; its values were not read",
        ),
        (_no_headers, "no-headers", "hàng 1 không có tên cột", "row 1 has no column names"),
        (_empty_workbook, "empty-file", "sổ tính không có dữ liệu", "the workbook has no data"),
        (_empty_csv, "empty-file", "tệp trống", "the file is empty"),
    ],
)
def test_a_file_level_problem_tells_its_evidence_in_either_language(
    tmp_path: Path, make: Any, kind: str, vi: str, en: str
) -> None:
    (problem,) = [p for p in _problems(make(tmp_path)) if p.code == kind]
    assert _told(problem, "vi").split(f" [{kind}]")[0] == vi
    assert _told(problem, "en").split(f" [{kind}]")[0] == en
    # The findings table renders from the parameters: the English is the problem's own sentence.
    assert render(kind, problem.params, "en") == problem.message
    assert render(kind, problem.params, "vi") == vi


def test_a_file_that_is_no_spreadsheet_quotes_the_reason_in_either_language(tmp_path: Path) -> None:
    (problem,) = _problems(_not_a_spreadsheet(tmp_path))
    assert problem.code == "not-a-spreadsheet" and problem.params is not None
    reason = problem.params["reason"]
    assert reason and reason in problem.message
    # The library's English reason is left out of the Vietnamese: its error type says which.
    vi = render("not-a-spreadsheet", problem.params, "vi")
    assert vi == f"không mở được dưới dạng bảng tính (lỗi {problem.params['error']} của thư viện đọc bảng tính)"
    assert reason not in vi
    assert render("not-a-spreadsheet", problem.params, "en") == problem.message


def test_a_sheet_that_cannot_be_read_quotes_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fastexcel

    class Broken:
        sheet_names = ("data",)

        def load_sheet(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("bad cell at B2")

    monkeypatch.setattr(fastexcel, "read_excel", lambda path: Broken())
    (problem,) = _problems(_empty_workbook(tmp_path))
    assert (problem.code, problem.sheet) == ("sheet-unreadable", "data")
    assert render(problem.code, problem.params, "vi") == (
        "không đọc được trang tính (lỗi RuntimeError của thư viện đọc bảng tính)"
    )
    assert (
        render(problem.code, problem.params, "en")
        == problem.message
        == ("the sheet cannot be read (RuntimeError: bad cell at B2)")
    )


def test_an_input_too_large_gives_its_size_and_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pari_index.intake import tables

    path = tmp_path / "big.csv"
    path.write_text("commune_code,value\n" + "00101,1\n" * 200, encoding="utf-8")
    monkeypatch.setattr(tables, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(IntakeError) as caught:
        tables.read_table_file(path)
    (problem,) = caught.value.problems
    assert _told(problem, "vi") == (
        "1.619 byte là nhiều hơn 1.000 byte pari-index đọc một lần [file-too-large]\n    gợi ý: tách tệp theo huyện"
    )
    assert problem.message == "1,619 bytes is more than the 1,000 bytes pari-index reads at once"
    assert render(problem.code, problem.params, "en") == problem.message


def test_a_criteria_set_too_large_says_so_with_its_own_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pari_index.criteria.loading import load_criteria

    path = tmp_path / "set.yaml"
    path.write_text("id: x\n" + "# padding\n" * 50, encoding="utf-8")
    monkeypatch.setenv("PARI_MAX_CRITERIA_BYTES", "100")
    with pytest.raises(CriteriaError) as caught:
        load_criteria(path)
    (problem,) = caught.value.problems
    vi = _told(problem, "vi")
    assert vi.startswith("506 byte: một bộ tiêu chí chỉ có tối đa 100 byte")
    # Not the hint of an input table ("split the file by district"): a criteria set is not split.
    assert vi.endswith("gợi ý: chỉ ra đúng tệp, hoặc đặt PARI_MAX_CRITERIA_BYTES lớn hơn")
    assert render(problem.code, problem.params, "en") == problem.message
    assert problem.message.startswith("506 bytes: a criteria set may be at most 100 bytes")


def test_an_empty_criteria_set_is_not_told_to_export_a_sheet(tmp_path: Path) -> None:
    from pari_index.criteria.loading import load_criteria

    path = tmp_path / "set.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(CriteriaError) as caught:
        load_criteria(path)
    (problem,) = caught.value.problems
    assert _told(problem, "vi") == "tệp trống [empty-file]\n    gợi ý: bắt đầu từ docs/criteria.md"
    assert _told(problem, "en") == "the file is empty [empty-file]\n    hint: start from docs/criteria.md"


@pytest.mark.parametrize(
    ("params", "vi", "en"),
    [
        (
            {"file_size": "input_read", "size": None, "limit": 64, "size_hint": "stream"},
            "đã đọc hơn 64 byte, nhiều hơn 64 byte pari-index đọc một lần",
            "more than 64 bytes is more than the 64 bytes pari-index reads at once",
        ),
        ({}, "tệp lớn hơn giới hạn pari-index đọc", "the file is larger than pari-index reads"),
    ],
)
def test_a_stream_too_large_and_an_old_finding_are_told_in_either_language(
    params: dict[str, Any], vi: str, en: str
) -> None:
    assert (render("file-too-large", params, "vi"), render("file-too-large", params, "en")) == (vi, en)
    if params:
        assert render_hint("file-too-large", "vi", params=params).startswith("lưu dữ liệu vào một tệp")


def test_a_table_without_rows_is_named_in_each_language(tmp_path: Path) -> None:
    from pari_index.intake.tables import read_with_columns, table_without_rows

    path = _empty_workbook(tmp_path)
    with pytest.raises(IntakeError) as caught:
        read_with_columns(path, {}, ("code", "name"), "register", "name the columns code, name")
    kinds = {p.code: p for p in caught.value.problems}
    assert render("empty-file", kinds["empty-file"].params, "vi") == "sổ tính không có dữ liệu"
    params = table_without_rows("lineage", "lineage.csv").params
    assert render("empty-file", params, "en") == "the lineage table has no rows"
    assert render("empty-file", params, "vi") == "bảng nối mã không có hàng dữ liệu nào"
    # A findings table written before session 40 (the table's English name as ``what``).
    params = {"empty": "rows", "what": "the register", "empty_hint": "table"}
    assert render("empty-file", params, "en") == "the register has no rows"
    assert render("empty-file", params, "vi") == "không trang tính nào của tệp có hàng dữ liệu"


# --- year-missing, from the reference evaluator -------------------------------------------------------


def test_a_deadline_without_its_year_names_the_set_and_the_item_in_either_language() -> None:
    from pari_index.criteria.loading import load_criteria
    from pari_index.criteria.model import resolve_leaves
    from pari_index.criteria.reference import evaluate_leaf
    from pari_index.criteria.rules import Deadline

    criteria = load_criteria(Path(__file__).parent / "data" / "relative_deadlines.yaml").criteria
    leaf = next(leaf for leaf in resolve_leaves(criteria) if isinstance(leaf.rule, Deadline) and leaf.rule.needs_year)
    places, mode = criteria.rounding.at("items"), criteria.rounding.mode
    row = {leaf.column(leaf.rule.input): __import__("datetime").date(2025, 1, 10)}
    with pytest.raises(UsageError) as caught:
        evaluate_leaf(leaf, row, places, mode, None, criteria.id)
    (problem,) = caught.value.problems
    assert problem.params == {"criteria": criteria.id, "criterion": leaf.id}
    vi = _told(problem, "vi")
    assert vi.startswith(f"bộ tiêu chí {criteria.id}: tiêu chí {leaf.id} có hạn tính theo năm đánh giá")
    assert "gợi ý: ghi năm bằng --year YYYY" in vi


# --- pari schema --lang -------------------------------------------------------------------------------


def _descriptions(schema: dict[str, Any]) -> list[str]:
    return [schema["description"], *(d["description"] for d in schema["$defs"].values() if "description" in d)]


@pytest.mark.parametrize("args", [[], ["--lang", "vi"]])
def test_pari_schema_describes_the_format_in_vietnamese_by_default(args: list[str]) -> None:
    from test_messages import ENGLISH

    result = CliRunner().invoke(main, ["schema", *args])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.output)
    assert schema["title"] == "Bộ tiêu chí của pari-index"
    assert schema["$defs"]["YesNo"]["description"].startswith("Đạt yêu cầu: ``yes`` điểm")
    for text in _descriptions(schema):
        # Keys of the format (``on_time``) and paths stay; no English sentence does.
        words = set(__import__("re").findall(r"[a-z]+", __import__("re").sub(r"``[^`]*``|\w+_\w+", " ", text)))
        assert not words & ENGLISH, text
    # No title pydantic makes of a key or a class name ("Late Until", "Deadline") beside them.
    assert '"title": "Late Until"' not in result.output and '"title": "Deadline"' not in result.output


def test_pari_schema_in_english_and_vietnamese_differ_in_words_only() -> None:
    import jsonschema

    runner = CliRunner()
    vi = json.loads(runner.invoke(main, ["schema", "--lang", "vi"]).output)
    en = json.loads(runner.invoke(main, ["schema", "--lang", "en"]).output)
    jsonschema.Draft202012Validator.check_schema(vi)
    assert en["title"] == "pari-index criteria set"
    assert en["$defs"]["YesNo"]["description"].startswith("Requirement met")
    assert en["$defs"]["Deadline"]["title"] == "Deadline"

    def structure(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: structure(v) for k, v in node.items() if k not in {"title", "description"} or not isinstance(v, str)
            }
        return [structure(v) for v in node] if isinstance(node, list) else node

    assert structure(vi) == structure(en)
    assert len(_descriptions(vi)) == len(_descriptions(en)) > 20


def test_every_described_definition_has_its_vietnamese_words() -> None:
    from pari_index.criteria.schema import criteria_json_schema
    from pari_index.messages.schema import SCHEMA_DESCRIPTIONS_VI

    described = {name for name, d in criteria_json_schema("en")["$defs"].items() if "description" in d}
    assert described == set(SCHEMA_DESCRIPTIONS_VI)


# --- the whole class, on the source ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(CATALOGUE))
def test_each_kind_tells_its_detail_in_both_languages_or_in_neither(kind: str) -> None:
    """A message that names parameters in one language and none in the other tells the evidence in
    one language only (the other falls back to its title, or to words without figures)."""
    entry = CATALOGUE[kind]
    assert bool(_fields(entry.message.vi)) == bool(_fields(entry.message.en)), (kind, entry.message)


def _is_sentence_of_values(node: ast.expr | None) -> bool:
    """An English message built from values (an f-string that fills any in, or an expression): the
    evidence the Vietnamese message must be given as parameters."""
    if node is None:
        return False
    if isinstance(node, ast.Name | ast.Attribute | ast.Subscript):
        return True  # a sentence built before the call
    body = node.body if isinstance(node, ast.Lambda) else node
    # An f-string that fills in values, or text made of values (polars' format_text, str(exc), ...):
    # pl.lit("...") and a when/then of constant sentences are not.
    return any(
        isinstance(n, ast.FormattedValue) or (isinstance(n, ast.Call) and _name(n) in _BUILDS_TEXT)
        for n in ast.walk(body)
    )


#: Calls that name a kind to show its words, not to build a problem.
_RENDERS = {"render", "render_hint", "entry_of", "title"}
_BUILDS_TEXT = {"format_text", "str", "repr", "format", "join", "render", "shorten"}


def _name(node: ast.expr) -> str:
    func = node.func if isinstance(node, ast.Call) else None
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


#: Keywords of a problem that are no parameters of its message: its place, hint and severity.
_NOT_PARAMS = {
    "code",
    "message",
    "file",
    "line",
    "column",
    "sheet",
    "row",
    "field",
    "hint",
    "severity",
    "lang",
    "mark",
    "per_row",
}


def raise_sites() -> list[tuple[str, str, ast.expr | None, ast.expr | None]]:
    """Every call that builds a problem of a catalogued kind written out: ``Problem(kind, message,
    ...)`` and helpers called with a kind and a message (``fail("not-utf8", f"...")``); for each,
    its place, kind, English message and ``params=``."""
    sites = []
    for path in sorted(SRC.rglob("*.py")):
        where = str(path.relative_to(SRC))
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call):
                continue
            params = next((k.value for k in call.keywords if k.arg == "params"), None)
            named = [k for k in call.keywords if k.arg not in _NOT_PARAMS]
            if params is None and any(k.arg is None for k in named):
                params = ast.Name("params")  # ``**sums``: given, their names unknown here
            elif params is None and named:
                # Helpers that take the parameters as keywords (criteria validation's out.error).
                params = ast.Dict(keys=[ast.Constant(k.arg) for k in named], values=[k.value for k in named])
            given = [
                a
                for a in call.args
                if isinstance(a, ast.Dict)
                or _name(a).endswith(("params", "struct"))
                or (isinstance(a, ast.Name) and a.id.endswith("params"))
            ]
            if params is None and given:
                params = given[0]  # positional (intake's _Check(..., cell_params(...)))
            args = [*call.args, *(k.value for k in call.keywords if k.arg in {"code", "message"})]
            kinds = [i for i, a in enumerate(args) if isinstance(a, ast.Constant) and a.value in CATALOGUE]
            if not kinds or _name(call) in _RENDERS:
                continue
            if _name(call) != "Problem":
                # "error" and "warning" passed to a helper are its severity, not the kind.
                kinds = [i for i in kinds if args[i].value not in {"error", "warning"}] or kinds[:0]  # type: ignore[attr-defined]
                if not kinds:
                    continue
            at = kinds[0]
            message = args[at + 1] if at + 1 < len(args) else None
            if _name(call) == "Problem" or _is_sentence_of_values(message):
                sites.append((f"{where}:{call.lineno}", args[at].value, message, params))  # type: ignore[attr-defined]
    return sites


#: Raise sites whose English detail is not given to the Vietnamese, each with why. A site listed
#: here that gives its parameters fails the test below too: take it off the list.
WITHOUT_DETAIL = {
    # The output's path is the place; the option is left out of the Vietnamese sentence (outputs/files.py
    # raises these without one, and its sentence is the catalogue's).
    ("outputs/path_shapes.py", "output-not-a-folder"),
    ("outputs/path_shapes.py", "output-folder-not-results"),
    # Python's own reason for a value it cannot build (a date 2024-02-30): the title, the line and column.
    ("criteria/yaml_reader.py", "yaml-value"),
    # click's own English sentence (which option, what is wrong) follows click's usage line.
    ("cli.py", "usage"),
    # A PariError built from a bare sentence (an API caller's), shown as it is.
    ("errors.py", "error"),
}


#: Raise sites known to give the Vietnamese their title alone (or words without the figures the
#: English gives), to be done: (file under src/pari_index, kind). The list may only shrink.
NOT_YET: set[tuple[str, str]] = set()


def test_the_walk_finds_the_raise_sites_it_must() -> None:
    sites = {(where.split(":")[0], kind) for where, kind, _, _ in raise_sites()}
    assert {("intake/grid.py", "reserved-column"), ("criteria/reference.py", "year-missing")} <= sites
    assert ("criteria/file_text.py", "not-utf8") in sites  # through read_text_file's fail(...)
    assert len(sites) > 60


def detail_gaps() -> dict[tuple[str, str], str]:
    """Each raise site (file, kind) whose Vietnamese would lack the English's detail, and why: a
    site whose English sentence is built from values passes them as parameters, and its kind's
    Vietnamese message names parameters; a site of a kind whose message names parameters gives
    them (year-missing was raised without its set and item)."""
    gaps = {}
    for where, kind, message, params in raise_sites():
        entry = entry_of(kind)
        assert entry is not None
        needs = _fields(entry.message.vi) - set(PARAM_WORDS)
        if _is_sentence_of_values(message) and (params is None or not _fields(entry.message.vi)):
            why = f"{where}: its English names values; give them as params= and name them in the catalogue"
        elif needs and params is None:
            why = f"{where}: the message needs {sorted(needs)}; give them as params="
        elif (
            isinstance(params, ast.Dict)
            and None not in params.keys  # a ``**splat`` of parameters: their names are not known here
            and not needs <= {k.value for k in params.keys if isinstance(k, ast.Constant)}
        ):
            why = f"{where}: params= lacks some of {sorted(needs)}"
        else:
            continue
        gaps.setdefault((where.split(":")[0], kind), why)
    return gaps


def test_every_raise_site_gives_the_vietnamese_the_detail_the_english_has() -> None:
    gaps = detail_gaps()
    new = {site: why for site, why in gaps.items() if site not in WITHOUT_DETAIL | NOT_YET}
    assert not new, "\n".join(f"{kind} at {why}" for (_, kind), why in sorted(new.items()))
    # A site listed as not yet done that now gives its detail: take it off the list.
    done = NOT_YET - set(gaps)
    assert not done, f"these give their detail now: remove them from NOT_YET: {sorted(done)}"


def test_the_list_of_sites_without_detail_holds_only_sites_that_exist() -> None:
    sites = {(where.split(":")[0], kind) for where, kind, _, _ in raise_sites()}
    assert sites >= WITHOUT_DETAIL


def _module_literals(path: Path) -> dict[str, Any]:
    """The module-level constants of one source file that are literals (``_EMPTY = {...}``), by name."""
    found: dict[str, Any] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        for target in targets:
            if isinstance(target, ast.Name) and value is not None:
                with __import__("contextlib").suppress(ValueError, TypeError, SyntaxError):
                    found[target.id] = ast.literal_eval(value)
    return found


def sentence_gaps() -> dict[tuple[str, str], str]:
    """Each raise site (file, kind) with a sentence of its own written out (a constant English
    message) that the catalogue's English, filled with the site's parameters, is not: its Vietnamese
    is then the catalogue's words for another sentence, or the title alone (binary-file, not-a-file,
    output-not-a-folder and output-folder-not-results showed only their Vietnamese title; no-input's
    said "the file holds no input" for "no assessment file was given")."""
    gaps, literals = {}, {}
    for where, kind, message, params in raise_sites():
        if not (isinstance(message, ast.Constant) and isinstance(message.value, str)):
            continue
        file = where.split(":")[0]
        if isinstance(params, ast.Name):
            literals.setdefault(file, _module_literals(SRC / file))
            given = literals[file].get(params.id)
        else:
            try:
                given = None if params is None else ast.literal_eval(params)
            except ValueError:
                continue  # parameters computed at the site: the walk of values above checks those
        english = render(kind, given, "en")
        if english != message.value:
            gaps.setdefault((file, kind), f"{where}: {message.value!r}, the catalogue says {english!r}")
    return gaps


#: Sites whose sentence the Vietnamese tells by the kind's title and hint together (the sentence is
#: the hint's instruction, or the title's words in another case): each checked by reading both.
TOLD_BY_TITLE_AND_HINT = {
    ("cli.py", "no-criteria-given"),  # "Chưa chỉ ra bộ tiêu chí" + "chỉ ra một hoặc nhiều tệp ..., hoặc --bundled"
    ("cli.py", "no-assessments-given"),  # + "chỉ ra ít nhất một tệp tự đánh giá"
    ("cli.py", "unit-type-with-register"),  # + "bỏ --unit-type: danh sách đơn vị cho biết loại ..."
    ("pipeline.py", "csv-needs-folder"),  # "Kết quả CSV gồm nhiều bảng: cần một thư mục" + its hint
    ("intake/grid.py", "cell-without-header"),  # the title is the sentence, capitalised
    ("intake/tables.py", "is-a-directory"),  # "Đây là thư mục, không phải tệp"
    ("authoring/workbook_in.py", "is-a-directory"),  # "Đây là thư mục, không phải tệp" (a folder as the annex)
    ("intake/tables.py", "file-not-found"),  # "Không tìm thấy tệp"
    ("errors.py", "file-not-found"),  # "Không tìm thấy tệp" (a reader that opens without a look first)
    ("errors.py", "is-a-directory"),  # "Đây là thư mục, không phải tệp" (a reader that opens without a look first)
    ("outputs/results.py", "file-not-found"),  # the place names the results file
    ("intake/evidence_files.py", "evidence-dir-missing"),  # the title is the sentence, capitalised
}

#: Sites still to give their sentence's parameters, each with why not yet. The list may only shrink.
SENTENCE_NOT_YET: set[tuple[str, str]] = set()


def test_every_sentence_a_site_writes_is_the_catalogues_in_both_languages() -> None:
    gaps = sentence_gaps()
    new = {site: why for site, why in gaps.items() if site not in TOLD_BY_TITLE_AND_HINT | SENTENCE_NOT_YET}
    assert not new, "\n".join(f"{kind} at {why}" for (_, kind), why in sorted(new.items()))
    assert not SENTENCE_NOT_YET - set(gaps), "these are exact now: remove them from SENTENCE_NOT_YET"


@pytest.mark.parametrize(
    ("make", "kind", "vi"),
    [
        (lambda tmp: _write(tmp / "x.csv", b"a,b\x00\x01\x02\n"), "binary-file", "tệp này có vẻ là tệp nhị phân"),
        (lambda tmp: Path("/dev/null"), "not-a-file", "đây là thiết bị hoặc socket, không phải tệp"),
    ],
)
def test_a_file_refused_unread_says_why_in_vietnamese(tmp_path: Path, make: Any, kind: str, vi: str) -> None:
    (problem,) = _problems(make(tmp_path))
    assert problem.code == kind
    told = _told(problem, "vi")
    assert told.startswith(f"{vi}") and f"[{kind}]" in told, told
    assert render(kind, problem.params, "en") == problem.message


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_demo_folder_that_is_a_file_is_not_told_to_choose_xlsx(tmp_path: Path, lang: str) -> None:
    """demo-data writes a folder in every format: the hint of a results folder (choose --format xlsx
    for a single workbook) does not apply to it."""
    out = tmp_path / "demo"
    out.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["demo-data", "-o", str(out), "--communes", "3", "--lang", lang])
    assert result.exit_code == 4, result.output
    assert "[output-not-a-folder]" in result.output and "xlsx" not in result.output, result.output
    hint = "gợi ý: chỉ ra tên một thư mục (thư mục sẽ được tạo)" if lang == "vi" else "give a folder name (it is"
    assert hint in result.output, result.output


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("kind", "vi"),
    [
        ("output-not-a-folder", "cần một thư mục ở đây, nhưng đã có một tệp cùng tên"),
        ("output-folder-not-results", "thư mục chứa các tệp khác và không có kết quả nào; thư mục kết quả được thay"),
    ],
)
def test_an_output_folder_refused_says_why_in_vietnamese(tmp_path: Path, kind: str, vi: str) -> None:
    out = tmp_path / "out"
    if kind == "output-not-a-folder":
        out.write_text("x", encoding="utf-8")
    else:
        out.mkdir()
        (out / "notes.txt").write_text("x", encoding="utf-8")
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    result = CliRunner().invoke(main, [*args, "-o", str(out), "--format", "csv", "-q"])
    assert result.exit_code == 4, result.output
    assert f"{out}: {vi}" in result.output and f"[{kind}]" in result.output, result.output
    assert "gợi ý: chỉ ra" in result.output


def _criteria_problem(path: Path) -> Problem:
    from pari_index.criteria.loading import load_criteria

    with pytest.raises(PariError) as caught:
        load_criteria(path)
    (problem,) = caught.value.problems
    return problem


def test_problems_of_a_criteria_file_give_their_figures_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "set.yaml"
    path.write_bytes(b"id: x\xff\n")
    problem = _criteria_problem(path)
    assert _told(problem, "vi").startswith("không phải văn bản UTF-8 (byte 5) [not-utf8]")
    monkeypatch.setenv("PARI_MAX_CRITERIA_BYTES", "nhiều")
    problem = _criteria_problem(path)
    assert _told(problem, "vi").startswith(
        "biến môi trường PARI_MAX_CRITERIA_BYTES=«nhiều» không phải một số nguyên dương [bad-limit]"
    )
    monkeypatch.delenv("PARI_MAX_CRITERIA_BYTES")
    monkeypatch.setenv("PARI_MAX_CRITERIA_ITEMS", "2")
    problem = _criteria_problem(Path(__file__).parent / "data" / "all_kinds.yaml")
    assert _told(problem, "vi").startswith("bộ tiêu chí có hơn 2 lĩnh vực, tiêu chí và tiêu chí thành phần")


def test_a_sheet_too_wide_gives_its_range_and_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import xlsxwriter

    path = tmp_path / "wide.xlsx"
    with xlsxwriter.Workbook(path) as wb:
        sheet = wb.add_worksheet("data")
        sheet.write_row(0, 0, ["commune_code", "criterion_id", "value"])
        sheet.write_row(1, 0, ["00101", "1.1", "3"])
    monkeypatch.setenv("PARI_MAX_XLSX_COLUMNS", "2")
    (problem,) = _problems(path)
    assert render(problem.code, problem.params, "vi") == "vùng dữ liệu A1:C2 rộng 3 cột (chỉ đọc tối đa 2)"
    assert render(problem.code, problem.params, "en") == problem.message


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "-o sẽ ghi đè lên tệp đầu vào TỆP_TỰ_ĐÁNH_GIÁ {path} [output-is-input]"),
        ("en", "-o would overwrite the input ASSESSMENTS {path} [output-is-input]"),
    ],
)
def test_an_output_over_an_input_names_both_in_either_language(tmp_path: Path, lang: str, said: str) -> None:
    import polars as pl

    workbook = tmp_path / "long.xlsx"
    pl.read_csv(EXAMPLES / "assessments_long.csv", infer_schema=False).head(5).write_excel(workbook)
    args = ["score", str(workbook), "--communes", str(EXAMPLES / "communes.csv"), "--no-survey", "-o", str(workbook)]
    result = CliRunner().invoke(main, [*args, "--lang", lang])
    assert result.exit_code == 4, result.output
    assert said.format(path=workbook) in result.output, result.output


#: The item of all_kinds.yaml with the deduction rule.
DEDUCTION = "2.2"


@pytest.mark.parametrize(
    ("old", "new", "vi"),
    [
        (
            "tie_break: [appraised]",
            "tie_break: [x9]",
            "tie_break «x9» không phải «appraised», «survey» hay mã một lĩnh vực",
        ),
        ("per: 0.25, start: 0.5", "per: 0, start: 0.5", "tiêu chí {id}: «per» phải lớn hơn 0 [per-not-positive]"),
    ],
)
def test_a_criteria_finding_names_its_item_in_vietnamese(tmp_path: Path, old: str, new: str, vi: str) -> None:
    """Findings of criteria validation (pari validate) give the Vietnamese what the English names."""
    text = (Path(__file__).parent / "data" / "all_kinds.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "set.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert vi.format(id=DEDUCTION) in result.output, result.output


@pytest.mark.parametrize(
    ("group_by", "vi"),
    [
        ("huyen_moi", "không xếp hạng theo «huyen_moi» được: danh sách đơn vị không có cột này (các cột có: "),
        ("district,province", "--group-by district,province liệt kê cấp huyện trước cấp tỉnh [group-columns-order]"),
        ("province,province", "--group-by nêu province hơn một lần [repeated-group-column]"),
    ],
)
def test_a_bad_group_by_names_its_columns_in_vietnamese(tmp_path: Path, group_by: str, vi: str) -> None:
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--no-survey", "--group-by", group_by, "-o", str(tmp_path / "r.xlsx"), "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert vi in result.output, result.output


def test_missing_survey_results_are_told_with_the_part_and_its_items_in_vietnamese(tmp_path: Path) -> None:
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    result = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "r.xlsx"), "-q"])
    assert result.exit_code == 2, result.output
    assert (
        "lỗi: ha-noi-2025-commune có phần điều tra 30 điểm, nhưng không có tệp --survey nào, và các tệp tự đánh giá "
        "không có kết quả điều tra nào (các tiêu chí 10.1.1, 10.1.2, 10.1.3, 10.1.4, 10.1.5, 10.2); mọi xã sẽ được "
        "0 điểm phần này [survey-missing]"
    ) in result.output


def test_a_workbook_that_inflates_too_far_gives_its_figures_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hostile_xlsx as H

    body = H.header_row() + "".join(f'<row r="{r}">{H.inline(f"A{r}", "00001")}</row>' for r in range(2, 40_000))
    path = H.write_package(tmp_path / "repetitive.xlsx", H.sheet_xml(body))
    monkeypatch.setenv("PARI_MAX_XLSX_RATIO", "5")
    monkeypatch.setattr("pari_index.intake.xlsx.package.RATIO_ALLOWANCE_BYTES", 1024**2)
    (problem,) = _problems(path)
    assert problem.code == "xlsx-compression-ratio" and problem.params is not None
    vi = render(problem.code, problem.params, "vi")
    assert vi.startswith(f"phần {problem.params['part']} giải nén ra gấp ")
    assert vi.endswith("quá 1.048.576 byte thì chỉ đọc tối đa gấp 5 lần)")
    assert render(problem.code, problem.params, "en") == problem.message


@pytest.mark.parametrize(
    ("row", "vi"),
    [
        ('<row r="2"><c r="B-2" t="inlineStr"><is><t>x</t></is></c>', "một ô ở địa chỉ B-2"),
    ],
)
def test_a_damaged_reference_is_quoted_in_vietnamese(tmp_path: Path, row: str, vi: str) -> None:
    import hostile_xlsx as H

    path = H.write_package(tmp_path / "bad.xlsx", H.sheet_xml(H.header_row() + row + "</row>"))
    (problem,) = _problems(path)
    assert problem.code == "bad-cell-reference"
    assert render(problem.code, problem.params, "vi") == vi
    assert render(problem.code, problem.params, "en") == problem.message


# --- the sites that once gave the Vietnamese their title alone ------------------------------------------

ALL_KINDS = Path(__file__).parent / "data" / "all_kinds.yaml"


@pytest.mark.parametrize(
    ("old", "new", "vi", "en"),
    [
        (
            '{name: "Khá", en: "Fair", from: 70, below: 90}',
            '{name: "Khá", en: "Fair", from: 75, below: 90}',
            "các giá trị giữa xếp loại 3 (>= 50 và < 70) và xếp loại 2 (>= 75 và < 90) không thuộc xếp loại nào "
            "[class-gap]",
            "values between class 3 (>= 50 and < 70) and class 2 (>= 75 and < 90) fall in no class [class-gap]",
        ),
        (
            '{name: "Kém", en: "Poor", below: 50}',
            '{name: "Kém", en: "Poor", below: 40}',
            "các giá trị giữa xếp loại 4 (< 40) và xếp loại 3 (>= 50 và < 70) không thuộc xếp loại nào [class-gap]",
            "values between class 4 (< 40) and class 3 (>= 50 and < 70) fall in no class [class-gap]",
        ),
        (
            "{from: 70, to: 90, points: 1}",
            "{from: 60, to: 90, points: 1}",
            "tiêu chí 1.1.3: mức 3 (< 70) chồng lên mức 2 (>= 60 và <= 90) [tier-overlap]",
            "criterion 1.1.3: tier 3 (< 70) overlaps tier 2 (>= 60 and <= 90) [tier-overlap]",
        ),
        (
            "{from: 70, to: 90, points: 1}",
            "{from: 70, to: 90, points: 1}\n                - {from: 80, to: 85, points: 1}",
            "tiêu chí 1.1.3: các mức không theo thứ tự: liệt kê từ giá trị cao nhất xuống",
            "criterion 1.1.3: tiers are out of order: list them from the highest values down",
        ),
        (
            "{from: 70, to: 90, points: 1}",
            "{from: 90, below: 90, points: 1}",
            "tiêu chí 1.1.3: mức 2 (>= 90 và < 90) không chứa giá trị nào [tier-empty]",
            "criterion 1.1.3: tier 2 (>= 90 and < 90) contains no value [tier-empty]",
        ),
        (
            '{name: "Khá", en: "Fair", from: 70, below: 90}',
            '{name: "Khá", en: "Fair", from: 70, below: 90}\n  - {name: "X", from: 70, below: 80}',
            "xếp loại 2 và 3 bắt đầu ở cùng một giá trị [tier-overlap]",
            "class 2 and 3 start at the same value [tier-overlap]",
        ),
        (
            "{at_least: 3, points: 1.5}",
            "{at_least: 5, points: 1.5}",
            "tiêu chí 1.2.1: các mức số lần phải liệt kê từ số lớn nhất xuống, mỗi mức nhỏ hơn mức trước [tier-order]",
            "criterion 1.2.1: count tiers must be listed from the largest count down, each smaller than the one "
            "before [tier-order]",
        ),
    ],
)
def test_bands_of_tiers_and_classes_are_told_with_their_edges_in_either_language(
    tmp_path: Path, old: str, new: str, vi: str, en: str
) -> None:
    text = ALL_KINDS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "set.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for lang, said in (("vi", vi), ("en", en)):
        result = CliRunner().invoke(main, ["validate", str(path), "--lang", lang])
        assert said in result.output, result.output


@pytest.mark.parametrize(
    ("rows", "vi", "en"),
    [
        (
            "00001,1.2.3,,có\n00001,1.2.3,,có\n",
            "lặp lại một dòng trước đó có cùng giá trị (chỉ tính một lần)",
            "repeats an earlier row with the same value (counted once)",
        ),
    ],
)
def test_a_repeated_row_says_which_copy_it_is_in_either_language(tmp_path: Path, rows: str, vi: str, en: str) -> None:
    import polars as pl

    from pari_index.criteria.compiling import compile_criteria
    from pari_index.criteria.loading import load_criteria
    from pari_index.intake.assessments import read_assessments
    from pari_index.messages import localise_findings

    path = tmp_path / "long.csv"
    path.write_text("commune_code,criterion_id,input,value\n" + rows, encoding="utf-8")
    leaves = tuple(compile_criteria(load_criteria(ALL_KINDS).criteria).leaves)
    findings = read_assessments([path], leaves, pl.Series(["00001"])).findings.filter(pl.col("kind") == "duplicate-row")
    assert findings["message"].to_list() == [en]
    assert localise_findings(findings, "vi")["message"].to_list() == [vi]
    assert localise_findings(findings, "en")["message"].to_list() == [en]


def test_a_path_with_a_nul_says_so_in_vietnamese(tmp_path: Path) -> None:
    from pari_index.criteria.loading import load_criteria
    from pari_index.intake.tables import read_table_file

    with pytest.raises(IntakeError) as caught:
        read_table_file(tmp_path / "a\x00b.csv")
    with pytest.raises(CriteriaError) as criteria:
        load_criteria(tmp_path / "a\x00b.yaml")
    for problem in (*caught.value.problems, *criteria.value.problems):
        assert problem.code == "file-unreadable"
        assert render(problem.code, problem.params, "vi") == "không đọc được tệp: đường dẫn chứa ký tự NUL"
        assert render(problem.code, problem.params, "en") == problem.message
        assert problem.message == "cannot read the file: the path holds a NUL character"
    # A finding of an older table gives only the operating system's reason.
    assert render("file-unreadable", {"reason": "Unknown trouble"}, "vi") == "không đọc được tệp: Unknown trouble"
    # The system's reason, when it is a strerror: in Vietnamese, its own words in brackets.
    assert render("file-unreadable", {"reason": __import__("os").strerror(13)}, "vi") == (
        f"không đọc được tệp: không có quyền truy cập ({__import__('os').strerror(13)})"
    )


def test_a_workbook_with_two_parts_of_one_name_names_it_in_either_language(tmp_path: Path) -> None:
    import warnings
    import zipfile

    import hostile_xlsx as H

    path = H.write_package(tmp_path / "two.xlsx", H.sheet_xml(H.header_row()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it is asked to write
        with zipfile.ZipFile(path, "a") as package:
            package.writestr("xl/worksheets/sheet1.xml", H.sheet_xml(""))
    (problem,) = _problems(path)
    assert problem.code == "xlsx-damaged"
    assert render(problem.code, problem.params, "vi") == "gói có hai phần cùng tên xl/worksheets/sheet1.xml"
    assert render(problem.code, problem.params, "en") == problem.message


def test_a_workbook_whose_xml_is_broken_gives_the_line_and_column_in_vietnamese(tmp_path: Path) -> None:
    import hostile_xlsx as H

    path = H.write_package(tmp_path / "broken.xlsx", H.sheet_xml(H.header_row()), sheet_name='data"<')
    (problem,) = _problems(path)
    assert problem.code == "xlsx-damaged" and problem.params is not None, problem
    assert render(problem.code, problem.params, "en") == problem.message
    assert render(
        problem.code, problem.params, "vi"
    ) == "không đọc được XML của sổ tính (lỗi XML ở dòng {}, cột {})".format(
        problem.params["xml_line"], problem.params["xml_column"]
    )
    assert problem.params["xml_line"] == 1 and problem.params["xml_column"] > 0


@pytest.mark.parametrize(
    ("where", "vi"),
    [
        ("sheet Dữ liệu", "trang tính Dữ liệu: 2.000 byte XML mà không có điểm kết thúc của một ô"),
        ("sheet", "một trang tính: 2.000 byte XML mà không có điểm kết thúc của một ô"),
        ("sharedStrings.xml", "sharedStrings.xml: 2.000 byte XML mà không có điểm kết thúc của một ô"),
    ],
)
def test_a_run_of_xml_without_a_cell_end_is_told_in_vietnamese(
    monkeypatch: pytest.MonkeyPatch, where: str, vi: str
) -> None:
    import re

    from pari_index.intake.xlsx import xml_patterns
    from pari_index.intake.xlsx.package import _Refused

    monkeypatch.setattr(xml_patterns, "MAX_XML_RUN_BYTES", 1000)
    with pytest.raises(_Refused) as caught:
        list(xml_patterns._parts(iter([b"x" * 2000]), re.compile(b"</c>"), "f.xlsx", where))
    problem = caught.value.problem
    assert render(problem.code, problem.params, "vi") == vi
    assert render(problem.code, problem.params, "en") == problem.message


def test_an_evidence_folder_with_too_long_a_name_says_why_in_vietnamese(tmp_path: Path) -> None:
    from pari_index.intake.evidence_files import evidence_dir_problem

    problem = evidence_dir_problem(tmp_path / ("a" * 5000))
    assert problem is not None and problem.code == "evidence-dir-unusable"
    assert (
        render(problem.code, problem.params, "vi") == "không dùng được thư mục minh chứng: tên quá dài với hệ thống tệp"
    )
    assert render(problem.code, problem.params, "en") == problem.message


# --- a site's own hint -------------------------------------------------------------------------------


def _module_texts() -> dict[str, str]:
    """Every module-level string constant of the source, by name (a hint kept in one: _DAMAGED_HINT)."""
    texts = {}
    for path in SRC.rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                texts |= {t.id: node.value.value for t in node.targets if isinstance(t, ast.Name)}
    return texts


def hint_sites() -> list[tuple[str, str, str]]:
    """(place, kind, hint) of every call that builds a problem of a catalogued kind with a hint of its
    own written out (a text, or the name of a module's text): as ``hint=`` or after the message."""
    texts, sites = _module_texts(), []
    for path in sorted(SRC.rglob("*.py")):
        if "messages" in path.parts:
            continue
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call) or _name(call) in _RENDERS:
                continue
            args = list(call.args)
            at = [i for i, a in enumerate(args) if isinstance(a, ast.Constant) and a.value in CATALOGUE]
            at = [i for i in at if args[i].value not in {"error", "warning"}]  # type: ignore[attr-defined]
            if not at:
                continue
            hint = next((k.value for k in call.keywords if k.arg == "hint"), None)
            if hint is None and len(args) > at[0] + 2:
                hint = args[at[0] + 2]
            text = (
                hint.value
                if isinstance(hint, ast.Constant)
                else texts.get(hint.id)
                if isinstance(hint, ast.Name)
                else None
            )
            if isinstance(text, str) and text not in {"", "en", "vi"}:
                sites.append((f"{path.relative_to(SRC)}:{call.lineno}", args[at[0]].value, text))  # type: ignore[attr-defined]
    return sites


def test_the_walk_finds_the_sites_with_hints_of_their_own() -> None:
    hints = {hint for _, _, hint in hint_sites()}
    assert "give --group-by one of the available columns, or add the column to the register" in hints
    assert "this file was not written by Excel; open it in Excel and save it again, or export CSV (UTF-8)" in hints
    assert len(hints) > 40


def test_a_sites_own_hint_has_its_vietnamese_words() -> None:
    """A hint a site writes for its case, other than its kind's, is told in Vietnamese by its own words,
    not by the kind's more general ones (tier-overlap's "give each edge once" was "see docs/...")."""
    from pari_index.messages.hints import HINT_WORDS

    missing = {
        f"{where} [{kind}]: {hint}"
        for where, kind, hint in hint_sites()
        if hint not in HINT_WORDS
        and (entry_of(kind) is None or entry_of(kind).hint is None or entry_of(kind).hint.en != hint)  # type: ignore[union-attr]
    }
    assert not missing, "\n".join(sorted(missing))


def test_a_sites_own_hint_is_told_in_vietnamese(tmp_path: Path) -> None:
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    args += ["--no-survey", "--group-by", "huyen_moi", "-o", str(tmp_path / "r.xlsx"), "-q"]
    result = CliRunner().invoke(main, args)
    assert "gợi ý: cho --group-by một trong các cột có sẵn, hoặc thêm cột vào danh sách đơn vị" in result.output
    english = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert "hint: give --group-by one of the available columns, or add the column to the register" in english.output


@pytest.mark.parametrize(
    ("case", "vi"),
    [
        ("cache-fifo-manifest", "(manifest.json không phải tệp thông thường)"),
        ("cache-table-links", ".parquet là một liên kết, không phải tệp do bộ nhớ đệm ghi)"),
    ],
)
def test_a_damaged_cache_entry_says_why_in_vietnamese(tmp_path: Path, case: str, vi: str) -> None:
    from hostile_cache import CASES

    args = CASES[case](tmp_path)
    args = [a for i, a in enumerate(args) if a != "--lang" and (i == 0 or args[i - 1] != "--lang")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if line.startswith("Bộ nhớ đệm: bỏ qua")]
    assert notes and all(vi in line for line in notes), result.output
    assert "is not a regular file" not in result.output and "is a link" not in result.output


# (In English the console prints each finding's own sentence, which names the input's id.)
@pytest.mark.parametrize(("lang", "label"), [("vi", "Ngày ký số Kế hoạch CCHC")])
def test_the_console_names_an_input_by_its_label_as_the_findings_sheet_does(
    tmp_path: Path, lang: str, label: str
) -> None:
    """A rejected row printed after pari score named its input by its id (signed_on) while the
    findings sheet named it by its label."""
    lines = (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8").splitlines()[:20]
    path = tmp_path / "part.csv"
    path.write_text("\n".join([*lines, "00004,1.1.1,,abc,,,,,,", "00004,1.1.1,,1,,,,,,"]) + "\n", encoding="utf-8")
    args = ["score", str(path), "--communes", str(EXAMPLES / "communes.csv"), "--survey", str(EXAMPLES / "survey.csv")]
    result = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "r.xlsx"), "-q", "--lang", lang])
    assert result.exit_code == 1, result.output
    told = [line for line in result.output.splitlines() if line.endswith("[conflicting-values]")]
    assert told and all(label in line and "signed_on" not in line for line in told), result.output


def _shape(template: ast.JoinedStr | str) -> str:
    """A hint with each value it fills in as ``{}``: an f-string's or a catalogue template's."""
    if isinstance(template, str):
        return re.sub(r"\{\w+\}", "{}", template)
    return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in template.values)


def formatted_hint_sites() -> list[tuple[str, str, ast.JoinedStr, ast.expr | None]]:
    """(place, kind, hint, params) of every call that builds a problem of a catalogued kind with a hint
    that is an f-string: its English fills in values, which the Vietnamese (the kind's words, filled
    with the problem's parameters) must fill in too."""
    sites = []
    for path in sorted(SRC.rglob("*.py")):
        if "messages" in path.parts:
            continue
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call) or _name(call) in _RENDERS:
                continue
            kinds = [a.value for a in call.args if isinstance(a, ast.Constant) and a.value in CATALOGUE]
            hint = next((k.value for k in call.keywords if k.arg == "hint"), None)
            if kinds and isinstance(hint, ast.JoinedStr):
                params = next((k.value for k in call.keywords if k.arg == "params"), None)
                sites.append((f"{path.relative_to(SRC)}:{call.lineno}", kinds[0], hint, params))
    return sites


def test_a_sites_hint_built_from_values_is_its_kinds() -> None:
    """A site's f-string hint is its kind's English hint, and the problem gives the parameters the
    kind's hint names: the Vietnamese then says what the English says. bad-limit's English said
    «set it to a number such as 20000000», its Vietnamese «đặt một số nguyên dương» without the
    number (the catalogue's hint had no {default}); open-files-limit's Vietnamese wrote 4096 by hand."""
    wrong = []
    for where, kind, hint, params in formatted_hint_sites():
        words = entry_of(kind).hint  # type: ignore[union-attr]
        if words is None or _shape(hint) != _shape(words.en):
            wrong.append(f"{where} [{kind}]: {_shape(hint)!r} is not the kind's {words and words.en!r}")
            continue
        given = {k.value for k in params.keys if isinstance(k, ast.Constant)} if isinstance(params, ast.Dict) else None
        needs = _fields(words.vi) - set(PARAM_WORDS)
        if _fields(words.vi) != _fields(words.en) or (given is not None and not needs <= given):
            wrong.append(f"{where} [{kind}]: the kind's hint needs {sorted(needs)}, params= gives {given}")
    assert not wrong, "\n".join(wrong)


def test_the_walk_finds_hints_built_from_values() -> None:
    kinds = {kind for _, kind, _, _ in formatted_hint_sites()}
    assert {"path-not-expanded", "too-many-rows", "output-name-dash", "input-name-dash"} <= kinds


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "gợi ý: đặt một số nguyên dương, ví dụ 20000000 (xem docs/limits.md), hoặc bỏ biến"),
        ("en", "hint: set it to a number such as 20000000 (see docs/limits.md), or unset it"),
    ],
)
def test_a_bad_limit_gives_its_default_in_either_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    monkeypatch.setenv("PARI_MAX_CELLS", "abc")
    args = ["--lang", lang, "score", str(EXAMPLES / "assessments_long.csv"), "--communes"]
    args += [str(EXAMPLES / "communes.csv"), "--no-survey", "-o", str(tmp_path / "r.xlsx")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert said in result.output, result.output
    assert not (tmp_path / "r.xlsx").exists()
