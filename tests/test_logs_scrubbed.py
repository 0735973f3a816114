"""The log file never carries an exception's message, whoever formatted the record first."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from pixiodoc_desktop.logs import ScrubbedFormatter


def test_scrubbed_even_after_another_handler_cached_the_traceback(tmp_path: Path) -> None:
    patient_file = "Müller_arm.jpg of Jürgen Müller"  # data, not code: frames show code only
    try:
        raise ValueError(patient_file)
    except ValueError:
        record = logging.getLogger("t").makeRecord(
            "t", logging.ERROR, __file__, 1, "failed", None, exc_info=sys.exc_info()
        )
    plain = logging.Formatter().format(record)  # e.g. a console handler, first in line
    assert "Müller" in plain and record.exc_text
    scrubbed = ScrubbedFormatter().format(record)
    assert "Müller" not in scrubbed
    assert "ValueError" in scrubbed
