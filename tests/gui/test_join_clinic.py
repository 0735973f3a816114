"""A clinic's second PC joins from the first-run page, as the practice's IT person does it.

PC 1 is a workstation of the clinic with sync set up against SeaweedFS on loopback; its
Admin, logged in to the real window, makes the code with Practice › Enrollment code for
another PC…, which shows the clinic's bucket beside it (Copy bucket details). PC 2 is the
real window started with no vault (the first-run page), at 1366x768 in English and
German: Join your clinic…, the code typed, the bucket pasted, the secret key typed, the
join, the unlock page with the clinic's clinicians, the usual login, and a patient of
PC 1 found by search. The refusals (a mistyped, unknown or used code, an unreachable
endpoint, a wrong secret key, a folder in use) each name the thing and the reason and
leave no folder behind; none of them uses the code up. A picture of each step (PIXIODOC_SHOT_DIR)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from day_one import SCREEN, click, click_menu, shoot, shots
from gui_support import in_vault
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.gui.application import make_application
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.enrollment_dialog import EnrollmentDialog
from pixiodoc_desktop.gui.views.join_dialog import JoinDialog
from pixiodoc_desktop.sync import snapshots
from pixiodoc_desktop.sync import state as sync_state
from pixiodoc_desktop.sync.crypto import new_enrollment_code
from pixiodoc_desktop.sync.enroll import create_enrollment
from pixiodoc_desktop.sync.new_workstation import JoinRequest, join_workstation
from pixiodoc_desktop.sync.snapshot_write import write_snapshot
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.vault import Vault
from tests.sync.sync_support import ACCESS_KEY, BUCKET, LOGIN, PASSWORD, SECRET_KEY, ClinicNet

__all__ = ["shots"]  # fixture used below

WORDS = {
    "en": {
        "join": "Join your clinic…",
        "enrollment": "Enrollment code for another PC…",
        "receiving": "Receiving the clinic's records…",
        "unknown": "No enrollment waits under this code in the bucket",
        "used": "This enrollment code was already used to join a PC (",
        "expired": "This enrollment code has expired; ask an Admin for a new one.",
        "typo": "The enrollment code has a typo",
        "unreachable": "cannot be reached",
        "refused": "refuses this access key or secret key",
        "not empty": "is not empty; choose an empty or new folder.",
    },
    "de": {
        "join": "Ihrer Praxis beitreten…",
        "enrollment": "Einrichtungscode für einen weiteren PC…",
        "receiving": "Die Daten der Praxis werden empfangen…",
        "unknown": "Unter diesem Code wartet im Bucket keine Einrichtung",
        "used": "Dieser Einrichtungscode wurde schon verwendet, um einen PC einzurichten (",
        "expired": "Dieser Einrichtungscode ist abgelaufen; bitten Sie einen Admin um einen neuen.",
        "typo": "Der Einrichtungscode enthält einen Tippfehler",
        "unreachable": "nicht erreichbar",
        "refused": "lehnt diesen Zugangsschlüssel oder geheimen Schlüssel ab",
        "not empty": "ist nicht leer; wählen Sie einen leeren oder neuen Ordner.",
    },
}


@pytest.fixture
def clinic(weed: Any, tmp_path: Path) -> Iterator[ClinicNet]:
    """PC 1: the clinic's first workstation, sync set up, two patients pushed."""
    net = ClinicNet(weed, tmp_path / "pc1")
    station = net.first("reception", clinic="Hautarztpraxis am Stadtpark")
    patients = Patients(station.ws)
    patients.create(station.actor, family_name="Müller", given_name="Jürgen")
    patients.create(station.actor, family_name="Øvergaard", given_name="Sigrid")
    station.sync()
    station.close()  # PC 1's own window opens it
    try:
        yield net
    finally:
        net.close()


