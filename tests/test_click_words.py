"""click's own usage errors in the command's language (pari_index.messages.click_words, cli._Group):
every sentence of click's user-facing errors (read out of the installed click) has its Vietnamese
words; a command line told in Vietnamese (the default, or --lang vi) gets them, with the usage line
and the pointer to --help; --lang en gets click's English as it is."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from processes import run_process

from pari_index.cli import command_lang, main
from pari_index.messages.click_words import CLICK_WORDS, ENGLISH_MARK, click_message

CLICK_DIR = Path(click.__file__).parent

#: Message ids of click that are no error a user of ``pari`` meets: help headings and notes
#: (the help's words: messages/help_words.py, tests/test_help_words.py), and mistakes of a program
#: declaring its options.
NOT_ERRORS = {
    "deprecated",
    "Options",
    "Positional arguments",
    "Commands",
    "(dynamic)",
    "env var: {var}",
    "default: {default}",
    "Choice({choices})",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}",
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? Did you "
    "mean to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
}


def click_ids() -> set[str]:
    """Every message id click passes to gettext (``_("...")``, ``ngettext("...", "...")``) in the
    modules that parse a command line and report its errors."""
    ids = set()
    for name in ("core.py", "parser.py", "types.py", "exceptions.py"):
        for call in ast.walk(ast.parse((CLICK_DIR / name).read_text(encoding="utf-8"))):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in ("_", "ngettext"):
                ids |= {a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return ids


def test_the_source_is_read() -> None:
    ids = click_ids()
    assert {"Missing argument", "Error: {message}", "Try '{command} {option}' for help."} <= ids
    assert len(ids) > 40


def test_every_error_of_click_has_its_vietnamese_words() -> None:
    missing = click_ids() - NOT_ERRORS - set(CLICK_WORDS)
    assert not missing, sorted(missing)


@pytest.mark.parametrize("english", sorted(CLICK_WORDS))
def test_each_translation_fills_in_what_the_english_does(english: str) -> None:
    fields = re.compile(r"\{\w+(?:!r)?\}")
    assert sorted(fields.findall(CLICK_WORDS[english])) == sorted(fields.findall(english))
    assert CLICK_WORDS[english] != english


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        ([], "vi"),
        (["score", "--lang", "en"], "en"),
        (["score", "--lang=en", "--bogus"], "en"),
        (["score", "--lang", "en", "--lang", "vi"], "vi"),
        (["score", "--lang", "fr"], "vi"),
        (["score", "--", "--lang", "en"], "vi"),
    ],
)
def test_the_language_of_a_command_line(args: list[str], lang: str) -> None:
    assert command_lang(args) == lang


#: (arguments, the line click's error is on in Vietnamese, in English)
CASES = [
    (["score", "--bogus"], "Lỗi: Không có tuỳ chọn '--bogus'.", "Error: No such option '--bogus'."),
    (["score", "--outpt", "x"], "Lỗi: Không có tuỳ chọn '--outpt'. Có phải ý bạn là '--output'?", None),
    (["score"], "Lỗi: Thiếu tuỳ chọn '-o' / '--output'.", "Error: Missing option '-o' / '--output'."),
    (["explain"], "Lỗi: Thiếu đối số 'MÃ_XÃ'.", "Error: Missing argument 'COMMUNE'."),
    (
        ["schema", "--indent", "x"],
        "Lỗi: Giá trị không hợp lệ cho '--indent': 'x' không phải số nguyên hợp lệ.",
        "Error: Invalid value for '--indent': 'x' is not a valid integer range.",
    ),
    (
        ["schema", "extra"],
        "Lỗi: Có một đối số thừa không dùng đến (extra)",
        "Error: Got unexpected extra argument (extra)",
    ),
    (["nosuch"], "Lỗi: Không có lệnh 'nosuch'.", "Error: No such command 'nosuch'."),
    (
        ["score", "--survey"],
        "Lỗi: Tuỳ chọn '--survey' cần một giá trị.",
        "Error: Option '--survey' requires an argument.",
    ),
]


@pytest.mark.parametrize(("args", "vi", "en"), CASES)
def test_clicks_errors_are_told_in_the_commands_language(args: list[str], vi: str, en: str | None) -> None:
    runner = CliRunner()
    result = runner.invoke(main, args, prog_name="pari")
    assert result.exit_code == 2, result.output
    assert vi in result.output.splitlines(), result.output
    assert "Error" not in result.output and "Usage" not in result.output and ENGLISH_MARK not in result.output
    if args[0] in ("score", "explain", "schema") and "--survey" not in args:  # (a missing value has no usage line)
        assert f"Xem «pari {args[0]} --help» để biết cách dùng." in result.output
        assert f"Cách dùng: pari {args[0]} [TUỲ CHỌN]" in result.output
    english = runner.invoke(
        main, [args[0], "--lang", "en", *args[1:]] if args[0] != "nosuch" else args, prog_name="pari"
    )
    assert english.exit_code == 2
    if en is not None and args[0] != "nosuch":
        assert en in english.output.splitlines(), english.output
        assert "Lỗi" not in english.output and "Cách dùng" not in english.output


def test_a_click_error_in_a_real_process_is_told_in_vietnamese() -> None:
    vi = run_process("score", "--bogus", timeout=120)
    assert vi.returncode == 2
    assert vi.stderr.splitlines() == [
        "Cách dùng: pari score [TUỲ CHỌN] [TỆP_TỰ_ĐÁNH_GIÁ]...",
        "Xem «pari score --help» để biết cách dùng.",
        "",
        "Lỗi: Không có tuỳ chọn '--bogus'.",
    ]
    en = run_process("score", "--bogus", "--lang", "en", timeout=120)
    assert en.returncode == 2
    assert en.stderr.splitlines() == [
        "Usage: pari score [OPTIONS] [ASSESSMENTS]...",
        "Try 'pari score --help' for help.",
        "",
        "Error: No such option '--bogus'.",
    ]


def test_a_sentence_click_may_add_later_is_marked_as_english() -> None:
    assert click_message("Something new happened.", "vi") == "Something new happened." + ENGLISH_MARK
    assert click_message("Something new happened.", "en") == "Something new happened."


def test_version_has_no_words_and_a_bare_pari_shows_the_help() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["--version"], prog_name="pari").output == "pari 0.1.0\n"
    bare = runner.invoke(main, [], prog_name="pari")
    assert "Cách dùng: pari [TUỲ CHỌN] LỆNH [ĐỐI SỐ]..." in bare.output and "Lỗi" not in bare.output
    # With a --lang, the line is no longer bare: a command is missing, in that language.
    english = runner.invoke(main, ["--lang", "en"], prog_name="pari")
    assert english.exit_code == 2 and "Error: Missing command." in english.output, english.output
