"""The vault's settings for the practice software (GDT) and the DICOM worklist.

Kept like the PACS's (exports/pacs.py): one JSON value per key in the vault's
settings table, set by a workspace Admin and audited as a setting change. They
hold folders, ids and network addresses, never patient data.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import (
    GdtNotConfigured,
    InvalidInput,
    PermissionDenied,
    WorklistNotConfigured,
)
from pixiodoc_desktop.practice.gdt import Version
from pixiodoc_desktop.practice.gdt_charsets import Charset, parse_charset
from pixiodoc_desktop.vault.schema import Setting

GDT_SETTING = "gdt"
WORKLIST_SETTING = "worklist"
FILE_ROLES = ("archive", "format", "description", "path")
FILE_FIELDS = ("6302", "6303", "6304", "6305")
# GDT 2.1's own reading: 6302 archive id, 6303 format, 6304 what the file holds, 6305 path.
STANDARD_FILE_FIELDS = dict(zip(FILE_ROLES, FILE_FIELDS, strict=True))
NAMINGS = ("fixed", "numbered")


@dataclass(frozen=True, slots=True)
class GdtSettings:
    in_folder: str  # where the PVS drops requests for us
    out_folder: str  # where we write results and answers
    our_id: str = "PIXO"  # GDT id of PixioDoc (8315 in requests, 8316 in results)
    pvs_id: str = "PVS1"  # GDT id of the practice software
    version: str = Version.GDT_21.value
    charset: str = Charset.ANSI.value  # what we write
    read_charset: str | None = None  # overrides field 9206 of what we read
    naming: str = "fixed"  # <receiver><sender>.gdt, or numbered extensions .001 ...
    file_fields: dict[str, str] = field(default_factory=lambda: dict(STANDARD_FILE_FIELDS))

    @property
    def in_path(self) -> Path:
        return Path(self.in_folder)

    @property
    def out_path(self) -> Path:
        return Path(self.out_folder)

    @property
    def write_version(self) -> Version:
        return Version(self.version)

    @property
    def write_charset(self) -> Charset:
        return Charset(self.charset)

    @property
    def override(self) -> Charset | None:
        return Charset(self.read_charset) if self.read_charset else None


def _gdt_id(text: str, what: str) -> str:
    cleaned = text.strip()
    if not 1 <= len(cleaned) <= 8 or not cleaned.isascii() or not cleaned.isalnum():
        raise InvalidInput(f"The {what} has 1-8 letters or digits (usually 4, e.g. PIXO)")
    return cleaned


def check_gdt(settings: GdtSettings) -> GdtSettings:
    for folder, what in ((settings.in_folder, "in-folder"), (settings.out_folder, "out-folder")):
        if not folder.strip() or not Path(folder).is_dir():
            raise InvalidInput(f"The GDT {what} {folder} does not exist")
    if settings.version not in {v.value for v in Version}:
        raise InvalidInput("The GDT version is 02.10 (GDT 2.1) or 03.00 (GDT 3.0)")
    charset = parse_charset(settings.charset)
    if charset is Charset.UTF8 and settings.version == Version.GDT_21.value:
        raise InvalidInput("GDT 2.1 has no UTF-8; choose 7bit, cp437 or iso8859-15")
    read = parse_charset(settings.read_charset) if settings.read_charset else None
    if settings.naming not in NAMINGS:
        raise InvalidInput("GDT file names are fixed or numbered")
    mapping = {k: v for k, v in settings.file_fields.items() if v}
    if not set(mapping) <= set(FILE_ROLES) or not set(mapping.values()) <= set(FILE_FIELDS):
        raise InvalidInput("File references map archive, format, description, path to 6302-6305")
    if len(set(mapping.values())) != len(mapping) or "path" not in mapping:
        raise InvalidInput("Each file reference field is used once, and one of them is the path")
    return replace(
        settings,
        in_folder=str(Path(settings.in_folder).resolve()),
        out_folder=str(Path(settings.out_folder).resolve()),
        our_id=_gdt_id(settings.our_id, "GDT id of PixioDoc"),
        pvs_id=_gdt_id(settings.pvs_id, "GDT id of the practice software"),
        charset=charset.value,
        read_charset=read.value if read else None,
        file_fields=mapping,
    )


def parse_file_fields(pairs: list[str]) -> dict[str, str]:
    """`path=6302` ... (the roles not named are not written); none: the standard mapping."""
    if not pairs:
        return dict(STANDARD_FILE_FIELDS)
    out: dict[str, str] = {}
    for pair in pairs:
        role, _, value = pair.partition("=")
        if role.strip() not in FILE_ROLES or value.strip() not in FILE_FIELDS:
            raise InvalidInput(
                f"{pair!r}: give ROLE=FIELD with a role of {', '.join(FILE_ROLES)} "
                "and a field of 6302-6305"
            )
        out[role.strip()] = value.strip()
    return out


@dataclass(frozen=True, slots=True)
class WorklistSettings:
    ae_title: str  # the worklist SCP's
    host: str
    port: int
    our_ae_title: str = "PIXIODOC"
    station_ae_title: str | None = None  # filter: steps scheduled for this station
    modality: str | None = None  # filter, e.g. XC


def _store(ws: Workstation, actor: Actor, key: str, value: dict[str, Any]) -> None:
    with ws.unit_of_work(actor) as uow:
        row = uow.session.get(Setting, key)
        if row is None:
            uow.session.add(Setting(key=key, value=json.dumps(value)))
        else:
            row.value = json.dumps(value)
        uow.audit(
            audit.EventDraft(
                audit.EventType.SECURITY_SETTING_CHANGED,
                actor.user_id,
                details={"setting": key},
            )
        )


def configure_gdt(ws: Workstation, actor: Actor, settings: GdtSettings) -> GdtSettings:
    if not actor.is_workspace_admin:
        raise PermissionDenied("Only a workspace Admin may set up the practice software exchange.")
    checked = check_gdt(settings)
    _store(ws, actor, GDT_SETTING, asdict(checked))
    return checked


def load_gdt(ws: Workstation) -> GdtSettings:
    value = ws.vault.setting(GDT_SETTING)
    if not value:
        raise GdtNotConfigured(
            "No GDT exchange is set up; an Admin sets one with `pixiodoc gdt configure`."
        )
    return GdtSettings(**json.loads(value))


def configure_worklist(
    ws: Workstation, actor: Actor, settings: WorklistSettings
) -> WorklistSettings:
    from pixiodoc_desktop.exports.pacs import check_ae

    if not actor.is_workspace_admin:
        raise PermissionDenied("Only a workspace Admin may set up the DICOM worklist.")
    if not settings.host.strip():
        raise InvalidInput("The worklist host is required (a name or an IP address)")
    if not 1 <= settings.port <= 65535:
        raise InvalidInput("The worklist port is a number from 1 to 65535 (often 104 or 4242)")
    checked = WorklistSettings(
        ae_title=check_ae(settings.ae_title, "worklist's AE title"),
        host=settings.host.strip(),
        port=settings.port,
        our_ae_title=check_ae(settings.our_ae_title, "workstation's AE title"),
        station_ae_title=settings.station_ae_title.strip() or None
        if settings.station_ae_title
        else None,
        modality=settings.modality.strip().upper() or None if settings.modality else None,
    )
    _store(ws, actor, WORKLIST_SETTING, asdict(checked))
    return checked


def load_worklist(ws: Workstation) -> WorklistSettings:
    value = ws.vault.setting(WORKLIST_SETTING)
    if not value:
        raise WorklistNotConfigured(
            "No DICOM worklist is set up; an Admin sets one with `pixiodoc worklist configure`."
        )
    return WorklistSettings(**json.loads(value))
