"""The demo clinic: synthetic patients and photos, so that a newcomer, the tests and the
benchmarks have a living practice to look at without a single real patient photo."""
