"""Day one, in German: Datei › Einstellungen…, the phone's part, with bad input first.

A port another program holds, the clinic's certificate with no files, a file
that is no certificate, and a key that is not the certificate's are each named
in one sentence and nothing is saved; a good file pair, a free port and the
full-name tick are saved, and the next pairing serves that certificate on that
port and starts with the full name ticked.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from day_one import click, click_menu, demo_app, demo_vaults, dialog_of, shoot, shots
from phone_support import clinic_it_certificate
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.config import load_settings
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.phone_dialog import PhonePairingDialog
from pixiodoc_desktop.gui.views.settings import SettingsDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("", 0))
        return int(probe.getsockname()[1])


def test_the_phone_settings_refuse_bad_input_in_one_sentence_then_take_effect(
    qtbot: QtBot, demo_app: Callable[[str], MainWindow], shots: Path, tmp_path: Path
) -> None:
    window = demo_app("de")
    assert window.settings_path is not None
    window.ctx.settings.phone_address = "127.0.0.1"
    click_menu(qtbot, window, "Datei", "Einstellungen…")
    qtbot.waitUntil(lambda: dialog_of(SettingsDialog, window) is not None, timeout=5000)
    dialog = dialog_of(SettingsDialog, window)
    assert isinstance(dialog, SettingsDialog)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert dialog.phone_port.value() == 47443 and not dialog.phone_cert.isEnabled()
    shoot(dialog, shots, "phone-settings-01-de")

    before = window.settings_path.read_bytes() if window.settings_path.exists() else b""

    def refused(expected: str) -> None:
        click(save)
        assert dialog.isVisible()
        assert dialog.message.text() == expected
        now = window.settings_path.read_bytes() if window.settings_path.exists() else b""
        assert now == before  # nothing saved

    with socket.create_server(("", 0)) as taken:
        port = taken.getsockname()[1]
        dialog.phone_port.setValue(port)
        refused(
            f"Der Telefon-Port {port} wird von einem anderen Programm benutzt; "
            "wählen Sie einen anderen Port"
        )
    shoot(dialog, shots, "phone-settings-02-port-taken-de")
    port = _free_port()
    dialog.phone_port.setValue(port)
    dialog.phone_cert_choice.setCurrentIndex(1)  # Das eigene der Praxis
    assert dialog.phone_cert_choice.currentText().startswith("Das eigene der Praxis")
    assert dialog.phone_cert.isEnabled()
    refused(
        "Wählen Sie beide Dateien für das Zertifikat der Praxis: das Zertifikat und seinen Schlüssel."
    )
    letter = tmp_path / "befund.crt"
    letter.write_text("Sehr geehrte Kollegin, anbei der Befund.")
    cert_file, key_file = clinic_it_certificate(tmp_path, "raum3")
    _other_cert, other_key = clinic_it_certificate(tmp_path, "raum4")
    dialog.phone_cert.setText(str(letter))
    dialog.phone_key.setText(str(key_file))
    refused(f"Die Zertifikatsdatei {letter} des Telefon-Servers enthält kein PEM-Zertifikat")
    dialog.phone_cert.setText(str(cert_file))
    dialog.phone_key.setText(str(other_key))
    refused(
        f"Die Schlüsseldatei {other_key} des Telefon-Servers gehört nicht zum Zertifikat {cert_file}"
    )
    shoot(dialog, shots, "phone-settings-03-key-mismatch-de")

    dialog.phone_key.setText(str(key_file))
    click(dialog.phone_full_name)
    click(save)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    saved = load_settings(window.settings_path)
    assert (saved.phone_port, saved.phone_cert_file, saved.phone_key_file) == (
        port,
        str(cert_file),
        str(key_file),
    )
    assert saved.phone_show_full_name is True

    # The next pairing: that port, that certificate, the full name ticked.
    click_menu(qtbot, window, "Patient", "Mit Telefon aufnehmen…")
    qtbot.waitUntil(lambda: window.phone_capture.server is not None, timeout=20000)
    pairing = dialog_of(PhonePairingDialog, window)
    assert isinstance(pairing, PhonePairingDialog) and pairing.full_name.isChecked()
    server = window.phone_capture.server
    assert server is not None and server.intake.pairing.target.show_full_name is True
    assert server.url.startswith(f"https://127.0.0.1:{port}/")
    trusting = ssl.create_default_context(cafile=str(cert_file))
    with (
        socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
        trusting.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        served = tls.getpeercert(binary_form=True)
    assert served == x509.load_pem_x509_certificate(cert_file.read_bytes()).public_bytes(
        serialization.Encoding.DER
    )
    click(pairing.end_button)
    assert server.wait(15)
