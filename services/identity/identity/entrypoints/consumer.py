"""Identity reads no events: it is the source of who users are, not a follower of anyone else."""
HANDLERS: dict = {}
