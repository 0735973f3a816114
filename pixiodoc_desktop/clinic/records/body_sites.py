"""The fixed body-site vocabulary with SNOMED CT codes (DESIGN.md §3).

Codes are SNOMED CT body structure concepts; left/right sites add the
laterality qualifier (7771000 left, 24028007 right) as DICOM's Anatomic
Region Modifier Sequence does, so exports interoperate.
"""

from __future__ import annotations

from dataclasses import dataclass

from pixiodoc_desktop.errors import InvalidInput

LEFT = "7771000"
RIGHT = "24028007"


@dataclass(frozen=True, slots=True)
class BodySite:
    code: str  # our stable code, e.g. "forearm-left"
    label: str  # English label (the GUI translates it)
    snomed: str  # SNOMED CT concept id of the structure
    laterality: str | None  # SNOMED CT qualifier or None
    region: str  # head, trunk, arm, leg, genital for grouping in pickers


_PAIRED: tuple[tuple[str, str, str, str], ...] = (
    # code stem, label, SNOMED CT, region
    ("cheek", "Cheek", "60819002", "head"),
    ("ear", "Ear", "117590005", "head"),
    ("eyelid", "Eyelid", "80243003", "head"),
    ("temple", "Temple", "450721000", "head"),
    ("shoulder", "Shoulder", "16982005", "arm"),
    ("axilla", "Axilla", "34797008", "arm"),
    ("upper-arm", "Upper arm", "40983000", "arm"),
    ("elbow", "Elbow", "127949000", "arm"),
    ("forearm", "Forearm", "14975008", "arm"),
    ("wrist", "Wrist", "8205005", "arm"),
    ("hand-back", "Back of hand", "731077005", "arm"),
    ("palm", "Palm", "21547004", "arm"),
    ("finger", "Finger", "7569003", "arm"),
    ("fingernail", "Fingernail", "770802007", "arm"),
    ("breast", "Breast", "76752008", "trunk"),
    ("flank", "Flank", "58602004", "trunk"),
    ("buttock", "Buttock", "46862004", "trunk"),
    ("groin", "Groin", "26893007", "trunk"),
    ("hip", "Hip", "29836001", "leg"),
    ("thigh", "Thigh", "68367000", "leg"),
    ("knee", "Knee", "72696002", "leg"),
    ("popliteal-fossa", "Back of knee", "32361000", "leg"),
    ("lower-leg", "Lower leg", "30021000", "leg"),
    ("shin", "Shin", "44979007", "leg"),
    ("calf", "Calf", "53840002", "leg"),
    ("ankle", "Ankle", "344001", "leg"),
    ("foot-dorsum", "Top of foot", "362804005", "leg"),
    ("sole", "Sole", "57999000", "leg"),
    ("toe", "Toe", "29707007", "leg"),
    ("toenail", "Toenail", "770803002", "leg"),
)

_MIDLINE: tuple[tuple[str, str, str, str], ...] = (
    ("scalp", "Scalp", "41695006", "head"),
    ("face", "Face", "89545001", "head"),
    ("forehead", "Forehead", "52795006", "head"),
    ("nose", "Nose", "45206002", "head"),
    ("lips", "Lips", "48477009", "head"),
    ("chin", "Chin", "30291003", "head"),
    ("neck", "Neck", "45048000", "head"),
    ("chest", "Chest", "51185008", "trunk"),
    ("upper-back", "Upper back", "37822005", "trunk"),
    ("lower-back", "Lower back", "37822005", "trunk"),
    ("abdomen", "Abdomen", "113345001", "trunk"),
    ("umbilicus", "Umbilicus", "90290004", "trunk"),
    ("sacrum", "Sacral region", "54735007", "trunk"),
    ("genitalia", "Genital region", "263767004", "genital"),
    ("perianal", "Perianal region", "397158004", "genital"),
    ("oral-mucosa", "Oral mucosa", "113277000", "head"),
)


def _build() -> dict[str, BodySite]:
    sites: dict[str, BodySite] = {}
    for code, label, snomed, region in _MIDLINE:
        sites[code] = BodySite(code, label, snomed, None, region)
    for stem, label, snomed, region in _PAIRED:
        sites[f"{stem}-left"] = BodySite(f"{stem}-left", f"{label}, left", snomed, LEFT, region)
        sites[f"{stem}-right"] = BodySite(f"{stem}-right", f"{label}, right", snomed, RIGHT, region)
    return sites


BODY_SITES: dict[str, BodySite] = _build()


def body_site(code: str) -> BodySite:
    """The site for a code, or InvalidInput naming the code and where to look."""
    try:
        return BODY_SITES[code.strip().lower()]
    except KeyError:
        raise InvalidInput(
            f"{code!r} is not a body site code; `pixiodoc body-sites` lists them "
            "(e.g. forearm-left, face, upper-back)"
        ) from None


def check_body_site(code: str | None) -> str | None:
    return None if code is None or not code.strip() else body_site(code).code
