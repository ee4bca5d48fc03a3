"""The library's own errors (``import pari_index as pari``): a caller's mistake in a call of the
facade (an argument of the wrong type, a ranking edited, leaves of another set), raised as
TypeError or ValueError (:func:`refused`) by pari_index.api and the stage functions it calls, in
the language ``pari.set_errors_lang`` chose. Each kind's English is the text the facade raised
before it had Vietnamese words. Part of the catalogue (pari_index.messages.catalogue).

The facade's functions take ``lang=`` for what they write (findings, results, report, an
explanation), but a caller's mistake in a call (``pari.score(year="2022")``) is raised before any
of that, often by a function without ``lang=``: its language is this one setting, here so that the
stages may raise these errors too. It is English by default, the text these errors had before they
had Vietnamese words, so that callers and tests matching the English keep working;
``pari.set_errors_lang("vi")`` makes them Vietnamese. Each error also carries ``kind``, ``params``
and ``words`` (both languages), whatever the setting."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pari_index.messages.words import Entry, Words, entry

E = TypeVar("E", bound=Exception)

_WRONG_ARGUMENT = ("Đối số sai", "Wrong argument")
_ARGUMENT = "pari.{function}: {argument} "
_RANKED_VI = "pari.{function}: ranked không phải pari.rank(result) của kết quả này: "
_RANKED_EN = "pari.{function}: ranked is not pari.rank(result) of this result: "
_EDITED_VI = "nó đã bị sửa sau pari.score; hãy chấm lại"
_EDITED_EN = "it was edited after pari.score; score again"


def _argument(title_vi: str, title_en: str, vi: str, en: str) -> Entry:
    """A kind about one argument of a facade function: ``pari.score: year ...``."""
    return entry(title_vi, title_en, _ARGUMENT + vi, _ARGUMENT + en)


def _ranked(title_vi: str, title_en: str, vi: str, en: str) -> Entry:
    """A kind of a ``ranked`` that is not the latest pari.rank(result) of the result given."""
    return entry(title_vi, title_en, _RANKED_VI + vi, _RANKED_EN + en)


def _explain(title_vi: str, title_en: str, vi: str, en: str) -> Entry:
    return entry(title_vi, title_en, "pari.explain_text: " + vi, "pari.explain_text: " + en)


def _display(title_vi: str, title_en: str, vi: str, en: str) -> Entry:
    return entry(title_vi, title_en, "pari.display_frame: " + vi, "pari.display_frame: " + en)


#: The facade's errors, by kind.
LIBRARY_ERRORS: dict[str, Entry] = {
    "library-call": entry(
        "Lời gọi hàm sai đối số",
        "A call with wrong arguments",
        "pari.{function}: lời gọi không khớp các đối số của hàm ({reason}); xem help(pari.{function})",
        "pari.{function}: {reason} (see help(pari.{function}))",
    ),
    "library-empty-name": _argument(
        "Tên tệp rỗng",
        "An empty file name",
        'là một tên rỗng ("{name}"): hãy ghi tên của tệp (một biến chưa được đặt?)',
        'holds an empty name ("{name}"): give the file\'s name (an unset variable?)',
    ),
    "library-blank-name": _argument(
        "Tên tệp chỉ có khoảng trắng",
        "A blank file name",
        'là một tên chỉ có khoảng trắng ("{name}"): hãy ghi tên của tệp (một biến chưa được đặt?)',
        'holds a blank name ("{name}"): give the file\'s name (an unset variable?)',
    ),
    "library-not-path-list": _argument(
        *_WRONG_ARGUMENT,
        "nhận một danh sách đường dẫn tệp (str hoặc pathlib.Path), không nhận {got}",
        "takes a list of file paths (str or pathlib.Path), not {got}",
    ),
    "library-not-path": _argument(
        *_WRONG_ARGUMENT,
        "nhận một đường dẫn tệp (str hoặc pathlib.Path), không nhận {got}",
        "takes a file path (str or pathlib.Path), not {got}",
    ),
    "library-not-progress": _argument(
        *_WRONG_ARGUMENT,
        "nhận một hàm có một đối số là thông báo (str), hoặc None, không nhận {got}",
        "takes a function of one message (str), or None, not {got}",
    ),
    "library-not-criteria": _argument(
        *_WRONG_ARGUMENT,
        "nhận đường dẫn tới một tệp YAML bộ tiêu chí hoặc pari.load_criteria(...), không nhận {got}",
        "takes a path to a criteria YAML file or pari.load_criteria(...), not {got}",
    ),
    "library-bad-lang": _argument(
        "Ngôn ngữ không có", "No such language", "là 'vi' hoặc 'en', không phải {value}", "is 'vi' or 'en', not {value}"
    ),
    "library-bad-fmt": _argument(
        "Định dạng không có",
        "No such format",
        "là một trong các giá trị {choices}, không phải {value}",
        "is one of {choices}, not {value}",
    ),
    "library-not-whole": _argument(
        *_WRONG_ARGUMENT,
        "nhận một số nguyên (int) hoặc None, không nhận {got}",
        "takes a whole number (int) or None, not {got}",
    ),
    "library-batch-below-one": _argument(
        "Số xã mỗi lô nhỏ hơn 1",
        "A batch of fewer than 1 commune",
        "là số xã mỗi lô, ít nhất là 1 (None thì chấm tất cả một lần), không phải {value}",
        "is a number of communes of at least 1 (None scores all at once), not {value}",
    ),
    "library-year-out-of-range": _argument(
        "Năm đánh giá ngoài khoảng",
        "An assessment year out of range",
        "là một năm đánh giá trong khoảng {first}-{last}, không phải {value}",
        "is an assessment year of {first}-{last}, not {value}",
    ),
    "library-not-result": _argument(
        *_WRONG_ARGUMENT,
        "nhận ScoreResult mà pari.score trả về, không nhận {got}",
        "takes the ScoreResult that pari.score returns, not {got}",
    ),
    "library-not-ranked": _argument(
        *_WRONG_ARGUMENT,
        "nhận DataFrame mà pari.rank trả về, hoặc None, không nhận {got}",
        "takes the DataFrame that pari.rank returns, or None, not {got}",
    ),
    "library-not-group-by": _argument(
        *_WRONG_ARGUMENT,
        "nhận tên một cột hoặc một danh sách tên cột, không nhận {got}",
        "takes a column name or a list of column names, not {got}",
    ),
    "library-empty-group-by": _argument(
        "Không nêu cột để chia nhóm",
        "No column to group by",
        "không nêu cột nào ({value}): hãy ghi một cột của danh sách đơn vị, hoặc None để xếp hạng theo các nhóm "
        "của bộ tiêu chí",
        "names no column ({value}): give a register column, or None for the set's groups",
    ),
    "library-not-date": _argument(
        *_WRONG_ARGUMENT,
        "nhận một ngày viết dạng YYYY-MM-DD (str), không nhận {got}",
        "takes a date written YYYY-MM-DD (str), not {got}",
    ),
    "library-not-flag": _argument(
        *_WRONG_ARGUMENT, "nhận True hoặc False, không nhận {got}", "takes True or False, not {got}"
    ),
    "library-totals-not-frame": _argument(
        "Kết quả đã bị sửa sau khi chấm",
        "A result edited after scoring",
        "là một ScoreResult có totals không phải polars DataFrame ({got}): hãy chấm lại",
        "is a ScoreResult whose totals are not a polars DataFrame ({got}): score again",
    ),
    "library-totals-missing": _argument(
        "Kết quả đã bị sửa sau khi chấm",
        "A result edited after scoring",
        "là một ScoreResult có totals thiếu cột {columns}: " + _EDITED_VI + " (và sửa trên một bản sao: "
        "result.totals.clone())",
        "is a ScoreResult whose totals have no column {columns}: " + _EDITED_EN + " (and edit a copy: "
        "result.totals.clone())",
    ),
    "library-totals-not-units": _argument(
        "Kết quả đã bị sửa sau khi chấm",
        "A result edited after scoring",
        "là một ScoreResult có totals giữ {columns} dạng {dtype}, không phải số nguyên đơn vị 1/10.000: " + _EDITED_VI,
        "is a ScoreResult whose totals hold {columns} as {dtype}, not whole units of 1/10,000: " + _EDITED_EN,
    ),
    "library-yaml-text": entry(
        "Văn bản YAML thay cho đường dẫn",
        "YAML text given for a path",
        "pari.load_criteria: path nhận đường dẫn của một tệp bộ tiêu chí, còn đây là văn bản YAML: hãy nạp nó bằng "
        "pari_index.criteria.loading.load_criteria_text(text)",
        "pari.load_criteria: path takes a criteria file's path, and this is YAML text: load it with "
        "pari_index.criteria.loading.load_criteria_text(text)",
    ),
    "library-read-already": entry(
        "Đối số của lượt đọc đưa cho pari.score",
        "Reading arguments given to pari.score",
        "pari.score: {arguments} thuộc về pari.read_intake, hàm đã đọc các đầu vào này; hãy đưa chúng ở đó "
        "(ở đây chúng sẽ không được dùng)",
        "pari.score: {arguments} belong to pari.read_intake, which read these inputs; give them there (they "
        "would not be used here)",
    ),
    "library-other-criteria": entry(
        "Bộ tiêu chí khác bộ đã đọc đầu vào",
        "Another criteria set than the inputs were read with",
        "pari.score: criteria không phải bộ tiêu chí đã dùng để đọc các đầu vào này ({criteria}); hãy bỏ nó đi, "
        "hoặc đọc lại các đầu vào với bộ này",
        "pari.score: criteria is not the set these inputs were read with ({criteria}); leave it out, or read the "
        "inputs again with this set",
    ),
    "library-scored-already": entry(
        "Đầu vào đã được chấm",
        "Inputs scored already",
        "pari.score: các đầu vào này đã được chấm; hãy đọc lại chúng bằng pari.read_intake",
        "pari.score: these inputs were scored already; read them again with pari.read_intake",
    ),
    "library-explain-leaves-lack": entry(
        "Tiêu chí của một bộ khác",
        "Items of another set",
        "explain_text: leaves không có mục {items} của details này: hãy đưa leaves của cùng kết quả (result.leaves)",
        "explain_text: leaves has no item {items} of these details: give the leaves of the same result (result.leaves)",
    ),
    "library-ranked-missing-columns": _ranked(
        "Bảng xếp hạng không phải của kết quả này",
        "A ranking of another result",
        "nó thiếu cột {columns}",
        "it has no column {columns}",
    ),
    "library-ranked-codes-not-text": _ranked(
        "Mã đơn vị bị đổi thành số",
        "Unit codes turned into numbers",
        "cột {column} của nó là {dtype}, không phải văn bản: mã viết dạng số mất các chữ số 0 ở đầu (00001 thành 1); "
        "hãy giữ chúng như pari.rank trả về",
        "its {column} is {dtype}, not text: codes written as numbers lose their leading zeros (00001 is 1); keep "
        "them as pari.rank gives them",
    ),
    "library-ranked-other-count": _ranked(
        "Bảng xếp hạng không phải của kết quả này",
        "A ranking of another result",
        "nó xếp hạng {ranked} đơn vị, kết quả này đã chấm {scored} (hãy đưa toàn bộ bảng xếp hạng: tệp kết quả "
        "chứa toàn bộ lượt chấm)",
        "it ranks {ranked} units, this result scored {scored} (give the whole ranking: a results file holds the "
        "whole run)",
    ),
    "library-ranked-other-units": _ranked(
        "Bảng xếp hạng không phải của kết quả này",
        "A ranking of another result",
        "nó xếp hạng {column} {codes}, là những đơn vị kết quả này không chấm",
        "it ranks {column} {codes}, which this result did not score",
    ),
    "library-ranked-differs": _ranked(
        "Bảng xếp hạng không phải của kết quả này",
        "A ranking of another result",
        "{columns} của nó khác với của kết quả này (hãy xếp hạng lại)",
        "its {columns} differ from this result's (rank it again)",
    ),
    "library-ranked-edited": _ranked(
        "Bảng xếp hạng đã bị sửa",
        "An edited ranking",
        "{columns} của nó khác với lần pari.rank(result) trả về gần nhất (đã bị sửa, hoặc là một lần xếp hạng "
        "trước đó): hãy đưa bảng xếp hạng đúng như pari.rank trả về, hoặc xếp hạng lại",
        "its {columns} differ from what pari.rank(result) gave last (edited, or an earlier ranking): give the "
        "ranking as pari.rank returned it, or rank again",
    ),
    "library-explain-not-details": _explain(
        *_WRONG_ARGUMENT,
        "details nhận result.details hoặc result.scan_details(), không nhận {got}",
        "details takes result.details or result.scan_details(), not {got}",
    ),
    "library-explain-details-columns": _explain(
        "Không phải bảng chi tiết của kết quả",
        "Not the details of a result",
        "details thiếu cột {columns}: hãy đưa result.details",
        "details has no column {columns}: give result.details",
    ),
    "library-explain-not-leaves": _explain(
        *_WRONG_ARGUMENT,
        "leaves nhận result.leaves (một danh sách Leaf), không nhận {got}",
        "leaves takes result.leaves (a list of Leaf), not {got}",
    ),
    "library-explain-codes-not-text": _explain(
        "Mã không viết dạng văn bản",
        "Codes not written as text",
        "commune và criterion nhận mã viết dạng văn bản (str), ví dụ '00001' và '1.1'",
        "commune and criterion take codes written as text (str), such as '00001' and '1.1'",
    ),
    "library-explain-leaves-differ": _explain(
        "Tiêu chí của một bộ khác",
        "Items of another set",
        "leaves không phải các mục mà details này đã được chấm theo: mục {items} có điểm tối đa, lĩnh vực hoặc "
        "phần khác trong đó; hãy đưa leaves của cùng kết quả (result.leaves)",
        "leaves are not those these details were scored with: item {items} has another maximum, area or part in "
        "them; give the leaves of the same result (result.leaves)",
    ),
    "library-display-not-frame": _display(
        *_WRONG_ARGUMENT,
        "frame nhận một polars DataFrame hoặc LazyFrame, không nhận {got}",
        "frame takes a polars DataFrame or LazyFrame, not {got}",
    ),
    "library-display-not-places": _display(
        *_WRONG_ARGUMENT,
        "places nhận số chữ số thập phân (int) hoặc một hàm của tên cột, không nhận {got}",
        "places takes a number of decimals (int) or a function of a column's name, not {got}",
    ),
    "library-display-places-below-zero": _display(
        "Số chữ số thập phân nhỏ hơn 0",
        "Fewer than 0 decimals",
        "places là số chữ số thập phân, ít nhất là 0, không phải {value}",
        "places is a number of decimals of at least 0, not {value}",
    ),
}


#: The language of the facade's errors: "en" (the default) or "vi".
_LANGUAGE = {"errors": "en"}


def set_errors_lang(lang: str) -> None:
    """The facade's own errors (TypeError, ValueError of a call's arguments) in ``lang``, "vi" or
    "en", from now on, in every thread. Their exception types stay the same."""
    if lang not in ("vi", "en"):
        raise refused(ValueError, "library-bad-lang", function="set_errors_lang", argument="lang", value=repr(lang))
    _LANGUAGE["errors"] = lang


def errors_lang() -> str:
    """The language of the facade's own errors, as :func:`set_errors_lang` set it ("en" by default)."""
    return _LANGUAGE["errors"]


