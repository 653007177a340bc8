"""Use cases of the sampling service, as plain functions over a unit of work."""
