"""Names typed composed (NFC) found where the disk holds them decomposed (NFD), or the other way.

A folder unpacked from a Mac's zip names its files decomposed, byte for byte: ``pari score "Đánh
giá xã.csv"`` (typed composed, as every keyboard and every cell gives it) was "file not found"
beside a file of that very name. One lookup serves every reader: the command's input paths
(cli_params._InputPath), the library's (intake.tables.read_table_file, criteria.loading.load_criteria,
outputs.results.read_results and the facade's path arguments) and the evidence files named in
cells (intake.evidence_files). Evidence names, written in a spreadsheet on another machine, are
looked for as Windows reads them besides (:func:`path_as_windows_reads`). A shared helper: it
imports no stage.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path


def _composed(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _as_windows_reads(text: str) -> str:
    """A name part as Windows and macOS compare it: composed and without letter case, and without
    the final dots and spaces Windows drops from every part («KH 72.pdf.» opens «KH 72.pdf»)."""
    return unicodedata.normalize("NFC", text.rstrip(" .") or text).casefold()


def composed_path(
    root: Path, name: str, listings: dict[Path, dict[str, str]], key: Callable[[str], str] = _composed
) -> Path | None:
    """The path in ``root`` whose parts read as those of ``name`` once composed (NFC), or None.
    A part that exists as it is written is taken as it is; each folder is listed once per
    ``listings`` (a run keeps one for all its evidence names). ``key`` is how two names are
    compared; two entries of a folder that it cannot tell apart match nothing."""
    current = root
    for part in Path(name).parts:
        if part in (".", "..", "/") or os.path.lexists(current / part):
            current = current / part
            continue
        if current not in listings:
            listings[current] = _listing(current, key)
        found = listings[current].get(key(part))
        if not found:
            return None
        current = current / found
    return current


def _listing(folder: Path, key: Callable[[str], str]) -> dict[str, str]:
    """``folder``'s entries by ``key`` ("" for a key two entries share: neither is chosen)."""
    entries: dict[str, str] = {}
    try:
        names = os.listdir(folder)
    except (OSError, ValueError):
        return entries
    for entry in names:
        entries[key(entry)] = "" if key(entry) in entries else entry
    return entries


def path_as_windows_reads(root: Path, name: str, listings: dict[Path, dict[str, str]]) -> Path | None:
    """The path in ``root`` that Windows (and macOS) would open for ``name`` written in a cell:
    a backslash separates folders, and letter case and Unicode form do not matter. A spreadsheet
    made on a clerk's Windows machine names "Minh chứng\\kh 72.PDF" for "Minh chứng/KH 72.pdf",
    which Windows opens (and "KH 72.pdf." too: Windows drops a part's final dots and spaces);
    the same folder scored on Linux must find it too, or the published ranking would depend on
    the machine it was run on. None when nothing, or more than one entry
    differing only in case, matches (a Linux folder may hold both "KH.pdf" and "kh.pdf")."""
    return composed_path(root, name.replace("\\", "/"), listings, key=_as_windows_reads)


def spelled_on_disk(path: str | os.PathLike[str]) -> Path:
    """``path``, or when nothing of that name exists, the one path whose every part reads as the
    typed one's once both are composed (NFC). Else ``path`` as it is (the reader then says "file
    not found" under the name given). ``-`` and names that are plain ASCII are never looked up."""
    given = Path(path)
    text = str(given)
    try:
        if text == "-" or text.isascii() or os.path.lexists(given):
            return given
        return composed_path(Path(), text, {}) or given
    except (OSError, ValueError):  # a NUL in the name: the reader says what is wrong
        return given
