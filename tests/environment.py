"""Where the suite runs, decided in one place.

CI (the CI environment variable set to 1, true or yes) has every real part: PostgreSQL,
Chromium and an Elasticsearch node. There a missing part fails the test that needs it; on a
developer's machine it skips, naming what to start. scripts/test.sh reads CI the same way.
"""

import os

import pytest


def in_ci():
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require(available, message):
    """Fail in CI, skip elsewhere, when something a test needs is not available."""
    if available:
        return
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
