"""The marks domain: series, units, entries, marks and outcomes, submissions.

Plain classes only (no Flask, no SQLAlchemy); they arrive with the features that need them.
"""
