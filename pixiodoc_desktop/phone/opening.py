"""Open a pairing as the settings say: which certificate, address and port."""

from __future__ import annotations

from collections.abc import Callable

from pixiodoc_desktop.clinic.records.body_sites import check_body_site
from pixiodoc_desktop.clinic.records.photos import Photos
from pixiodoc_desktop.clinic.records.vocabulary import Modality, parse
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.phone.intake import Arrival, PhoneIntake
from pixiodoc_desktop.phone.pairing import Pairing, PairingTarget
from pixiodoc_desktop.phone.server import PhoneServer, lan_address
from pixiodoc_desktop.phone.tls import provided_certificate, workstation_certificate


def start_pairing(
    ws: Workstation,
    actor: Actor,
    target: PairingTarget,
    settings: Settings,
    *,
    on_arrival: Callable[[Arrival], None] | None = None,
    pairing: Pairing | None = None,
    bind: str = "",
) -> PhoneServer:
    """Check the target, then listen for the one phone; the caller ends it with `close()`."""
    target = PairingTarget(
        patient_id=target.patient_id,
        visit_id=target.visit_id,
        body_site=check_body_site(target.body_site),
        lesion_id=target.lesion_id,
        modality=parse(Modality, target.modality, "modality"),
        show_full_name=target.show_full_name,
    )
    Photos(ws).check_can_add(actor, target.patient_id)  # refuse before anything listens
    address = settings.phone_address or lan_address()
    if settings.phone_cert_file:
        certificate = provided_certificate(settings.phone_cert_file, settings.phone_key_file)
    else:
        certificate = workstation_certificate(ws.vault, address)
    pairing = pairing or Pairing(target)
    intake = PhoneIntake(ws, actor, pairing, on_arrival=on_arrival)
    server = PhoneServer(intake, certificate, address=address, port=settings.phone_port, bind=bind)
    server.start()
    return server
