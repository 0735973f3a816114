"""Helpers for the access, audit, plan and case-bundle tests."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
import zipfile
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from vault_support import ROOT

from pixiodoc_desktop.clinic.access import plans
from pixiodoc_desktop.clinic.exchange.case_bundle import bundles as bundles_module


def issue_licence_tool() -> ModuleType:
    """tools/issue_licence.py, imported from its path (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "issue_licence", ROOT / "tools" / "issue_licence.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class LicenceIssuer:
    """A key pair of our own, trusted by the app for the length of one test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.key = Ed25519PrivateKey.generate()
        public = self.key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        monkeypatch.setattr(plans, "TRUSTED_PUBLIC_KEY", public.hex())
        self.tool = issue_licence_tool()

    def pem(self) -> bytes:
        return self.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )

    def licence(
        self,
        clinic: str,
        plan: str = "pro",
        *,
        seats: int = 1,
        expires: dt.date | None = None,
    ) -> str:
        text: str = self.tool.sign_licence(
            self.key,
            clinic=clinic,
            plan=plan,
            seats=seats,
            expires=expires or dt.date.today() + dt.timedelta(days=365),
        )
        return text


def spoil_bundle_manifest(
    monkeypatch: pytest.MonkeyPatch, change: Callable[[dict[str, Any]], None]
) -> None:
    """Case bundles exported from now on carry a manifest that `change` altered (a damaged
    or forged entry), everything else as gathered, sealed as usual."""
    real_gather = bundles_module.gather

    def spoiled(*args: object, **kwargs: object) -> tuple[bytes, tuple[int, int]]:
        data, counts = real_gather(*args, **kwargs)  # type: ignore[arg-type]
        source = zipfile.ZipFile(io.BytesIO(data))
        manifest = json.loads(source.read("manifest.json"))
        change(manifest)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name in source.namelist():
                body = source.read(name)
                archive.writestr(name, json.dumps(manifest) if name == "manifest.json" else body)
        return buffer.getvalue(), counts

    monkeypatch.setattr(bundles_module, "gather", spoiled)
