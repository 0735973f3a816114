"""What pixiodoc.spec leaves out of the bundle relies on what the package never does.

Read from the package's source (milliseconds), so that a change which would need
what the bundle lacks fails here, not in a clinic:
- the spec drops PyInstaller's multiprocessing runtime hook (15-20 ms of every frozen
  start): no module may start processes through multiprocessing or a process pool;
- the spec drops ICU's multi-byte converter tables (Shift-JIS, GB18030, Big5, ...): no
  module may ask Qt to convert text in a named encoding (QStringDecoder/QStringEncoder);
  Python's codecs decode GDT's and the EHR import's 8-bit encodings.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "pixiodoc_desktop"
SPEC = PACKAGE.parent / "pixiodoc.spec"


def _names_used(tree: ast.AST) -> set[str]:
    """Modules imported and attribute/plain names used in one module."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.Name):
            names.add(node.id)
    return names


def _modules_using(forbidden: set[str]) -> dict[str, set[str]]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        used = _names_used(ast.parse(path.read_text("utf-8"), str(path)))
        hits = {name for name in used if name.split(".")[0] in forbidden or name in forbidden}
        if hits:
            found[str(path.relative_to(PACKAGE.parent))] = hits
    return found


def test_the_spec_still_drops_what_these_premises_cover() -> None:
    spec = SPEC.read_text("utf-8")
    assert '!= "pyi_rth_multiprocessing"' in spec
    assert "_multibyte_converters" in spec


def test_no_module_starts_processes_through_multiprocessing() -> None:
    assert not _modules_using({"multiprocessing", "ProcessPoolExecutor"})


def test_no_module_asks_qt_to_convert_a_named_encoding() -> None:
    assert not _modules_using({"QStringDecoder", "QStringEncoder", "QStringConverter"})


def test_the_premise_scan_sees_what_it_looks_for() -> None:
    """The scan itself finds an import and an attribute use (a test that cannot fail is none)."""
    tree = ast.parse(
        "import multiprocessing.pool\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from PySide6 import QtCore\n"
        "QtCore.QStringDecoder('Shift-JIS')\n"
    )
    used = _names_used(tree)
    assert {"multiprocessing.pool", "ProcessPoolExecutor", "QStringDecoder"} <= used
