"""The workstation GUI: the only part of PixioDoc that imports PySide6."""
