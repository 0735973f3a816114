"""`pixiodoc lesion`: follow a lesion from the command line (a subprocess on a real vault):
add it at a place on the body map, set its status, record its excision with the histology,
list it; a place off the map is one clear line and exit 1, and nothing changes."""

from __future__ import annotations

import json
from pathlib import Path

from vault_support import LOGIN, PASSWORD, CliRunner, create_vault

PW = PASSWORD + "\n"


def test_lesion_add_place_status_procedure_and_list(cli: CliRunner, tmp_path: Path) -> None:
    made = create_vault(tmp_path / "clinic-vault")
    base = ("--vault", made.folder, "--user", LOGIN, "--password-stdin")
    patient = cli("patient", "add", *base, "--name", "Lange, Eva", stdin=PW)
    assert patient.code == 0, patient.output
    pid = patient.stdout.strip()

    added = cli(
        "lesion", "add", *base, "--patient", pid, "--body-site", "upper-back",
        "--label", "Naevus 1", "--view", "back", "--x", "0.4", "--y", "0.3", "--json",
        stdin=PW,
    )  # fmt: skip
    assert added.code == 0, added.output
    [lesion] = json.loads(added.stdout)
    assert lesion["status"] == "new" and lesion["position"] == {"view": "back", "x": 0.4, "y": 0.3}

    off_map = cli(
        "lesion", "place", *base, "--lesion", lesion["id"], "--view", "back", "--x", "1.4",
        "--y", "0.3", stdin=PW,
    )  # fmt: skip
    assert off_map.code == 1
    assert off_map.stderr.strip().splitlines()[-1].endswith("must lie within the map")
    assert "Traceback" not in off_map.output

    grown = cli("lesion", "status", *base, "--lesion", lesion["id"], "grown", stdin=PW)
    assert grown.code == 0 and " grown " in grown.stdout
    excised = cli(
        "lesion", "procedure", *base, "--lesion", lesion["id"], "excision",
        "--date", "2025-06-03", "--histology", "Compound naevus, margins clear", stdin=PW,
    )  # fmt: skip
    assert excised.code == 0, excised.output

    listed = cli("lesion", "list", *base, "--patient", pid, "--json", stdin=PW)
    [now] = json.loads(listed.stdout)
    assert now["status"] == "excised"
    assert now["position"] == {"view": "back", "x": 0.4, "y": 0.3}  # the refused move left it
    assert now["history"] == [
        {
            "kind": "excision",
            "date": "2025-06-03",
            "histology": "Compound naevus, margins clear",
            "recorded_by": now["history"][0]["recorded_by"],
        }
    ]
    events = json.loads(cli("audit", "list", *base, "--json", "--limit", "200", stdin=PW).stdout)
    updates = [e for e in events if e["event"] == "PATIENT_UPDATED" and e["patient"] == pid]
    assert len(updates) == 3  # created, status, excision (the refused move wrote nothing)
