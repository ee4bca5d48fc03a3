"""A CSV file refused as not Windows-1258 Vietnamese is named for what it most likely is: a file in
another language's code page (GB18030, KOI8-R, Shift_JIS ...) is ``other-encoding`` naming it, not
``legacy-encoding`` naming TCVN3/VNI (sweep 17 left it so); a TCVN3 or VNI file stays
``legacy-encoding``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_csv import tcvn3_bytes, vni_bytes
from hostile_sweep8 import EXAMPLES, _examples, _score

from pari_index.cli import main
from pari_index.intake.decoding import decode_text
from pari_index.letters.legacy_encoding import other_code_page

REGISTER = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig")
ASSESSMENTS = (EXAMPLES / "assessments_long.csv").read_text(encoding="utf-8-sig")


def _rows(name: str) -> str:
    return "code,name\n" + "".join(f"{i:05d},{name} {i}\n" for i in range(40))


#: Text of each language, and the code pages it is saved in.
LANGUAGES = {
    "ru": (_rows("Посёлок Южный, улица Ленина"), ("koi8_r", "cp1251")),
    "de": (_rows("Gemeinde Großhügelsdorf über Bärental"), ("cp1252",)),
    "fr": (_rows("Commune de Saint-Étienne, Çà et là, Noël"), ("cp1252",)),
    "zh": (_rows("北京市朝阳区人民政府"), ("gb18030",)),
    "zh-tw": (_rows("臺北市政府中正區"), ("big5",)),
    "ja": (_rows("東京都新宿区ひらがなカタカナ"), ("shift_jis",)),
    "ko": (_rows("서울특별시 강남구"), ("euc_kr",)),
    "el": (_rows("Αθήνα Θεσσαλονίκη Δήμος Περιφέρεια"), ("cp1253",)),
    "he": (_rows("תל אביב יפו ירושלים חיפה"), ("cp1255",)),
    "ar": (_rows("القاهرة الجديدة الإسكندرية"), ("cp1256",)),
    "th": (_rows("กรุงเทพมหานคร"), ("cp874",)),
}


@pytest.mark.parametrize(
    ("text", "codec"), [(text, codec) for text, codecs in LANGUAGES.values() for codec in codecs], ids=str
)
def test_another_languages_code_page_is_named(text: str, codec: str) -> None:
    decoded = decode_text(text.encode(codec))
    assert decoded.legacy is not None
    assert decoded.legacy.code_page == codec


@pytest.mark.parametrize("text", [REGISTER, ASSESSMENTS], ids=["register", "assessments"])
def test_vietnamese_fonts_are_no_other_code_page(text: str) -> None:
    for raw in (tcvn3_bytes(text), vni_bytes(text)):
        decoded = decode_text(raw)
        assert decoded.legacy is not None and decoded.legacy.code_page is None
        assert other_code_page(raw) is None


def test_vietnamese_in_gb18030_is_named_gb18030() -> None:
    """A Chinese Windows' "CSV" of a Vietnamese register: every letter kept, in GB18030."""
    assert other_code_page(REGISTER.encode("gb18030")) == "gb18030"


def _register(folder: Path, raw: bytes) -> list[str]:
    _examples(folder)
    (folder / "communes.csv").write_bytes(raw)
    return _score(folder)


@pytest.mark.parametrize(("lang", "words"), [("vi", "tiếng Nga"), ("en", "(Russian)")])
def test_a_russian_register_is_refused_naming_koi8(tmp_path: Path, lang: str, words: str) -> None:
    raw = REGISTER.replace("Phường", "Город").replace("Xã", "Село").encode("koi8_r", errors="replace")
    result = CliRunner().invoke(main, [*_register(tmp_path, raw), "--lang", lang])
    assert result.exit_code == 1, result.output
    assert "[other-encoding]" in result.output and "KOI8-R" in result.output and words in result.output
    assert "TCVN3" not in result.output and "[legacy-encoding]" not in result.output
    assert not (tmp_path / "out.xlsx").exists()


def test_a_tcvn3_register_still_names_tcvn3(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, [*_register(tmp_path, tcvn3_bytes(REGISTER)), "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "[legacy-encoding]" in result.output and "TCVN3" in result.output
    assert "[other-encoding]" not in result.output


def test_other_lines_pasted_into_a_utf8_file_are_named(tmp_path: Path) -> None:
    """Lines read one by one (UTF-8 and not): those that are not UTF-8 are weighed alone."""
    lines = REGISTER.splitlines(keepends=True)
    russian = "".join(f"9{i:04d},Посёлок Южный {i},commune\n" for i in range(20)).encode("cp1251")
    raw = "".join(lines).encode() + russian
    decoded = decode_text(raw)
    assert decoded.encoding == "mixed"
    assert decoded.legacy is not None and decoded.legacy.code_page == "cp1251"
