"""Which events the marks service handles; the queue's bindings are in iamis_shared.bus.topology."""
HANDLERS: dict = {}
