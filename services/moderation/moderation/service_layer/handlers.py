"""Use cases of the moderation service, as plain functions over a unit of work."""
