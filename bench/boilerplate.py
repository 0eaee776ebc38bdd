"""How many lines of real article text the boilerplate filter would drop (it should be none).

    python bench/boilerplate.py [EVENTS_DIR]

Counts, over every .txt/.md file of the corpus events (../shared/corpus/events by default), the
lines that ``compare.load.boilerplate.is_boilerplate`` takes for page furniture, and prints them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.load.boilerplate import is_boilerplate  # noqa: E402


def main() -> None:
    root = Path(
        sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/corpus/events"
    )
    if not root.is_dir():
        sys.exit(f"no corpus at {root}")
    files = lines = 0
    hits: list[tuple[str, str]] = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".txt", ".md") or not path.is_file():
            continue
        files += 1
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                lines += 1
                if is_boilerplate(line):
                    hits.append((str(path.relative_to(root)), line.strip()))
    print(f"{files} files, {lines} non-blank lines, {len(hits)} taken for boilerplate")
    for where, line in hits:
        print(f"  {where}: {line[:100]}")


if __name__ == "__main__":
    main()
