"""Domain errors of the evidence service mapped to HTTP: {DomainError: (status, "CODE")}."""
ERRORS: dict = {}
