"""Domain errors of the reports service mapped to HTTP (none yet beyond the generic ones)."""
ERRORS: dict = {}
