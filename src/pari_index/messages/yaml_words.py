"""PyYAML's reasons in Vietnamese. A YAML error names its problem (and the context it arose in) in
English words from a small fixed set: PyYAML's own (yaml/scanner.py, parser.py, composer.py,
constructor.py) and libyaml's (the C parser pari-index uses when it is there). Each is translated by
this table; a reason not in it (a newer PyYAML) is shown in English, marked as such.

tests/test_yaml_words.py reads every problem and context out of the installed PyYAML (its Python
source, and the strings of its compiled libyaml) and checks that each is here.
"""

from __future__ import annotations

import functools
import re

#: Follows a reason the table does not know, in Vietnamese text: the words are PyYAML's English.
ENGLISH_MARK = " (tiếng Anh)"

#: English (as PyYAML writes it; ``%r``, ``%s``, ``%d`` where it quotes a value) -> Vietnamese (the
#: same placeholders, in the same order).
YAML_WORDS: dict[str, str] = {
    # --- contexts: where PyYAML was -------------------------------------------------------------
    "while scanning for the next token": "khi đọc ký hiệu tiếp theo",
    "while scanning a simple key": "khi đọc một khoá",
    "while scanning a directive": "khi đọc một chỉ thị (%)",
    "while scanning a %YAML directive": "khi đọc chỉ thị %YAML",
    "while scanning a %TAG directive": "khi đọc chỉ thị %TAG",
    "while scanning a tag directive": "khi đọc chỉ thị thẻ",
    "while scanning a block scalar": "khi đọc một giá trị nhiều dòng (| hoặc >)",
    "while scanning a plain scalar": "khi đọc một giá trị không có dấu ngoặc",
    "while scanning a quoted scalar": "khi đọc một giá trị trong dấu ngoặc kép",
    "while scanning a double-quoted scalar": "khi đọc một giá trị trong dấu ngoặc kép",
    "while scanning a tag": "khi đọc một thẻ (!)",
    "while scanning an alias": "khi đọc một bí danh (*)",
    "while scanning an anchor": "khi đọc một neo (&)",
    "while scanning a %s": "khi đọc một %s",
    "while scanning an %s": "khi đọc một %s",
    "while parsing a %s": "khi phân tích một %s",
    "while parsing a %s node": "khi phân tích một nút %s",
    "while parsing a node": "khi phân tích một nút",
    "while parsing a block node": "khi phân tích một nút dạng khối",
    "while parsing a flow node": "khi phân tích một nút trong ngoặc",
    "while parsing a block collection": "khi phân tích một danh sách hoặc ánh xạ dạng khối (thụt lề)",
    "while parsing a block mapping": "khi phân tích một ánh xạ dạng khối (thụt lề)",
    "while parsing a flow mapping": "khi phân tích một ánh xạ trong ngoặc { }",
    "while parsing a flow sequence": "khi phân tích một danh sách trong ngoặc [ ]",
    "while parsing a quoted scalar": "khi phân tích một giá trị trong dấu ngoặc kép",
    "while parsing a tag": "khi phân tích một thẻ (!)",
    "while parsing a tag directive": "khi phân tích một chỉ thị thẻ",
    "while parsing a %TAG directive": "khi phân tích chỉ thị %TAG",
    "while increasing block level": "khi tăng cấp thụt lề",
    "while increasing flow level": "khi tăng cấp ngoặc",
    "while constructing a mapping": "khi dựng một ánh xạ",
    "while constructing an ordered map": "khi dựng một ánh xạ có thứ tự",
    "while constructing pairs": "khi dựng các cặp",
    "while constructing a Python object": "khi dựng một đối tượng Python",
    "while constructing a Python instance": "khi dựng một thực thể Python",
    "while constructing a Python module": "khi dựng một mô-đun Python",
    "while constructing a Python name": "khi dựng một tên Python",
    "expected a single document in the stream": "tệp chỉ được có một tài liệu",
    "found duplicate anchor %r; first occurrence": "neo %r được đặt hai lần; lần đầu",
    "found duplicate anchor; first occurrence": "neo được đặt hai lần; lần đầu",
    # --- problems: what PyYAML found ------------------------------------------------------------
    "mapping values are not allowed here": "không được có giá trị ánh xạ (key: value) ở đây",
    "mapping values are not allowed in this context": "không được có giá trị ánh xạ (key: value) ở đây",
    "mapping keys are not allowed here": "không được có khoá ánh xạ ở đây",
    "mapping keys are not allowed in this context": "không được có khoá ánh xạ ở đây",
    "sequence entries are not allowed here": "không được có mục danh sách (-) ở đây",
    "block sequence entries are not allowed in this context": "không được có mục danh sách (-) ở đây",
    "could not find expected ':'": "không tìm thấy dấu «:» cần có",
    "could not find expected directive name": "không tìm thấy tên chỉ thị cần có",
    "found character %r that cannot start any token": "gặp ký tự %r, ký tự này không thể mở đầu ký hiệu nào",
    "found character that cannot start any token": "gặp một ký tự không thể mở đầu ký hiệu nào (có thể là dấu tab)",
    "found a tab character that violates indentation": "gặp dấu tab làm sai thụt lề (chỉ dùng dấu cách)",
    "found a tab character where an indentation space is expected": "gặp dấu tab ở chỗ cần dấu cách thụt lề",
    "found unexpected end of stream": "tệp kết thúc bất ngờ",
    "found unexpected document separator": "gặp dấu phân cách tài liệu (--- hoặc ...) bất ngờ",
    "found unexpected document indicator": "gặp dấu phân cách tài liệu (--- hoặc ...) bất ngờ",
    "found unexpected ':'": "gặp dấu «:» bất ngờ",
    "found unexpected non-alphabetical character": "gặp ký tự không phải chữ cái bất ngờ",
    "found unknown escape character %r": "gặp ký tự thoát không xác định %r",
    "found unknown escape character": "gặp ký tự thoát (\\) không xác định",
    "found invalid Unicode character escape code": "gặp mã thoát ký tự Unicode không hợp lệ",
    "found unknown directive name": "gặp tên chỉ thị không xác định",
    "found undefined alias %r": "bí danh %r chưa được định nghĩa (không có neo & nào trước nó)",
    "found undefined alias": "bí danh chưa được định nghĩa (không có neo & nào trước nó)",
    "second occurrence": "lần thứ hai",
    "but found another document": "nhưng có thêm một tài liệu",
    "found undefined tag handle %r": "gặp tiền tố thẻ %r chưa được định nghĩa",
    "found undefined tag handle": "gặp tiền tố thẻ chưa được định nghĩa",
    "duplicate tag handle %r": "tiền tố thẻ %r được định nghĩa hai lần",
    "duplicate %TAG directive": "chỉ thị %TAG lặp lại",
    "found duplicate %TAG directive": "chỉ thị %TAG lặp lại",
    "found duplicate %YAML directive": "chỉ thị %YAML lặp lại",
    "found duplicate YAML directive": "chỉ thị %YAML lặp lại",
    "found incompatible YAML document": "tài liệu YAML không tương thích",
    "found incompatible YAML document (version 1.* is required)": "tài liệu YAML không tương thích (cần phiên bản 1.*)",
    "incompatible %YAML directive": "chỉ thị %YAML không tương thích",
    "found extremely long version number": "số phiên bản quá dài",
    "found an indentation indicator equal to 0": "chỉ báo thụt lề bằng 0",
    "expected indentation indicator in the range 1-9, but found 0": "chỉ báo thụt lề phải từ 1 đến 9, nhưng gặp 0",
    "expected chomping or indentation indicators, but found %r": "cần chỉ báo cắt dòng hoặc thụt lề, nhưng gặp %r",
    "expected <block end>, but found %r": "cần kết thúc khối (thụt lề về như trước), nhưng gặp %r",
    "expected '<document start>', but found %r": "cần bắt đầu tài liệu, nhưng gặp %r",
    "expected the node content, but found %r": "cần nội dung của nút, nhưng gặp %r",
    "expected ',' or ']', but got %r": "cần «,» hoặc «]», nhưng gặp %r",
    "expected ',' or '}', but got %r": "cần «,» hoặc «}», nhưng gặp %r",
    "expected ' ', but found %r": "cần dấu cách, nhưng gặp %r",
    "expected '!', but found %r": "cần «!», nhưng gặp %r",
    "expected '>', but found %r": "cần «>», nhưng gặp %r",
    "expected URI, but found %r": "cần một URI, nhưng gặp %r",
    "expected URI escape sequence of 2 hexadecimal numbers, but found %r": (
        "cần mã thoát URI gồm 2 chữ số thập lục phân, nhưng gặp %r"
    ),
    "expected a comment or a line break, but found %r": "cần chú thích hoặc xuống dòng, nhưng gặp %r",
    "expected a digit or ' ', but found %r": "cần một chữ số hoặc dấu cách, nhưng gặp %r",
    "expected a digit or '.', but found %r": "cần một chữ số hoặc «.», nhưng gặp %r",
    "expected a digit, but found %r": "cần một chữ số, nhưng gặp %r",
    "expected alphabetic or numeric character, but found %r": "cần chữ cái hoặc chữ số, nhưng gặp %r",
    "expected escape sequence of %d hexadecimal numbers, but found %r": (
        "cần mã thoát gồm %d chữ số thập lục phân, nhưng gặp %r"
    ),
    "did not find expected ',' or ']'": "không tìm thấy «,» hoặc «]» cần có",
    "did not find expected ',' or '}'": "không tìm thấy «,» hoặc «}» cần có",
    "did not find expected '-' indicator": "không tìm thấy dấu «-» cần có (các mục danh sách phải thụt lề như nhau)",
    "did not find expected key": "không tìm thấy khoá cần có (các khoá phải thụt lề như nhau)",
    "did not find expected node content": "không tìm thấy nội dung của nút cần có",
    "did not find expected <document start>": "không tìm thấy điểm bắt đầu tài liệu cần có",
    "did not find expected <stream-start>": "không tìm thấy điểm bắt đầu tệp cần có",
    "did not find expected '!'": "không tìm thấy dấu «!» cần có",
    "did not find the expected '>'": "không tìm thấy dấu «>» cần có",
    "did not find URI escaped octet": "không tìm thấy byte thoát URI cần có",
    "did not find expected alphabetic or numeric character": "không tìm thấy chữ cái hoặc chữ số cần có",
    "did not find expected comment or line break": "không tìm thấy chú thích hoặc xuống dòng cần có",
    "did not find expected digit or '.' character": "không tìm thấy chữ số hoặc dấu «.» cần có",
    "did not find expected hexdecimal number": "không tìm thấy chữ số thập lục phân cần có",
    "did not find expected tag URI": "không tìm thấy URI của thẻ cần có",
    "did not find expected version number": "không tìm thấy số phiên bản cần có",
    "did not find expected whitespace": "không tìm thấy dấu cách cần có",
    "did not find expected whitespace or line break": "không tìm thấy dấu cách hoặc xuống dòng cần có",
    "control characters are not allowed": "không được có ký tự điều khiển",
    "invalid Unicode character": "ký tự Unicode không hợp lệ",
    "invalid leading UTF-8 octet": "byte đầu UTF-8 không hợp lệ",
    "invalid trailing UTF-8 octet": "byte sau UTF-8 không hợp lệ",
    "invalid length of a UTF-8 sequence": "độ dài chuỗi UTF-8 không hợp lệ",
    "found an incorrect leading UTF-8 octet": "gặp byte đầu UTF-8 không đúng",
    "found an incorrect trailing UTF-8 octet": "gặp byte sau UTF-8 không đúng",
    # libyaml's emitter (never reached by reading; listed so that none of its words is missed)
    "expected DOCUMENT-END": "cần kết thúc tài liệu",
    "expected DOCUMENT-START or STREAM-END": "cần bắt đầu tài liệu hoặc kết thúc tệp",
    "expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS": "cần một giá trị, danh sách, ánh xạ hoặc bí danh",
    "expected STREAM-START": "cần bắt đầu tệp",
    "expected nothing after STREAM-END": "không được có gì sau khi kết thúc tệp",
    # The constructor (a tag or a value PyYAML cannot build).
    "could not determine a constructor for the tag %r": "không có cách dựng giá trị cho thẻ %r",
    "expected a mapping node, but found %s": "cần một ánh xạ, nhưng gặp %s",
    "expected a scalar node, but found %s": "cần một giá trị đơn, nhưng gặp %s",
    "expected a sequence node, but found %s": "cần một danh sách, nhưng gặp %s",
    "expected a sequence, but found %s": "cần một danh sách, nhưng gặp %s",
    "expected a mapping for merging, but found %s": "cần một ánh xạ để gộp (<<), nhưng gặp %s",
    "expected a mapping or list of mappings for merging, but found %s": (
        "cần một ánh xạ hoặc danh sách ánh xạ để gộp (<<), nhưng gặp %s"
    ),
    "expected a mapping of length 1, but found %s": "cần một ánh xạ có đúng một khoá, nhưng gặp %s",
    "expected a single mapping item, but found %d items": "cần đúng một mục ánh xạ, nhưng gặp %d mục",
    "expected a class, but found %r": "cần một lớp, nhưng gặp %r",
    "expected non-empty name appended to the tag": "thẻ cần có tên theo sau",
    "expected the empty value, but found %r": "cần giá trị rỗng, nhưng gặp %r",
    "found unhashable key": "gặp khoá không dùng được làm khoá (danh sách hoặc ánh xạ)",
    "found unconstructable recursive node": "gặp nút tự chứa chính nó, không dựng được",
    "failed to convert base64 data into ascii: %s": "không chuyển được dữ liệu base64 sang ASCII: %s",
    "failed to decode base64 data: %s": "không giải mã được dữ liệu base64: %s",
    "cannot find module %r (%s)": "không tìm thấy mô-đun %r (%s)",
    "cannot find %r in the module %r": "không tìm thấy %r trong mô-đun %r",
    "module %r is not imported": "mô-đun %r chưa được nạp",
    "blacklisted key '%s' in instance state found": "gặp khoá bị cấm «%s» trong trạng thái đối tượng",
    # The reader (characters YAML does not allow).
    "unacceptable character #x%04x: %s": "ký tự không được chấp nhận #x%04x: %s",
    "special characters are not allowed": "không được có ký tự đặc biệt",
}

