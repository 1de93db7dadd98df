"""The catalogue (taxonomy, and the core pages) is what search builds on, never the reverse."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FEATURES = {"search", "reviews"}


def imported(path):
    """Every top-level package a module imports, inside functions too."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("app", ["taxonomy", "core"])
def test_the_catalogue_imports_no_feature_app(app):
    found = {
        f"{path.relative_to(ROOT)} imports {package}"
        for path in (ROOT / app).rglob("*.py")
        for package in imported(path)
        if package in FEATURES
    }
    assert not found
