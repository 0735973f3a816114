"""Cameras and tethered cameras, without Qt: OpenCV sources, a live preview mailbox,
quality checks, still capture into the vault, and a watched hot folder."""
