"""``load_pipeline``: the imports a comparison needs, with the collector paused, then frozen once.

Each check runs in a fresh interpreter, since freezing is once per process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parents[1]
TINY = REPO / "tests" / "data" / "tiny-event"


def _run(code: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_imports_pipeline_and_views_then_freezes_once() -> None:
    got = _run(
        "import gc, json, sys\n"
        "from compare.preload import load_pipeline, PIPELINE, VIEWS\n"
        "before = (gc.get_freeze_count(), 'sklearn' in sys.modules)\n"
        "load_pipeline(('html',))\n"
        "first = gc.get_freeze_count()\n"
        "heavy = [m for m in ('sklearn', 'scipy.stats', 'scipy.optimize') if m in sys.modules]\n"
        "junk = [[i] for i in range(10000)]\n"
        "load_pipeline(('json',))\n"
        "print(json.dumps({'before': before, 'first': first, 'second': gc.get_freeze_count(),\n"
        "  'enabled': gc.isenabled(), 'heavy': heavy,\n"
        "  'missing': [m for m in PIPELINE + VIEWS['html'] + VIEWS['json'] if m not in sys.modules]}))"
    )
    assert got["before"] == [0, False]
    assert got["first"] > 50_000  # NumPy and SciPy's sparse matrices alone are more objects than this
    assert got["heavy"] == [], "the pipeline needs none of scikit-learn (docs/batch.md)"
    assert got["second"] == got["first"], "a second call froze again"
    assert got["enabled"] is True
    assert got["missing"] == []


def test_leaves_a_disabled_collector_disabled() -> None:
    got = _run(
        "import gc, json\nfrom compare.preload import load_pipeline\n"
        "gc.disable(); load_pipeline()\nprint(json.dumps({'enabled': gc.isenabled()}))"
    )
    assert got == {"enabled": False}


def test_cycles_made_after_the_freeze_are_still_collected() -> None:
    got = _run(
        "import gc, json, weakref\nfrom compare.preload import load_pipeline\n"
        "load_pipeline()\n"
        "class Node: pass\n"
        "a, b = Node(), Node(); a.other, b.other = b, a\n"
        "ref = weakref.ref(a); del a, b\n"
        "gc.collect()\nprint(json.dumps({'collected': ref() is None}))"
    )
    assert got == {"collected": True}


def test_the_compare_command_loads_it_after_reading_the_inputs() -> None:
    files = [str(p) for p in sorted(TINY.iterdir())]
    got = _run(
        "import gc, json, sys\nfrom compare.cli import main\n"
        f"try:\n    main(['compare', *{files!r}, '--format', 'json'])\nexcept SystemExit:\n    pass\n"
        "print(json.dumps({'frozen': gc.get_freeze_count() > 0, 'enabled': gc.isenabled()}))"
    )
    assert got == {"frozen": True, "enabled": True}
