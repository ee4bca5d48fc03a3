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
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pari_index.errors import (
    IntakeError,
    Problem,
    broken_link,
    near_name,
    refusal,
    shorten_path,
    unreadable_hint,
    visible,
)
from pari_index.intake.tones import folded
from pari_index.intake.values import BIDI_CONTROLS
from pari_index.letters.legacy_encoding import has_legacy_word
from pari_index.system.input_watch import office_clutter, watch_within
from pari_index.system.spelling import path_as_windows_reads

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


def check_evidence_file(
    root: Path,
    name: str,
    listings: dict[Path, dict[str, str]] | None = None,
    index: Callable[[], FolderIndex] | None = None,
) -> tuple[str, str]:
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
        near = index().near(name) if index is not None else None
        if near is not None:  # a clerk's copy saved as «KH 72 (1).pdf», or «.docx» for «.pdf»
            return "file_not_found", f"the folder has a file of a near name, «{visible(near)}»"
        if has_legacy_word(name):
            # «KÕ ho¹ch 72.pdf»: a name typed (or pasted from an old document) with a TCVN3 or VNI
            # font, which names no file a Unicode system saved (session 39: «not found», no why).
            return "file_not_found", LEGACY_NAME_NOTE
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
        damage = _content_problem(candidate, path.suffix)  # the kind the name says, not a link's target's
        if damage is not None:
            return "damaged_file", damage
    except RuntimeError:  # Path.resolve on Python < 3.13 raises it for a symlink loop
        return "unreadable", "a symbolic link in the path leads round in a loop"
    except OSError as error:
        return _os_refusal(error)
    except ValueError as error:  # e.g. "embedded null byte", should a name pass the checks above
        return "bad_name", str(error)
    return "ok", ""


#: Kinds of file by their first bytes: a PDF's header may follow a little junk (PDF readers look
#: in the first 1,024 bytes); an Office document is a zip, or a compound file (an old .doc, or a
#: .docx encrypted with a password); pictures have fixed signatures (HEIC's at byte 4).
_KINDS: tuple[tuple[str, Callable[[bytes], bool]], ...] = (
    ("pdf", lambda head: b"%PDF" in head),
    ("zip", lambda head: head.startswith((b"PK\x03\x04", b"PK\x05\x06"))),
    ("compound", lambda head: head.startswith(b"\xd0\xcf\x11\xe0")),
    ("jpeg", lambda head: head.startswith(b"\xff\xd8\xff")),
    ("png", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    ("gif", lambda head: head.startswith((b"GIF87a", b"GIF89a"))),
    ("webp", lambda head: head.startswith(b"RIFF") and head[8:12] == b"WEBP"),
    ("heic", lambda head: head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"hevc")),
    ("bmp", lambda head: head.startswith(b"BM")),
    ("tiff", lambda head: head.startswith((b"II*\x00", b"MM\x00*"))),
)
_PICTURES = frozenset({"jpeg", "png", "gif", "webp", "heic", "bmp", "tiff"})
#: By the name's extension: the kind named (for the message) and the kinds that open as it (a
#: picture saved under another picture's extension opens in every viewer and in Word).
_NAMED: dict[str, tuple[str, frozenset[str]]] = {
    ".pdf": ("PDF", frozenset({"pdf"})),
    ".docx": ("Word (.docx)", frozenset({"zip", "compound"})),
    ".xlsx": ("Excel (.xlsx)", frozenset({"zip", "compound"})),
    ".pptx": ("PowerPoint (.pptx)", frozenset({"zip", "compound"})),
    ".jpg": ("JPEG", _PICTURES),
    ".jpeg": ("JPEG", _PICTURES),
    ".png": ("PNG", _PICTURES),
}
#: What the end of a whole file of a kind holds: a PDF's end-of-file mark, the end record of a
#: zip's central directory, a PNG's last chunk. Some tools add bytes after it (a scanner's or a
#: portal's padding, a zip comment): it is looked for in the last 1,024 bytes, then as far back
#: as a zip comment can reach (the record's 22 bytes and 65,535), and only a file without it
#: there is cut short.
_ENDS: dict[str, bytes] = {"pdf": b"%%EOF", "zip": b"PK\x05\x06", "png": b"IEND"}
_END_REACH = 22 + 65_535


