"""Who the demo clinic is, read without building it: its login, its public password.

`pixiodoc --demo` on a demo vault that already exists (every start but the
first) needs only these and its header; the builder (`demo.clinic`) loads the
clinic's services, OpenCV and SQLCipher, which the unlock screen does not need
before it paints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pixiodoc_desktop.vault.header import DEMO_LANGUAGE, DEMO_MARK, read_header

DEMO_LOGIN = "dr.weber"
DEMO_PASSWORD = "Demo-Stadtpark-2026!"  # noqa: S105 - public on purpose, demo mode only


@dataclass(frozen=True, slots=True)
class DemoVault:
    folder: Path
    login: str
    password: str


def ready_demo(folder: Path, language: str) -> DemoVault | None:
    """The demo vault at `folder` if it is built and its texts speak `language`, else None.

    None sends the caller to `demo.clinic.ensure_demo_vault`, which builds it, rewrites
    its texts in a newly chosen language, or refuses a clinic's own vault.
    """
    if not (folder / "vault.json").exists():
        return None
    extra = read_header(folder).extra
    if extra.get(DEMO_MARK) is not True or extra.get(DEMO_LANGUAGE) != language:
        return None
    return DemoVault(folder.resolve(), DEMO_LOGIN, DEMO_PASSWORD)