#: Python's reasons for a call that does not fit a function's arguments (inspect.Signature.bind),
#: in Vietnamese: «lời gọi không khớp các đối số của hàm (missing a required argument: 'x')» was a
#: sentence in two languages until session 40. A reason not among them is shown as Python wrote it.
_CALL_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"missing a required (?:positional-only |keyword-only )?argument: (.+)"), "thiếu đối số bắt buộc {0}"),
    (re.compile(r"too many positional arguments"), "quá nhiều đối số theo vị trí"),
    (re.compile(r"got an unexpected keyword argument (.+)"), "hàm không có đối số tên {0}"),
    (re.compile(r"multiple values for argument (.+)"), "đối số {0} được cho hai lần"),
    (re.compile(r"(.+) parameter is positional only, but was passed as a keyword"), "{0} chỉ được cho theo vị trí"),
)


def call_reason(reason: object) -> Words:
    """Python's reason a call does not fit (``reason``: its TypeError), in both languages."""
    text = str(reason)
    for pattern, vietnamese in _CALL_REASONS:
        found = pattern.fullmatch(text)
        if found:
            return Words(vietnamese.format(*found.groups()), text)
    return Words(text, text)


def refused_words(kind: str, **params: Any) -> Words:
    """The error ``kind`` of the catalogue filled with ``params`` (already written as shown; a
    parameter given as Words, in each language its own), in both languages."""
    message = LIBRARY_ERRORS[kind].message
    vi = {name: value.vi if isinstance(value, Words) else value for name, value in params.items()}
    en = {name: value.en if isinstance(value, Words) else value for name, value in params.items()}
    return Words(message.vi.format(**vi), message.en.format(**en))


def refused_text(kind: str, **params: Any) -> str:
    """The error ``kind`` in the language of :func:`errors_lang`."""
    return refused_words(kind, **params).get(errors_lang())


def refused(error: type[E], kind: str, **params: Any) -> E:
    """An ``error`` (TypeError, ValueError) of the catalogue's ``kind``, to raise: its text in the
    language of :func:`errors_lang`, with ``kind``, ``params`` and ``words`` (both languages) kept
    on it for a caller that shows it in another language."""
    words = refused_words(kind, **params)
    raised = error(words.get(errors_lang()))
    for name, value in (("kind", kind), ("params", params), ("words", words)):
        setattr(raised, name, value)
    return raised