def _code(net: ClinicNet) -> str:
    """A code made by PC 1's Admin with the core of Practice › Enrollment code…"""
    ws, actor = log_in(Vault.open(net.root / "reception"), LOGIN, PASSWORD)
    try:
        code, _expires = create_enrollment(ws, net.store(), actor, kdf=MINIMUM_KDF)
    finally:
        lock(ws, actor, logged_out=True)
    return code


@pytest.fixture
def new_pc(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """`new_pc(language)`: the app as started on PC 2, with no vault yet (the first-run
    page); `new_pc(language, folder)`: the app on PC 1's vault (the unlock page)."""
    windows: list[MainWindow] = []
    translators = []

    def start(language: str, folder: Path | None = None) -> MainWindow:
        settings = Settings(language=language)
        _app, installed = make_application(settings)
        translators.append(installed)
        pc = "pc1" if folder else "pc2"
        window = MainWindow(
            settings,
            # PC 2: the vault goes into the data folder, as creating one would put it.
            vault_folder=folder or tmp_path / "pc2" / "PixioDoc" / "vault",
            kdf=MINIMUM_KDF,
            settings_path=tmp_path / pc / "settings.toml",
        )
        window.ctx.notifier.show_boxes = False
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(*SCREEN)
        window.show()
        page = window.unlock_card if folder else window.first_run_card
        qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=10000)
        return window

    yield start
    for window in windows:
        window.shutdown()
    for installed in translators:
        installed.remove()


