"""Dates and numbers as the user reads them: the interface language's locale.

`use_language` makes the language's locale Qt's default (German: 05.12.2026,
decimal comma); every screen formats through the two functions below so that
no screen hand-writes "%d.%m.%Y" or "{:.1f}".
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale


def use_language(language: str) -> None:
    """Make `language`'s locale the default (English keeps an English system locale)."""
    if language == "en":
        system = QLocale.system()
        english = system.language() == QLocale.Language.English
        QLocale.setDefault(system if english else QLocale("en_GB"))
        return
    QLocale.setDefault(QLocale(language))


def shown_language() -> str:
    """The language the running interface shows ('de' or 'en'). A language chosen in
    Settings applies at the next start; until then a report says what the screens say."""
    return "de" if _reading().language() == QLocale.Language.German else "en"


def _reading() -> QLocale:
    """The default locale; Qt's bare "C" locale (no language set up) reads as English does."""
    here = QLocale()
    return QLocale("en_GB") if here.language() == QLocale.Language.C else here


def date_format() -> str:
    """The default locale's short date format with a four-digit year (for QDateEdit too)."""
    short = _reading().dateFormat(QLocale.FormatType.ShortFormat)
    # Qt's short formats use two-digit years in some locales; a clinic reads four.
    return short if "yyyy" in short else short.replace("yy", "yyyy")


def date_text(value: dt.date) -> str:
    """The date in the default locale's short form (05.12.2026, 05/12/2026)."""
    return _reading().toString(QDate(value.year, value.month, value.day), date_format())


def number_text(value: float, decimals: int = 1) -> str:
    """A number with the locale's decimal sign (4,2 in German)."""
    return QLocale().toString(float(value), "f", decimals)


def date_time_text(value: dt.datetime) -> str:
    """The date in the locale's short form and the time as 24-hour HH:MM (05.12.2026 14:05)."""
    return f"{date_text(value.date())} {value:%H:%M}"


def decimal_sign() -> str:
    """The default locale's decimal sign ("," in German)."""
    return QLocale().decimalPoint()


def short_number(value: float) -> str:
    """A number with as many decimals as it has, in the locale (1,5 in German; 40, not 40,0)."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(float(value), "g", 6)
