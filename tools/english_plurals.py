"""Write resources/translations/pixiodoc_en.ts: the English plural forms of every counted text.

    python tools/english_plurals.py           # rewrite pixiodoc_en.ts from pixiodoc_de.ts
    python tools/english_plurals.py --check   # exit 1 if pixiodoc_en.ts is out of date

A counted text is written `self.tr("%n photo(s)", "", n)` for the German plural
forms. English shows the source text, so its "(s)" needs forms of its own: "1 photo",
"12 photos". They ship as a compiled translation (.qm, like German) so that Qt never
calls Python to translate: Qt asks every installed translator from whichever thread
calls tr() (also inside its own locks, e.g. while loading an image plugin), and a
translator written in Python could deadlock there on the GIL.

Run it after refreshing pixiodoc_de.ts with lupdate (tests/gui/test_translations.py
says so when a counted text lacks its English forms).
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
GERMAN = TRANSLATIONS / "pixiodoc_de.ts"
ENGLISH = TRANSLATIONS / "pixiodoc_en.ts"


def english_forms(source: str) -> tuple[str, str]:
    """("%n photo", "%n photos") for "%n photo(s)": English singular and plural."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def render(german_ts: str) -> str:
    """The English .ts for the counted messages of the German .ts (its text)."""
    root = ET.fromstring(german_ts)  # noqa: S314 - our own .ts file
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        '<TS version="2.1" language="en" sourcelanguage="en">',
    ]
    for context in root.iter("context"):
        counted = [
            m
            for m in context.iter("message")
            if m.get("numerus") == "yes" and "(s)" in (m.findtext("source") or "")
        ]
        if not counted:
            continue
        lines += ["<context>", f"    <name>{escape(context.findtext('name') or '')}</name>"]
        for message in counted:
            source = message.findtext("source") or ""
            one, many = english_forms(source)
            lines.append('    <message numerus="yes">')
            lines.append(f"        <source>{escape(source)}</source>")
            comment = message.findtext("comment")
            if comment:
                lines.append(f"        <comment>{escape(comment)}</comment>")
            lines += [
                "        <translation>",
                f"            <numerusform>{escape(one)}</numerusform>",
                f"            <numerusform>{escape(many)}</numerusform>",
                "        </translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    args = parser.parse_args(argv)
    wanted = render(GERMAN.read_text(encoding="utf-8"))
    if args.check:
        current = ENGLISH.read_text(encoding="utf-8") if ENGLISH.exists() else ""
        if current != wanted:
            print(f"{ENGLISH} is out of date: run python tools/english_plurals.py")
            return 1
        return 0
    ENGLISH.write_text(wanted, encoding="utf-8")
    print(f"wrote {ENGLISH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
