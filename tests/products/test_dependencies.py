"""The catalogue depends on nothing that depends on it: reviews and search build on products."""

import ast
from pathlib import Path

import products

DEPENDENTS = {"reviews", "search"}


def imported_apps(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name.split(".")[0], node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0], node.lineno


def test_products_imports_neither_reviews_nor_search():
    root = Path(products.__file__).parent
    found = [
        f"{path.relative_to(root.parent)}:{line} imports {app}"
        for path in sorted(root.rglob("*.py"))
        for app, line in imported_apps(path)
        if app in DEPENDENTS
    ]
    assert found == []
