"""A compressed file given where pari reads a file (pari_index.system.archives): every reader says what
it is, what it holds and to extract it (``compressed-file``), in both languages, instead of "cannot
be opened as a spreadsheet (CalamineError: ...)", "a binary file, not CSV" or "not UTF-8 text
(byte 1)"; a workbook's or an OpenDocument's own zip is not one."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import shutil
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import hostile_archives
import pytest
from children import answers_its_case, pari_child
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.system.archives import compressed_file

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CRITERIA = ROOT / "criteria" / "ha-noi-2025-commune.yaml"


def _zip(name: str, data: bytes, *, utf8_flag: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(name)
        archive.writestr(info, data)
    raw = buffer.getvalue()
    if not utf8_flag:  # as tools that write UTF-8 names without saying so: clear bit 11 everywhere
        raw = raw.replace(b"PK\x03\x04\x14\x00\x00\x08", b"PK\x03\x04\x14\x00\x00\x00")
        raw = raw.replace(b"PK\x01\x02\x14\x03\x14\x00\x00\x08", b"PK\x01\x02\x14\x03\x14\x00\x00\x00")
    return raw


def _tar(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


#: Each kind of compressed file: (file name, its bytes from the original's, the name it reports
#: inside or None when it cannot tell).
KINDS: dict[str, tuple[str, Callable[[bytes, str], bytes], str | None]] = {
    "zip": ("sent.zip", lambda data, name: _zip(name, data), "{name}"),
    "zip-named-as-csv": ("sent.csv", lambda data, name: _zip(name, data), "{name}"),
    "gzip": ("{name}.gz", lambda data, name: gzip.compress(data), "{name}"),
    "gzip-named-inside": ("sent.gz", lambda data, name: _gzip_named(data, name), "{name}"),
    "bzip2": ("{name}.bz2", lambda data, name: bz2.compress(data), "{name}"),
    "xz": ("{name}.xz", lambda data, name: lzma.compress(data), "{name}"),
    "tar": ("sent.tar", lambda data, name: _tar(name, data), "{name}"),
    "7z": ("sent.7z", lambda data, name: b"7z\xbc\xaf\x27\x1c\x00\x04" + data[:64], None),
    "rar": ("sent.rar", lambda data, name: b"Rar!\x1a\x07\x01\x00" + data[:64], None),
}


def _gzip_named(data: bytes, name: str) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=name, mode="wb", fileobj=buffer, mtime=0) as f:
        f.write(data)
    return buffer.getvalue()


def _compressed(folder: Path, kind: str, original: Path) -> tuple[Path, str | None]:
    """``original`` compressed as ``kind`` into ``folder``; the name inside it should report."""
    pattern, make, inside = KINDS[kind]
    path = folder / pattern.format(name=original.name)
    path.write_bytes(make(original.read_bytes(), original.name))
    return path, (inside.format(name=original.name) if inside else None)


def _invoke(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _score(folder: Path, assessments: Path, **files: Path) -> list[str]:
    args = ["score", str(assessments), "--criteria", str(CRITERIA), "-o", str(folder / "out.xlsx"), "-q"]
    args += ["--communes", str(files.get("communes", EXAMPLES / "communes.csv"))]
    args += ["--survey", str(files.get("survey", EXAMPLES / "survey.csv"))]
    if "appraisal" in files:
        args += ["--appraisal", str(files["appraisal"])]
    return args


def _said_compressed(status: int, said: str, path: Path, inside: str | None, lang: str = "en") -> None:
    assert status in (1, 2), said
    assert "Traceback" not in said and "CalamineError" not in said, said
    assert "[compressed-file]" in said, said
    if lang == "en":
        assert f"error: {path}: this is a compressed file (" in said, said
        assert ("; inside: " + inside) in said if inside else "; inside:" not in said, said
        assert "hint: extract it (on Windows: right-click, Extract All; 7-Zip for .7z and .rar)" in said, said
    else:
        assert f"lỗi: {path}: đây là tệp nén (" in said, said
        assert ("; bên trong: " + inside) in said if inside else "; bên trong:" not in said, said
        assert "gợi ý: giải nén tệp" in said, said
    assert not (path.parent / "out.xlsx").exists()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_compressed_assessments_are_told_so_in_both_languages(tmp_path: Path, kind: str) -> None:
    path, inside = _compressed(tmp_path, kind, EXAMPLES / "assessments_long.csv")
    for lang in ("en", "vi"):
        status, said = _invoke([*_score(tmp_path, path), "--lang", lang])
        _said_compressed(status, said, path, inside, lang)


@pytest.mark.parametrize("role", ["communes", "survey", "appraisal"])
@pytest.mark.parametrize("kind", ["zip", "gzip"])
def test_every_input_of_score_is_checked(tmp_path: Path, role: str, kind: str) -> None:
    path, inside = _compressed(tmp_path, kind, EXAMPLES / f"{role}.csv")
    status, said = _invoke([*_score(tmp_path, EXAMPLES / "assessments_long.csv", **{role: path}), "--lang", "en"])
    _said_compressed(status, said, path, inside)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("results")
    status, said = _invoke(_score(folder, EXAMPLES / "assessments_long.csv"))
    assert status == 0, said
    return folder / "out.xlsx"


@pytest.mark.parametrize("kind", ["zip", "gzip", "7z"])
def test_compressed_results_for_report_explain_and_previous(tmp_path: Path, results: Path, kind: str) -> None:
    path, inside = _compressed(tmp_path, kind, results)
    for args in (
        ["report", str(path), "-o", str(tmp_path / "report.html")],
        ["explain", "00001", "--results", str(path)],
        [*_score(tmp_path, EXAMPLES / "assessments_long.csv"), "--previous", str(path)],
    ):
        status, said = _invoke([*args, "--lang", "en"])
        _said_compressed(status, said, path, inside)
    assert not (tmp_path / "report.html").exists()


@pytest.mark.parametrize("kind", ["zip", "gzip", "xz"])
def test_a_compressed_criteria_set_is_not_called_not_utf8(tmp_path: Path, kind: str) -> None:
    path, inside = _compressed(tmp_path, kind, CRITERIA)
    status, said = _invoke(["validate", str(path), "--lang", "en"])
    _said_compressed(status, said, path, inside)
    assert "[not-utf8]" not in said


def test_a_zip_named_in_utf8_without_its_flag_is_listed_by_its_vietnamese_name(tmp_path: Path) -> None:
    """Tools that write UTF-8 names without setting the zip's flag: zipfile reads them as code
    page 437 ("─Éß║ú…"); the name is read again as UTF-8."""
    raw = _zip("Đánh giá xã.csv", b"a,b\n1,2\n", utf8_flag=False)
    assert zipfile.ZipFile(io.BytesIO(raw)).namelist() != ["Đánh giá xã.csv"]  # the library's reading
    found = compressed_file(raw, "sent.zip")
    assert found is not None and found.params["names"] == "Đánh giá xã.csv"


def test_names_inside_are_shown_visible_and_at_most_five(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(7):
            archive.writestr(f"x{i}\n.csv" if i == 0 else f"x{i}.csv", b"a\n")
    found = compressed_file(buffer.getvalue(), "sent.zip")
    assert found is not None
    assert found.params["names"] == "x0<U+000A>.csv, x1.csv, x2.csv, x3.csv, x4.csv … (+2)"


def test_workbooks_and_opendocuments_are_not_archives() -> None:
    assert compressed_file(EXAMPLES / "assessments_wide.xlsx", "assessments_wide.xlsx") is None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    assert compressed_file(buffer.getvalue(), "sheet.ods") is None
    assert compressed_file(b"code,name\n00001,x\n", "communes.csv") is None


def test_as_a_real_command_in_vietnamese(tmp_path: Path) -> None:
    """The command as a child process, as a clerk runs it on the zip a commune e-mailed."""
    shutil.copy(EXAMPLES / "assessments_long.csv", tmp_path / "Đánh giá.csv")
    path, inside = _compressed(tmp_path, "zip", tmp_path / "Đánh giá.csv")
    done = pari_child(_score(tmp_path, path), tmp_path, timeout=120)
    _said_compressed(done.returncode, done.stdout + done.stderr, path, inside, "vi")


def test_a_compressed_stream_without_nul_bytes_is_not_read_as_text(tmp_path: Path) -> None:
    """A bzip2 stream need not hold a NUL byte, so it passed the binary check and was parsed as
    CSV text; the signature is checked first."""
    path = tmp_path / "assessments.csv"
    path.write_bytes(b"BZh91AY&SY" + bytes(range(1, 200)) * 5)
    status, said = _invoke([*_score(tmp_path, path), "--lang", "en"])
    _said_compressed(status, said, path, None)


def test_a_zip_of_many_files_is_told_before_the_workbook_limits(tmp_path: Path) -> None:
    """A zip of 20,000 files was 'the package holds 20,000 parts (at most 10,000 are read)',
    with the hint to save it again from Excel: the workbook's limits judged an archive."""
    path = tmp_path / "sent.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(20_000):
            archive.writestr(f"f{i}.csv", b"")
    status, said = _invoke([*_score(tmp_path, path), "--lang", "en"])
    _said_compressed(status, said, path, "f0.csv, f1.csv, f2.csv, f3.csv, f4.csv … (+19995)")
    assert "[xlsx-too-many-parts]" not in said


@pytest.mark.parametrize("case", sorted(hostile_archives.CASES))
def test_each_hostile_archive_case_answers_its_code(tmp_path: Path, case: str) -> None:
    expected = hostile_archives.EXPECTED[case]
    args = hostile_archives.CASES[case](tmp_path)
    answers_its_case(args, tmp_path, expected, hostile_archives.NOT_WRITTEN.get(case, ()))
