"""Clinical vocabulary as the user reads it: modalities, sexes, consent scopes, body sites.

The core keeps stable English codes; the GUI translates them here
(`QT_TRANSLATE_NOOP`-style: the literal strings below are what lupdate finds).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pixiodoc_desktop.clinic.body_sites import BODY_SITES, LEFT, RIGHT, BodySite


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def modality(code: str) -> str:
    return {
        "overview": _t("Vocabulary", "Clinical overview"),
        "close-up": _t("Vocabulary", "Close-up"),
        "dermoscopy-polarised": _t("Vocabulary", "Dermoscopy, polarised"),
        "dermoscopy-non-polarised": _t("Vocabulary", "Dermoscopy, non-polarised"),
    }.get(code, code)


def sex(code: str) -> str:
    return {
        "female": _t("Vocabulary", "Female"),
        "male": _t("Vocabulary", "Male"),
        "other": _t("Vocabulary", "Diverse"),
        "unknown": _t("Vocabulary", "Not stated"),
    }.get(code, code)


def consent_scope(code: str) -> str:
    return {
        "clinical": _t("Vocabulary", "Clinical documentation"),
        "sharing": _t("Vocabulary", "Sharing with colleagues"),
        "teaching": _t("Vocabulary", "Teaching"),
        "publication": _t("Vocabulary", "Publication"),
        "consultation-screen": _t("Vocabulary", "Consultation screen"),
    }.get(code, code)


def access_level(code: str) -> str:
    return {
        "view": _t("Vocabulary", "View only"),
        "edit": _t("Vocabulary", "Editor"),
        "admin": _t("Vocabulary", "Admin"),
    }.get(code, code)


def _stem(label: str) -> str:
    # Each literal below is listed once so that lupdate collects it.
    names = {
        "Scalp": _t("BodySite", "Scalp"),
        "Face": _t("BodySite", "Face"),
        "Forehead": _t("BodySite", "Forehead"),
        "Nose": _t("BodySite", "Nose"),
        "Lips": _t("BodySite", "Lips"),
        "Chin": _t("BodySite", "Chin"),
        "Neck": _t("BodySite", "Neck"),
        "Chest": _t("BodySite", "Chest"),
        "Upper back": _t("BodySite", "Upper back"),
        "Lower back": _t("BodySite", "Lower back"),
        "Abdomen": _t("BodySite", "Abdomen"),
        "Umbilicus": _t("BodySite", "Umbilicus"),
        "Sacral region": _t("BodySite", "Sacral region"),
        "Genital region": _t("BodySite", "Genital region"),
        "Perianal region": _t("BodySite", "Perianal region"),
        "Oral mucosa": _t("BodySite", "Oral mucosa"),
        "Cheek": _t("BodySite", "Cheek"),
        "Ear": _t("BodySite", "Ear"),
        "Eyelid": _t("BodySite", "Eyelid"),
        "Temple": _t("BodySite", "Temple"),
        "Shoulder": _t("BodySite", "Shoulder"),
        "Axilla": _t("BodySite", "Axilla"),
        "Upper arm": _t("BodySite", "Upper arm"),
        "Elbow": _t("BodySite", "Elbow"),
        "Forearm": _t("BodySite", "Forearm"),
        "Wrist": _t("BodySite", "Wrist"),
        "Back of hand": _t("BodySite", "Back of hand"),
        "Palm": _t("BodySite", "Palm"),
        "Finger": _t("BodySite", "Finger"),
        "Fingernail": _t("BodySite", "Fingernail"),
        "Breast": _t("BodySite", "Breast"),
        "Flank": _t("BodySite", "Flank"),
        "Buttock": _t("BodySite", "Buttock"),
        "Groin": _t("BodySite", "Groin"),
        "Hip": _t("BodySite", "Hip"),
        "Thigh": _t("BodySite", "Thigh"),
        "Knee": _t("BodySite", "Knee"),
        "Back of knee": _t("BodySite", "Back of knee"),
        "Lower leg": _t("BodySite", "Lower leg"),
        "Shin": _t("BodySite", "Shin"),
        "Calf": _t("BodySite", "Calf"),
        "Ankle": _t("BodySite", "Ankle"),
        "Top of foot": _t("BodySite", "Top of foot"),
        "Sole": _t("BodySite", "Sole"),
        "Toe": _t("BodySite", "Toe"),
        "Toenail": _t("BodySite", "Toenail"),
    }
    return names.get(label, label)


def body_site(code: str | None) -> str:
    if not code:
        return _t("BodySite", "Body site not recorded")
    site: BodySite | None = BODY_SITES.get(code)
    if site is None:
        return code
    stem = site.label.split(",")[0]
    name = _stem(stem)
    if site.laterality == LEFT:
        return _t("BodySite", "%1, left").replace("%1", name)
    if site.laterality == RIGHT:
        return _t("BodySite", "%1, right").replace("%1", name)
    return name


def body_sites_sorted() -> list[tuple[str, str]]:
    """(code, translated label) for pickers, sorted by label."""
    return sorted(((code, body_site(code)) for code in BODY_SITES), key=lambda item: item[1])
