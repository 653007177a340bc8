"""The moderation domain: moderator allocations, reviews, clerical errors, further samples, moderator reports.

Plain classes only (no Flask, no SQLAlchemy); they arrive with the features that need them.
"""
