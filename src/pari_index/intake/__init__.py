"""The intake stage: every input file read, decoded, typed and checked, within limits."""
