"""Which events the sampling service handles; the queue's bindings are in iamis_shared.bus.topology."""
HANDLERS: dict = {}
