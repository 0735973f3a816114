"""The test tree imports each helper module by one name, so any two folders collect together.

pytest puts each test folder on sys.path (no `__init__.py`, the default import mode) and
loads every folder's `conftest.py` under the same name `conftest`: `from conftest import`
names whichever was loaded last, and a bare import of another folder's helper works only
when that folder happened to be collected first. A helper is imported bare from its own
folder (or from anywhere if it sits in tests/ itself, the root conftest's folder, always
on the path), and as `tests.<folder>.<module>` wherever another folder needs it; one
module, one name, or it is loaded twice with two copies of its classes.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append((node.module, node.lineno))
    return names


def test_each_test_helper_is_imported_by_one_name_that_works_in_any_order() -> None:
    sources = sorted(TESTS.rglob("*.py"))
    folder_of = {p.stem: p.parent for p in sources if p.stem != "conftest"}
    names_used: dict[str, set[str]] = defaultdict(set)
    faults: list[str] = []
    for path in sources:
        where = f"{path.relative_to(TESTS.parent)}"
        for name, line in _imports(path):
            top = name.split(".")[0]
            if top == "conftest":
                faults.append(f"{where}:{line} imports a conftest; use a helper module")
                continue
            if name.startswith("tests."):
                stem = name.rsplit(".", 1)[-1]
                if stem in folder_of:
                    names_used[stem].add(name)
                continue
            home = folder_of.get(top)
            if home is None or name != top:
                continue
            names_used[top].add(name)
            if home not in (TESTS, path.parent):
                qualified = ".".join((*home.relative_to(TESTS.parent).parts, top))
                faults.append(f"{where}:{line} imports {top} from another folder; use {qualified}")
    for stem, names in sorted(names_used.items()):
        if len(names) > 1:
            faults.append(f"{stem} is imported under {len(names)} names: {sorted(names)}")
    assert not faults, "\n".join(faults)