def _open_join(qtbot: QtBot, window: MainWindow, language: str) -> JoinDialog:
    button = window.first_run.join_button
    assert button.text() == WORDS[language]["join"]
    click(button)
    qtbot.waitUntil(lambda: window.entrance.joining is not None, timeout=5000)
    joining = window.entrance.joining
    assert joining is not None and joining.dialog is not None
    dialog = joining.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def _type(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def _fill(qtbot: QtBot, dialog: JoinDialog, net: ClinicNet, code: str) -> None:
    for field, value in (
        (dialog.code, code),
        (dialog.endpoint, net.weed.endpoint),
        (dialog.bucket, BUCKET),
        (dialog.prefix, net.prefix),
        (dialog.access_key, ACCESS_KEY),
        (dialog.secret, SECRET_KEY),
    ):
        _type(qtbot, field, value)


def _fits(widget: Any) -> None:
    """Inside a 1366x768 screen, every label's text shown whole at its width."""
    assert widget.width() <= SCREEN[0] and widget.height() <= SCREEN[1], widget.size()
    from PySide6.QtWidgets import QLabel, QPushButton

    for label in widget.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap():
            need = label.fontMetrics().horizontalAdvance(label.text())
            assert need <= label.width() + 1, (label.text(), need, label.width())
    for button in widget.findChildren(QPushButton):
        if button.isVisible() and button.text():
            need = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
            assert need <= button.width(), (button.text(), need, button.width())


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_new_pc_joins_the_clinic_from_the_first_run_page(
    qtbot: QtBot,
    clinic: ClinicNet,
    new_pc: Callable[..., MainWindow],
    shots: Path,
    language: str,
) -> None:
    # In German, PC 1 has written a snapshot for new PCs (a clinic group's case): the join
    # takes it and returns once the directory stage is in. In English, it replays batches.
    snapshot = _write_snapshot(clinic) if language == "de" else None
    # PC 1: its Admin makes the code in Practice › Enrollment code for another PC…
    admin = new_pc(language, clinic.root / "reception")
    with qtbot.waitSignal(admin.state.unlocked, timeout=30000):
        admin.unlock(LOGIN, PASSWORD)
    practice = QCoreApplication.translate("MainWindow", "P&ractice").replace("&", "")
    click_menu(qtbot, admin, practice, WORDS[language]["enrollment"])
    qtbot.waitUntil(lambda: admin.sync.enrollment.dialog is not None, timeout=10000)
    made = admin.sync.enrollment.dialog
    assert isinstance(made, EnrollmentDialog)
    click(made.create_button)
    qtbot.waitUntil(lambda: made.bucket.isVisible(), timeout=30000)
    code = made.code.text()
    shown = {key: label.text() for key, label in made.bucket_values.items()}
    assert shown["bucket"] == BUCKET and shown["prefix"] == clinic.prefix
    assert shown["access key"] == ACCESS_KEY and SECRET_KEY not in str(shown)
    assert WORDS[language]["join"] in made.steps.text()
    shoot(made, shots, f"join-{language}-0-admin-code")
    _fits(made)
    click(made.copy_details_button)
    assert SECRET_KEY not in QApplication.clipboard().text()

    # PC 2: the app's first start; the IT person types the code and pastes the bucket.
    window = new_pc(language)
    shoot(window, shots, f"join-{language}-1-first-run")
    _fits(window.first_run)
    dialog = _open_join(qtbot, window, language)
    # The vault goes where creating one would put it: the window's data folder.
    assert dialog.folder.text() == str(window.vault_folder)
    _type(qtbot, dialog.code, code)
    click(dialog.paste)
    assert (dialog.endpoint.text(), dialog.bucket.text(), dialog.prefix.text()) == (
        clinic.weed.endpoint,
        BUCKET,
        clinic.prefix,
    )
    assert dialog.access_key.text() == ACCESS_KEY and not dialog.secret.text()
    assert dialog.focusWidget() is dialog.secret  # the one thing left to type
    click(made.copy_secret_button)  # over remote desktop, the clipboard crosses to PC 2
    QTest.keyClick(dialog.secret, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.secret.text() == SECRET_KEY
    made.reject()
    assert QApplication.clipboard().text() != SECRET_KEY  # the secret left the clipboard
    assert dialog.secret.echoMode() == QLineEdit.EchoMode.Password
    shoot(dialog, shots, f"join-{language}-2-form")
    _fits(dialog)

    stages: list[str] = []

    def staged(text: str) -> None:  # a picture of the dialog while the records arrive
        stages.append(text)
        if text == WORDS[language]["receiving"]:
            shoot(dialog, shots, f"join-{language}-2b-receiving")

    dialog.stage.setText = _recorder(dialog.stage.setText, staged)  # type: ignore[method-assign]
    click(dialog.join_button)
    assert not dialog.code.isEnabled()  # the form waits while the join runs
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_card, timeout=60000)
    assert WORDS[language]["receiving"] in stages, stages
    assert not dialog.isVisible()
    page = window.unlock_page
    qtbot.waitUntil(lambda: page.password.isEnabled(), timeout=10000)
    clinicians = [page.clinician.itemData(i) for i in range(page.clinician.count())]
    assert clinicians == [LOGIN]
    shoot(window, shots, f"join-{language}-3-unlock")
    assert (window.vault_folder / "vault.json").is_file()

    qtbot.keyClicks(page.password, PASSWORD)
    QTest.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.is_unlocked, timeout=30000)
    assert window.login_info is not None
    assert window.login_info.clinic_name == "Hautarztpraxis am Stadtpark"
    if snapshot is not None:
        taken = in_vault(qtbot, window, _snapshot_taken)
        assert taken == snapshot, (taken, snapshot)
    # Photos are fetched when first shown (the form's default): usable at once at any size.
    setting = in_vault(qtbot, window, lambda s, _a: s.workstation.vault.setting("sync.full_images"))
    assert setting == "on_demand"
    search = window.patients.search
    qtbot.keyClicks(search, "mull")  # as typed on a keyboard without umlauts
    qtbot.waitUntil(
        lambda: [p.family_name for p in window.patients.model.rows()] == ["Müller"],
        timeout=10000,
    )
    shoot(window, shots, f"join-{language}-4-search")


def _write_snapshot(net: ClinicNet) -> str:
    """PC 1 writes a snapshot of the clinic's records (as `pixiodoc sync snapshot` does)."""
    ws, actor = log_in(Vault.open(net.root / "reception"), LOGIN, PASSWORD)
    try:
        return write_snapshot(ws, net.store()).sid
    finally:
        lock(ws, actor, logged_out=True)


