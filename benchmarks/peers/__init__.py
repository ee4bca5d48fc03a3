"""Peers of pari for the benchmark: the same scoring as a DuckDB SQL script and as a pandas script
(see benchmarks/README.md, "Peers: DuckDB and pandas")."""
