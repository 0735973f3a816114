"""Hand-written widgets of the workstation GUI."""
