"""Clinical vocabulary as the user reads it: modalities, sexes, consent scopes, body sites.

The core keeps stable English codes; the GUI translates them here
(`QT_TRANSLATE_NOOP`-style: the literal strings below are what lupdate finds).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES, LEFT, RIGHT, BodySite


def modality(code: str) -> str:
    return {
        "overview": QCoreApplication.translate("Vocabulary", "Clinical overview"),
        "close-up": QCoreApplication.translate("Vocabulary", "Close-up"),
        "dermoscopy-polarised": QCoreApplication.translate("Vocabulary", "Dermoscopy, polarised"),
        "dermoscopy-non-polarised": QCoreApplication.translate(
            "Vocabulary", "Dermoscopy, non-polarised"
        ),
    }.get(code, code)


def sex(code: str) -> str:
    return {
        "female": QCoreApplication.translate("Vocabulary", "Female"),
        "male": QCoreApplication.translate("Vocabulary", "Male"),
        "other": QCoreApplication.translate("Vocabulary", "Diverse"),
        "unknown": QCoreApplication.translate("Vocabulary", "Not stated"),
    }.get(code, code)


def consent_scope(code: str) -> str:
    return {
        "clinical": QCoreApplication.translate("Vocabulary", "Clinical documentation"),
        "sharing": QCoreApplication.translate("Vocabulary", "Sharing with colleagues"),
        "teaching": QCoreApplication.translate("Vocabulary", "Teaching"),
        "publication": QCoreApplication.translate("Vocabulary", "Publication"),
        "consultation-screen": QCoreApplication.translate("Vocabulary", "Consultation screen"),
    }.get(code, code)


def access_level(code: str) -> str:
    return {
        "view": QCoreApplication.translate("Vocabulary", "View only"),
        "edit": QCoreApplication.translate("Vocabulary", "Editor"),
        "admin": QCoreApplication.translate("Vocabulary", "Admin"),
    }.get(code, code)


def _stem(label: str) -> str:
    # Each literal below is listed once so that lupdate collects it.
    names = {
        "Scalp": QCoreApplication.translate("BodySite", "Scalp"),
        "Face": QCoreApplication.translate("BodySite", "Face"),
        "Forehead": QCoreApplication.translate("BodySite", "Forehead"),
        "Nose": QCoreApplication.translate("BodySite", "Nose"),
        "Lips": QCoreApplication.translate("BodySite", "Lips"),
        "Chin": QCoreApplication.translate("BodySite", "Chin"),
        "Neck": QCoreApplication.translate("BodySite", "Neck"),
        "Chest": QCoreApplication.translate("BodySite", "Chest"),
        "Upper back": QCoreApplication.translate("BodySite", "Upper back"),
        "Lower back": QCoreApplication.translate("BodySite", "Lower back"),
        "Abdomen": QCoreApplication.translate("BodySite", "Abdomen"),
        "Umbilicus": QCoreApplication.translate("BodySite", "Umbilicus"),
        "Sacral region": QCoreApplication.translate("BodySite", "Sacral region"),
        "Genital region": QCoreApplication.translate("BodySite", "Genital region"),
        "Perianal region": QCoreApplication.translate("BodySite", "Perianal region"),
        "Oral mucosa": QCoreApplication.translate("BodySite", "Oral mucosa"),
        "Cheek": QCoreApplication.translate("BodySite", "Cheek"),
        "Ear": QCoreApplication.translate("BodySite", "Ear"),
        "Eyelid": QCoreApplication.translate("BodySite", "Eyelid"),
        "Temple": QCoreApplication.translate("BodySite", "Temple"),
        "Shoulder": QCoreApplication.translate("BodySite", "Shoulder"),
        "Axilla": QCoreApplication.translate("BodySite", "Axilla"),
        "Upper arm": QCoreApplication.translate("BodySite", "Upper arm"),
        "Elbow": QCoreApplication.translate("BodySite", "Elbow"),
        "Forearm": QCoreApplication.translate("BodySite", "Forearm"),
        "Wrist": QCoreApplication.translate("BodySite", "Wrist"),
        "Back of hand": QCoreApplication.translate("BodySite", "Back of hand"),
        "Palm": QCoreApplication.translate("BodySite", "Palm"),
        "Finger": QCoreApplication.translate("BodySite", "Finger"),
        "Fingernail": QCoreApplication.translate("BodySite", "Fingernail"),
        "Breast": QCoreApplication.translate("BodySite", "Breast"),
        "Flank": QCoreApplication.translate("BodySite", "Flank"),
        "Buttock": QCoreApplication.translate("BodySite", "Buttock"),
        "Groin": QCoreApplication.translate("BodySite", "Groin"),
        "Hip": QCoreApplication.translate("BodySite", "Hip"),
        "Thigh": QCoreApplication.translate("BodySite", "Thigh"),
        "Knee": QCoreApplication.translate("BodySite", "Knee"),
        "Back of knee": QCoreApplication.translate("BodySite", "Back of knee"),
        "Lower leg": QCoreApplication.translate("BodySite", "Lower leg"),
        "Shin": QCoreApplication.translate("BodySite", "Shin"),
        "Calf": QCoreApplication.translate("BodySite", "Calf"),
        "Ankle": QCoreApplication.translate("BodySite", "Ankle"),
        "Top of foot": QCoreApplication.translate("BodySite", "Top of foot"),
        "Sole": QCoreApplication.translate("BodySite", "Sole"),
        "Toe": QCoreApplication.translate("BodySite", "Toe"),
        "Toenail": QCoreApplication.translate("BodySite", "Toenail"),
    }
    return names.get(label, label)


def body_site(code: str | None) -> str:
    if not code:
        return QCoreApplication.translate("BodySite", "Body site not recorded")
    site: BodySite | None = BODY_SITES.get(code)
    if site is None:
        return code
    stem = site.label.split(",")[0]
    name = _stem(stem)
    if site.laterality == LEFT:
        return QCoreApplication.translate("BodySite", "%1, left").replace("%1", name)
    if site.laterality == RIGHT:
        return QCoreApplication.translate("BodySite", "%1, right").replace("%1", name)
    return name


def body_sites_sorted() -> list[tuple[str, str]]:
    """(code, translated label) for pickers, sorted by label."""
    return sorted(((code, body_site(code)) for code in BODY_SITES), key=lambda item: item[1])
