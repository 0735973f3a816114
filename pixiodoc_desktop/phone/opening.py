"""Open a pairing as the settings say: which route, certificate, address and port."""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum

from pixiodoc_desktop.clinic.records.body_sites import check_body_site
from pixiodoc_desktop.clinic.records.photos import Photos
from pixiodoc_desktop.clinic.records.vocabulary import Modality, parse
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.errors import PhoneRelayNeedsSync, PhoneServerUnavailable, SyncNotConfigured
from pixiodoc_desktop.phone.intake import Arrival, PhoneIntake
from pixiodoc_desktop.phone.pairing import Pairing, PairingTarget
from pixiodoc_desktop.phone.phone_settings import check_certificate_pair
from pixiodoc_desktop.phone.relay import BucketRelay
from pixiodoc_desktop.phone.server import PhoneServer, lan_address
from pixiodoc_desktop.phone.tls import workstation_certificate
from pixiodoc_desktop.sync.settings import store_settings
from pixiodoc_desktop.sync.store import ObjectStore

log = logging.getLogger(__name__)

PhoneLink = PhoneServer | BucketRelay
"""A running pairing: the workstation's own server, or the relay through the bucket."""


class Route(StrEnum):
    LAN = "lan"  # the phone is on the clinic network: this PC's own HTTPS server
    BUCKET = "bucket"  # guest Wi-Fi, mobile data: through the clinic's sync bucket
    AUTO = "auto"  # the clinic network, or the bucket when this PC cannot listen there


def sync_is_set_up(ws: Workstation) -> bool:
    try:
        store_settings(ws.vault)
    except SyncNotConfigured:
        return False
    return True


def relay_store(ws: Workstation) -> ObjectStore:
    try:
        return ObjectStore(store_settings(ws.vault))
    except SyncNotConfigured:
        raise PhoneRelayNeedsSync(
            "A phone outside the clinic network sends its photos through the clinic's sync "
            "bucket, and sync is not set up on this workstation; connect the phone to the "
            "clinic network, or set up sync."
        ) from None


def start_pairing(
    ws: Workstation,
    actor: Actor,
    target: PairingTarget,
    settings: Settings,
    *,
    on_arrival: Callable[[Arrival], None] | None = None,
    pairing: Pairing | None = None,
    bind: str = "",
    route: Route = Route.LAN,
    store: ObjectStore | None = None,
) -> PhoneLink:
    """Check the target, then wait for the one phone; the caller ends it with `close()`."""
    target = PairingTarget(
        patient_id=target.patient_id,
        visit_id=target.visit_id,
        body_site=check_body_site(target.body_site),
        lesion_id=target.lesion_id,
        modality=parse(Modality, target.modality, "modality"),
        show_full_name=target.show_full_name,
    )
    Photos(ws).check_can_add(actor, target.patient_id)  # refuse before anything listens
    pairing = pairing or Pairing(target)
    intake = PhoneIntake(ws, actor, pairing, on_arrival=on_arrival)
    if route is Route.BUCKET:
        return _through_bucket(intake, store or relay_store(ws))
    address = settings.phone_address or lan_address()
    alone = not settings.phone_address and address.startswith("127.")  # found no network
    if route is Route.AUTO and alone and sync_is_set_up(ws):
        return _through_bucket(intake, store or relay_store(ws))
    try:
        if settings.phone_cert_file:
            certificate = check_certificate_pair(settings.phone_cert_file, settings.phone_key_file)
        else:
            certificate = workstation_certificate(ws.vault, address)
        server = PhoneServer(
            intake, certificate, address=address, port=settings.phone_port, bind=bind
        )
        server.start()
    except PhoneServerUnavailable as exc:
        if route is not Route.AUTO or not sync_is_set_up(ws):
            raise
        log.info("Phone pairing goes through the bucket: %s", type(exc).__name__)
        return _through_bucket(intake, store or relay_store(ws))
    return server


def _through_bucket(intake: PhoneIntake, store: ObjectStore) -> BucketRelay:
    relay = BucketRelay(intake, store)
    relay.start()
    return relay
