"""PyYAML's reasons in Vietnamese (pari_index.messages.yaml_words): every problem and context the
installed PyYAML can give (read out of its Python source and its compiled libyaml) is in the table,
and a YAML error told in Vietnamese keeps its line and column and shows no English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.errors import CriteriaError
from pari_index.messages import render
from pari_index.messages.yaml_words import ENGLISH_MARK, YAML_WORDS, yaml_reason

YAML_DIR = Path(yaml.__file__).parent
PLACEHOLDER = re.compile(r"%(?:r|s|d|04x)")


def python_words() -> set[str]:
    """The context (first) and problem (third) argument of every ``...Error(...)`` PyYAML raises
    while reading, as written in its source (``%r`` where it quotes a value)."""
    words = set()
    for name in ("reader.py", "scanner.py", "parser.py", "composer.py", "constructor.py"):
        for call in ast.walk(ast.parse((YAML_DIR / name).read_text(encoding="utf-8"))):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id.endswith("Error")):
                continue
            for argument in call.args[0:1] + call.args[2:3]:
                if isinstance(argument, ast.BinOp) and isinstance(argument.op, ast.Mod):
                    argument = argument.left
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    words.add(argument.value)
    return words


#: Strings of the compiled module that are libyaml's problems and contexts (not its C asserts).
_LIBYAML = re.compile(
    rb"(?<=\x00)((?:while|did not|found|could not|mapping|block|sequence|expected|invalid|control|incompatible"
    rb"|duplicate)[ -~]*? [ -~]*?)(?=\x00)"
)


def libyaml_words() -> set[str]:
    found = set()
    for path in YAML_DIR.glob("_yaml*.so"):
        for match in _LIBYAML.finditer(path.read_bytes()):
            text = match.group(1).decode()
            if "&&" not in text and "vtable" not in text:
                found.add(text)
    return found


def test_the_source_is_read() -> None:
    words = python_words()
    assert {"mapping values are not allowed here", "found undefined alias %r", "while scanning a simple key"} <= words
    assert len(words) > 70


def test_every_problem_and_context_of_pyyaml_is_translated() -> None:
    missing = python_words() - set(YAML_WORDS)
    assert not missing, sorted(missing)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
def test_every_problem_and_context_of_libyaml_is_translated() -> None:
    words = libyaml_words()
    assert "could not find expected ':'" in words and len(words) > 60
    missing = words - set(YAML_WORDS)
    assert not missing, sorted(missing)


@pytest.mark.parametrize("english", sorted(YAML_WORDS))
def test_each_translation_quotes_what_the_english_quotes(english: str) -> None:
    vietnamese = YAML_WORDS[english]
    assert PLACEHOLDER.findall(vietnamese) == PLACEHOLDER.findall(english), english
    assert vietnamese != english


@pytest.mark.parametrize(
    ("text", "vi"),
    [
        ("mapping values are not allowed here", "không được có giá trị ánh xạ (key: value) ở đây"),
        (
            "found character '\\t' that cannot start any token",
            "gặp ký tự '\\t', ký tự này không thể mở đầu ký hiệu nào",
        ),
        (
            "expected <block end>, but found '<block mapping start>'",
            "cần kết thúc khối (thụt lề về như trước), nhưng gặp '<block mapping start>'",
        ),
        (
            "while scanning a simple key on line 3; could not find expected ':' here",
            "khi đọc một khoá ở dòng 3; không tìm thấy dấu «:» cần có ở đây",
        ),
        (
            "unacceptable character #x0001: control characters are not allowed",
            "ký tự không được chấp nhận #x0001: không được có ký tự điều khiển",
        ),
        ("something PyYAML 9 says", "something PyYAML 9 says" + ENGLISH_MARK),
        (
            "while doing X on line 2; could not find expected ':' here",
            "while doing X on line 2; could not find expected ':' here" + ENGLISH_MARK,
        ),
    ],
)
def test_a_reason_is_translated_or_marked_as_english(text: str, vi: str) -> None:
    assert yaml_reason(text, "vi") == vi
    assert yaml_reason(text, "en") == text


@pytest.mark.parametrize(
    ("text", "place", "vi"),
    [
        ("a: b: c\n", "1:5", "YAML không hợp lệ: không được có giá trị ánh xạ (key: value) ở đây [yaml-syntax]"),
        (
            "a:\n\tb: 1\n",
            "2:1",
            "YAML không hợp lệ: khi đọc ký hiệu tiếp theo ở dòng 2; gặp một ký tự không thể mở đầu ký hiệu nào "
            "(có thể là dấu tab) ở đây [yaml-syntax]",
        ),
        ("a: *x\n", "1:4", "YAML không hợp lệ: bí danh chưa được định nghĩa (không có neo & nào trước nó)"),
        ("a: &x 1\nb: &x 2\n", "2:4", "YAML không hợp lệ: neo được đặt hai lần; lần đầu ở dòng 1; lần thứ hai ở đây"),
        (
            "a: &x [*x]\n",
            "1:4",
            "một bí danh (*tên) được dùng bên trong chính giá trị mà neo của nó (&tên) đặt tên, nên giá trị sẽ "
            "chứa chính nó không có điểm dừng [yaml-alias-bomb]",
        ),
        (
            "a: !!python/object:os.system 1\n",
            "1:4",
            "bị từ chối: không có cách dựng giá trị cho thẻ 'tag:yaml.org,2002:python/object:os.system' "
            "[yaml-tag-refused]",
        ),
    ],
)
def test_a_yaml_error_is_told_in_vietnamese_with_its_place(tmp_path: Path, text: str, place: str, vi: str) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path), "--lang", "vi"])
    assert result.exit_code == 1, result.output
    assert f"lỗi: {path}:{place}: {vi}" in result.output, result.output
    assert ENGLISH_MARK not in result.output
    english = CliRunner().invoke(main, ["validate", str(path), "--lang", "en"]).output
    assert "YAML không hợp lệ" not in english and "bị từ chối" not in english and "bí danh" not in english
    assert f"{path}: INVALID (1 problem)" in english.splitlines()


def test_the_english_of_a_yaml_error_is_its_own_sentence(tmp_path: Path) -> None:
    from pari_index.criteria.loading import load_criteria

    path = tmp_path / "set.yaml"
    path.write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    with pytest.raises(CriteriaError) as caught:
        load_criteria(path)
    (problem,) = caught.value.problems
    assert render(problem.code, problem.params, "en") == problem.message
    assert render(problem.code, problem.params, "vi") == (
        "YAML không hợp lệ: khi phân tích một danh sách trong ngoặc [ ] ở dòng 1; không tìm thấy «,» hoặc «]» "
        "cần có ở đây"
    )
