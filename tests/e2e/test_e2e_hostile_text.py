"""`pixiodoc patient list` never prints raw control characters, whatever a record holds.

New names with controls are refused; records stored before that rule (or
synced from an older PixioDoc) are printed with their controls made visible.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from sqlalchemy import update
from vault_support import LOGIN, PASSWORD, CliRunner, create_vault

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.vault.schema import Patient
from pixiodoc_desktop.vault.vault import Vault

PW = PASSWORD + "\n"
HOSTILE = "\x1b[2J\x1b[HWeber\x07\x00\x7f\x9b\u202eAnna"


def _raw_controls(text: str) -> list[str]:
    return [
        f"U+{ord(ch):04X}"
        for ch in text
        if ch != "\n" and (unicodedata.category(ch) == "Cc" or "\u202a" <= ch <= "\u202e")
    ]


def test_patient_list_shows_stored_controls_escaped(cli: CliRunner, tmp_path: Path) -> None:
    made = create_vault(tmp_path / "vault")
    base = ("--vault", made.folder, "--user", LOGIN, "--password-stdin")
    refused = cli("patient", "add", *base, "--name", "\x1b[31mRot, Anna", stdin=PW)
    assert refused.code == 1
    assert "family name contains a control character (U+001B)" in refused.stderr
    added = cli("patient", "add", *base, "--name", "Alt, Anna", stdin=PW)
    assert added.code == 0, added.output
    # A record stored before names were checked.
    ws, actor = log_in(Vault.open(made.folder), made.login, made.password)
    with ws.vault.write_session() as session, session.begin():
        session.execute(update(Patient).values(family_name=HOSTILE))
    lock(ws, actor)

    listed = cli("patient", "list", *base, stdin=PW)
    assert listed.code == 0, listed.output
    assert _raw_controls(listed.stdout) == []
    assert "\\u001b[2J\\u001b[HWeber\\u0007\\u0000\\u007f\\u009b\\u202eAnna" in listed.stdout
    as_json = cli("patient", "list", *base, "--json", stdin=PW)
    assert _raw_controls(as_json.stdout) == []
    assert json.loads(as_json.stdout)[0]["family_name"] == HOSTILE  # the JSON still says it all
