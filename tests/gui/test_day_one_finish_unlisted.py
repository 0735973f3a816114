"""Day one, fit and finish of the windows no menu entry opens (English and German, 1366x768
and 1920x1080): "New lesion here…" on the body map, a lesion's biopsy or excision, a
clinician's new password, the note conflicts of a sync round, the emergency accesses an
Admin reviews after logging in, the recovery key's new password on the unlock screen, and
the first run on a new vault folder. Each is opened as a person opens it, must fit the
screen and cut no text off (tests/gui/fit.py), and is saved as a picture at 1366x768."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import SCREEN, click, click_menu, demo_app, demo_vaults, shoot, shots
from fit import clipped
from gui_support import in_vault
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.access.emergency import EmergencyAccesses
from pixiodoc_desktop.clinic.access.sharing import Sharing
from pixiodoc_desktop.clinic.records.lesions import MapView
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.demo.clinic import DEMO_COLLEAGUE_LOGIN, DEMO_PASSWORD
from pixiodoc_desktop.gui.application import make_application
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.clinicians_dialog import CliniciansDialog
from pixiodoc_desktop.vault.schema import Clinician, SyncConflict, Visit

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below

SCREENS = ((1366, 768), (1920, 1080))


class Walk:
    """Checks each window opened: it fits the screen and cuts nothing off; a picture of each."""

    def __init__(self, qtbot: QtBot, shots: Path, language: str) -> None:
        self.qtbot, self.shots, self.language = qtbot, shots, language
        self.screen = SCREENS[0]
        self.problems: list[str] = []
        self.walked: list[str] = []
        self.texts: list[str] = []  # each window's label texts, joined
        self.main: QWidget | None = None

    def check(self, where: str, shown: QWidget) -> None:
        width, height = self.screen
        self.walked.append(type(shown).__name__)
        self.texts.append(" ".join(label.text() for label in shown.findChildren(QLabel)))
        QApplication.processEvents()
        # A dialog fits as it opens; the main window (resized to the screen) fits when it
        # can be made that small.
        size = shown.minimumSizeHint() if shown is self.main else shown.frameGeometry().size()
        if size.width() > width or size.height() > height:
            self.problems.append(f"{where}: {size.width()}x{size.height()} > {width}x{height}")
        self.problems.extend(f"{where} ({width}x{height}): {p}" for p in clipped(shown))
        if self.screen == SCREENS[0]:
            name = re.sub(r"[^\w]+", "-", where.lower()).strip("-")
            shoot(shown, self.shots, f"unlisted-{self.language}-{name}")

    def opened(self, before: set[QWidget]) -> QWidget:
        def new() -> QWidget | None:
            return next(
                (w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before),
                None,
            )

        self.qtbot.waitUntil(lambda: new() is not None, timeout=10000)
        shown = new()
        assert shown is not None
        return shown

    def open_and_check(self, where: str, trigger: Callable[[], None]) -> QWidget:
        before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
        trigger()
        shown = self.opened(before)
        self.check(where, shown)
        return shown

    def modal(self, where: str, trigger: Callable[[], None]) -> None:
        """A dialog shown with exec(): checked and cancelled from inside its own loop."""
        before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
        seen: list[QWidget] = []

        def look() -> None:
            shown = next(
                (w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before),
                None,
            )
            if shown is None:
                QTimer.singleShot(20, look)
                return
            self.check(where, shown)
            seen.append(shown)
            assert isinstance(shown, QDialog)
            shown.reject()

        QTimer.singleShot(0, look)
        trigger()
        self.qtbot.waitUntil(lambda: bool(seen), timeout=10000)


def _close(qtbot: QtBot, shown: QWidget) -> None:
    if isinstance(shown, QDialog):
        shown.reject()
    else:
        shown.close()
    qtbot.waitUntil(lambda: not shown.isVisible(), timeout=5000)


def _button(parent: QWidget, text: str) -> QPushButton:
    found = [b for b in parent.findChildren(QPushButton) if b.text().replace("&", "") == text]
    assert found, f"no button {text!r} in {type(parent).__name__}"
    return found[0]


def _seed_conflict_and_emergency(services: ClinicServices, actor: Actor) -> None:
    """A visit note edited on two PCs at once, and the colleague's emergency access to the
    record (as sync and the colleague's own PC would leave them in the vault)."""
    ws = services.workstation
    with ws.unit_of_work(actor) as uow:
        visit = uow.session.query(Visit).filter(Visit.deleted.is_(False)).first()
        assert visit is not None
        colleague = uow.session.query(Clinician).filter_by(login=DEMO_COLLEAGUE_LOGIN).one()
        uow.session.add(
            SyncConflict(
                id=str(uuid.uuid4()),
                entity="visits",
                entity_id=visit.id,
                field="notes",
                patient_id=visit.patient_id,
                versions={
                    "0001": "Lesion unchanged; review in 6 months.",
                    "0002": "Lesion slightly larger at the lower edge; review in 3 months.",
                },
                kept_hlc="0002",
                detected_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
            )
        )
        patient_id, colleague_actor = (
            visit.patient_id,
            Actor(colleague.id, colleague.login, colleague.display_name, colleague.role),
        )
    # The record's Admin withdrew the practice's grant (a colleague's own family member,
    # say): the colleague opened it in an emergency.
    Sharing(ws).revoke(actor, patient_id, "practice")
    EmergencyAccesses(ws).start(
        colleague_actor, patient_id, "Patient phoned at night with a bleeding lesion"
    )


def _walk_screen(qtbot: QtBot, window: MainWindow, walk: Walk, language: str) -> None:
    """Every window of the list, opened as a person does, at `walk.screen`."""
    panel = window.body_map
    window.resize(*walk.screen)
    QApplication.processEvents()
    # The body map: a click where the lesion is, then "New lesion here…".
    bar = window.record_tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.waitExposed(panel.map)
    # (A place of its own at each size: the first lesion's marker is at the first one.)
    across = 0.42 if walk.screen == SCREENS[0] else 0.58
    chest = panel.map.to_widget(MapView.FRONT, across, 0.3).toPoint()
    QTest.mouseClick(panel.map, Qt.MouseButton.LeftButton, pos=chest)
    qtbot.waitUntil(panel.new_button.isEnabled, timeout=5000)
    dialog = walk.open_and_check("New lesion here", lambda: click(panel.new_button))
    if walk.screen == SCREENS[0]:  # kept: its card offers the biopsy or excision
        label = dialog.findChild(QLineEdit, "labelEdit")
        assert label is not None
        qtbot.keyClicks(label, "Naevus 9")
        with qtbot.waitSignal(window.state.record_shown, timeout=10000):
            click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))  # type: ignore[attr-defined]
    else:
        _close(qtbot, dialog)
    record = window.record
    assert record is not None
    lesion = next(x for x in record.lesions if x.position is not None)
    assert lesion.position is not None
    at = panel.map.to_widget(lesion.position.view, lesion.position.x, lesion.position.y)
    QTest.mouseClick(panel.map, Qt.MouseButton.LeftButton, pos=at.toPoint())
    qtbot.waitUntil(lambda: panel.card.lesion is not None, timeout=5000)
    shown = walk.open_and_check("Biopsy or excision", lambda: click(panel.card.procedure))
    _close(qtbot, shown)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())

    # Practice › Clinicians…: a new clinician, a new password for the colleague.
    practice = QCoreApplication.translate("MainWindow", "P&ractice").replace("&", "")
    entry = QCoreApplication.translate("MainWindow", "Clinicians…")
    people = walk.open_and_check("Clinicians", lambda: click_menu(qtbot, window, practice, entry))
    assert isinstance(people, CliniciansDialog)
    qtbot.waitUntil(lambda: len(people.people) > 1, timeout=10000)
    row = next(i for i, p in enumerate(people.people) if p.login == DEMO_COLLEAGUE_LOGIN)
    people.table.selectRow(row)
    add = _button(people, QCoreApplication.translate("CliniciansDialog", "Add…"))
    reset = _button(people, QCoreApplication.translate("CliniciansDialog", "Reset password…"))
    walk.modal("Add a clinician", lambda: click(add))
    colleague = people.people[row]
    walk.modal("New password", lambda: click(reset))
    # The reset says whose password it is.
    assert colleague.display_name in walk.texts[-1], walk.texts[-1]
    _close(qtbot, people)

    # Locked: the recovery key's new password on the unlock screen; the Admin logs in
    # again and reviews the colleague's emergency access, the status bar shows the
    # note conflicts that sync left.
    file_menu = QCoreApplication.translate("MainWindow", "&File").replace("&", "")
    click_menu(qtbot, window, file_menu, QCoreApplication.translate("MainWindow", "Lock"))
    page = window.unlock_page
    qtbot.waitUntil(
        lambda: page.recovery_button.isVisible() and page.recovery_button.isEnabled(),
        timeout=10000,
    )
    shown = walk.open_and_check("Recovery key", lambda: click(page.recovery_button))
    # For the clinician chosen on the unlock screen, whose password was forgotten.
    chosen = shown.findChild(QComboBox, "clinicianCombo")
    assert chosen is not None and chosen.currentData() == page.clinician.currentData()
    _close(qtbot, shown)
    before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
    qtbot.keyClicks(page.password, DEMO_PASSWORD)
    QTest.keyClick(page.password, Qt.Key.Key_Return)
    review = walk.opened(before)
    walk.check("Emergency accesses to review", review)
    (entry,) = [
        i.text()
        for i in review.findChildren(QListWidget)[0].findItems("", Qt.MatchFlag.MatchContains)
    ]
    # Whose record and who opened it, in words (never the record's id), and the reason whole.
    assert "Berger" in entry and "bleeding lesion" in entry, entry
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", entry), entry
    _close(qtbot, review)
    qtbot.waitUntil(lambda: window.record is not None, timeout=30000)
    qtbot.waitUntil(lambda: not window.sync.conflicts_button.isHidden(), timeout=10000)
    shown = walk.open_and_check("Note conflicts", lambda: click(window.sync.conflicts_button))
    (entry,) = [
        i.text()
        for i in shown.findChildren(QListWidget)[0].findItems("", Qt.MatchFlag.MatchContains)
    ]
    # Whose note, in words of the language, when on the local clock.
    assert QCoreApplication.translate("ConflictsDialog", "Visit notes") in entry, entry
    assert "visits" not in entry and "," in entry.split(" · ")[0], entry
    _close(qtbot, shown)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_windows_no_menu_opens_fit_and_cut_nothing_off(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    walk = Walk(qtbot, shots, language)
    in_vault(qtbot, window, _seed_conflict_and_emergency)
    for screen in SCREENS:
        walk.screen = screen
        _walk_screen(qtbot, window, walk, language)
    assert not walk.problems, "\n".join(walk.problems)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_first_run_fits_and_cuts_nothing_off(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, shots: Path, language: str
) -> None:
    """`pixiodoc --vault NEW`: the first-run page, then the recovery key it shows."""
    settings = Settings(language=language)
    _app, installed = make_application(settings)
    window = MainWindow(
        settings, vault_folder=tmp_path / "new", settings_path=tmp_path / "settings.toml"
    )
    qtbot.addWidget(window)
    walk = Walk(qtbot, shots, language)
    walk.main = window
    try:
        window.show()
        for screen in SCREENS:
            walk.screen = screen
            window.resize(*screen)
            walk.check(f"first run {screen[0]}", window)
        page = window.first_run
        window.resize(*SCREEN)
        page.clinic.setText("Praxis am Stadtpark")
        page.name.setText("Dr. Anna Weber")
        page.login.setText("a.weber")
        page.password.setText("Stadtpark-Praxis-2026!")
        page.repeat.setText("Stadtpark-Praxis-2026!")
        click(page.create_button)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.recovery_card, timeout=30000)
        for screen in SCREENS:
            walk.screen = screen
            window.resize(*screen)
            walk.check(f"recovery key {screen[0]}", window)
    finally:
        window.shutdown()
        installed.remove()
    assert not walk.problems, "\n".join(walk.problems)
