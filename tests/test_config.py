"""Settings read from TOML: a value of the wrong kind is refused by name, never reinterpreted."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pixiodoc_desktop.config import Settings, load_settings, save_settings
from pixiodoc_desktop.errors import InvalidInput


def test_true_is_not_one_minute_of_auto_lock(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'version = 2\nauto_lock_minutes = true\nthumbnail_cache_mb = 512\nlanguage = "de"\n',
        "utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="pixiodoc_desktop.config"):
        settings = load_settings(path)
    assert settings.auto_lock_minutes == 5  # the default, not True == 1
    assert settings.thumbnail_cache_mb == 512 and settings.language == "de"  # the rest kept
    assert [r.getMessage() for r in caplog.records] == [
        f"Settings file {path}: auto_lock_minutes must be a whole number, not true; using 5"
    ]


def test_a_bool_where_a_number_belongs_is_never_saved(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="auto_lock_minutes must be a whole number"):
        save_settings(Settings(auto_lock_minutes=True), tmp_path / "settings.toml")
    assert not (tmp_path / "settings.toml").exists()
    save_settings(Settings(auto_lock_minutes=7), tmp_path / "settings.toml")
    assert load_settings(tmp_path / "settings.toml").auto_lock_minutes == 7
