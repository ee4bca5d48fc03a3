"""A CSV file with a title line above its header is told so, with what to do.

A sheet saved as CSV with its title above the table («BẢNG TỰ ĐÁNH GIÁ NĂM 2025») has a first
line of fewer cells than the rows below. The csv-syntax finding said row 2 had more cells than
the header and hinted to quote a cell holding the delimiter or delete the extra cells: the wrong
line, and the wrong thing to do. Now the hint says row 1 looks like a title above the column
names and to delete the lines above them. A row 2 that breaks a real header keeps its hint.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_batches import BUNDLED

from pari_index.cli import main

EXAMPLES = Path(__file__).parents[1] / "examples"
HINTS = {
    "en": "row 1 looks like a title or another line above the column names: it has fewer cells than the rows"
    " below; delete the lines above the column names, so that they are the file's first line",
    "vi": "hàng 1 có vẻ là tiêu đề hoặc một dòng khác nằm trên hàng tên cột: nó có ít ô hơn các hàng bên dưới;"
    " xoá các dòng nằm trên hàng tên cột để hàng tên cột là dòng đầu tiên của tệp",
}


def _said(path: Path, lang: str) -> str:
    args = ["score", str(path), "--communes", str(EXAMPLES / "communes.csv"), "--criteria", str(BUNDLED)]
    done = CliRunner().invoke(main, [*args, "--no-survey", "-o", str(path.parent / "out.xlsx"), "--lang", lang])
    assert done.exit_code == 1, done.output
    assert not (path.parent / "out.xlsx").exists()
    return done.output


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("title", ["BẢNG TỰ ĐÁNH GIÁ NĂM 2025", "BẢNG TỰ ĐÁNH GIÁ, NĂM 2025", '"Xã A, huyện B",,'])
def test_a_title_line_above_the_header_is_named_as_such(tmp_path: Path, lang: str, title: str) -> None:
    body = (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig")
    path = tmp_path / "titled.csv"
    path.write_text(f"{title}\n{body}", encoding="utf-8")
    said = _said(path, lang)
    assert "[csv-syntax]" in said
    assert HINTS[lang] in said


def test_a_row_that_breaks_a_real_header_keeps_its_hint(tmp_path: Path) -> None:
    header, first, *rest = (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig").splitlines()
    path = tmp_path / "ragged.csv"
    path.write_text("\n".join([header, first + ",extra", *rest]) + "\n", encoding="utf-8")
    said = _said(path, "en")
    assert "row 2 has 11 cells but the header (row 1) has 10" in said
    assert "a number with a decimal comma (like 55,5) splits into two cells" in said
    assert HINTS["en"] not in said
