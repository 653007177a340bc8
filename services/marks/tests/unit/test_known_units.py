"""The units a process keeps: never more than its bound, the longest known dropped first."""
from datetime import date

from marks.adapters.unit_repository import KnownUnits
from marks.domain.units import MARKS, Series, Unit


def unit(unit_id):
    return Unit(series=Series("GCSE JUNE 2025", date(2027, 8, 19), id=1), code=f"U{unit_id}", title="UNIT",
                kind=MARKS, deadline=date(2027, 5, 15), id=unit_id)


def test_a_full_cache_drops_the_unit_it_has_known_longest():
    known = KnownUnits(size=2)
    for unit_id in (1, 2, 3):
        known.keep(unit(unit_id))
    assert [known.get(unit_id) and known.get(unit_id).code for unit_id in (1, 2, 3)] == [None, "U2", "U3"]
