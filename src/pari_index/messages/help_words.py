"""``pari --help`` in Vietnamese and English: the help of every command, option and argument, and
click's own words of a help page (headings, ``[default: …]``, its --help and --version options).

The help is told in the command line's language (``--lang``, anywhere on the line, Vietnamese by
default): ``cli._Group.main`` calls :func:`localise_help` on the command tree before click parses
it, so that a help page, the usage line of a usage error and a bare ``pari`` all speak it.
tests/test_help_words.py walks click's command tree and checks that every command, option and
argument has its words here in both languages, and that no entry is left over.

This module imports click and the words alone (no polars): ``pari --help`` stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import click

from pari_index.messages.command_line import ARGUMENT_WORDS
from pari_index.messages.words import Words

_CRITERIA_SET = Words(
    "Tệp YAML bộ tiêu chí (mặc định: bộ Hà Nội 2025 có sẵn).",
    "Criteria set YAML (default: the bundled Hà Nội 2025 set).",
)
_SCORED_WITH = Words(
    "Bộ tiêu chí đã dùng để chấm kết quả (mặc định: tìm theo mã trong các bộ có sẵn).",
    "The criteria set the results were scored with (default: found by id among the bundled sets).",
)

#: The help of each command, by its path under ``pari`` (``""``: pari itself). A paragraph that
#: starts with ``\b`` keeps its lines as they are (click's mark).
COMMAND_HELP: dict[str, Words] = {
    "": Words(
        "pari-index: chấm điểm, kiểm tra và xếp hạng các xã theo một bộ tiêu chí Chỉ số CCHC.\n\n"
        "\b\n"
        "Một lượt chấm điển hình trên tỉnh ví dụ có sẵn:\n"
        "  pari score examples/assessments_long.csv --communes examples/communes.csv \\\n"
        "      --appraisal examples/appraisal.csv --survey examples/survey.csv -o out/results.xlsx\n\n"
        "Mã thoát: 0 thành công, 1 đầu vào không hợp lệ, 2 lỗi cách dùng, 3 có phát hiện khi dùng\n"
        "--strict, 4 không ghi được kết quả (docs/errors.md). Thêm --lang en để đọc bằng tiếng Anh.",
        "pari-index: score, verify and rank communes on a PAR index criteria set.\n\n"
        "\b\n"
        "Typical run on the bundled example province:\n"
        "  pari score examples/assessments_long.csv --communes examples/communes.csv \\\n"
        "      --appraisal examples/appraisal.csv --survey examples/survey.csv -o out/results.xlsx\n\n"
        "Exit status: 0 success, 1 invalid input, 2 usage error, 3 findings under --strict,\n"
        "4 output could not be written (docs/errors.md). Add --lang vi to read it in Vietnamese.",
    ),
    "validate": Words(
        "Kiểm tra các tệp YAML bộ tiêu chí; liệt kê mọi vấn đề cùng dòng của nó.\n\n"
        "Thoát với mã 0 khi mọi tệp hợp lệ, 1 khi có tệp không hợp lệ.",
        "Check criteria set YAML files; list every problem with its line.\n\n"
        "Exits 0 when every file is valid, 1 when any is not.",
    ),
    "schema": Words(
        "In JSON Schema của định dạng bộ tiêu chí (cho trình soạn thảo; xem docs/criteria.md).",
        "Print the JSON Schema of the criteria format (for editors; see docs/criteria.md).",
    ),
    "score": Words(
        "Chấm điểm các bản tự đánh giá (CSV/XLSX dạng dọc hoặc ngang), kiểm tra, xếp hạng và ghi kết quả.\n\n"
        "Mặc định là dễ dãi: phần hợp lệ được chấm và ghi, mọi phần khác được báo trong trang phát hiện và "
        "trên màn hình, và mã thoát là 1 khi có hàng đầu vào bị loại. Với --strict, bất kỳ phát hiện mức "
        "lỗi hoặc cảnh báo nào cũng làm lượt chấm thất bại với mã thoát 3.",
        "Score self-assessments (long or wide CSV/XLSX), verify them, rank, and write results.\n\n"
        "Lenient by default: what is valid is scored and written, everything else is reported in the "
        "findings sheet and on screen, and the exit status is 1 when any input row was rejected. "
        "With --strict any error or warning finding fails the run with exit status 3.",
    ),
    "explain": Words(
        "Giải thích điểm của một xã: đầu vào và nhánh quy tắc nào cho điểm, minh chứng, thẩm định.\n\n"
        "MÃ_XÃ là mã của xã; TIÊU_CHÍ (không bắt buộc) là một tiêu chí, ví dụ 1.1.4.",
        "Explain a commune's points: which input and rule branch gave them, evidence, appraisal.\n\n"
        "COMMUNE is the commune code; CRITERION (optional) one item such as 1.1.4.",
    ),
    "template": Words(
        "Ghi sổ tính mẫu tự đánh giá để điền cho một bộ tiêu chí.\n\n"
        "Các ô nhập liệu có kiểm tra dữ liệu của Excel; mẫu đã điền đưa thẳng vào pari score được. "
        "Các tiêu chí không áp dụng cho loại đơn vị (theo danh sách đơn vị, hoặc --unit-type) được tô "
        "xám và khoá.",
        "Write a fill-in self-assessment workbook for a criteria set.\n\n"
        "Input cells carry Excel data validation; a filled form goes straight back into pari score. "
        "Items that do not apply to a unit's type (from the register, or --unit-type) are greyed and "
        "locked.",
    ),
    "report": Words(
        "Ghi báo cáo xếp hạng HTML của một tệp kết quả (một trang tự chứa).",
        "Write the HTML ranking report of a results file (one self-contained page).",
    ),
    "demo-data": Words(
        "Ghi một bộ số liệu đánh giá GIẢ LẬP có hạt giống: danh sách đơn vị, tự đánh giá, điều tra, thẩm định.\n\n"
        "Cùng các tuỳ chọn luôn cho cùng các tệp. Chỉ dùng để trình diễn và đo hiệu năng.",
        "Write a seeded SYNTHETIC assessment set: register, self-assessments, survey, appraisal.\n\n"
        "The same options always give the same files. For demonstrations and benchmarks only.",
    ),
    "criteria": Words(
        "Bộ tiêu chí dưới dạng bảng phụ lục của một quyết định, và ngược lại (docs/authoring.md).",
        "A criteria set as the annex table of a decision, and back (docs/authoring.md).",
    ),
    "criteria export": Words(
        "Ghi bảng phụ lục của một bộ tiêu chí: STT, tên, điểm tối đa, phương pháp chấm điểm, tài liệu "
        "kiểm chứng; kèm trang bìa về thông tin chung, xếp loại và nguồn gốc của từng tiêu chí.",
        "Write the annex table of a set: STT, titles, maxima, scoring method, evidence; with a cover "
        "of particulars, classes and each item's provenance.",
    ),
    "criteria import": Words(
        "Soạn bản nháp bộ tiêu chí từ một bảng phụ lục. Ô nào không đọc được thành ghi chú todo: mà "
        "pari validate liệt kê cho đến khi từng ghi chú được giải quyết.",
        "Draft a criteria set from an annex table. Cells it cannot read become todo: notes that "
        "pari validate lists until each is resolved.",
    ),
    "diff": Words(
        "Liệt kê những gì thay đổi giữa hai bộ tiêu chí: tiêu chí thêm, bỏ và chuyển chỗ, điểm tối đa, "
        "các bậc và các cận, minh chứng, các phần và xếp loại.",
        "List what changed between two criteria sets: items added, removed and moved, maxima, "
        "ladders and edges, evidence, parts and classes.",
    ),
}

#: The help of each option: ``"<command path> <longest name>"``, else (an option every command that
#: has it means the same by) its longest name alone.
OPTION_HELP: dict[str, Words] = {
    # --- every command that has them -----------------------------------------------------------------
    "--lang": Words(
        "Ngôn ngữ của những gì lệnh in ra: vi (tiếng Việt) hoặc en (tiếng Anh).",
        "Language of what the command says: vi (Vietnamese) or en (English).",
    ),
    "--criteria": _CRITERIA_SET,
    # --- pari ----------------------------------------------------------------------------------------
    " --lang": Words(
        "Ngôn ngữ của trợ giúp và mặc định của --lang ở lệnh con: vi (tiếng Việt) hoặc en (tiếng Anh).",
        "Language of the help, and the default of the command's --lang: vi (Vietnamese) or en (English).",
    ),
    " --version": Words("In phiên bản rồi thoát.", "Show the version and exit."),
    "criteria --lang": Words(
        "Ngôn ngữ của trợ giúp và mặc định của --lang ở các lệnh bên dưới: vi (tiếng Việt) hoặc en (tiếng Anh).",
        "Language of the help, and the default of its commands' --lang: vi (Vietnamese) or en (English).",
    ),
    # --- validate ------------------------------------------------------------------------------------
    "validate --bundled": Words(
        "Kiểm tra mọi bộ tiêu chí có sẵn trong pari-index.",
        "Validate every criteria set bundled with pari-index.",
    ),
    # --- schema --------------------------------------------------------------------------------------
    "schema --indent": Words("Số khoảng trắng thụt lề của JSON.", "JSON indentation."),
    "schema --lang": Words("Ngôn ngữ của các mô tả.", "The descriptions' language."),
    # --- score ---------------------------------------------------------------------------------------
    "score --communes": Words("Danh sách đơn vị (CSV hoặc XLSX).", "Commune register (CSV or XLSX)."),
    "score --appraisal": Words("Điều chỉnh của hội đồng thẩm định.", "Appraisal council corrections."),
    "score --survey": Words("Kết quả điều tra người dân.", "Citizen-survey results."),
    "score --evidence-dir": Words("Thư mục phải chứa các tệp minh chứng.", "Folder the evidence files must be in."),
    "score --output": Words(
        "Sổ tính kết quả (.xlsx), hoặc một thư mục với --format csv/parquet.",
        "Results workbook (.xlsx), or a folder with --format csv/parquet.",
    ),
    "score --format": Words(
        "Định dạng kết quả (mặc định: theo tên kết quả; xlsx).",
        "Output format (default: from the output name; xlsx).",
    ),
    "score --group-by": Words(
        "(Các) cột của danh sách đơn vị để xếp hạng trong đó, từ trên xuống: --group-by district, hoặc "
        "--group-by province,district (cũng có thể lặp lại tuỳ chọn). Nhóm được xác định theo cả đường "
        "dẫn: một huyện luôn nằm trong tỉnh của nó. Mặc định: của bộ tiêu chí.",
        "Register column(s) to rank within, from the top down: --group-by district, or "
        "--group-by province,district (the option may also be repeated). Groups are keyed by the "
        "whole path: a district always within its province. Default: the criteria set's.",
    ),
    "score --previous": Words(
        "Kết quả năm trước, để tính thay đổi thứ hạng.", "Last year's results, for rank changes."
    ),
    "score --lineage": Words(
        "Các xã đã sáp nhập: bảng hai cột mã cũ, mã mới (cho --previous qua đợt sắp xếp năm 2025).",
        "Merged communes: old_code,new_code (for --previous across the 2025 reform).",
    ),
    "score --report": Words("Ghi thêm báo cáo xếp hạng HTML.", "Also write the HTML ranking report."),
    "score --strict": Words(
        "Thất bại (mã thoát 3) khi có bất kỳ phát hiện nào mức lỗi hoặc cảnh báo (kết quả vẫn được ghi).",
        "Fail (exit 3) when there is any finding of severity error or warning (the results are written).",
    ),
    "score --no-survey": Words(
        "Chấm mà không có kết quả điều tra dù bộ tiêu chí có phần điều tra (kết quả có ghi rõ).",
        "Score without survey results although the criteria set has a survey part (announced in the results).",
    ),
    "score --allow-incomplete": Words(
        "Vẫn ghi kết quả khi có tệp đầu vào hoàn toàn không đọc được (kết quả ghi rõ là chưa đầy đủ).",
        "Write results even when an input file could not be read at all (they say they are incomplete).",
    ),
    "score --year": Words(
        "Năm đánh giá, cho các hạn ghi theo ngày trong năm (mặc định: năm của bộ tiêu chí).",
        "Assessment year for deadlines written as a day of the year (default: the criteria set's year).",
    ),
    "score --date": Words(
        "Ngày chấm để ghi lại và in ra (YYYY-MM-DD; mặc định: hôm nay, hoặc SOURCE_DATE_EPOCH).",
        "The run date to record and print (YYYY-MM-DD; default: today, or SOURCE_DATE_EPOCH).",
    ),
    "score --synthetic": Words(
        "Đánh dấu số liệu là giả lập: báo cáo ghi điều này trong một dải thông báo.",
        "Mark the data as synthetic: the report says so in a banner.",
    ),
    "score --batch-size": Words(
        "Số xã chấm mỗi lần, để giới hạn bộ nhớ (mặc định 2000; 0: tất cả một lần). Kết quả như nhau.",
        "Communes scored at a time, to bound memory (default 2000; 0: all at once). Same results either way.",
    ),
    "score --cache": Words(
        "Thư mục lưu đầu vào đã kiểm tra và điểm của từng xã, để khi chấm lại sau khi vài xã thay đổi chỉ "
        "làm lại các xã đó (kết quả như nhau; docs/caching.md).",
        "Folder to keep the checked intake and each commune's scores in, so that scoring again after a few "
        "communes change redoes only those (same results; docs/caching.md).",
    ),
    "score --quiet": Words("Không in tiến trình.", "No progress messages."),
    # --- explain -------------------------------------------------------------------------------------
    "explain --results": Words(
        "Một tệp (hoặc thư mục) kết quả do pari score ghi.", "A results file (or folder) written by pari score."
    ),
    "explain --criteria": _SCORED_WITH,
    # --- template ------------------------------------------------------------------------------------
    "template --communes": Words(
        "Danh sách đơn vị: mỗi xã một khối hàng, đã điền mã.",
        "Commune register: one block of rows per commune, codes filled in.",
    ),
    "template --output": Words("Mẫu cần ghi (.xlsx).", "The form to write (.xlsx)."),
    "template --lang": Words("Ngôn ngữ của mẫu.", "The form's language."),
    "template --unit-type": Words(
        "Khi không có --communes: loại đơn vị của mẫu (tiêu chí của các loại khác bị khoá).",
        "Without --communes: the unit type the form is for (items for other types are locked).",
    ),
    # --- report --------------------------------------------------------------------------------------
    "report --output": Words("Tệp HTML cần ghi.", "The HTML file to write."),
    "report --date": Words(
        "Ngày in trong báo cáo (mặc định không có, để các lần chạy lại giống hệt nhau).",
        "A date to print in the report (none by default, so reruns are identical).",
    ),
    "report --criteria": Words(
        "Bộ tiêu chí đã dùng để chấm kết quả (mặc định: tìm trong các bộ có sẵn).",
        "The criteria set the results were scored with (default: found among the bundled sets).",
    ),
    # --- demo-data -----------------------------------------------------------------------------------
    "demo-data --communes": Words("Số xã.", "How many communes."),
    "demo-data --districts": Words(
        "Số huyện (mặc định: khoảng một huyện cho 15 xã).", "How many districts (default: about one per 15 communes)."
    ),
    "demo-data --provinces": Words(
        "Số tỉnh; khi nhiều hơn một, một tên huyện lặp lại ở mọi tỉnh, như tên thật vẫn thế.",
        "How many provinces; with more than one, one district name repeats in every province, as real names do.",
    ),
    "demo-data --seed": Words(
        "Hạt giống ngẫu nhiên: cùng hạt giống cho cùng các tệp.", "Random seed: the same seed gives the same files."
    ),
    "demo-data --form": Words(
        "Dạng tự đánh giá cần ghi (lặp lại để có cả hai; mặc định long).",
        "Assessment forms to write (repeat for both; default long).",
    ),
    "demo-data --format": Words("Định dạng của các tệp.", "Format of the files."),
    "demo-data --mistakes": Words(
        "Tỷ lệ điểm tự chấm không khớp với quy tắc.", "Share of self-scores that disagree with the rules."
    ),
    "demo-data --output": Words("Thư mục để ghi vào.", "Folder to write into."),
    "demo-data --lang": Words(
        "Ngôn ngữ của những gì lệnh in ra (chính các tệp ghi bằng cả hai thứ tiếng rằng chúng là giả lập).",
        "Language of what the command says (the files themselves say in both that they are synthetic).",
    ),
    # --- criteria export / import, diff ------------------------------------------------------------
    "criteria export --output": Words("Phụ lục cần ghi (.xlsx).", "The annex to write (.xlsx)."),
    "criteria export --lang": Words("Ngôn ngữ của phụ lục.", "The annex's language."),
    "criteria import --output": Words("Bản nháp cần ghi (.yaml).", "The draft to write (.yaml)."),
    "criteria import --lang": Words(
        "Ngôn ngữ của các ghi chú trong bản nháp và của những gì lệnh in ra.",
        "Language of the draft's notes and of what the command says.",
    ),
    "diff --format": Words(
        "text: từng thay đổi một dòng; table: một bảng.", "text: one change a line; table: one table."
    ),
    "diff --output": Words("Ghi thêm bảng (.csv hoặc .xlsx).", "Also write the table (.csv or .xlsx)."),
    "diff --lang": Words(
        "Ngôn ngữ của danh sách thay đổi và của bảng.", "Language of the list of changes and of the table."
    ),
}

#: click's own words on a help page (its message ids), in Vietnamese.
CLICK_HELP_WORDS: dict[str, str] = {
    "Usage:": "Cách dùng:",
    "Options": "Tuỳ chọn",
    "Commands": "Lệnh",
    "Show this message and exit.": "In trợ giúp này rồi thoát.",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "default": "mặc định",
    "required": "bắt buộc",
}

#: The placeholders click writes for a value of a type (``--seed INTEGER``), in Vietnamese; the
#: longest first, so that ``INTEGER RANGE`` is not read as ``INTEGER``.
METAVAR_WORDS: dict[str, str] = {
    "INTEGER RANGE": "SỐ_NGUYÊN",
    "FLOAT RANGE": "SỐ",
    "INTEGER": "SỐ_NGUYÊN",
    "FLOAT": "SỐ",
    "PATH": "ĐƯỜNG_DẪN",
    "TEXT": "CHỮ",
    "COLUMNS": "CỘT",
    "[OPTIONS]": "[TUỲ CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]...",
}
_METAVARS = re.compile("|".join(re.escape(m) for m in METAVAR_WORDS))
#: The notes click adds after an option's help: ``  [default: vi]``, ``  [required]``.
_EXTRA = re.compile(r"(?<=\[)(default|required)\b")
#: A default that is a number with a decimal point (``[default: 0.05; 0<=x<=1]``): a Vietnamese
#: help page writes it with a decimal comma, as the option takes it (cli_params.SHARE).
_DECIMAL_DEFAULT = re.compile(r"(?<=\[default: )(\d+)\.(\d+)(?=[;\]])")


class VietnameseHelpFormatter(click.HelpFormatter):
    """click's help page with click's own words in Vietnamese (the texts of pari are set on the
    commands by :func:`localise_help`)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        said = _METAVARS.sub(lambda m: METAVAR_WORDS[m.group(0)], args)
        super().write_usage(prog, said, CLICK_HELP_WORDS["Usage:"] + " " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(CLICK_HELP_WORDS.get(heading, heading))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        told = [
            (
                _METAVARS.sub(lambda m: METAVAR_WORDS[m.group(0)], term),
                _EXTRA.sub(
                    lambda m: CLICK_HELP_WORDS[m.group(0)],
                    _DECIMAL_DEFAULT.sub(r"\1,\2", CLICK_HELP_WORDS.get(text, text)),
                ),
            )
            for term, text in rows
        ]
        super().write_dl(told, col_max, col_spacing)


class VietnameseContext(click.Context):
    """A command's context whose help page speaks Vietnamese."""

    formatter_class = VietnameseHelpFormatter


def walk(command: click.Command, path: str = "") -> Iterator[tuple[str, click.Command]]:
    """Every command of the tree under ``command``, with its path (``""``, ``"score"``, ``"criteria
    export"``)."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from walk(sub, f"{path} {name}".strip())


def option_key(path: str, option: click.Option) -> str:
    return f"{path} {max(option.opts, key=len)}"


def option_words(path: str, option: click.Option) -> Words | None:
    """The help of an option: its command's own words, else the words of every command's."""
    key = option_key(path, option)
    return OPTION_HELP.get(key) or OPTION_HELP.get(key.split(" ")[-1])


def localise_help(root: click.Command, lang: str) -> None:
    """Set the help of every command, option and argument under ``root`` in ``lang``, and the
    context that writes click's words of a help page in it."""
    for path, command in walk(root):
        command.help = COMMAND_HELP[path].get(lang)
        command.context_class = VietnameseContext if lang == "vi" else click.Context
        for param in command.params:
            if isinstance(param, click.Option):
                words = option_words(path, param)
                param.help = words.get(lang) if words is not None else param.help
            elif isinstance(param, click.Argument):
                name = ARGUMENT_WORDS.get(f"{path} {param.name}")
                param.metavar = name.get(lang) if name is not None else param.metavar


def lang_defaults(root: click.Command, lang: str) -> dict[str, object]:
    """click's ``default_map`` that makes ``lang`` the default ``--lang`` of every command under
    ``root`` (``pari --lang en score …``)."""
    defaults: dict[str, object] = {}
    if isinstance(root, click.Group):
        for name, sub in root.commands.items():
            below = lang_defaults(sub, lang)
            if any(p.name == "lang" for p in sub.params):
                below["lang"] = lang
            defaults[name] = below
    return defaults
