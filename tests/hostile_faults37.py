"""Faults of the thirty-seventh session's helper faults37: an input saved again told as changed
(and one changed unseen), a library call's own error hidden behind a warning, and a shared cache
folder another user writes into. Each was run with the real ``pari`` on f7922a5 (before) and after
the fix (the example province, 60 communes; the 2-core machine shared by six agents, so times say
little):

- ``pari score assessments_long.csv … --survey survey.fifo`` while another program saved the
  assessments again with the same bytes (``touch``; a copy of the same bytes renamed over it, as
  Excel's «Save» with nothing edited and a synchronisation client putting the same copy back do;
  made deterministic by a helper that does it the moment pari opens the survey's pipe, as in
  tests/hostile_faults23.py): "the file changed while pari-index read it … nothing was written"
  (``input-changed``, exit 1), of a file whose rows were exactly those read. The watch on inputs
  (system.input_watch) compared the file's identity (inode, size, times), not its bytes. Now each
  watched file is hashed as its watch begins, beside the run (system.input_content), and judged
  by its bytes when they were hashed: exit 0, the results written. The same hash sees the other
  side of it: a file rewritten in place with other bytes of the same size within its disk's time
  resolution (FAT and exFAT keep 2 s steps, a share whole seconds, a network client caches the
  times; ``rsync -t`` and ``robocopy`` put the old times back on any disk) kept its identity and
  would have been read unseen; on this machine's ext4 the change time still tells it, so that side
  is shown in the test's process with the system's times cut to 2 s (tests/test_hostile_faults37.py).
  The run's digests (intake.file_digests) take the watch's hash and no longer read the inputs a
  second time as the run begins.

- Under warnings-as-errors (``python -W error``, pytest's ``filterwarnings = error``, a caller's
  ``warnings.simplefilter("error")``), ``pari.run_score(assessments=["missing.csv"], output=D/kq)``
  with ``D`` long enough for the output's path to pass 259 characters raised
  ``PariWarning: output-path-too-long-for-windows``, not "missing.csv: file not found"; so
  ``pari.write_results`` over the user's own workbook (``output-not-pari``) and ``pari.write_report``
  of a name ending in ``.txt`` (``output-suffix``): the warning was told as the call began. Now it
  is told once the call's checks are done, as its first output begins to be written
  (outputs.files.told_before_writing), so still before any byte is written; a call that fails
  first raises its own error (the warning told as well, unless it is made an error).

- ``pari score … --cache c`` where ``c`` is shared with other users and one of them planted an
  entry under the key the run looks for (every part of the key is computed from inputs that user
  may read; the tables of their making, the manifest of their SHA-256): exit 0, "Cache: 60 units
  reused from an earlier run", commune 00001 first with 99.0 points (it has 80.85, 27th). The
  entry was checked against its own manifest, which its writer writes. Now an entry is used only
  when it is this user's and closed to others (an entry is written in a folder of mode 0700 and
  renamed into place; intake.cache_folder.not_ours): "Cache: ignored c/communes/<key> (written
  by another user, or open to others' writing: not used, whatever it holds)", computed again,
  00001 27th with 80.85.
- The cache claimed a new folder by writing its ``CACHEDIR.TAG`` through ``.CACHEDIR.TAG.<pid>``:
  a link of that name planted by another user (process numbers are guessed by planting a few
  thousand) had the tag's text written into the file it leads to, one of the user's own. Now the
  tag is written through a new file of a name no one could know (O_EXCL, never through a link).

- ``pari score … --cache c --lang vi`` whose intake entry's ``manifest.json`` is cut short (a disk
  that filled, a power cut before the system wrote it out, a copy of the cache stopped halfway):
  "Bộ nhớ đệm: bỏ qua c/intake/<key> (Unterminated string starting at: line 10 column 13 (char
  452))", the JSON parser's English in a Vietnamese run, saying nothing of what happened. Now
  "(manifest.json bị cắt cụt hoặc hỏng)" / "(manifest.json is cut short or damaged)"
  (intake.cache.MANIFEST_CUT). The entry was already never read as data (a table cut short does
  not match its manifest's SHA-256); computed again, the same results.

Looked at and sound (no change): ``pari report res -o res/bao-cao.html`` with ``res`` on a
read-only mount (EROFS; a bind mount made read-only in a mount namespace) or a read-only folder as
an ordinary user: one error, "cannot write the file: Read-only file system", hint "the disk is
read-only: choose another folder" (exit 4, 7.1 s and 76 MB), nothing written in ``res``.

``EXPECTED`` is (exit status, code, the user's files that keep their bytes); ``NOT_WRITTEN`` the
names no run may leave. The cases need a helper beside the run or another user's files, so they
are run by tests/test_hostile_faults37.py.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
_INPUTS = ("assessments_long.csv", "communes.csv", "survey.csv")

#: On f7922a5 and after the fix: exit status, and whether the results were written.
MEASURED = {
    "assessments-touched-while-read": ((1, False), (0, True)),
    "assessments-saved-again-same-bytes": ((1, False), (0, True)),
    "assessments-rewritten-same-size": ((1, False), (1, False)),
    "forged-cache-entry": ((0, True), (0, True)),  # 00001: 99.0 and 1st before, 80.85 and 27th after
}

#: The helper beside the run: opening the pipe for writing waits for pari-index to open it for
#: reading; then the assessments are touched, saved again with the same bytes, or rewritten with
#: other bytes of the same size, and the survey's rows are written.
SAVER = (
    "import os, sys\n"
    "name = 'assessments_long.csv'\n"
    "with open('survey.fifo', 'wb') as pipe:\n"
    "    data = open(name, 'rb').read()\n"
    "    if sys.argv[1] == 'touch':\n"
    "        os.utime(name)\n"
    "    elif sys.argv[1] == 'again':\n"
    "        open('.saving', 'wb').write(data)\n"
    "        os.replace('.saving', name)\n"
    "    else:\n"
    "        at = data.index(b',1,')\n"
    "        open(name, 'r+b').write(data[: at + 1] + b'0' + data[at + 2 :])\n"
    "    pipe.write(open('survey.csv', 'rb').read())\n"
)


def saver(how: str) -> list[str]:
    """The argv of the helper started in the case's folder before ``pari``."""
    return [sys.executable, "-c", SAVER, how]


def _through_pipe(folder: Path) -> list[str]:
    import os

    for name in _INPUTS:
        shutil.copy(EXAMPLES / name, folder / name)
    os.mkfifo(folder / "survey.fifo")
    return [
        "score",
        "assessments_long.csv",
        "--communes",
        "communes.csv",
        "--survey",
        "survey.fifo",
        "-o",
        "kq.xlsx",
        "-q",
    ]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "assessments-touched-while-read": _through_pipe,
    "assessments-saved-again-same-bytes": _through_pipe,
    "assessments-rewritten-same-size": _through_pipe,
}
#: What the helper beside each case does (:data:`SAVER`).
BESIDE = {
    "assessments-touched-while-read": "touch",
    "assessments-saved-again-same-bytes": "again",
    "assessments-rewritten-same-size": "rewrite",
}

EXPECTED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "assessments-touched-while-read": (0, None, ("communes.csv", "survey.csv")),
    "assessments-saved-again-same-bytes": (0, None, ("communes.csv", "survey.csv")),
    "assessments-rewritten-same-size": (1, "input-changed", ("communes.csv", "survey.csv")),
}

NOT_WRITTEN: dict[str, tuple[str, ...]] = {"assessments-rewritten-same-size": ("kq.xlsx",)}
