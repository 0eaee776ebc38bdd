"""Shared pytest fixtures and options.

``--update-golden`` rewrites the snapshots under tests/golden/ instead of comparing with them; use
the ``golden`` fixture: ``golden("name.json", text)``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).parent
REPO_ROOT = TESTS_DIR.parent
SAMPLES_DIR = REPO_ROOT / "samples"
DATA_DIR = TESTS_DIR / "data"
# The real corpora live beside the repository (../shared/corpus); tests that need them skip without.
CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpus"

# The tests import helper modules (builders, golden_util) from this folder.
if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))


try:  # property tests: reproducible examples in CI (a red CI must mean a real change), random here
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
    _hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "default")
except ImportError:  # hypothesis is in the test extra; without it the property tests skip
    pass


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files under tests/golden/ from the current output, not compare.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def golden(update_golden: bool) -> Callable[[str, str], None]:
    """``golden(name, text)``: assert text equals tests/golden/NAME (rewrite it under --update-golden)."""
    from golden_util import check_golden

    def check(name: str, text: str) -> None:
        check_golden(name, text, update_golden)

    return check


@pytest.fixture
def corpus_dir() -> Path:
    """../shared/corpus, or skip the test when it is absent."""
    if not (CORPUS_DIR / "events").is_dir():
        pytest.skip(f"real corpus not found at {CORPUS_DIR}")
    return CORPUS_DIR


@pytest.fixture
def corpus_lines(corpus_dir: Path) -> Callable[[int], list[str]]:
    """``corpus_lines(step)``: the non-blank lines of every step-th article of ../shared/corpus/events
    (skips the test when the corpus is absent)."""

    def lines(step: int) -> list[str]:
        return [
            line
            for path in sorted((corpus_dir / "events").glob("*/*.txt"))[::step]
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]

    return lines
