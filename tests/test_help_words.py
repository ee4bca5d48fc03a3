"""``pari --help`` in the command line's language (pari_index.messages.help_words): Vietnamese by
default, English with ``--lang en`` anywhere on the line; every command, option and argument has its
words in both languages, and click's own words of a help page are told in Vietnamese too."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from processes import run_process

from pari_index.cli import main
from pari_index.messages.help_words import (
    ARGUMENT_WORDS,
    COMMAND_HELP,
    OPTION_HELP,
    lang_defaults,
    localise_help,
    option_key,
    option_words,
    walk,
)

COMMANDS = [path for path, _ in walk(main)]


def _help(*args: str) -> str:
    result = CliRunner().invoke(main, [*args], prog_name="pari", terminal_width=200)
    assert result.exit_code == 0, result.output
    return result.output


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_tree_is_walked() -> None:
    assert {"", "score", "explain", "criteria", "criteria export", "criteria import", "diff"} <= set(COMMANDS)
    assert len(COMMANDS) == 12


@pytest.mark.parametrize(
    "args",
    [
        ["score", "--help"],
        ["score", "--lang", "vi", "--help"],
        ["score", "-h"],
    ],
)
def test_pari_score_help_is_vietnamese_by_default(args: list[str]) -> None:
    out = _flat(_help(*args))
    assert "Thất bại (mã thoát 3) khi có bất kỳ phát hiện nào mức lỗi hoặc cảnh báo (kết quả vẫn được ghi)." in out
    assert "Cách dùng: pari score [TUỲ CHỌN] [TỆP_TỰ_ĐÁNH_GIÁ]..." in out
    assert "Tuỳ chọn:" in out and "In trợ giúp này rồi thoát." in out
    assert "--batch-size SỐ_NGUYÊN" in out and "[mặc định: vi]" in out and "[bắt buộc]" in out
    assert "Fail (exit 3)" not in out


@pytest.mark.parametrize(
    "args",
    [
        ["score", "--lang", "en", "--help"],
        ["score", "--help", "--lang", "en"],
        ["score", "--help", "--lang=en"],
        ["--lang", "en", "score", "--help"],
    ],
)
def test_pari_score_help_is_english_with_lang_en_anywhere(args: list[str]) -> None:
    out = _flat(_help(*args))
    assert "Fail (exit 3) when there is any finding of severity error or warning (the results are written)." in out
    assert "Usage: pari score [OPTIONS] [ASSESSMENTS]..." in out
    assert "Options:" in out and "Show this message and exit." in out and "[required]" in out
    assert "Thất bại" not in out and "Tuỳ chọn" not in out


def test_the_top_level_help_follows_lang_too() -> None:
    vi, en = _help("--help"), _help("--lang", "en", "--help")
    assert vi.startswith("Cách dùng: pari [TUỲ CHỌN] LỆNH [ĐỐI SỐ]...")
    assert "Lệnh:" in vi and "chấm điểm, kiểm tra và xếp hạng các xã" in vi
    assert en.startswith("Usage: pari [OPTIONS] COMMAND [ARGS]...")
    assert "Commands:" in en and "score, verify and rank communes" in en
    assert _help("--help", "--lang", "en") == en


def test_lang_before_the_command_is_the_commands_language() -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "validate", "missing.yaml"], prog_name="pari")
    assert result.exit_code == 1
    assert "missing.yaml: file not found [file-not-found]" in result.output, result.output
    # The command's own --lang wins over the one before it (it comes last).
    result = CliRunner().invoke(main, ["--lang", "en", "validate", "missing.yaml", "--lang", "vi"])
    assert "missing.yaml: Không tìm thấy tệp [file-not-found]" in result.output, result.output
    assert lang_defaults(main, "en")["criteria"] == {"export": {"lang": "en"}, "import": {"lang": "en"}, "lang": "en"}


def _options(command: click.Command) -> list[click.Option]:
    # click's own --help is told by the formatter (CLICK_HELP_WORDS), not by pari's words.
    return [p for p in command.params if isinstance(p, click.Option)]


@pytest.mark.parametrize("path", COMMANDS)
def test_every_command_option_and_argument_has_words_in_both_languages(path: str) -> None:
    command = dict(walk(main))[path]
    words = [COMMAND_HELP.get(path)]
    missing = [f"command {path!r}"] if words[0] is None else []
    for option in _options(command):
        found = option_words(path, option)
        missing += [] if found is not None else [option_key(path, option)]
        words.append(found)
    for argument in (p for p in command.params if isinstance(p, click.Argument)):
        found = ARGUMENT_WORDS.get(f"{path} {argument.name}")
        missing += [] if found is not None else [f"{path} {argument.name}"]
        words.append(found)
    assert not missing, missing
    for said in words:
        assert said is not None and said.vi.strip() and said.en.strip() and said.vi != said.en, said


@pytest.mark.parametrize("path", COMMANDS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_help_page_shows_each_option_in_its_language(path: str, lang: str) -> None:
    command = dict(walk(main))[path]
    out = _flat(_help("--lang", lang, *path.split(), "--help"))
    other = "en" if lang == "vi" else "vi"
    for option in _options(command):
        said = option_words(path, option)
        assert said is not None
        assert _flat(said.get(lang)) in out, (option.opts, lang)
        assert _flat(said.get(other)) not in out, (option.opts, lang)
    first_line = _flat(COMMAND_HELP[path].get(lang)).split(". ")[0]
    assert first_line in out
    if lang == "vi":
        # Nothing of click's English is left on a Vietnamese page.
        for english in ("Usage:", "Options:", "Commands:", "Show this", "[default:", "[required]", " PATH", " INTEGER"):
            assert english not in out, (english, out)
    localise_help(main, "vi")


def test_no_words_are_left_over() -> None:
    options = {option_key(path, o) for path, command in walk(main) for o in _options(command)}
    names = {key.split(" ")[-1] for key in options}
    assert set(OPTION_HELP) - options - names == set()
    arguments = {f"{path} {p.name}" for path, c in walk(main) for p in c.params if isinstance(p, click.Argument)}
    assert set(ARGUMENT_WORDS) == arguments
    assert set(COMMAND_HELP) == set(COMMANDS)


def test_help_in_a_real_process_follows_lang_and_imports_no_polars() -> None:
    vi = run_process("score", "--help", timeout=120)
    assert vi.returncode == 0 and "Cách dùng: pari score" in vi.stdout
    assert "Ghi thêm báo cáo xếp hạng HTML." in vi.stdout
    en = run_process("--lang", "en", "score", "--help", timeout=120)
    assert en.returncode == 0 and "Also write the HTML ranking report." in en.stdout
    probe = run_process_python(
        "import sys; from pari_index.cli import main\n"
        "try:\n    main(['score', '--help'])\nexcept SystemExit:\n    pass\n"
        "print('polars' in sys.modules, file=sys.stderr)"
    )
    assert probe.stderr.strip().splitlines()[-1] == "False", probe.stderr


def run_process_python(code: str) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )
