"""A criteria file's bytes read, bounded, and decoded into the text the YAML reader takes.

At most ``MAX_FILE_BYTES`` are read from any file, device or pipe (``PARI_MAX_CRITERIA_BYTES``);
a folder, a socket, a dangling link or a compressed file is named as such; UTF-8 with or without
its BOM is read, and UTF-16 or UTF-32 told by its zero bytes (the YAML specification's table);
anything else is refused at its first byte that is not UTF-8 (docs/limits.md, "Criteria sets").
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from pathlib import Path
from typing import Any

from pari_index.criteria.yaml_reader import CONTROL
from pari_index.errors import (
    CriteriaError,
    Problem,
    broken_link,
    near_name,
    shorten_path,
    unreadable_hint,
    visible,
)
from pari_index.letters.legacy_encoding import likely_encoding
from pari_index.messages.labels import PARAM_WORDS
from pari_index.system.archives import compressed_file
from pari_index.system.input_watch import remember_piped
from pari_index.system.limits import env_limit
from pari_index.system.pipes import idle_pipe, nobody_wrote

#: The most bytes read from a criteria file, device or pipe. The bundled sets are about 50 KB.
#: Raised with the environment variable PARI_MAX_CRITERIA_BYTES.
MAX_FILE_BYTES = 1024 * 1024


def max_file_bytes() -> int:
    return env_limit("PARI_MAX_CRITERIA_BYTES", MAX_FILE_BYTES)


def _path_label(path: Path) -> str:
    """The path as shown in a problem: control characters shown as <U+XXXX> (errors.visible, as
    every place shows them), a very long one cut."""
    text = str(path)
    if CONTROL.search(text):
        text = visible(text)
    return shorten_path(text)


def _read_bounded(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file or a pipe, read in chunks.

    st_size cannot bound a read: it is 0 for /proc files, pipes and devices. The file is opened
    without blocking, so that a pipe nobody writes to reads as empty instead of waiting."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb", buffering=0) as handle:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise _NotAFile(mode)
        if stat.S_ISFIFO(mode):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while total < limit:
            chunk = handle.read(min(1 << 16, limit - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if stat.S_ISFIFO(mode) and not total and nobody_wrote(fd):
            raise _IdlePipe  # not "the file is empty": no program sent anything
        data = b"".join(chunks)
        if stat.S_ISFIFO(mode):
            remember_piped(path, data)  # its digest, for a check that cannot read the pipe again
        return data


class _IdlePipe(Exception):
    """A pipe that no program wrote to (system.pipes)."""


class _NotAFile(Exception):
    def __init__(self, mode: int) -> None:
        self.mode = mode


def _file_kind(mode: int) -> str:
    """What :func:`_kind_of` says, as a key of messages.PARAM_WORDS["file_kind"]."""
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "socket" if stat.S_ISSOCK(mode) else "other"


def _kind_of(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _link_or(path: Path, label: str, error: type[CriteriaError]) -> CriteriaError | None:
    """The error of a criteria file that is a symbolic link to no file (errors.broken_link)."""
    link = broken_link(path, label)
    return error(link) if link is not None else None


def read_text_file(path: Path, error: type[CriteriaError] = CriteriaError) -> str:
    """The text of a criteria file, read within ``MAX_FILE_BYTES``; every failure a problem."""
    return read_text_and_sha256(path, error)[0]


def read_text_and_sha256(path: Path, error: type[CriteriaError] = CriteriaError) -> tuple[str, str]:
    """The text of a criteria file (:func:`read_text_file`) and the SHA-256 of the bytes it was
    read from: what a results file records of the set (outputs.provenance), for a set loaded once
    and scored later (criteria.objects.file_of)."""
    label = _path_label(path)
    limit = max_file_bytes()

    def fail(code: str, message: str, hint: str | None = None, params: dict[str, Any] | None = None) -> CriteriaError:
        return error(Problem(code, message, file=label, hint=hint, params=params))

    def too_large(size: int | None) -> CriteriaError:
        got = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
        message = (
            f"{got}: a criteria set may be at most {limit:,} bytes (the bundled sets are about 50 KB); "
            "is this the right file? (PARI_MAX_CRITERIA_BYTES raises the limit)"
        )
        params = {"file_size": "criteria" if size is not None else "criteria_read", "size": size, "limit": limit}
        hint = "give the right file, or raise PARI_MAX_CRITERIA_BYTES"
        return fail("file-too-large", message, hint, {**params, "size_hint": "criteria"})

    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise fail("is-a-directory", "this is a folder, not a file")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise _NotAFile(mode)  # looked at before it is opened: a socket cannot be (ENXIO)
        if stat.S_ISREG(mode) and path.stat().st_size > limit:
            raise too_large(path.stat().st_size)
        raw = _read_bounded(path, limit + 1)
    except FileNotFoundError:
        near = near_name(path, label)
        raise _link_or(path, label, error) or (
            error(near) if near else fail("file-not-found", "file not found")
        ) from None
    except IsADirectoryError:
        raise fail("is-a-directory", "this is a folder, not a file") from None
    except _IdlePipe:
        raise error(idle_pipe(label)) from None
    except _NotAFile as exc:
        raise fail(
            "not-a-regular-file",
            f"this is {_kind_of(exc.mode)}, not a file; a criteria set is read from a file",
            "give the path of the criteria YAML file",
            {"file_kind": _file_kind(exc.mode)},
        ) from None
    except OSError as exc:  # EACCES, ELOOP, ENAMETOOLONG, EIO, ...
        linked = _link_or(path, label, error)
        if linked is not None:
            raise linked from None
        reason = exc.strerror or type(exc).__name__
        key, hint = unreadable_hint(exc)
        raise fail(
            "file-unreadable", f"cannot read the file: {reason}", hint, {"reason": reason, "unreadable_hint": key}
        ) from None
    except ValueError:  # a NUL byte in the path
        raise fail(
            "file-unreadable",
            "cannot read the file: the path holds a NUL character",
            "check the path",
            {"path_refusal": "nul"},
        ) from None
    if len(raw) > limit:
        raise too_large(None)
    return _criteria_text(raw, label, error), hashlib.sha256(raw).hexdigest()


def _criteria_text(raw: bytes, label: str, error: type[CriteriaError]) -> str:
    """The text of a criteria file's bytes (``label``: its name as told): an office document or
    PDF, a compressed file and bytes that are not UTF-8 are each an ``error`` saying which."""
    document = _table(label, raw) or _document(raw, label)
    if document is not None:
        raise error(document)
    try:
        return _yaml_text(raw)
    except UnicodeDecodeError as exc:
        compressed = compressed_file(raw, label)
        if compressed is not None:  # a set sent zipped or gzipped: not "not UTF-8 (byte 1)"
            raise error(compressed) from None
        raise error(_not_utf8(raw, exc.start, label)) from None


def _not_utf8(raw: bytes, start: int, label: str) -> Problem:
    """``not-utf8`` at the first byte that is not UTF-8 (``start``), saying which encoding the file
    most likely is: until session 39 a set saved as Windows-1258, TCVN3 or VNI was only "save it as
    UTF-8", which the author, whose editor showed the text right, could not act on."""
    likely = likely_encoding(raw)
    key = likely if likely in PARAM_WORDS["likely_encoding"] else ("other" if likely else "")
    params = {"byte": str(start), "likely_encoding": key, "encoding_fix": key}
    code_page = PARAM_WORDS["code_page"].get(str(likely))
    if code_page is not None:
        params["code_page"] = str(likely)
    said = PARAM_WORDS["likely_encoding"][key].en.format(code_page=code_page.en if code_page else likely)
    hint = PARAM_WORDS["encoding_fix"][key].en
    # Located by line and column, as every other problem of a set is: a byte offset alone
    # sent the author counting bytes in an editor that shows lines.
    return Problem(
        "not-utf8",
        f"not UTF-8 text (byte {start}){said}",
        file=label,
        line=raw.count(b"\n", 0, start) + 1,
        column=start - raw.rfind(b"\n", 0, start),
        hint=hint,
        params=params,
    )


#: How office documents and PDFs begin: a zip package (.xlsx, .docx, .ods, .odt), an OLE2
#: compound file (.xls, .doc), a PDF, an RTF file.
_DOCUMENT_HEADS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF", b"{\\rtf")


def _document(raw: bytes, label: str) -> Problem | None:
    """A criteria file that is an office document or a PDF (the decision's annex in Excel, the
    decision in Word or as a PDF), or an archive (``compressed-file``): it was "not UTF-8 text
    (byte 10)", "save the file as UTF-8", which no such file can be, or a YAML error of an RTF."""
    if not raw.startswith(_DOCUMENT_HEADS):
        return None
    return compressed_file(raw, label) or Problem(
        "criteria-is-document",
        "this is a workbook, a Word document or a PDF, not a criteria set written in YAML",
        file=label,
        hint="a criteria set is a YAML file (docs/criteria.md); a decision's annex in Excel becomes one with "
        "pari criteria import ANNEX.xlsx -o SET.yaml",
    )


#: The endings of the tables pari reads, a file so named given as a criteria set.
_TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".parquet"})


def _table(label: str, raw: bytes = b"") -> Problem | None:
    """A table given as a criteria set (``pari score a.csv --criteria communes.csv``, ``pari
    validate danh-gia.csv``: the assessments or the register where the set goes): it was "a
    criteria set must be a YAML mapping (id:, title:, areas: ...)" at line 1, as if the set were
    mistyped, or "not UTF-8 text" of a Parquet file. A table named otherwise (``dv.txt``, ``dv``
    with no ending) is known by its text (:func:`_delimited`)."""
    if Path(label).suffix.lower() not in _TABLE_SUFFIXES and not _delimited(raw):
        return None
    return Problem(
        "criteria-is-table",
        "this is a table (CSV, TSV or Parquet), not a criteria set written in YAML",
        file=label,
        hint="give the criteria set (.yaml) here; a table is given as the assessments or with --communes, --survey "
        "or --appraisal",
    )


#: A line of a criteria set that only a set has: a top-level ``id:``, ``title:`` or ``areas:``.
_SET_KEY = re.compile(r"^(?:id|title|areas):", re.MULTILINE)
#: How a YAML document's first line may begin other than with a key.
_YAML_STARTS = ("-", "#", "%", "{", "[")
#: A first line that is a mapping's key (``ma_xa: 1, 2``): a key before any separator.
_KEY_FIRST = re.compile(r"\s*[^,;\t:]+:(?:\s|$)")


def _delimited(raw: bytes) -> bool:
    """Whether ``raw`` is a table as text: no top-level key of a set in it, and its first two lines
    that are not blank hold the same number (two or more) of fields by one separator (``,``,
    ``;``, a tab). Such a file given as a set was "must be a YAML mapping" at line 1 (session 38)."""
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return False
    if _SET_KEY.search(text):
        return False
    lines = [line for line in text.splitlines()[:50] if line.strip()][:2]
    if len(lines) < 2 or lines[0].lstrip().startswith(_YAML_STARTS) or _KEY_FIRST.match(lines[0]):
        return False  # a YAML list, comment, directive, flow or mapping: the set's own problems say what
    return any(lines[0].count(sep) == lines[1].count(sep) >= 1 for sep in (",", ";", "\t"))


def _yaml_text(raw: bytes) -> str:
    """The text of a criteria file: UTF-8 (a byte-order mark dropped), or UTF-32 or UTF-16 when
    it says so by its byte-order mark or, without one, by the zero bytes beside its first
    character, as the YAML specification detects them (5.2, "Character Encodings"; Notepad's
    "Unicode" saves UTF-16). Anything else is UnicodeDecodeError."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return raw.decode("utf-32")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    for pattern, codec in _ZEROS_BESIDE_FIRST:
        if len(raw) >= 4 and all((b == 0) == (z == "0") for b, z in zip(raw[:4], pattern, strict=True)):
            return raw.decode(codec)
    if len(raw) >= 2 and raw[0] != 0 and raw[1] == 0:
        return raw.decode("utf-16-le")
    if len(raw) >= 2 and raw[0] == 0 and raw[1] != 0:
        return raw.decode("utf-16-be")
    return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")


#: The YAML specification's table of the zero bytes beside a first ASCII character (x): UTF-32.
_ZEROS_BESIDE_FIRST = (("000x", "utf-32-be"), ("x000", "utf-32-le"))
