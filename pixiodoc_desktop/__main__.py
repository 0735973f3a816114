"""`python -m pixiodoc_desktop` runs the same entry point as `pixiodoc`."""

from pixiodoc_desktop.cli import main

raise SystemExit(main())
