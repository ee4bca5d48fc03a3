"""A workbook whose deflated parts were damaged is xlsx-damaged wherever pari reads it, never pari's
own error.

Found by the twenty-fourth session's byte-mutation campaign: a --survey workbook with one byte
changed inside a deflated part ended ``pari score`` with exit 70 ("an error of its own, not your
file"): zlib's "invalid distance too far back" escaped the peek that asks whether an input is an
earlier run's results (outputs.ownership), which caught zipfile's errors but not zlib's. Every
reader of a zip's parts now catches archives.ZIP_READ_ERRORS.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main

EXAMPLES = Path(__file__).parents[1] / "examples"


def _inflate_fails(data: bytes, part: str) -> bool:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            package.read(part)
    except zlib.error:
        return True
    except Exception:
        return False
    return False


def damaged_workbook(source: Path, part: str = "xl/workbook.xml") -> bytes:
    """``source`` with one byte of ``part``'s deflated stream changed so that zlib refuses it."""
    data = source.read_bytes()
    with zipfile.ZipFile(source) as package:
        info = package.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for at in range(start, start + info.compress_size):
        for value in (0xFF, 0x00, 0x7F):
            damaged = data[:at] + bytes([value]) + data[at + 1 :]
            if _inflate_fails(damaged, part):
                return damaged
    raise AssertionError(f"no one-byte damage makes zlib refuse {part}")


@pytest.mark.parametrize("option", ["--survey", "--communes", "ASSESSMENTS"])
def test_a_damaged_deflate_stream_is_xlsx_damaged_as_any_input(tmp_path: Path, option: str) -> None:
    damaged = tmp_path / "hong.xlsx"
    damaged.write_bytes(damaged_workbook(EXAMPLES / "assessments_wide.xlsx"))
    files = {
        "ASSESSMENTS": str(EXAMPLES / "assessments_long.csv"),
        "--communes": str(EXAMPLES / "communes.csv"),
        "--survey": str(EXAMPLES / "survey.csv"),
    }
    files[option] = str(damaged)
    args = ["score", files.pop("ASSESSMENTS"), *(x for pair in files.items() for x in pair)]
    result = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "o.xlsx"), "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "hong.xlsx: the package cannot be read (error: Error -3 while decompressing data" in result.output
    assert "[xlsx-damaged]" in result.output and "internal error" not in result.output


def test_a_damaged_workbook_under_the_output_name_is_not_replaced(tmp_path: Path) -> None:
    """The same peek tells whether an existing output is pari's own: a damaged one is not, and is kept."""
    out = tmp_path / "o.xlsx"
    out.write_bytes(damaged_workbook(EXAMPLES / "assessments_wide.xlsx"))
    before = out.read_bytes()
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    result = CliRunner().invoke(main, [*args, "--survey", str(EXAMPLES / "survey.csv"), "-o", str(out)])
    assert result.exit_code == 4, result.output
    assert "[output-not-pari]" in result.output and out.read_bytes() == before
