"""The Qt half of `pixiodoc --self-check`: Qt starts offscreen and finds what it ships with.

A frozen bundle that lost a plugin, a form, the theme or a translation fails
here rather than on a clinician's screen. PySide6 is imported inside the
function so that the command line stays Qt-free until the check runs.
"""

from __future__ import annotations

REQUIRED_IMAGE_FORMATS = ("jpeg", "png", "svg")


def qt_self_check() -> str:
    """Start Qt offscreen, build a Designer form (the first run's) with theme and German translation, paint it."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QImageReader
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication, QWidget

    from pixiodoc_desktop.gui.forms import load_form
    from pixiodoc_desktop.gui.i18n import Translators
    from pixiodoc_desktop.gui.theme import apply_theme, icon

    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(["pixiodoc", "-platform", "offscreen"])
    )
    formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    missing = [name for name in REQUIRED_IMAGE_FORMATS if name not in formats]
    if missing:
        raise RuntimeError(f"Qt cannot read {', '.join(missing)} images (image format plugins)")
    translators = Translators()
    try:
        if not translators.install("de"):
            raise RuntimeError("The German translation is missing")
        apply_theme(app, "light")
        if icon("app", "light").isNull():
            raise RuntimeError("The application icon could not be rendered (SVG icons)")
        host = QWidget()
        try:
            load_form("first_run", host)
            host.resize(560, 420)
            if host.grab().isNull():
                raise RuntimeError("The first-run form could not be painted")
        finally:
            host.deleteLater()
        QPrinter()  # print support loads
    finally:
        translators.remove()
    return (
        f"Qt {pyside_version} on {app.platformName()}: first-run form, theme, icons, "
        f"German translation, image formats {', '.join(REQUIRED_IMAGE_FORMATS)}"
    )
