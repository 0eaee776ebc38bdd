"""Golden-file snapshots: compare rendered output with a file under tests/golden/.

Run ``pytest --update-golden`` to (re)write the files after a deliberate change, then review the
diff before committing. Without the switch a missing or different golden file fails the test.
"""

from __future__ import annotations

import difflib
from pathlib import Path

GOLDEN_DIR = Path(__file__).parent / "golden"

# Lines of unified diff shown when a snapshot differs; enough to see the change, not a wall.
DIFF_LINES_SHOWN = 60


def golden_path(name: str) -> Path:
    path = (GOLDEN_DIR / name).resolve()
    if GOLDEN_DIR.resolve() not in path.parents:
        raise ValueError(f"golden file name {name!r} leaves tests/golden/")
    return path


def check_golden(name: str, text: str, update: bool) -> None:
    """Assert that ``text`` equals tests/golden/NAME; with ``update``, write it there instead."""
    from compare.atomic import write_atomic

    path = golden_path(name)
    if update:
        write_atomic(path, text)
        return
    if not path.exists():
        raise AssertionError(f"golden file {path} is missing; run pytest --update-golden to create it")
    expected = path.read_text(encoding="utf-8")
    if expected != text:
        diff = list(
            difflib.unified_diff(
                expected.splitlines(), text.splitlines(), f"golden/{name}", "actual", lineterm=""
            )
        )
        shown = "\n".join(diff[:DIFF_LINES_SHOWN])
        more = f"\n… {len(diff) - DIFF_LINES_SHOWN} more diff lines" if len(diff) > DIFF_LINES_SHOWN else ""
        raise AssertionError(
            f"output differs from golden/{name} (run pytest --update-golden if the change is intended):\n"
            f"{shown}{more}"
        )