def _content_problem(path: Path, suffix: str) -> str | None:
    """Why the file at ``path`` is not a whole document of the kind its name says (its extension
    ``suffix``; None when it is, or the extension is not one of _NAMED's): its first 1,024 bytes tell its kind, and its
    last bytes whether it ends as a whole file of that kind does."""
    named = _NAMED.get(suffix.lower())
    if named is None:
        return None
    shown, opens_as = named
    with path.open("rb") as file:
        head = file.read(1024)
        kind = next((kind for kind, found in _KINDS if found(head)), None)
        if kind in opens_as:
            end = _ENDS.get(kind or "")
            return (
                None
                if end is None or _ends_with(file, end)
                else f"the {shown} file ends before its end mark: it was cut short when it was copied or downloaded"
            )
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return f"the file is a web page (HTML), not a {shown} document"
    return f"the file's content is not that of a {shown} document"


def _ends_with(file: BinaryIO, end: bytes) -> bool:
    """Whether ``end`` is in the last 1,024 bytes of ``file``, or else within _END_REACH of its end."""
    size = file.seek(0, os.SEEK_END)
    for reach in (1024, _END_REACH):
        file.seek(max(size - reach, 0))
        if end in file.read(reach):
            return True
        if reach >= size:
            return False
    return False


#: What a path that is no folder is, by its mode (messages.labels.PARAM_WORDS["not_folder"]).
_NOT_FOLDER = ((stat.S_ISSOCK, "socket"), (stat.S_ISFIFO, "pipe"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"))


def not_a_folder(evidence_dir: Path) -> Problem:
    """``--evidence-dir`` names something that is not a folder, told by what it is: until session
    35 a socket, a pipe or a device was "a file, not a folder", with the hint of one evidence file
    given for its folder (a .zip to extract)."""
    try:
        mode = evidence_dir.stat().st_mode
    except (OSError, ValueError):
        mode = stat.S_IFREG
    kind = next((name for test, name in _NOT_FOLDER if test(mode)), "file")
    english = {
        "file": "a file",
        "socket": "a socket (a program's connection point)",
        "pipe": "a pipe (FIFO)",
        "device": "a device",
    }[kind]
    return Problem(
        "evidence-dir-not-a-folder",
        f"the evidence folder given is {english}, not a folder",
        file=shorten_path(visible(str(evidence_dir))),
        params={"not_folder": kind, "not_folder_hint": "file" if kind == "file" else "other"},
    )


def evidence_dir_problem(evidence_dir: Path) -> Problem | None:
    """Why ``--evidence-dir`` cannot be used (it does not exist, or the system refuses it: a name
    too long, a NUL, a link loop, no permission to reach the files in it), or None. A folder that
    may not be listed but whose files may be reached (mode 0311) is used: each file is named."""
    try:
        if evidence_dir.exists() and not evidence_dir.is_dir():
            # Usually one evidence file given instead of the folder that holds them: "does not
            # exist" would send the user looking for a path that is there.
            return not_a_folder(evidence_dir)
        if not evidence_dir.is_dir():
            shown = shorten_path(visible(str(evidence_dir)))
            link = broken_link(evidence_dir, shown)
            if link is not None:  # "does not exist" of a link that ls lists
                return link
            refused = refusal(evidence_dir)  # links that loop above it: no "does not exist" either
            if refused is not None:
                raise refused
            near = near_name(evidence_dir, shown)
            if near is not None:
                return near
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
        key, hint = _folder_hint(error)
        return Problem(
            "evidence-dir-unusable",
            f"the evidence folder cannot be used: {reason or 'not found'}",
            file=shorten_path(visible(str(evidence_dir))),
            hint=hint,
            params={**_refusal_params(error, reason), "folder_hint": key},
        )
    return None


#: What to do about an evidence folder the system refused, by the reason's key (errors.unreadable_hint;
#: messages.PARAM_WORDS["folder_hint"]). "Give the folder that holds the evidence files" was said
#: of a folder that is that folder, which the user may not open (mode 0, 0444: ls -ld shows it).
_FOLDER_HINTS = {
    "denied": "give yourself permission to open the folder and read its files (ls -ld shows who may), or ask its owner",
    "failing": "the disk or the network share failed: check that it is connected, or copy the folder to a local disk",
    "too_long": "a name in the path is too long for the system: give a shorter path",
    "loop": "symbolic links in the path lead round in a loop: give the folder's own path",
    "": "give the folder that holds the evidence files",
}


def _folder_hint(error: Exception) -> tuple[str, str]:
    """The key and English of what to do about ``error`` (a loop found by resolve is a RuntimeError)."""
    key = unreadable_hint(error)[0] if isinstance(error, OSError) else "loop" if isinstance(error, RuntimeError) else ""
    return key, _FOLDER_HINTS[key]


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


def check_evidence_files(
    evidence_dir: Path,
    names: Sequence[str],
    listings: dict[Path, dict[str, str]] | None = None,
    index: Callable[[], FolderIndex] | None = None,
) -> dict[str, tuple[str, str]]:
    """check_evidence_file for each name; the folder itself was checked to exist before scoring.
    ``listings``: the folders listed already (by resolved path), kept by the caller for the next
    names; ``index``: the folder's files (listed when a name is not found), for a near name."""
    try:
        root = evidence_dir.resolve()
    except (OSError, RuntimeError, ValueError) as error:
        return {name: ("unreadable", f"the evidence folder cannot be used ({error})") for name in names}
    listings = {} if listings is None else listings
    return {name: check_evidence_file(root, name, listings, index) for name in names}


#: The note of a name not found that looks typed with a legacy Vietnamese font (has_legacy_word).
LEGACY_NAME_NOTE = (
    "the name looks typed with a legacy Vietnamese font (TCVN3/ABC or VNI): convert it to Unicode"
    " (e.g. Unikey's converter) to match the file's name"
)


#: At most this many entries of an evidence folder (and this deep) are listed to tell the files no
#: row names and the near names of files not found: a folder of a whole province holds some
#: 100,000 documents; a larger one, or a link to the root of a disk, is listed that far.
MAX_LISTED = 200_000
MAX_DEPTH = 8
#: A copy's mark that Windows, macOS, Google Drive or a browser adds to a name: «KH 72 (1)»,
#: «KH 72 - Copy», «KH 72 - Bản sao», «Copy of KH 72», «KH 72 copy 2».
_COPY_MARKS = re.compile(r"^(copy of|ban sao cua) |( \(\d+\)| (copy|ban sao)( \(\d+\)| \d+)?)$")


def name_skeleton(name: str) -> str:
    """What is left of a file name once the ways a clerk's copy of it differs are dropped: the
    folders, the extension (``.pdf`` for ``.docx``, ``.pdf.pdf``), a copy's mark, letter case, marks
    and every character but letters and digits («KH_72» for «kh 72»). Two names with one skeleton
    are near names; "" for a name with no letter or digit."""
    stem = _FOLDERS.split(name)[-1].strip()
    while "." in stem.strip(".") and len(stem.rsplit(".", 1)[1]) <= 5:  # its extensions, one or two
        stem = stem.rsplit(".", 1)[0]
    bare = " ".join(_PUNCTUATION.sub(" ", folded(stem)).split())
    if ")" in bare or "copy" in bare or "ban sao" in bare:  # what every copy's mark holds
        bare = _COPY_MARKS.sub("", _COPY_MARKS.sub("", bare))
    return _NOT_LETTERS.sub("", bare)


#: Compiled once: a name's skeleton is made for each file of a folder of up to MAX_LISTED.
_FOLDERS = re.compile(r"[/\\]")
_PUNCTUATION = re.compile(r"[_\-.]+")
_NOT_LETTERS = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class FolderIndex:
    """The files of an evidence folder (paths relative to it, with ``/``), as far as MAX_LISTED
    and MAX_DEPTH reach (``cut_short`` when they did not reach every file). Their skeletons are
    made when a near name is first looked for: 100,000 take about a second."""

    files: tuple[str, ...]
    cut_short: bool
    #: Each file's skeleton (name_skeleton), in the order of ``files``, and the files of each
    #: skeleton: made once, for the first name not found and the files no row names alike (each
    #: made them again: 150,000 files and one name not found took 9.4 CPU s, session 33).
    _skeletons: list[str] = field(default_factory=list, compare=False, repr=False)
    _by_skeleton: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, root: Path) -> FolderIndex:
        files: list[str] = []
        cut_short = _walk(root, "", 0, files)
        return cls(tuple(files), cut_short)

    def skeletons(self) -> list[str]:
        """Each file's skeleton, in the order of ``files``."""
        if not self._skeletons and self.files:
            self._skeletons.extend(name_skeleton(relative) for relative in self.files)
            grouped: dict[str, list[str]] = {}
            for relative, skeleton in zip(self.files, self._skeletons, strict=True):
                grouped.setdefault(skeleton, []).append(relative)
            self._by_skeleton.update({k: tuple(v) for k, v in grouped.items() if k})
        return self._skeletons

    def near(self, name: str) -> str | None:
        """The one file of the folder whose name is near ``name`` (not ``name`` itself), or None."""
        skeleton = name_skeleton(name)
        if not skeleton:
            return None
        self.skeletons()
        found = [f for f in self._by_skeleton.get(skeleton, ()) if name_key(f) != name_key(name)]
        return found[0] if len(found) == 1 else None


def name_key(name: str) -> str:
    """A name as Windows finds it in a folder: ``/`` or ``\\`` between folders, no ``./``, case,
    Unicode form and a part's final dots and spaces not minded (spelling.path_as_windows_reads).
    A run keys some 200,000 names: the plain ones (nearly all) without splitting them."""
    if _SPLIT_KEY.search(name):
        parts = (p.rstrip(" .") or p for p in re.split(r"[/\\]", name) if p not in ("", "."))
        name = "/".join(parts)
    return name.casefold() if name.isascii() else unicodedata.normalize("NFC", name).casefold()


#: A name whose key needs its parts: a backslash, an empty or ``.`` part, a part ending in a dot
#: or a space.
_SPLIT_KEY = re.compile(r"\\|//|^\.?/|/\./|[. ](?:/|$)|/$")


def _walk(folder: Path, prefix: str, depth: int, files: list[str]) -> bool:
    """Lists the regular files under ``folder`` into ``files`` (names after ``prefix``); whether
    MAX_LISTED or MAX_DEPTH stopped it. Links to folders are not followed (a loop, or the whole
    disk); a folder the system refuses is left out."""
    try:
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda e: e.name)
    except (OSError, ValueError):
        return False
    cut = False
    for entry in listed:
        if len(files) >= MAX_LISTED:
            return True
        if office_clutter(entry.name) or entry.name.startswith("._") or entry.name == "__MACOSX":
            continue  # a lock file, a thumbnail, or what a Mac's zip keeps beside each file: no document
        try:
            if entry.is_dir(follow_symlinks=False):
                cut = _walk(Path(entry.path), f"{prefix}{entry.name}/", depth + 1, files) if depth < MAX_DEPTH else True
            elif entry.is_file():
                files.append(prefix + entry.name)
        except (OSError, ValueError):
            continue
    return cut


