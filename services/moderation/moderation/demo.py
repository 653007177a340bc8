"""The demo's moderator allocation: the demo moderator moderates centre 68101; safe to load twice."""
from datetime import datetime

from .service_layer.handlers import allocate_if_missing

SEEDER = "demo-data"
DEMO_ALLOCATIONS = (("68101", "moderator@board.example", "Mared Hughes"),)


def seed_demo(make_uow, now: datetime) -> list[str]:
    """Add whichever demo allocation is missing; returns what was added."""
    added = []
    for centre, email, name in DEMO_ALLOCATIONS:
        if allocate_if_missing(make_uow(), SEEDER, centre, email, name, now) is not None:
            added.append(f"{email} to {centre}")
    return added
