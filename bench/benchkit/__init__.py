"""Helpers of bench/startup.py: launchers, measuring instruments and the report."""
