"""The demo clinic's own texts in German: reasons, findings, treatments, notes.

The demo is built in the interface's language (`build_demo_vault(language=...)`),
because these texts are clinical data in the vault, not interface strings a
translator could reach. English is the source; a missing German falls back to it.
"""

from __future__ import annotations

GERMAN: dict[str, str] = {
    "Acne papulopustulosa": "Acne papulopustulosa",
    "Atopic eczema flare": "Schub einer atopischen Dermatitis",
    "Plaque psoriasis": "Psoriasis vulgaris (Plaque-Typ)",
    "Papulopustular rosacea": "Papulopustulöse Rosazea",
    "Melasma": "Melasma",
    "Non-segmental vitiligo": "Nichtsegmentale Vitiligo",
    "Naevus follow-up (dermoscopy)": "Nävuskontrolle (Dermatoskopie)",
    "Acne comedonica": "Acne comedonica",
    "Hand eczema": "Handekzem",
    "Scalp psoriasis": "Psoriasis capitis",
    "Atypical naevus follow-up": "Kontrolle eines atypischen Nävus",
    "Erythematotelangiectatic rosacea": "Erythematoteleangiektatische Rosazea",
    "Adapalene/benzoyl peroxide gel": "Adapalen/Benzoylperoxid-Gel",
    "Mometasone cream, emollients": "Mometason-Creme, Basispflege",
    "Calcipotriol/betamethasone foam": "Calcipotriol/Betamethason-Schaum",
    "Ivermectin cream": "Ivermectin-Creme",
    "Triple combination cream, SPF 50": "Triple-Kombinationscreme, LSF 50",
    "Ruxolitinib cream": "Ruxolitinib-Creme",
    "Sequential digital dermoscopy": "Sequenzielle digitale Dermatoskopie",
    "Azelaic acid 20%": "Azelainsäure 20 %",
    "Tacrolimus ointment": "Tacrolimus-Salbe",
    "Clobetasol shampoo": "Clobetasol-Shampoo",
    "Brimonidine gel": "Brimonidin-Gel",
    "Follow-up": "Verlaufskontrolle",
    "Baseline photographs taken.": "Ausgangsbefund fotografiert.",
    "Week {weeks} review.": "Kontrolle in Woche {weeks}.",
    "Naevus 1": "Nävus 1",
    "Naevus {n}": "Nävus {n}",
    "Mole mapping: multiple naevi": "Ganzkörper-Nävuskontrolle: multiple Nävi",
    (
        "Compound naevus with architectural disorder and mild cytological atypia "
        "(dysplastic naevus). Excision with 2 mm margins advised."
    ): (
        "Compound-Nävus mit architektonischer Störung und geringer zytologischer Atypie "
        "(dysplastischer Nävus). Exzision mit 2 mm Sicherheitsabstand empfohlen."
    ),
    (
        "Dysplastic compound naevus, mild atypia, completely excised; margins clear. No malignancy."
    ): (
        "Dysplastischer Compound-Nävus, geringe Atypie, vollständig exzidiert; "
        "Schnittränder frei. Kein Anhalt für Malignität."
    ),
}


def demo_text(text: str, language: str) -> str:
    """`text` in `language` ("en" or "de")."""
    return GERMAN.get(text, text) if language == "de" else text
