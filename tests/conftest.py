"""Shared test configuration: hypothesis profiles.

Example counts live in the profiles only (never per test), so CI can run a larger, derandomised
profile: ``ci`` when the ``CI`` environment variable is set, ``dev`` otherwise.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=300)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
