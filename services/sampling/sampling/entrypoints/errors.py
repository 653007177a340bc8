"""Domain errors of the sampling service mapped to HTTP: {DomainError: (status, "CODE")}."""
ERRORS: dict = {}
