"""Domain errors of the moderation service mapped to HTTP: {DomainError: (status, "CODE")}."""
ERRORS: dict = {}
