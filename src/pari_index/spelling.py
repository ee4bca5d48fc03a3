"""Names typed composed (NFC) found where the disk holds them decomposed (NFD), or the other way.

A folder unpacked from a Mac's zip names its files decomposed, byte for byte: ``pari score "Đánh
giá xã.csv"`` (typed composed, as every keyboard and every cell gives it) was "file not found"
beside a file of that very name. One lookup serves every reader: the command's input paths
(cli._InputPath), the library's (intake.tables.read_table_file, criteria.loading.load_criteria,
outputs.results.read_results and the facade's path arguments) and the evidence files named in
cells (scoring.verification). A shared helper: it imports no stage.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path


def composed_path(root: Path, name: str, listings: dict[Path, dict[str, str]]) -> Path | None:
    """The path in ``root`` whose parts read as those of ``name`` once composed (NFC), or None.
    A part that exists as it is written is taken as it is; each folder is listed once per
    ``listings`` (a run keeps one for all its evidence names)."""
    current = root
    for part in Path(name).parts:
        if part in (".", "..", "/") or os.path.lexists(current / part):
            current = current / part
            continue
        if current not in listings:
            try:
                listings[current] = {unicodedata.normalize("NFC", entry): entry for entry in os.listdir(current)}
            except (OSError, ValueError):
                listings[current] = {}
        found = listings[current].get(unicodedata.normalize("NFC", part))
        if found is None:
            return None
        current = current / found
    return current


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
