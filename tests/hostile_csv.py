"""Hostile CSV, Parquet and text inputs for the benchmark (benchmarks/hostile.py) and the tests.

Each generator writes its files into an empty folder and returns the argv of ``pari`` (after the
program name). Every file is under 5 MB; each must be answered in a few seconds, in bounded memory,
with an exit status other than 70.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import polars as pl

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LONG_HEADER = "commune_code,criterion_id,input,value\n"


def _score(folder: Path, assessments: Path, register: Path | None = None) -> list[str]:
    """``pari score`` of ``assessments`` with the example register and survey (or ``register``)."""
    if register is None:
        register = folder / "communes.csv"
        shutil.copy(EXAMPLES / "communes.csv", register)
    survey = folder / "survey.csv"
    shutil.copy(EXAMPLES / "survey.csv", survey)
    return [
        "score",
        str(assessments),
        "--communes",
        str(register),
        "--survey",
        str(survey),
        "-o",
        str(folder / "out.xlsx"),
        "-q",
    ]


def register_with_stray_byte(folder: Path) -> list[str]:
    """A UTF-8 register (no BOM) with one byte that is not UTF-8: stays UTF-8, one finding."""
    raw = (EXAMPLES / "communes.csv").read_bytes()
    at = raw.index("Phường".encode(), 200)
    path = folder / "communes.csv"
    path.write_bytes(raw[:at] + b"\xff" + raw[at:])
    return _score(folder, EXAMPLES / "assessments_long.csv", path)


def long_quoted_line(folder: Path) -> list[str]:
    """One quoted cell of 4 MB full of commas and semicolons (csv.Sniffer was quadratic on it)."""
    path = folder / "long.csv"
    cell = '"' + "giải trình, có; " * 250_000 + '"'
    path.write_text(LONG_HEADER + f"00001,1.1.1,,{cell}\n", encoding="utf-8")
    return _score(folder, path)


def hundred_thousand_columns(folder: Path) -> list[str]:
    path = folder / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(100_000)) + "\n" + "1," * 99_999 + "1\n", encoding="utf-8")
    return _score(folder, path)


def sixteen_thousand_columns(folder: Path) -> list[str]:
    """16,384 columns (Excel's widest), 100 rows: refused before parsing (csv-too-wide, over 4,096)."""
    path = folder / "wide.csv"
    header = "commune_code," + ",".join(f"x{i}" for i in range(16_383))
    row = ",".join(["00001"] + ["1"] * 16_383)
    path.write_text(header + "\n" + (row + "\n") * 100, encoding="utf-8")
    return _score(folder, path)


def huge_cell(folder: Path) -> list[str]:
    """A cell of 4.9 MB: reported as too long, never echoed whole."""
    path = folder / "cell.csv"
    path.write_text(LONG_HEADER + "00001,1.1.1,," + "x" * 4_900_000 + "\n", encoding="utf-8")
    return _score(folder, path)


def decimal_comma(folder: Path) -> list[str]:
    path = folder / "long.csv"
    path.write_text(LONG_HEADER + "00001,1.1.1,,3\n00001,3.1,,55,5\n", encoding="utf-8")
    return _score(folder, path)


def unclosed_quote(folder: Path) -> list[str]:
    path = folder / "long.csv"
    path.write_text(LONG_HEADER + '00001,1.1.1,,"3\n' + "00001,1.1.2,,có\n" * 100_000, encoding="utf-8")
    return _score(folder, path)


def only_quotes(folder: Path) -> list[str]:
    path = folder / "quotes.csv"
    path.write_bytes(b'"' * 4_999_999)
    return _score(folder, path)


def only_newlines(folder: Path) -> list[str]:
    path = folder / "blank.csv"
    path.write_bytes(b"commune_code,criterion_id,value\n" + b"\n" * 4_900_000)
    return _score(folder, path)


def only_delimiters(folder: Path) -> list[str]:
    path = folder / "delims.csv"
    path.write_bytes(b",;\t" * 1_600_000)
    return _score(folder, path)


def random_bytes(folder: Path) -> list[str]:
    path = folder / "random.csv"
    path.write_bytes(os.urandom(4_900_000))
    return _score(folder, path)


def many_stray_bytes(folder: Path) -> list[str]:
    """The example assessments (UTF-8, no BOM) with a bad byte in the commune code of every row:
    stays UTF-8, findings capped per file, never a fallback to Windows-1258."""
    lines = (EXAMPLES / "assessments_long.csv").read_bytes().removeprefix(b"\xef\xbb\xbf").split(b"\n")
    path = folder / "long.csv"
    path.write_bytes(b"\n".join([lines[0]] + [b"\xfe" + line for line in lines[1:] if line]) + b"\n")
    return _score(folder, path)


def no_utf8_at_all(folder: Path) -> list[str]:
    """4.9 MB of one byte that is never UTF-8: read as Windows-1258 (announced), one huge cell."""
    path = folder / "ff.csv"
    path.write_bytes(b"\xff" * 4_900_000)
    return _score(folder, path)


def sparse_file(folder: Path) -> list[str]:
    """4 KB on disk, 1.5 GB of NUL bytes when read."""
    path = folder / "sparse.csv"
    path.write_text(LONG_HEADER + "00001,1.1.1,,3\n", encoding="utf-8")
    os.truncate(path, 1_500_000_000)
    return _score(folder, path)


def dev_zero(folder: Path) -> list[str]:
    return _score(folder, Path("/dev/zero"))


def fifo_without_writer(folder: Path) -> list[str]:
    path = folder / "pipe.csv"
    os.mkfifo(path)
    return _score(folder, path)


def symlink_loop(folder: Path) -> list[str]:
    path = folder / "loop.csv"
    path.symlink_to(path)
    return _score(folder, path)


def parquet_with_list_column(folder: Path) -> list[str]:
    path = folder / "long.parquet"
    pl.DataFrame(
        {
            "commune_code": ["00001", "00001"],
            "criterion_id": ["1.1.1", "1.1.2"],
            "value": ["04/06/2025", "có"],
            "tags": [["a"], ["b", "c"]],
            "meta": [{"k": 1}, {"k": 2}],
            "blob": [b"\xff\x00", b"x"],
        }
    ).write_parquet(path)
    return _score(folder, path)


def garbage_parquet(folder: Path) -> list[str]:
    path = folder / "long.parquet"
    path.write_bytes(b"PAR1" + os.urandom(4_000_000) + b"PAR1")
    return _score(folder, path)


def parquet_row_bomb(folder: Path) -> list[str]:
    """60 million equal rows compress to a small file; the footer says how many there are."""
    path = folder / "long.parquet"
    pl.select(commune_code=pl.repeat(1, 60_000_000, dtype=pl.Int8)).write_parquet(path)
    return _score(folder, path)


#: TCVN3 (ABC, the ".Vn" fonts): the byte of each Vietnamese lowercase letter (capitals with a
#: tone used the same bytes in the capital fonts).
_TCVN3 = dict(
    zip(
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ",
        "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâäå«åèæçé¬êíëìîïóñòôõøö÷ùúýûüþ¡¢§£¤¥¦",
        strict=True,
    )
)
#: VNI-Windows: a Vietnamese letter is its base letter followed by bytes for its marks.
_VNI_MARKS = {"\u0300": "ø", "\u0301": "ù", "\u0309": "û", "\u0303": "õ", "\u0323": "ï", "\u0302": "â", "\u0306": "ê"}


def tcvn3_bytes(text: str) -> bytes:
    """``text`` as a TCVN3 file holds it (letters without a TCVN3 byte by their lowercase one)."""
    return bytes(ord(_TCVN3.get(c, _TCVN3.get(c.lower(), c))) for c in text if ord(_TCVN3.get(c, c)) < 256)


def vni_bytes(text: str) -> bytes:
    """``text`` as a VNI-Windows file holds it (marks as the bytes after the letter; đ as ñ)."""
    out = []
    for c in unicodedata.normalize("NFD", text):
        if c == "\u031b" and out:  # the horn: ơ and ư are one byte each
            out[-1] = {"o": "ô", "O": "Ô", "u": "ö", "U": "Ö"}.get(out[-1], out[-1])
            continue
        out.append({"đ": "ñ", "Đ": "Ñ"}.get(c, _VNI_MARKS.get(c, c)))
    return "".join(out).encode("cp1252", errors="replace")


def tcvn3_assessments(folder: Path) -> list[str]:
    """The example assessments saved in TCVN3 (answers có/không, đúng hạn ... and explanations):
    read as Windows-1258 they would be mojibake scored as rejected answers one cell at a time."""
    path = folder / "tcvn3.csv"
    path.write_bytes(tcvn3_bytes((EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig")))
    return _score(folder, path)


def vni_register(folder: Path) -> list[str]:
    """The example register saved in VNI-Windows: names such as "Xaõ Taân Hoøa"."""
    path = folder / "communes.csv"
    path.write_bytes(vni_bytes((EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig")))
    return _score(folder, EXAMPLES / "assessments_long.csv", path)


def lone_carriage_returns(folder: Path) -> list[str]:
    """The example assessments with lines ended by CR alone (Excel's "CSV (Macintosh)")."""
    path = folder / "mac.csv"
    text = (EXAMPLES / "assessments_long.csv").read_bytes().replace(b"\r\n", b"\n")
    path.write_bytes(text.replace(b"\n", b"\r"))
    return _score(folder, path)


def mixed_line_endings(folder: Path) -> list[str]:
    """Files pasted together: lines ended by CR LF, LF and CR in turn."""
    path = folder / "mixed.csv"
    lines = (EXAMPLES / "assessments_long.csv").read_bytes().replace(b"\r\n", b"\n").split(b"\n")
    path.write_bytes(b"".join(line + (b"\r\n", b"\n", b"\r")[i % 3] for i, line in enumerate(lines)))
    return _score(folder, path)


CASES: dict[str, Callable[[Path], list[str]]] = {
    "csv-tcvn3-assessments": tcvn3_assessments,
    "csv-vni-register": vni_register,
    "csv-lone-carriage-returns": lone_carriage_returns,
    "csv-mixed-line-endings": mixed_line_endings,
    "csv-register-stray-byte": register_with_stray_byte,
    "csv-long-quoted-line": long_quoted_line,
    "csv-100k-columns": hundred_thousand_columns,
    "csv-16k-columns": sixteen_thousand_columns,
    "csv-huge-cell": huge_cell,
    "csv-decimal-comma": decimal_comma,
    "csv-unclosed-quote": unclosed_quote,
    "csv-only-quotes": only_quotes,
    "csv-only-newlines": only_newlines,
    "csv-only-delimiters": only_delimiters,
    "csv-random-bytes": random_bytes,
    "csv-many-stray-bytes": many_stray_bytes,
    "csv-no-utf8-at-all": no_utf8_at_all,
    "csv-sparse-file": sparse_file,
    "input-dev-zero": dev_zero,
    "input-fifo-without-writer": fifo_without_writer,
    "input-symlink-loop": symlink_loop,
    "parquet-list-column": parquet_with_list_column,
    "parquet-garbage": garbage_parquet,
    "parquet-row-bomb": parquet_row_bomb,
}
