"""Which events the evidence service handles; the queue's bindings are in iamis_shared.bus.topology."""
HANDLERS: dict = {}