@dataclass(frozen=True)
class EvidenceFolder:
    """A usable evidence folder (:func:`evidence_dir_problem` found nothing wrong with it)."""

    path: Path
    #: The folders listed to find a name as Windows reads it (spelling.path_as_windows_reads), kept
    #: for the whole run: they were listed again for each batch of 2,000 communes, and a folder of
    #: 200,000 files listed ten times for a register of 20,000 units took 3.3 CPU s.
    listings: dict[Path, dict[str, str]] = field(default_factory=dict, compare=False, hash=False, repr=False)
    #: The folder's FolderIndex, listed once for the run when first needed (a name not found).
    _listed: dict[str, FolderIndex] = field(default_factory=dict, compare=False, hash=False, repr=False)

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
        checked = check_evidence_files(self.path, names, self.listings, self.index)
        watch_within(self.path, [name for name, (state, _) in checked.items() if state == "ok"])
        return checked

    def index(self) -> FolderIndex:
        """The folder's files, listed once."""
        if "index" not in self._listed:
            try:
                self._listed["index"] = FolderIndex.of(self.path.resolve())
            except (OSError, RuntimeError, ValueError):
                self._listed["index"] = FolderIndex((), False)
        return self._listed["index"]

    def unused(self, names: Sequence[str]) -> tuple[list[tuple[str, str | None]], bool]:
        """The files of the folder that none of ``names`` (every evidence name of the run) names,
        each with the one name given that is near it (a row's name not found), or None; and
        whether the folder was listed only in part (MAX_LISTED, MAX_DEPTH)."""
        index = self.index()
        named = {name_key(n): n for n in names}
        files: dict[str, tuple[str, int]] = {}
        for number, relative in enumerate(index.files):
            files[name_key(relative)] = (relative, number)
        unused = [(f, number) for key, (f, number) in files.items() if key not in named]
        if not unused:
            return [], index.cut_short
        # Near names only among the names that are no file's (most are some file's): skeletons cost.
        near_named: dict[str, set[str]] = {}
        for key, name in named.items():
            if key not in files:
                near_named.setdefault(name_skeleton(name), set()).add(name)
        near_named.pop("", None)
        if not near_named:  # every name is a file's: no file is near a name not found
            return [(f, None) for f, _ in unused], index.cut_short
        skeletons = index.skeletons()
        return [(f, min(near_named.get(skeletons[n], {""})) or None) for f, n in unused], index.cut_short
