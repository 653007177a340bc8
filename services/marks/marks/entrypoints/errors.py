"""Domain errors of the marks service mapped to HTTP: {DomainError: (status, "CODE")}."""
ERRORS: dict = {}
