"""Use cases of the evidence service, as plain functions over a unit of work."""
