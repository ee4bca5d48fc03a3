"""Reading Thrift's compact protocol, in which Parquet writes its footer and page headers.

Two parts of pari-index read it: the intake measures a Parquet file before polars reads it
(:mod:`pari_index.intake.parquet_measure`, which reads a few fields and skips the rest of a file
that may be hostile), and the results writer patches a results table's changed row groups
(:mod:`pari_index.outputs.parquet_patch`, which decodes every field of its own file to encode it
again). Both take their bytes from here, through one :class:`CompactReader`: every read checked
against the end of the data, a varint of at most ten bytes, a list or map no longer than the
bytes left (each element takes one at least), so that a crafted footer is refused in time
proportional to its length, whoever reads it.

The wire format: thrift/doc/specs/thrift-compact-protocol.md (Apache Thrift).
"""

from __future__ import annotations

#: Compact types: a field's type in its header, or a list's elements' type.
TRUE, FALSE, BYTE, I16, I32, I64, DOUBLE, BINARY, LIST, SET, MAP, STRUCT = range(1, 13)
#: Nesting of structures, lists and maps a reader follows (Parquet's own go four deep).
MAX_DEPTH = 32


class CompactError(ValueError):
    """The bytes are not what the compact protocol writes (a reader's subclass says for whom)."""


class CompactReader:
    """The compact protocol's values read from ``data`` at :attr:`at`; every fault is raised as
    :attr:`error`, which a reader sets to the exception its callers catch."""

    error: type[ValueError] = CompactError

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def byte(self) -> int:
        if self.at >= len(self.data):
            raise self.error("cut short")
        self.at += 1
        return self.data[self.at - 1]

    def varint(self) -> int:
        data, at = self.data, self.at
        value = shift = 0
        try:
            while True:
                byte = data[at]
                at += 1
                value |= (byte & 0x7F) << shift
                if byte < 0x80:
                    self.at = at
                    return value
                shift += 7
                if shift > 63:
                    raise self.error("varint too long")
        except IndexError:
            raise self.error("cut short") from None

    def zigzag(self) -> int:
        """An i16, i32 or i64 (a zigzag varint)."""
        value = self.varint()
        return (value >> 1) ^ -(value & 1)

    def take(self, size: int) -> bytes:
        """The next ``size`` bytes (a binary's, a double's)."""
        if size < 0 or self.at + size > len(self.data):
            raise self.error("cut short")
        taken = self.data[self.at : self.at + size]
        self.at += size
        return taken

    def pass_bytes(self, size: int) -> None:
        """Move past ``size`` bytes without copying them."""
        if size < 0 or self.at + size > len(self.data):
            raise self.error("cut short")
        self.at += size

    def list_head(self) -> tuple[int, int]:
        """A list's or set's (size, element type)."""
        head = self.byte()
        size = head >> 4 if head >> 4 != 15 else self.varint()
        if size > len(self.data) - self.at:
            raise self.error("list longer than its bytes")
        return size, head & 0x0F

    def map_head(self) -> tuple[int, int, int]:
        """A map's (size, key type, value type); an empty map writes no types."""
        size = self.varint()
        kinds = self.byte() if size else 0
        if size > len(self.data) - self.at:
            raise self.error("map longer than its bytes")
        return size, kinds >> 4, kinds & 0x0F

    def field_head(self, last: int) -> tuple[int, int] | None:
        """The next field's (id, type) in a struct whose previous field was ``last``; None at the
        struct's end. A boolean field's value is its type (TRUE or FALSE)."""
        head = self.byte()
        if head == 0:
            return None
        return (last + (head >> 4) if head >> 4 else self.zigzag()), head & 0x0F

    def deeper(self, depth: int) -> int:
        """``depth`` + 1, refused past :data:`MAX_DEPTH`."""
        if depth >= MAX_DEPTH:
            raise self.error("nested too deep")
        return depth + 1
