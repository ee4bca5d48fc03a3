"""A file whose every row is a row of another file given before it: the same form given twice in
other bytes, told once.

The same bytes under two names are refused before anything is read (``input-same-content``,
:mod:`pari_index.same_content`). The same rows in other bytes were not: the example's assessments
given with a copy saved with a byte-order mark and CRLF line ends (Excel's "CSV UTF-8"), or as an
.xlsx beside the .csv it came from, read every row twice: 11,998 ``duplicate-row`` warnings, exit 0,
and nothing said which file was the copy. Such a file is refused the same way (exit 2), once,
naming the file it repeats (``input-same-rows``).

What is compared is what the reading made of each row: its cells (unit, item, input, value) and its
commune's own fields (self-score, evidence), each as a hash, kept per file as they are read. A file
all of whose hashes one other file holds too is a copy (a form sent twice, or one commune's form
given again beside the province's file that holds it, in either order); of two files with the same
rows, the second. Only with two files or more; a file with no
row read is left to the reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from pari_index.errors import Problem, UsageError
from pari_index.intake.sheet import FILE

#: Rows at the head of each part of :attr:`RowsSeen.parts` looked for in the other files first
#: (:meth:`RowsSeen.each_has_its_own`).
PROBES = 64


@dataclass
class RowsSeen:
    """The hashes of the rows read so far, by file (as the number of the file in reading order)."""

    files: int
    numbers: dict[str, int] = field(default_factory=dict)
    parts: list[pl.DataFrame] = field(default_factory=list)
    #: Each set of columns hashed so far (their names, joined), numbered: the number seeds the hash.
    layouts: dict[str, int] = field(default_factory=dict)

    def note(self, *frames: pl.DataFrame) -> None:
        """Keep the hashes of ``frames``' rows (cells or meta rows): every column but the place's
        (those beginning with ``_``: file, sheet, row, column, order)."""
        if self.files < 2:
            return
        for frame in frames:
            if frame.height == 0:
                continue
            values = sorted(c for c in frame.columns if not c.startswith("_"))
            files = frame.get_column(FILE)
            # Most often one file: told by comparing each path with the first, which costs a
            # quarter of finding the distinct paths (national slices: 12.5 → 3.6 CPU ms).
            one_file = files.null_count() == 0 and bool(
                frame.select((pl.col(FILE) == pl.col(FILE).first()).all()).item()
            )
            names = files.head(1).to_list() if one_file else files.unique(maintain_order=True).to_list()
            for name in names:
                self.numbers.setdefault(str(name), len(self.numbers))
            # A group of sheets is most often one file: its number is then repeated, not looked up
            # row by row (a national file's 800,000 paths hashed again: 0.02 CPU s).
            number = (
                pl.repeat(self.numbers[str(names[0])], frame.height, dtype=pl.UInt32, eager=True)
                if len(names) == 1 and names[0] is not None
                else frame.get_column(FILE).cast(pl.String).replace_strict(self.numbers, return_dtype=pl.UInt32)
            )
            # Each set of columns hashes with a seed of its own, so a meta row and a cell never
            # match. (The names were hashed as a column of every row: 45 → 30 CPU ms a national run.)
            layout = self.layouts.setdefault(",".join(values), len(self.layouts))
            named = pl.struct(*values).hash(7 + layout)
            self.parts.append(frame.select(number.alias("_n"), named.alias("_h")))

    def check(self) -> None:
        """Refuse (UsageError, exit 2) each file whose every row one other file holds too, that
        file holding more rows, or as many and given before it (of two copies, the second)."""
        if len(self.numbers) < 2:
            return
        if self.each_has_its_own():
            self.parts = []
            return
        seen = pl.concat(self.parts).unique()
        self.parts = []
        sizes = seen.group_by("_n").len("_rows")
        # Each pair of files sharing a row, and how many rows they share (most rows are one file's).
        shared = seen.filter(pl.len().over("_h") > 1)
        pairs = (
            shared.join(shared.rename({"_n": "_of"}), on="_h")
            .filter(pl.col("_n") != pl.col("_of"))
            .group_by("_n", "_of")
            .len("_shared")
            .join(sizes, on="_n")
            .join(sizes.rename({"_n": "_of", "_rows": "_of_rows"}), on="_of")
        )
        larger = (pl.col("_of_rows") > pl.col("_rows")) | (
            (pl.col("_of_rows") == pl.col("_rows")) & (pl.col("_of") < pl.col("_n"))
        )
        copies = (
            pairs.filter((pl.col("_shared") == pl.col("_rows")) & larger)
            .group_by("_n")
            .agg(pl.col("_of").sort_by("_of_rows", "_of", descending=[True, False]).first())
            .sort("_n")
        )
        if copies.height == 0:
            return
        names = {number: name for name, number in self.numbers.items()}
        raise UsageError([_same_rows(names[copy], names[of]) for copy, of in copies.select("_n", "_of").rows()])

    def each_has_its_own(self) -> bool:
        """Whether every file holds a row that no other file holds, found among a few rows of each
        (the first :data:`PROBES` of each part): then no file is a copy, and :meth:`check` is
        told without comparing every row of every file (on the national set, 1.35 million
        hashes: 0.46 CPU s against about 0.02, measured 7 December 2026). False when some file
        has no such row among them: :meth:`check` then compares them all."""
        probes = pl.concat([part.head(PROBES) for part in self.parts]).unique()
        wanted = probes.get_column("_h").implode()
        found = pl.concat([part.filter(pl.col("_h").is_in(wanted)) for part in self.parts]).unique()
        shared = (
            probes.join(found.rename({"_n": "_of"}), on="_h")
            .filter(pl.col("_of") != pl.col("_n"))
            .select("_n", "_h")
            .unique()
        )
        own = probes.join(shared, on=["_n", "_h"], how="anti").get_column("_n").unique()
        return own.len() == len(self.numbers)


def _same_rows(path: str, other: str) -> Problem:
    return Problem(
        "input-same-rows",
        f"every row of this file is a row of {other} too (a copy saved as another type, with a byte-order mark "
        "or other line ends, or a part of that file given again); its rows would be read twice",
        file=path,
        hint="give one of the two files (move the copy out of the folder), then score again",
        params={"path": path, "other": other},
    )


__all__ = ["RowsSeen"]
