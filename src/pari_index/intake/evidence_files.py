"""The evidence folder (``--evidence-dir``), read by the intake: whether each file an assessment
names is there, inside the folder, readable, and a whole document of its kind.

A name is found as the clerk's Windows machine would open it (spelling.path_as_windows_reads), and
every call on the file system is guarded: a name can hold anything a cell can, and no name may
stop the run. Which names to look at is known only once a batch of communes is scored (the items
that need a file, and the files their rows name), so the scoring stage asks
:class:`EvidenceFolder` for the states of its batch's names: it never reads a path itself.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pari_index.errors import IntakeError, Problem, broken_link, near_name, shorten_path, visible
from pari_index.input_watch import watch_within
from pari_index.intake.values import BIDI_CONTROLS
from pari_index.spelling import path_as_windows_reads

#: States of an evidence file given in ``evidence_file`` when there is an evidence folder.
#: file_not_found: no such file; outside_evidence_dir: the name (or a link) leads out of the folder;
#: bad_name: a name no file can have or that hides what it is (NUL, Excel's _x0000_ escape, other
#: control or bidi characters, too long); not_a_file: a folder or device; unreadable: permission
#: denied, a symbolic-link loop or any other refusal of the operating system; empty_file: 0 bytes
#: (a copy or upload that failed); damaged_file: a PDF, Office document or picture by its name
#: whose first bytes are not those of its kind (a portal's error page saved as «KH 72.pdf») or
#: that lacks the end every whole file of its kind has (a copy or download cut short).
FILE_STATES = (
    "file_not_found",
    "outside_evidence_dir",
    "bad_name",
    "not_a_file",
    "unreadable",
    "empty_file",
    "damaged_file",
)

#: Longest file name part most file systems allow (bytes of UTF-8), and longest path.
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 4096
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
#: Control characters (Unicode category Cc) and bidi controls (values.BIDI_CONTROLS).
_NAME_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


def _name_problem(name: str) -> str | None:
    """What makes ``name`` unusable as an evidence file name, or None."""
    found = _NAME_FORBIDDEN.search(name)  # one scan per name: a national run checks some 100,000
    if found is not None:
        c = found.group(0)
        if c in BIDI_CONTROLS:
            return f"the name contains the bidi control U+{ord(c):04X}, which shows it in another order"
        return f"the name contains the control character U+{ord(c):04X}"
    for match in _EXCEL_ESCAPE.finditer(name):
        code = int(match.group(1), 16)
        if code < 0x20 or 0x7F <= code < 0xA0:
            return f"the name contains {match.group(0)}, Excel's escape for the control character U+{code:04X}"
    if any(len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES for part in re.split(r"[/\\]", name)):
        return f"a part of the name is longer than {MAX_NAME_BYTES} bytes, more than file systems allow"
    if len(name.encode("utf-8", "surrogatepass")) > MAX_PATH_BYTES:
        return f"the name is longer than {MAX_PATH_BYTES} bytes"
    return None


def _os_refusal(error: OSError) -> tuple[str, str]:
    """The state and note for an operating-system error on an evidence path."""
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return "file_not_found", ""
    if error.errno == errno.ELOOP:
        return "unreadable", "a symbolic link in the path leads round in a loop"
    if error.errno == errno.ENAMETOOLONG:
        return "bad_name", "the name is too long for the file system"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "unreadable", "permission denied"
    return "unreadable", f"the system refused it ({error.strerror or type(error).__name__})"


def check_evidence_file(root: Path, name: str, listings: dict[Path, dict[str, str]] | None = None) -> tuple[str, str]:
    """The state of evidence file ``name`` in the folder ``root`` (resolved): "ok" or one of
    FILE_STATES, and a note saying why ("" when the state says it all). Every call on the file
    system is guarded: a name can hold anything a cell can, and no name may stop the run. A name
    not found as it is written is looked for as Windows and macOS would find it: folders parted
    by backslashes too, and letter case and Unicode form not minded (see
    spelling.path_as_windows_reads; ``listings`` keeps the folders listed)."""
    problem = _name_problem(name)
    if problem is not None:
        return "bad_name", problem
    found = _check_path(root, root / name)
    if found[0] == "file_not_found":
        try:
            other = path_as_windows_reads(root, name, {} if listings is None else listings)
        except ValueError:  # a NUL, should one pass the checks above
            other = None
        if other is not None:
            return _check_path(root, other)
    return found


def _check_path(root: Path, path: Path) -> tuple[str, str]:
    try:
        candidate = path.resolve()
        if not candidate.is_relative_to(root):
            return "outside_evidence_dir", ""
        info = candidate.stat()
        if not stat.S_ISREG(info.st_mode):
            return "not_a_file", "it is a folder" if stat.S_ISDIR(info.st_mode) else "it is not a regular file"
        if not os.access(candidate, os.R_OK):
            return "unreadable", "permission denied"
        if info.st_size == 0:
            return "empty_file", ""
        damage = _content_problem(candidate)
        if damage is not None:
            return "damaged_file", damage
    except RuntimeError:  # Path.resolve on Python < 3.13 raises it for a symlink loop
        return "unreadable", "a symbolic link in the path leads round in a loop"
    except OSError as error:
        return _os_refusal(error)
    except ValueError as error:  # e.g. "embedded null byte", should a name pass the checks above
        return "bad_name", str(error)
    return "ok", ""


#: The first bytes of each kind of document an evidence file is commonly named as: a PDF's header
#: may follow a little junk (readers look in the first 1,024 bytes); an Office document is a zip,
#: or a compound file when it is encrypted with a password; pictures have fixed signatures.
_SIGNATURES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("PDF", (b"%PDF-",)),
    ".docx": ("Word (.docx)", (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")),
    ".xlsx": ("Excel (.xlsx)", (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")),
    ".pptx": ("PowerPoint (.pptx)", (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
}


def _content_problem(path: Path) -> str | None:
    """Why the file at ``path`` is not the kind of document its name says (None when it is, or its
    kind is not one of _SIGNATURES'): its first 1,024 bytes, and for a PDF, an Office zip or a PNG
    its last 1,024, where a copy or download cut short lacks the end every such file has."""
    wanted = _SIGNATURES.get(path.suffix.lower())
    if wanted is None:
        return None
    kind, signatures = wanted
    with path.open("rb") as file:
        head = file.read(1024)
        size = file.seek(0, os.SEEK_END)
        file.seek(max(size - 1024, 0))
        tail = file.read(1024)
        end = _ENDS.get(kind)
        if end == _ZIP_END and end not in tail and head.startswith(b"PK"):
            # A zip's end record comes before its comment (Office writes none; other tools may):
            # looked for as far back as a comment can reach, and only when it is not in the last bytes.
            file.seek(max(size - _ZIP_END_REACH, 0))
            tail = file.read(_ZIP_END_REACH)
    if (kind == "PDF" and b"%PDF" in head) or any(head.startswith(s) for s in signatures):
        # An Office document encrypted with a password is a compound file, which has no end mark.
        if end is None or head.startswith(b"\xd0\xcf\x11\xe0") or end in tail:
            return None
        return f"the {kind} file ends before its end mark: it was cut short when it was copied or downloaded"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return f"the file is a web page (HTML), not a {kind} document"
    return f"the file's content is not that of a {kind} document"


#: What the last bytes of a whole file of each kind hold: a PDF's end-of-file mark, the end
#: record of a zip's central directory (an Office document), a PNG's last chunk.
_ZIP_END = b"PK\x05\x06"
#: How far from a zip's end its end record can be: the record (22 bytes) and the longest comment.
_ZIP_END_REACH = 22 + 65_535
_ENDS: dict[str, bytes] = {
    "PDF": b"%%EOF",
    "Word (.docx)": _ZIP_END,
    "Excel (.xlsx)": _ZIP_END,
    "PowerPoint (.pptx)": _ZIP_END,
    "PNG": b"IEND",
}


def evidence_dir_problem(evidence_dir: Path) -> Problem | None:
    """Why ``--evidence-dir`` cannot be used (it does not exist, or the system refuses it: a name
    too long, a NUL, a link loop, no permission to reach the files in it), or None. A folder that
    may not be listed but whose files may be reached (mode 0311) is used: each file is named."""
    try:
        if evidence_dir.exists() and not evidence_dir.is_dir():
            # Usually one evidence file given instead of the folder that holds them: "does not
            # exist" would send the user looking for a path that is there.
            return Problem(
                "evidence-dir-not-a-folder",
                "the evidence folder given is a file, not a folder",
                file=shorten_path(visible(str(evidence_dir))),
            )
        if not evidence_dir.is_dir():
            shown = shorten_path(visible(str(evidence_dir)))
            link = broken_link(evidence_dir, shown) or near_name(evidence_dir, shown)
            if link is not None:  # "does not exist" of a link that ls lists
                return link
            return Problem(
                "evidence-dir-missing",
                "the evidence folder does not exist",
                file=shorten_path(visible(str(evidence_dir))),
            )
        evidence_dir.resolve()
        if not os.access(evidence_dir, os.X_OK):  # no file in it can be reached: one refusal, not one a file
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(evidence_dir))
    except (OSError, RuntimeError, ValueError) as error:
        reason = _os_refusal(error)[1] if isinstance(error, OSError) else str(error)
        return Problem(
            "evidence-dir-unusable",
            f"the evidence folder cannot be used: {reason or 'not found'}",
            file=shorten_path(visible(str(evidence_dir))),
            hint="give the folder that holds the evidence files",
            params=_refusal_params(error, reason),
        )
    return None


def _refusal_params(error: Exception, reason: str) -> dict[str, str]:
    """Why a path was refused, as words of either language (messages: PARAM_WORDS["path_refusal"])."""
    if isinstance(error, ValueError):
        return {"path_refusal": "nul"} if "null" in reason else {"path_refusal": "os", "reason": reason}
    if isinstance(error, RuntimeError):
        return {"path_refusal": "loop"}
    number = error.errno if isinstance(error, OSError) else None
    known = {errno.ELOOP: "loop", errno.ENAMETOOLONG: "too_long", errno.EACCES: "denied", errno.EPERM: "denied"}
    if number in (errno.ENOENT, errno.ENOTDIR) or not reason:
        return {"path_refusal": "missing"}
    if number in known:
        return {"path_refusal": known[number]}
    return {
        "path_refusal": "system",
        "reason": (error.strerror if isinstance(error, OSError) else None) or type(error).__name__,
    }


def check_evidence_files(evidence_dir: Path, names: Sequence[str]) -> dict[str, tuple[str, str]]:
    """check_evidence_file for each name; the folder itself was checked to exist before scoring."""
    try:
        root = evidence_dir.resolve()
    except (OSError, RuntimeError, ValueError) as error:
        return {name: ("unreadable", f"the evidence folder cannot be used ({error})") for name in names}
    listings: dict[Path, dict[str, str]] = {}
    return {name: check_evidence_file(root, name, listings) for name in names}


@dataclass(frozen=True)
class EvidenceFolder:
    """A usable evidence folder (:func:`evidence_dir_problem` found nothing wrong with it)."""

    path: Path

    @classmethod
    def checked(cls, path: str | Path) -> EvidenceFolder:
        """The folder, once the system lets it be used; else IntakeError naming why."""
        problem = evidence_dir_problem(Path(path))
        if problem is not None:
            raise IntakeError(problem)
        return cls(Path(path))

    def states(self, names: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Each name's state ("ok" or one of FILE_STATES) and a note on it in English ("" when
        the state says it all); the files found are watched from now on, on their own, should the
        folder be too large to be watched whole."""
        checked = check_evidence_files(self.path, names)
        watch_within(self.path, [name for name, (state, _) in checked.items() if state == "ok"])
        return checked
