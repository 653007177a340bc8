"""The evidence domain: evidence files (bytes in S3-compatible storage), upload sessions, notes to the moderator.

Plain classes only (no Flask, no SQLAlchemy); they arrive with the features that need them.
"""
