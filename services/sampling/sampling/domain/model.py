"""The sampling domain: moderation samples: system, centre-added, moderator-requested, substitutes.

Plain classes only (no Flask, no SQLAlchemy); they arrive with the features that need them.
"""
