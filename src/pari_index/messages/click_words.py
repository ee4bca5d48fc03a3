"""click's own usage errors in Vietnamese. click refuses a command line before any command runs
(an unknown option, a missing argument, a value not among the choices) and says so in English, from
a small fixed set of sentences (its gettext message ids). The ``pari`` group tells them in the
command's language (cli._Group): in Vietnamese from this table, in English as click says them.

tests/test_click_words.py reads every message id of click's user-facing errors out of the
installed click and checks that each is here.
"""

from __future__ import annotations

import functools
import re

#: Follows a sentence of click's the table does not know (a newer click), in Vietnamese text.
ENGLISH_MARK = " (tiếng Anh)"

#: click's sentences (its message ids, ``{name}`` / ``{name!r}`` where it fills a value in, and the
#: sentences its exceptions compose of them) -> Vietnamese, with the same fields.
CLICK_WORDS: dict[str, str] = {
    # exceptions.py
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem «{command} {option}» để biết cách dùng.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tuỳ chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "No such option {name!r}.": "Không có tuỳ chọn {name!r}.",
    "No such option: {name}": "Không có tuỳ chọn {name}",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "unknown error": "lỗi không xác định",
    # What MissingParameter, NoSuchOption and NoSuchCommand compose of the words above.
    "Missing argument {param_hint}.": "Thiếu đối số {param_hint}.",
    "Missing option {param_hint}.": "Thiếu tuỳ chọn {param_hint}.",
    "Missing parameter {param_hint}.": "Thiếu tham số {param_hint}.",
    "Missing {param_type} {param_hint}.": "Thiếu {param_type} {param_hint}.",
    "Missing argument {param_hint}. {extra}": "Thiếu đối số {param_hint}. {extra}",
    "Missing option {param_hint}. {extra}": "Thiếu tuỳ chọn {param_hint}. {extra}",
    "Missing argument.": "Thiếu đối số.",
    "Missing option.": "Thiếu tuỳ chọn.",
    "Missing parameter.": "Thiếu tham số.",
    "No such option {name!r}. Did you mean {possibility}?": (
        "Không có tuỳ chọn {name!r}. Có phải ý bạn là {possibility}?"
    ),
    "No such option {name!r}. (Did you mean one of: {possibilities}?)": (
        "Không có tuỳ chọn {name!r}. (Có phải ý bạn là một trong: {possibilities}?)"
    ),
    "No such command {name!r}. Did you mean {possibility}?": "Không có lệnh {name!r}. Có phải ý bạn là {possibility}?",
    "No such command {name!r}. (Did you mean one of: {possibilities}?)": (
        "Không có lệnh {name!r}. (Có phải ý bạn là một trong: {possibilities}?)"
    ),
    # parser.py
    "Option {name!r} does not take a value.": "Tuỳ chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tuỳ chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tuỳ chọn {name!r} cần {nargs} giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} nhận {nargs} giá trị.",
    "Invalid start character for option ({option})": "Ký tự đầu không hợp lệ cho tuỳ chọn ({option})",
    # core.py
    "Got unexpected extra argument ({args})": "Có một đối số thừa không dùng đến ({args})",
    "Got unexpected extra arguments ({args})": "Có các đối số thừa không dùng đến ({args})",
    "Missing command.": "Thiếu lệnh.",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "Aborted!": "Đã dừng!",
    # types.py
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng dạng nào trong {formats}.",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} không phải giá trị đúng/sai. Các giá trị được nhận: {states}"
    ),
    "{value!r} is not a valid {number_type}.": "{value!r} không phải {number_type} hợp lệ.",
    "{value!r} is not a valid UUID.": "{value!r} không phải UUID hợp lệ.",
    "{len_type} values are required, but {len_value} was given.": "Cần {len_type} giá trị, nhưng có {len_value}.",
    "{len_type} values are required, but {len_value} were given.": "Cần {len_type} giá trị, nhưng có {len_value}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} không chạy được.",
    # Words click fills in: a path's kind, a number's type, what is missing.
    "file": "Tệp",
    "directory": "Thư mục",
    "path": "Đường dẫn",
    "File": "Tệp",
    "Directory": "Thư mục",
    "Path": "Đường dẫn",
    "integer": "số nguyên",
    "float": "số thực",
    # click.IntRange and FloatRange name themselves so: "'x' is not a valid integer range".
    "integer range": "số nguyên",
    "float range": "số thực",
    "option": "tuỳ chọn",
    "argument": "đối số",
    "parameter": "tham số",
}

#: The usage line's words (``Usage: pari score [OPTIONS] FILES...``): what the reader reads, not
#: what they type (the command and its option names stay).
USAGE_WORDS: dict[str, str] = {
    "Usage:": "Cách dùng:",
    "[OPTIONS]": "[TUỲ CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]...",
}

_FIELD = re.compile(r"\{\w+(?:!r)?\}")


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each sentence as a pattern whose fields capture the values click filled in; the sentences
    with the most fixed words first (a field matches anything, so "{message} {possibilities}" last)."""
    out = []
    for english, vietnamese in sorted(CLICK_WORDS.items(), key=lambda item: -len(_FIELD.sub("", item[0]))):
        pattern = "".join(
            f"(?P<{m[1:].split('}')[0].split('!')[0]}>.+?)" if _FIELD.fullmatch(m) else re.escape(m)
            for m in re.split(r"(\{\w+(?:!r)?\})", english)
            if m
        )
        out.append((re.compile(f"(?s){pattern}"), vietnamese))
    return tuple(out)


def _fill(template: str, values: dict[str, str]) -> str:
    return _FIELD.sub(lambda m: values[m.group(0)[1:].split("}")[0].split("!")[0]], template)


def _one(text: str, depth: int = 0) -> str | None:
    """``text`` in Vietnamese when it is one of click's sentences (the values it filled in are
    translated in turn when they are sentences or words of click's), else None."""
    if depth > 4:
        return None
    for pattern, vietnamese in _patterns():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        values = {name: _one(value, depth + 1) or value for name, value in match.groupdict().items()}
        return _fill(vietnamese, values)
    return None


def click_message(text: str, lang: str) -> str:
    """One of click's error messages (``format_message()``) in ``lang``: in Vietnamese from
    :data:`CLICK_WORDS`, else in English marked with :data:`ENGLISH_MARK`."""
    if lang != "vi":
        return text
    told = _one(text)
    return told if told is not None else text + ENGLISH_MARK


def usage_line(text: str, lang: str) -> str:
    """click's usage line in ``lang``."""
    if lang != "vi":
        return text
    for english, vietnamese in USAGE_WORDS.items():
        text = text.replace(english, vietnamese)
    return text
