"""`pixiodoc phone pair` as clinic IT or a script runs it: a subprocess that prints the
pairing URL first, then each saved photo's id, until it is stopped."""

from __future__ import annotations

import base64
import json
import signal
from pathlib import Path
from urllib.parse import urlsplit

from phone_support import PhoneClient
from vault_support import MadeVault, start_cli, synthetic_jpeg

from pixiodoc_desktop.clinic.records.patients import PatientSummary
from pixiodoc_desktop.phone.tls import FOLDER


def test_pair_prints_the_url_then_each_saved_photo_and_ends_on_sigterm(
    made_vault: MadeVault, patient: PatientSummary, tmp_path: Path
) -> None:
    args = ["phone", "pair"]
    args += ["--vault", str(made_vault.folder), "--user", made_vault.login, "--password-stdin"]
    args += ["--patient", patient.id, "--body-site", "shoulder-left", "--modality", "close-up"]
    args += ["--port", "0", "--address", "127.0.0.1", "--json"]
    process = start_cli(args, cwd=tmp_path)
    try:
        assert process.stdout is not None
        first = json.loads(process.stdout.readline())
        assert set(first) == {"url", "expires"}
        url = urlsplit(first["url"])
        assert url.scheme == "https" and url.hostname == "127.0.0.1"
        key = base64.urlsafe_b64decode(url.fragment.removeprefix("k=") + "=")
        phone = PhoneClient(
            f"https://127.0.0.1:{url.port}", made_vault.folder / FOLDER / "cert.pem"
        )
        assert phone.request(url.path)[0] == 200
        assert phone.claim(url.path.rsplit("/", 1)[1])[0] == 200
        status, answer = phone.upload(key, synthetic_jpeg(7))
        assert status == 200
        assert process.stdout.readline().strip() == answer["photo"]
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert json.loads(out) == {"ended": "ended", "photos": [answer["photo"]]}
