"""The German translation is complete, and the running interface really shows it;
English has the plural forms of every counted text, compiled like German.

1. lupdate over gui/, ui/ and the core's error catalogue into a copy of the
   committed .ts finds nothing new, unfinished or empty: every `tr()` string
   and every catalogued error message has its German.
2. A walk over every widget of the window, in German, finds no text that is
   still the English source of a translated string.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import create_vault_through_first_run, write_jpegs
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.i18n import Translators, qt_tool, ts_path
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.resources import ROOT
from pixiodoc_desktop.gui.views.dialogs import LesionDialog, PatientDialog

UPDATE_COMMAND = (
    ".venv/bin/pyside6-lupdate -no-obsolete -extensions py,ui pixiodoc_desktop/gui ui "
    "pixiodoc_desktop/error_catalogue -source-language en -target-language de "
    "-ts resources/translations/pixiodoc_de.ts"
)


def _messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))  # noqa: S314 - our own .ts file


def test_lupdate_finds_every_string_translated(tmp_path: Path) -> None:
    lupdate = qt_tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "pixiodoc_de.ts"
    shutil.copy(ts_path("de"), fresh)
    done = subprocess.run(
        [
            lupdate,
            "-no-obsolete",
            "-extensions",
            "py,ui",
            "pixiodoc_desktop/gui",
            "ui",
            "pixiodoc_desktop/error_catalogue",
            "-source-language",
            "en",
            "-target-language",
            "de",
            "-ts",
            str(fresh),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "(0 new and" in done.stdout, (
        "strings missing from resources/translations/pixiodoc_de.ts; refresh it with\n"
        f"  {UPDATE_COMMAND}\n"
        "and give every new message its German (pyside6-linguist, or edit the XML).\n" + done.stdout
    )
    problems = []
    for message in _messages(fresh):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{translation.get('type')}: {source!r}")
        elif message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.findall("numerusform")]
            if len(forms) != 2 or not all(forms):
                problems.append(f"plural forms: {source!r}")
        elif not (translation.text or "").strip():
            problems.append(f"empty: {source!r}")
    assert not problems, "\n".join(problems)


def _english_sources() -> set[str]:
    """Sources whose German differs: seeing one of these on screen means a missing tr()."""
    out = set()
    for message in _messages(ts_path("de")):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = translation.text if translation is not None else ""
        if source and text and source != text:
            out.add(source)
            out.add(source.replace("&", ""))
    return out


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        yield where, widget.accessibleName()
        yield where, widget.toolTip()
        if widget.isWindow():
            yield where, widget.windowTitle()
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        if isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield where, widget.itemText(index)
    for action in root.findChildren(QAction):
        yield f"QAction {action.objectName()!r}", action.text()


def _untranslated(root: QWidget, english: set[str]) -> list[str]:
    return sorted(
        {f"{where}: {text!r}" for where, text in _texts(root) if text and text in english}
    )


def test_every_screen_is_german_at_run_time(
    german: None, qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    english = _english_sources()
    window = make_window()
    window.show()
    assert window.first_run.create_button.text() == "Tresor anlegen"
    assert _untranslated(window, english) == []
    create_vault_through_first_run(qtbot, window)
    assert _untranslated(window, english) == []
    window.recovery_page.confirm.setChecked(True)
    window.recovery_page.continue_button.click()
    window.new_patient()
    dialog = window.findChild(PatientDialog)
    assert dialog is not None
    assert _untranslated(dialog, english) == []
    dialog.family.setText("Becker")
    dialog.submit()
    qtbot.waitUntil(lambda: window.record is not None, timeout=10000)
    window.import_paths(write_jpegs(tmp_path / "in", 2))
    qtbot.waitUntil(
        lambda: window.record is not None and len(window.record.photos) == 2, timeout=20000
    )
    window.timeline.timeline.select(window.timeline.timeline.photos()[0].id)
    assert _untranslated(window, english) == []
    window.new_lesion()
    lesion = window.findChild(LesionDialog)
    assert lesion is not None
    assert _untranslated(lesion, english) == []
    lesion.reject()
    window.open_viewer(window.timeline.timeline.photos()[0].id)
    assert window.viewer is not None
    assert _untranslated(window.viewer, english) == []
    window.lock()
    assert _untranslated(window, english) == []
    assert window.unlock_page.unlock_button.text() == "Entsperren"


def _counted(path: Path) -> dict[tuple[str, str, str], list[str]]:
    """(context, source, comment) of every counted message -> its plural forms."""
    root = ET.parse(path).getroot()  # noqa: S314 - our own .ts file
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") != "yes":
                continue
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            out[key] = [f.text or "" for f in message.iter("numerusform")]
    return out


def test_every_counted_text_has_its_english_plural_forms() -> None:
    english = _counted(ts_path("en"))
    problems = []
    for key, _german in _counted(ts_path("de")).items():
        source = key[1]
        wanted = [source.replace("(s)", ""), source.replace("(s)", "s")]
        if "(s)" not in source:
            problems.append(f"counted text without '(s)' to make its English plural: {key}")
        elif english.get(key) != wanted:
            problems.append(f"English plural forms {english.get(key)} for {key}, wanted {wanted}")
    assert not problems, (
        "resources/translations/pixiodoc_en.ts lacks English plural forms; refresh it with\n"
        "  .venv/bin/python tools/english_plurals.py\n" + "\n".join(problems)
    )


def test_english_shows_counted_texts_in_english_plural(qapp: QApplication) -> None:
    translators = Translators()
    assert translators.install("en"), "the English plural forms did not load"
    try:
        photos = "%n photo(s) taken now"
        assert QCoreApplication.translate("CaptureRecordPanel", photos, None, 1) == (
            "1 photo taken now"
        )
        assert QCoreApplication.translate("CaptureRecordPanel", photos, None, 12) == (
            "12 photos taken now"
        )
        assert QCoreApplication.translate("CaptureRecordPanel", "Today, %1") == "Today, %1"
    finally:
        translators.remove()


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_translator_written_in_python_is_installed(qapp: QApplication, language: str) -> None:
    """Qt calls every installed translator from whichever thread calls tr(), under its
    own locks (image plugins loading inside QImage.fromData on a decoding thread): a
    QTranslator subclass written in Python deadlocked the English window there."""
    translators = Translators()
    assert translators.install(language)
    try:
        installed = qapp.findChildren(QTranslator)
        assert installed, "no translator installed"
        assert [type(t).__name__ for t in installed if type(t) is not QTranslator] == []
    finally:
        translators.remove()