#: A problem with the context it arose in, as pari-index joins them (criteria.loading).
_WITH_CONTEXT = re.compile(r"(?s)(?P<context>.+) on line (?P<line>\d+); (?P<problem>.+) here")
_PLACEHOLDER = re.compile(r"%(?:r|s|d|04x)")


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each English template as a pattern (its placeholders capture what PyYAML quoted), the
    longest first: a template with fewer placeholders wins over one that would also match."""
    out = []
    for english, vietnamese in sorted(YAML_WORDS.items(), key=lambda item: -len(_PLACEHOLDER.sub("", item[0]))):
        pattern = "(.+?)".join(re.escape(part) for part in _PLACEHOLDER.split(english))
        out.append((re.compile(f"(?s){pattern}"), vietnamese))
    return tuple(out)


def _one(text: str) -> str | None:
    """One problem or context in Vietnamese, or None when the table does not know it."""
    for pattern, vietnamese in _patterns():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        # A quoted value may be words of the table itself (the reader's "%s": why a character is refused).
        quoted = [value if (value := _one(group)) is not None else group for group in match.groups()]
        pieces = _PLACEHOLDER.split(vietnamese)
        return "".join(piece + (quoted[i] if i < len(quoted) else "") for i, piece in enumerate(pieces))
    return None


def yaml_reason(text: str, lang: str) -> str:
    """PyYAML's reason (``problem``, or ``context on line N; problem here``) in ``lang``: in
    Vietnamese from :data:`YAML_WORDS`, else in English marked with :data:`ENGLISH_MARK`."""
    if lang != "vi":
        return text
    joined = _WITH_CONTEXT.fullmatch(text)
    if joined is not None:
        context, problem = _one(joined["context"]), _one(joined["problem"])
        if context is not None and problem is not None:
            return f"{context} ở dòng {joined['line']}; {problem} ở đây"
    else:
        alone = _one(text)
        if alone is not None:
            return alone
    return text + ENGLISH_MARK
