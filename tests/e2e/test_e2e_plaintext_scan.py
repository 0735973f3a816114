"""After a normal session no patient name, file name or image lies in the clear on disk."""

from __future__ import annotations

import json
from pathlib import Path

from vault_support import (
    LOGIN,
    PASSWORD,
    CliResult,
    CliRunner,
    Folders,
    create_vault,
    plaintext_findings,
    synthetic_jpeg,
)

PW = PASSWORD + "\n"
PATIENTS = ("Zwölfhofer, Quirinella", "Ypsilantiwicz, Bartholomäus")
FILE_WORDS = ("Müller_arm", "Zwölfhofer_Bein", "Sprechstundenbefund")


def test_no_plaintext_after_a_session(
    cli: CliRunner, pixiodoc_dirs: Folders, tmp_path: Path
) -> None:
    made = create_vault(tmp_path / "vault")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {"TMPDIR": str(temp)}
    base = ("--vault", made.folder, "--user", LOGIN, "--password-stdin")

    def run(*args: object) -> CliResult:
        return cli(*args, stdin=PW, env=env)

    ids = []
    for name in PATIENTS:
        added = run("patient", "add", *base, "--name", name, "--dob", "1961-07-30", "--json")
        assert added.code == 0, added.output
        ids.append(json.loads(added.stdout)["id"])
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    good = incoming / "Zwölfhofer_Bein.jpg"
    good.write_bytes(synthetic_jpeg(1001))
    refused = incoming / "Müller_arm.jpg"
    refused.write_bytes("Sprechstundenbefund Zwölfhofer: Ekzem\n".encode())
    truncated = incoming / "Sprechstundenbefund.jpg"
    truncated.write_bytes(synthetic_jpeg(1002)[:700])
    imported = run("import", *base, "--patient", ids[0], good, refused, truncated)
    assert imported.code == 0, imported.output
    assert "1 imported, 0 duplicates, 2 refused" in imported.stdout
    # a command that fails on purpose, with a patient-ish argument, must not log it either
    failed = run("import", *base, "--patient", "Zwölfhofer", good)
    assert failed.code == 1
    run("patient", "list", *base, "--search", "Zwölfhofer")
    photos = json.loads(run("photo", "list", *base, "--patient", ids[0], "--json").stdout)
    out = tmp_path / "exports" / "bein.jpg"
    out.parent.mkdir()
    assert run("photo", "export", *base, "--photo", photos[0]["id"], "--out", out).code == 0
    assert run("vault", "verify", *base).code == 0

    folders = [made.folder, pixiodoc_dirs.config, pixiodoc_dirs.logs, temp]
    log_files = list(pixiodoc_dirs.logs.glob("*.log*"))
    assert log_files and all(f.stat().st_size > 0 for f in log_files), (
        "the log must exist to be checked"
    )
    words = [part.strip() for name in PATIENTS for part in name.split(",")]
    assert plaintext_findings(folders, [*words, *FILE_WORDS]) == []
    # the export, by contrast, is plaintext on purpose: the scan does see such things
    assert plaintext_findings([out.parent], []) != []
