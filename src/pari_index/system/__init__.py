"""The machine around a run, shared by every stage: what the operating system and the file
system can do to a command, and how pari stays whole through it.

- ``limits``: the limits that keep any one file from taking the machine, and how a user raises them;
- ``archives``: compressed files given where a table, a workbook, results or a criteria set is read;
- ``spelling``: names typed composed (NFC) found where the disk holds them decomposed (NFD);
- ``input_watch``: inputs that change while a command reads them;
- ``interruptions`` and ``threads``: steps a stop signal must not cut in two, and waiting for the
  run's other threads in a way Ctrl-C interrupts;
- ``temporaries``: the folders a run in batches spills to;
- ``library_panics``: panics of the Rust libraries pari reads files with, told as a file's fault;
- ``thrift_compact``: Thrift's compact protocol, in which Parquet writes its footers.

None of these imports a stage package (tests/test_architecture.py).
"""