def _snapshot_taken(services: ClinicServices, _actor: Actor) -> str | None:
    """The snapshot this PC started from (being taken, or taken), if any."""
    with services.workstation.vault.read_session() as session:
        for key in (snapshots.TAKEN, snapshots.TAKING):
            value = sync_state.get(session, key)
            if isinstance(value, dict) and value.get("snapshot"):
                return str(value["snapshot"])
    return None


def _recorder(setter: Callable[[str], None], seen: Callable[[str], None]) -> Callable[[str], None]:
    def record(text: str) -> None:
        setter(text)
        seen(text)

    return record


@pytest.mark.parametrize("language", ["en", "de"])
def test_each_refusal_names_the_thing_and_leaves_no_folder(
    qtbot: QtBot,
    clinic: ClinicNet,
    new_pc: Callable[..., MainWindow],
    shots: Path,
    language: str,
    tmp_path: Path,
) -> None:
    words = WORDS[language]
    code = _code(clinic)
    window = new_pc(language)
    dialog = _open_join(qtbot, window, language)
    folder = window.vault_folder

    def refused(step: str, expected: str) -> None:
        click(dialog.join_button)
        qtbot.waitUntil(lambda: dialog.join_button.isEnabled(), timeout=30000)
        assert expected in dialog.message.text(), dialog.message.text()
        assert not folder.exists(), f"{step} left {folder}"
        assert dialog.isVisible()
        shoot(dialog, shots, f"join-{language}-refused-{step}")
        _fits(dialog)

    _fill(qtbot, dialog, clinic, code[:-1] + ("0" if code[-1] != "0" else "1"))
    refused("typo", words["typo"])
    # A well-formed code the bucket never had (mistyped into another valid code, say).
    _type(qtbot, dialog.code, new_enrollment_code()[0])
    refused("unknown", words["unknown"])
    # A code another PC used already.
    used = _code(clinic)
    join_workstation(
        JoinRequest(tmp_path / "other-pc", clinic.target(), ACCESS_KEY, SECRET_KEY, used)
    )
    _type(qtbot, dialog.code, used)
    refused("used", words["used"])
    # A code past its time (its expiry moved back in the bucket).
    late = _code(clinic)
    store = clinic.store()
    name = store.key("enroll", late[:9].replace("-", ""))
    document = json.loads(store.get(name))
    document["expires_at"] = (
        dt.datetime.fromisoformat(document["expires_at"]) - dt.timedelta(hours=2)
    ).isoformat()
    store.put(name, json.dumps(document).encode())
    _type(qtbot, dialog.code, late)
    refused("expired", words["expired"])
    _type(qtbot, dialog.code, code)
    _type(qtbot, dialog.endpoint, "http://127.0.0.1:9")
    refused("unreachable", words["unreachable"])
    assert "http://127.0.0.1:9" in dialog.message.text()
    _type(qtbot, dialog.endpoint, clinic.weed.endpoint)
    _type(qtbot, dialog.secret, "not-the-clinic-secret")
    refused("secret", words["refused"])

    # A folder with somebody's files in it is refused before the bucket is asked.
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "letter.txt").write_text("keep me")
    _type(qtbot, dialog.secret, SECRET_KEY)
    _type(qtbot, dialog.folder, str(busy))
    click(dialog.join_button)
    qtbot.waitUntil(lambda: dialog.join_button.isEnabled(), timeout=30000)
    assert words["not empty"] in dialog.message.text(), dialog.message.text()
    assert [p.name for p in busy.iterdir()] == ["letter.txt"]

    # None of it used the code up: the right form joins with it.
    _type(qtbot, dialog.folder, str(folder))
    click(dialog.join_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_card, timeout=60000)
    assert (folder / "vault.json").is_file()
