"""The house, drawn from the code: the model imports nothing above it, no transform imports a renderer, the EPUB and
the PDF renderers do not reach into each other, WeasyPrint's private API is touched in one module, and no regular
expression in the pipeline is written for markup."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "volume"


def _modules(folder: str = "") -> dict[str, ast.Module]:
    root = PACKAGE / folder
    return {str(path.relative_to(PACKAGE.parent)): ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted(root.rglob("*.py"))}


def _imports(tree: ast.Module, runtime_only: bool = True) -> set[str]:
    """The volume modules a module imports (anywhere in it; with runtime_only, not those under TYPE_CHECKING)."""
    skipped: set[int] = set()
    if runtime_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
                skipped.update(id(n) for child in node.body for n in ast.walk(child))
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("volume"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("volume"))
    return found


def test_the_model_imports_nothing_above_it():
    allowed = ("volume.model", "volume.diagnostics", "volume.xhtml")
    for name, tree in _modules("model").items():
        outside = {m for m in _imports(tree) if not m.startswith(allowed)}
        assert not outside, (name, outside)


def test_no_transform_imports_a_renderer_or_the_build():
    for name, tree in _modules("transforms").items():
        upward = {m for m in _imports(tree, runtime_only=False)
                  if m.startswith(("volume.render", "volume.build", "volume.cli", "volume.preview"))}
        assert not upward, (name, upward)


def test_load_imports_no_transform_or_renderer():
    (tree,) = [t for n, t in _modules().items() if n == "volume/load.py"]
    assert not {m for m in _imports(tree) if m.startswith(("volume.transforms", "volume.render"))}


def test_the_epub_and_pdf_renderers_keep_to_themselves():
    for folder, other in (("render/epub", "volume.render.pdf"), ("render/pdf", "volume.render.epub")):
        for name, tree in _modules(folder).items():
            assert not {m for m in _imports(tree) if m.startswith(other)}, name


PRIVATE = re.compile(r"_page_box|HTML\.__new__|formatting_structure|cssselect2|import pydyf|pydyf\.|weasyprint\.pdf\b")


def test_weasyprints_private_api_is_touched_in_one_module():
    users = sorted(str(path.relative_to(PACKAGE.parent)) for path in PACKAGE.rglob("*.py")
                   if PRIVATE.search(path.read_text(encoding="utf-8")))
    assert users == ["volume/render/pdf/weasy.py"]


MARKUP_PATTERN = re.compile(r"<[/!?]?[A-Za-z]|\b(href|id|src|class)=\"|</")
REGEX_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split"}


def test_no_regular_expression_is_written_for_markup():
    """A pattern that names a tag or an attribute is one meant to read markup; the pipeline reads trees instead."""
    found = []
    for folder in ("transforms", "render"):
        for name, tree in _modules(folder).items():
            found += [(name, node.lineno) for node in ast.walk(tree) if _markup_regex(node)]
    (load,) = [t for n, t in _modules().items() if n == "volume/load.py"]
    found += [("volume/load.py", node.lineno) for node in ast.walk(load) if _markup_regex(node)]
    assert found == []


def _markup_regex(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in REGEX_CALLS
            and getattr(node.func.value, "id", "") == "re" and node.args):
        return False
    pattern = node.args[0]
    texts = [pattern.value] if isinstance(pattern, ast.Constant) and isinstance(pattern.value, (str, bytes)) else \
        [part.value for part in getattr(pattern, "values", []) if isinstance(part, ast.Constant)]
    return any(MARKUP_PATTERN.search(text if isinstance(text, str) else text.decode("latin-1")) for text in texts)
