"""No user-visible text shows Python's quoting: a user's text is quoted «like this».

Messages quoted the user's names with Python's ``repr`` ('x', with \\x1b escapes) in both
languages: ``cột 'value'`` on every located finding, ``input 'x'`` in the criteria checks,
``commune code '00001'`` in the register's. ``errors.quoted`` is the one way a message quotes a
user's text; the checks below defend the class: the source holds no ``repr`` or ``!r`` outside
the texts meant for programmers, and the catalogue renders no Python quoting.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pari_index.errors import Problem, UsageError, quoted
from pari_index.messages import catalogue_markdown

SOURCE = Path(__file__).parents[1] / "src" / "pari_index"

#: Where repr stays: errors for programmers (a wrong argument of a library call, an attribute that
#: does not exist, a template's own placeholders), a number's exact digits, a cache's fingerprint,
#: and a developer's comparison tool.
PROGRAMMERS = {
    "__init__.py",
    "api.py",
    "messages/library_errors.py",
    "textexpr.py",
    "messages/__init__.py",
    "messages/numbers.py",
    "outputs/report.py",
    "outputs/report_format.py",
    "outputs/template.py",
    "demo/files.py",
    "authoring/compare.py",
    "scoring/cache.py",
}


def _reprs() -> list[str]:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        name = path.relative_to(SOURCE).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))]:
            where = name if function is tree else f"{name}:{function.name}"  # type: ignore[attr-defined]
            for node in ast.walk(function):
                is_repr = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "repr"
                is_r = isinstance(node, ast.FormattedValue) and node.conversion == ord("r")
                if (is_repr or is_r) and name not in PROGRAMMERS and where not in PROGRAMMERS:
                    found.append(f"{name}:{node.lineno}")
    return sorted(set(found))


def test_no_message_quotes_with_repr() -> None:
    assert _reprs() == []


#: Python's quoting as it shows in a text: 'x' (not an apostrophe in a word), a list's ["a" or
#: ['a, and None, True, False as words.
REPR_ARTEFACTS = re.compile(r"(?<![\w])'[^'\n]*'(?![\w])|\[\"|\['|\bNone\b|\bTrue\b|\bFalse\b")


def test_the_catalogue_renders_no_python_quoting() -> None:
    """Every finding's title, message and hint in both languages (docs/findings.md), and the
    notes of the criteria import (the draft's todo: lines), which have words of their own."""
    from pari_index.authoring.notes import NOTES

    # Not the library's errors (``library-*``, session 39): they name a caller's Python values as
    # Python writes them ('vi', None), what the caller types, as api.py did before they were bilingual.
    findings = [line for line in catalogue_markdown().splitlines() if not line.startswith("| `library-")]
    texts = [*findings, *(text for pair in NOTES.values() for text in pair)]
    found = [m.group(0) for line in texts for m in REPR_ARTEFACTS.finditer(line)]
    assert found == []


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "a.csv row 2 column «Giá trị»: "),
        ("vi", "a.csv hàng 2 cột «Giá trị»: "),
    ],
)
def test_a_finding_names_its_column_in_quotes_officials_read(lang: str, said: str) -> None:
    problem = Problem("bad-value", quoted("x"), file="a.csv", row=2, field="Giá trị", params={"fix": ""})
    assert problem.render(lang).startswith(said)


def test_quoted_shows_control_characters_not_escapes() -> None:
    assert quoted("ghi chú\x1b[2J") == "«ghi chú<U+001B>[2J»"
    assert quoted(7) == "«7»"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "cannot rank within «xóm»: the register has no such column"),
        ("vi", "không xếp hạng theo «xóm» được"),
    ],
)
def test_an_unknown_group_column_is_quoted_in_both_languages(lang: str, said: str) -> None:
    import polars as pl

    from pari_index.ranking.groups import group_path

    totals = pl.DataFrame({"commune_code": ["00001"], "district": ["H"]})
    with pytest.raises(UsageError) as raised:
        group_path(totals, "xóm")  # «quận» names the district since session 35 (decoding35)
    text = raised.value.problems[0].render(lang)
    assert said in text, text
    assert "'" not in text.split("[")[0], text
