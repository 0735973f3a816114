"""Light and dark themes: a stylesheet template with variables, and recoloured SVG icons.

`ui/<theme>.qss` holds the stylesheet; `@name` tokens are replaced by the
palette below (the longest names first, so `@text-muted` is not cut short
by `@text`). Icons are single-colour SVGs drawn in `currentColor`, rendered
in the theme's icon colour at several sizes so they stay crisp on high-DPI
screens.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from pixiodoc_desktop.gui.resources import ICONS_DIR, UI_DIR

PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f4f6f8",
        "surface": "#ffffff",
        "surface-alt": "#eef1f4",
        "text": "#1f2933",
        "text-muted": "#5f6b7a",
        "border": "#d5dbe1",
        "accent": "#2f6f8f",
        "accent-text": "#ffffff",
        "accent-soft": "#d9e9f1",
        "danger": "#b3261e",
        "ok": "#2e7d4f",
        "placeholder": "#e3e7eb",
        "icon": "#3d4a58",
    },
    "dark": {
        "window": "#1a1e23",
        "surface": "#22272e",
        "surface-alt": "#2a3038",
        "text": "#e3e7ec",
        "text-muted": "#9aa5b1",
        "border": "#363d46",
        "accent": "#5ea7c8",
        "accent-text": "#0f1419",
        "accent-soft": "#27404d",
        "danger": "#f2837b",
        "ok": "#7cc79a",
        "placeholder": "#2e353e",
        "icon": "#c9d1da",
    },
}


def palette(theme: str) -> dict[str, str]:
    return PALETTES.get(theme, PALETTES["light"])


def color(theme: str, name: str) -> QColor:
    return QColor(palette(theme)[name])


def stylesheet(theme: str) -> str:
    template = (UI_DIR / f"{theme if theme in PALETTES else 'light'}.qss").read_text("utf-8")
    values = palette(theme)
    template = template.replace("@icons", ICONS_DIR.as_posix())
    for name in sorted(values, key=len, reverse=True):
        template = template.replace(f"@{name}", values[name])
    return template


def apply_theme(app: QApplication, theme: str) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet(theme))
    app.setProperty("pixiodoc_theme", theme)


def current_theme() -> str:
    app = QApplication.instance()
    value = app.property("pixiodoc_theme") if app is not None else None
    return value if isinstance(value, str) else "light"


@lru_cache(maxsize=128)
def _svg(name: str, tint: str) -> QByteArray:
    text = (ICONS_DIR / f"{name}.svg").read_text("utf-8").replace("currentColor", tint)
    return QByteArray(text.encode("utf-8"))


def icon(name: str, theme: str | None = None) -> QIcon:
    """A theme-coloured icon rendered for 1x, 1.5x and 2x screens."""
    tint = palette(theme or current_theme())["icon"]
    renderer = QSvgRenderer(_svg(name, tint))
    result = QIcon()
    for size in (16, 20, 24, 32, 48, 64):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result
