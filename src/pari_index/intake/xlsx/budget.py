"""The bytes a workbook inflates to, counted as they are inflated (a zip header may understate a
part's size) and spent against the limits."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from pari_index.errors import Problem
from pari_index.intake.xlsx.limits import _CHUNK, XlsxLimits, _Refused
from pari_index.messages.labels import PARAM_WORDS


def _stream(package: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> Iterator[bytes]:
    """A member's bytes in chunks, counted against the budget as they are inflated, so a member
    whose header understates its size cannot get past the limits."""
    budget.streamed.add(info.filename)
    with package.open(info) as member:
        while chunk := member.read(_CHUNK):
            budget.spend(len(chunk), info.filename)
            yield chunk


def _inflate_the_rest(package: zipfile.ZipFile, budget: _Budget) -> None:
    """Inflate every part not yet read, counting its bytes and checking its checksum: a part
    whose zip header understates its size (which calamine's zip reader may not notice) is
    caught here, whichever part calamine reads."""
    for info in package.infolist():
        if info.filename not in budget.streamed and not info.is_dir():
            for _ in _stream(package, info, budget):
                pass


@dataclass
class _Budget:
    """Inflated bytes and string text spent so far, against the limits."""

    file: str
    limits: XlsxLimits
    inflated: int = 0
    text: int = 0
    streamed: set[str] = field(default_factory=set)

    def spend(self, size: int, member: str) -> None:
        self.inflated += size
        if self.inflated > self.limits.total_bytes:
            raise _Refused(
                Problem(
                    "xlsx-too-large",
                    f"the workbook inflates to more than {self.limits.total_bytes:,} bytes (at {member})",
                    file=self.file,
                    hint="split the workbook, or raise PARI_MAX_XLSX_BYTES if it is genuine",
                    params={"xlsx_size": "inflating", "limit": self.limits.total_bytes, "part": member},
                )
            )

    def spend_text(self, size: int, part: str, sheet: str | None = None) -> None:
        """``size`` more bytes of text, read in ``part`` (a key of the catalogue's words
        ``text_part``: each output names it in its own language) of ``sheet``."""
        self.text += size
        if self.text > self.limits.text_bytes:
            params = {"limit": self.limits.text_bytes, "text_part": part, "part_sheet": sheet or ""}
            at = PARAM_WORDS["text_part"][part].get("en").format(**params)
            raise _Refused(
                Problem(
                    "xlsx-too-much-text",
                    f"the workbook's texts pass {self.limits.text_bytes:,} bytes (at {at})",
                    file=self.file,
                    sheet=sheet,
                    hint="split the workbook, or raise PARI_MAX_XLSX_TEXT_BYTES if it is genuine",
                    params=params,
                )
            )
