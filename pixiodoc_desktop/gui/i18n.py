"""Translations: `resources/translations/pixiodoc_<lang>.ts`, compiled to .qm on demand.

English has one too, `pixiodoc_en.ts`: the plural forms of the counted texts
("%n photo(s)" shows as "1 photo", "12 photos"), written by tools/english_plurals.py.

.qm files are generated (never committed): `pyside6-lrelease` from the
virtualenv compiles them the first time a language is used and again when
the .ts is newer.
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pixiodoc_desktop.config import APP_AUTHOR, APP_NAME
from pixiodoc_desktop.gui.locale_text import use_language
from pixiodoc_desktop.gui.resources import TRANSLATIONS_DIR

log = logging.getLogger(__name__)


def qt_tool(name: str) -> str | None:
    """A PySide6 command-line tool next to this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"pixiodoc_{language}.ts"


def compiled(language: str) -> Path | None:
    """The .qm for `language`, compiled from the .ts if missing or stale."""
    source = ts_path(language)
    if not source.exists():  # the frozen app ships the .qm compiled at build time, no .ts
        shipped = source.with_suffix(".qm")
        return shipped if shipped.exists() else None
    for folder in (TRANSLATIONS_DIR, Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))):
        target = folder / source.with_suffix(".qm").name
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            return target
        tool = qt_tool("pyside6-lrelease")
        if tool is None:
            log.warning("pyside6-lrelease is missing; the interface stays in English")
            return None
        import subprocess  # only to compile a stale translation, not at every start

        try:
            folder.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [tool, "-silent", str(source), "-qm", str(target)],
                check=True,
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if target.exists():
            return target
    log.warning("Could not compile the %s translation", language)
    return None


class Translators:
    """The translators installed on the application for one language."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> bool:
        """Switch the application to `language`.

        Only plain QTranslators loaded from compiled .qm files are installed, English
        too (its plural forms, `pixiodoc_en.ts`, written by tools/english_plurals.py):
        Qt asks every installed translator from whichever thread calls tr(), also
        under its own locks, so a translator written in Python could deadlock on the GIL.
        """
        self.remove()
        use_language(language)
        app = QCoreApplication.instance()
        if app is None:
            return language == "en"
        if language != "en":  # English is the source language: Qt's own texts need nothing
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt_base = QTranslator(app)
            if qt_base.load(QLocale(language), "qtbase", "_", qt_dir):
                app.installTranslator(qt_base)
                self._installed.append(qt_base)
        ours = QTranslator(app)
        path = compiled(language)
        if path is None or not ours.load(str(path)):
            return False
        app.installTranslator(ours)
        self._installed.append(ours)
        return True

    def remove(self) -> None:
        """Back to the source texts (English without its plural forms)."""
        use_language("en")
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed.clear()
