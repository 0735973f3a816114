"""Qt item models that wrap service results; views own no data."""
