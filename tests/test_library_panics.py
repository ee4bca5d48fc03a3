"""A Rust library's panic words are kept off the console, and only they (library_panics)."""

from __future__ import annotations

from pari_index.system.library_panics import STEP_MARK, without_panics

#: As polars 1.3x prints a panic of one of its threads, with pari's step line written meanwhile
#: by the main thread (seen in the twenty-fourth session's byte-mutation campaign).
PANIC = (
    b"\nthread 'async-executor-1' (31402) panicked at crates/polars-parquet/src/unpack.rs:120:1:\n"
    b"internal error: entered unreachable code: invalid num_bits 209\n"
    b"stack backtrace:\n"
    b"   0: __rustc::rust_begin_unwind\n" + STEP_MARK + "đọc tệp tự đánh giá\n".encode() + b"   1: core::panicking\n"
    b"note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.\n"
)
SHORT = (
    b"thread 'main' panicked at src/lib.rs:4:5:\n"
    b"assertion `left == right` failed\n  left: 329\n right: 337\n"
    b"note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n"
)


def test_the_panic_goes_and_the_step_line_written_among_it_stays() -> None:
    assert without_panics(PANIC) == STEP_MARK + "đọc tệp tự đánh giá\n".encode()


def test_lines_before_and_after_two_panics_stay() -> None:
    said = b"calamine: a warning\n" + SHORT + PANIC + b"after\n"
    assert without_panics(said) == b"calamine: a warning\n" + STEP_MARK + "đọc tệp tự đánh giá\n".encode() + b"after\n"


def test_nothing_but_a_panic_leaves_nothing() -> None:
    assert without_panics(SHORT) == b""
    assert without_panics(b"") == b""
    assert without_panics(b"plain words\n") == b"plain words\n"
