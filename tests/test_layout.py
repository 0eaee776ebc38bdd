"""The package layout keeps its promises (STYLE.md point 1): imports run one way with no cycle,
modules hand each other public names, no view imports another view, no stage imports a report,
and no function grows past 100 lines."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "compare"
# Private names one module may take from another, in the whole package: a handful of deliberate
# exceptions at most (issue 13 set the bar at 5).
MAX_PRIVATE_IMPORTS = 5
MAX_FUNCTION_LINES = 100
VIEWS = {
    "compare.report.terminal",
    "compare.report.markdown",
    "compare.report.htmlreport",
    "compare.report.jsonout",
}
STAGES = (
    "compare.load",
    "compare.segment",
    "compare.details",
    "compare.align",
    "compare.attribution",
    "compare.differences",
    "compare.pipeline",
    "compare.quantities",
    "compare.dates",
    "compare.lexicon",
)


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(modules: dict[str, Path]) -> dict[str, list[tuple[str, str]]]:
    """module -> [(imported module, name)] for every import in it, function-level ones included."""
    graph: dict[str, list[tuple[str, str]]] = {}
    for module, path in modules.items():
        edges = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                target = _resolve(module, path, node)
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    edges.append((sub if sub in modules else target, alias.name))
            elif isinstance(node, ast.Import):
                edges.extend((a.name, "") for a in node.names)
        graph[module] = [(t, n) for t, n in edges if t.startswith("compare")]
    return graph


def _package_of(module: str, modules: dict[str, Path]) -> str:
    return module if modules[module].name == "__init__.py" else module.rsplit(".", 1)[0]


def test_no_import_cycle():
    modules = _modules()
    graph = {
        m: sorted({t for t, _ in edges if t in modules and t != m}) for m, edges in _imports(modules).items()
    }
    # A package's __init__ re-exporting its own modules is not a cycle; drop parent-package edges.
    for m, targets in graph.items():
        graph[m] = [t for t in targets if not m.startswith(t + ".")]
    state: dict[str, int] = {}
    cycles = []

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for t in graph[m]:
            if state.get(t) == 1:
                cycles.append(trail[trail.index(t) :] + [t] if t in trail else [m, t])
            elif t not in state:
                visit(t, trail + [t])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not cycles, f"import cycles: {cycles}"


def test_modules_hand_each_other_public_names():
    modules = _modules()
    private = [
        f"{m} takes {n} from {t}"
        for m, edges in _imports(modules).items()
        for t, n in edges
        if n.startswith("_") and not n.startswith("__") and t != m
    ]
    assert len(private) <= MAX_PRIVATE_IMPORTS, "\n".join(private)


def test_views_and_stages_import_one_way():
    modules = _modules()
    wrong = []
    for m, edges in _imports(modules).items():
        for t, _ in edges:
            if m in VIEWS and t in VIEWS and t != m:
                wrong.append(f"view {m} imports view {t}")
            if m.startswith(STAGES) and t.startswith("compare.report"):
                wrong.append(f"stage {m} imports the report {t}")
            if not m.startswith(("compare.cli", "compare.__main__")) and t.startswith("compare.cli"):
                wrong.append(f"{m} imports the CLI")
    assert not wrong, "\n".join(wrong)


def test_no_function_past_the_limit():
    long = []
    for module, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long.append(f"{module}.{node.name}: {n} lines")
    assert not long, "\n".join(long)


def test_stage_packages_exist():
    for package in ("align", "attribution", "differences", "batch", "cli", "report"):
        assert (PACKAGE / package / "__init__.py").is_file(), package
