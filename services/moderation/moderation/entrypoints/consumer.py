"""Which events the moderation service handles; the queue's bindings are in iamis_shared.bus.topology."""
HANDLERS: dict = {}
