"""Compressed files given where a table, a workbook, a results file or a criteria set is read.

Files travel by e-mail zipped: a commune sends ``bao-cao.zip``, a province forwards
``xa.csv.gz``, an office keeps ``.7z`` or ``.rar``. Given to pari as they came, each was refused
as something it is not: a zip as "cannot be opened as a spreadsheet (CalamineError: calamine
error: Cannot detect file format)", a gzip as "a binary file, not CSV", a gzipped criteria set as
"not UTF-8 text (byte 1)", with hints to save from Excel or as UTF-8, which the file already was
before it was compressed. Every reader asks :func:`compressed_file` once it knows the file is not
what it should be, and says what it is, what it holds where that can be told, and to extract it.
A shared helper: it imports no stage.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from pari_index.errors import Problem, visible

#: Leading bytes of the compressed formats people meet, and the name they know each by.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\x28\xb5\x2f\xfd", "Zstandard"),
)
#: The single-file compressors: what they hold is the file's name without their suffix.
_ONE_FILE = {"gzip": ".gz", "bzip2": ".bz2", "xz": ".xz", "Zstandard": ".zst"}
_ZIP_HEADS = (b"PK\x03\x04", b"PK\x05\x06")
#: How many of an archive's names a message lists.
_NAMES_SHOWN = 5


def file_head(data: bytes | Path, size: int = 512) -> bytes:
    """The first ``size`` bytes of a file's bytes or of the file at a path (none when it cannot be
    read): what a reader looks at to tell what a file is."""
    if isinstance(data, bytes):
        return data[:size]
    try:
        with open(data, "rb") as source:
            return source.read(size)
    except OSError:
        return b""


#: What reading a damaged zip's parts raises besides OSError: zipfile's own error, zlib's on a
#: deflate stream whose bytes were changed ("invalid distance too far back"), EOFError on a cut
#: part, NotImplementedError on a method Python cannot inflate, RuntimeError on an encrypted part,
#: ValueError on impossible sizes. zlib's was missed where pari peeks at a workbook's parts (is it
#: results? pari's own output?), and a damaged --survey workbook ended as pari's own error, exit 70.
ZIP_READ_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)


def _zip_names(data: bytes | Path) -> list[str] | None:
    """The names in a zip archive, or None when it is an office document's package or cannot be
    listed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    return archived_names(entries)


#: Names that make a zip an office document's package: a workbook's parts (OOXML) or an
#: OpenDocument's. A damaged workbook may lack its content types and still be read.
_PACKAGE_NAMES = ("[Content_Types].xml", "mimetype", "content.xml")
_PACKAGE_FOLDERS = ("xl/", "_rels/", "docProps/", "META-INF/")


def archived_names(entries: list[zipfile.ZipInfo]) -> list[str] | None:
    """The names of a zip's entries as a message shows them, or None when the zip is an office
    document's package (any of its parts' names or folders)."""
    names = [_zip_name(entry) for entry in entries]
    if any(name in _PACKAGE_NAMES or name.startswith(_PACKAGE_FOLDERS) for name in names):
        return None
    return [visible(name) for name in names if not name.endswith("/")]


def _zip_name(entry: zipfile.ZipInfo) -> str:
    """An entry's name as its writer meant it: zipfile reads a name without the UTF-8 flag as
    code page 437, but many tools write UTF-8 without setting it (a Vietnamese name then came out
    as "─Éß║ú"); such a name is read again as UTF-8 when its bytes are."""
    if entry.flag_bits & 0x800:
        return entry.filename
    try:
        return entry.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return entry.filename


def _gzip_name(head: bytes) -> str | None:
    """The original name a gzip header stores (its FNAME field), when it stores one."""
    if len(head) < 10 or not head[3] & 0x08 or head[3] & 0x04:  # no name, or an extra field first
        return None
    end = head.find(b"\x00", 10)
    return head[10:end].decode("latin_1") if end > 10 else None


def _kind(head: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[257:262] == b"ustar":
        return "tar"
    return "zip" if head.startswith(_ZIP_HEADS) else None


def zip_archive(entries: list[zipfile.ZipInfo], file: str) -> Problem | None:
    """A ``compressed-file`` problem when a zip's ``entries`` (its directory, read by the caller)
    are not an office document's parts, else None."""
    names = archived_names(entries)
    return None if names is None else _problem("zip", names, file)


def compressed_file(data: bytes | Path, file: str) -> Problem | None:
    """A ``compressed-file`` problem when ``data`` (a file's bytes, or its path) is a compressed
    file or an archive rather than the file itself; None otherwise, for a workbook's or an
    OpenDocument's own zip too. ``file``: the name the problem gives."""
    head = file_head(data)
    kind = _kind(head)
    if kind is None:
        return None
    names: list[str] = []
    if kind == "zip":
        listed = _zip_names(data)
        if listed is None:
            return None
        names = listed
    elif kind == "tar":
        names = [visible(head[:100].split(b"\x00", 1)[0].decode("utf-8", "replace"))]
    elif kind in _ONE_FILE:
        stored = _gzip_name(head) if kind == "gzip" else None
        stem = Path(file).name.removesuffix(_ONE_FILE[kind])
        names = [visible(stored or stem)] if (stored or stem != Path(file).name) else []
    return _problem(kind, names, file)


def _problem(kind: str, names: list[str], file: str) -> Problem:
    more = len(names) - _NAMES_SHOWN
    shown = ", ".join(names[:_NAMES_SHOWN]) + (f" … (+{more})" if more > 0 else "")
    return Problem(
        "compressed-file",
        f"this is a compressed file ({kind}), not the file itself" + (f"; inside: {shown}" if names else ""),
        file=file,
        hint="extract it (on Windows: right-click, Extract All; 7-Zip for .7z and .rar) and give the files inside",
        params={"archive": kind, "holding": "listed" if names else "unlisted", "names": shown},
    )
