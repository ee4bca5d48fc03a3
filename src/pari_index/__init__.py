"""pari-index: score, verify and rank local governments on a rules-based PAR index."""

from __future__ import annotations

__version__ = "0.1.0"
