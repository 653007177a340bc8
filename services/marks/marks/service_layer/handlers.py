"""Use cases of the marks service, as plain functions over a unit of work."""
