"""The core's layout: one package per domain, no import circle, MkDocs only in the two adapters."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MACROS = ROOT / "macros"
ADAPTERS = {"macros", "macros.hooks"}
DOMAINS = {"core", "documents", "trees", "directory", "offers", "practice", "careleavers", "search", "assets"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module of ours, and every top-level library, that a file imports (at any depth)."""
    found = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in MACROS.rglob("*.py")}
    return {name: {m for m in imports_of(path) if m in modules and m != name} for name, path in modules.items()}


def test_every_module_lives_in_a_domain_package_or_is_an_adapter():
    loose = [m for m in graph() if m not in ADAPTERS and m.split(".")[1] not in DOMAINS]
    assert not loose, f"modules outside the domain packages: {loose}"


def test_every_package_says_what_it_holds_and_what_it_may_import():
    for package in DOMAINS:
        doc = ast.get_docstring(ast.parse((MACROS / package / "__init__.py").read_text())) or ""
        assert "May import" in doc, f"macros/{package}/__init__.py: no 'May import' in its docstring"


def test_no_import_circle():
    edges = graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in edges[node]:
            if state.get(nxt) == 1:
                raise AssertionError("import circle: " + " -> ".join(stack[stack.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)


def test_only_the_two_adapters_import_mkdocs():
    for path in MACROS.rglob("*.py"):
        name = module_name(path)
        if name in ADAPTERS:
            continue
        assert not any(m == "mkdocs" or m.startswith("mkdocs.") for m in imports_of(path)), f"{name} imports MkDocs"


def test_the_plumbing_imports_no_domain_except_where_it_assembles_the_site():
    assemblers = {"macros.core.site", "macros.core.render", "macros.core.pages", "macros.core.state"}
    for name, deps in graph().items():
        if name.startswith("macros.core.") and name not in assemblers:
            outside = {d for d in deps if not d.startswith("macros.core")}
            assert not outside, f"{name} imports {outside}"
