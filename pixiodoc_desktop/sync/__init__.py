"""Sync with the clinic's cloud endpoint, without Qt (DESIGN.md §4)."""
