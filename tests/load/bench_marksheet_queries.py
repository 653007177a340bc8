"""A marksheet of 1,000 candidates against one of 100: SQL statements per read and median read time.

    .venv/bin/python tests/load/bench_marksheet_queries.py [--reads 30]

Seeds a throwaway PostgreSQL database through the marks API (entries, then half of them marked by an
import), reads each marksheet with rows=all through the Flask app, and prints the statement counts
(target: equal, <= 10) and the time ratio (target: <= 12). Named bench_*.py so pytest does not collect it.
"""
import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

import marks
from iamis_shared.migrations import upgrade
from iamis_shared.testing import create_database, drop_database
from iamis_shared.tokens import TokenIssuer, generate_keypair

API = "/api/marks/v1"
SIZES = {"68101": 100, "68102": 1000}
SURNAMES = ("Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Price")


def headers(issuer: TokenIssuer, **claims) -> dict:
    claims = {"sub": "bench", "kind": "user", "name": "Bench", "email": "bench@example.org", **claims}
    return {"Authorization": f"Bearer {issuer.issue('marks', claims, ttl=3600)}"}


def seed(client, issuer: TokenIssuer) -> int:
    staff = headers(issuer, account_type="board_staff")
    series = client.post(f"{API}/series", headers=staff, json={"name": "BENCH 2027", "results_day": "2027-08-19"}).json
    unit = client.post(f"{API}/series/{series['id']}/units", headers=staff, json={
        "code": "3700U1", "title": "ENGLISH LANGUAGE UNIT 1 ORACY", "kind": "marks", "deadline": "2027-11-05",
        "tasks": [{"name": "Task 1", "max": 40}, {"name": "Task 2", "max": 40}], "initials_required": True}).json
    for centre, size in SIZES.items():
        entries = [{"centre": centre, "candidate_number": str(1000 + n), "surname": SURNAMES[n % 10],
                    "forename": "Carys", "date_of_birth": "2010-01-02"} for n in range(size)]
        loaded = client.post(f"{API}/units/{unit['id']}/entries", headers=staff, json={"entries": entries})
        assert loaded.status_code == 200, loaded.json
        rows = "".join(f"{1000 + n},{n % 41},{n % 37},AB\n" for n in range(0, size, 2))
        teacher = headers(issuer, account_type="user", centres=[centre], permissions=["iamis"])
        imported = client.post(f"{API}/centres/{centre}/units/{unit['id']}/import", headers=teacher,
                               content_type="multipart/form-data", data={"file": (io.BytesIO(
                                   ("candidate_number,Task 1,Task 2,initials\n" + rows).encode()), "m.csv")})
        assert imported.status_code == 200, imported.json
    return unit["id"]


def measure(client, engine, issuer: TokenIssuer, unit_id: int, centre: str, reads: int) -> tuple[int, float]:
    """(statements per read, median seconds per read)."""
    path = f"{API}/centres/{centre}/units/{unit_id}/marksheet?rows=all"
    teacher = headers(issuer, account_type="user", centres=[centre], permissions=["iamis"])
    statements = []

    def count(*_):
        statements.append(1)

    event.listen(engine, "before_cursor_execute", count)
    response = client.get(path, headers=teacher)
    event.remove(engine, "before_cursor_execute", count)
    assert response.status_code == 200 and len(response.json["rows"]) == SIZES[centre]
    per_read = len(statements)
    times = []
    for _ in range(reads):
        started = time.perf_counter()
        client.get(path, headers=teacher)
        times.append(time.perf_counter() - started)
    return per_read, statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=30)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    generate_keypair(folder / "private.pem", folder / "public.pem")
    issuer = TokenIssuer((folder / "private.pem").read_bytes())
    url = create_database("iamis_bench_marks")
    try:
        upgrade(Path(marks.__file__).parent / "migrations", url)
        app = marks.create_app({"DATABASE_URL": url, "TOKEN_PUBLIC_KEY": (folder / "public.pem").read_bytes()})
        client = app.test_client()
        unit_id = seed(client, issuer)
        engine = app.extensions["iamis_engine"]
        results = {c: measure(client, engine, issuer, unit_id, c, args.reads) for c in SIZES}
        engine.dispose()
    finally:
        drop_database(url)
    (small_n, small_t), (large_n, large_t) = results["68101"], results["68102"]
    print(f"marksheet of  100 candidates: {small_n} SQL statements, median {small_t * 1000:.1f} ms")
    print(f"marksheet of 1000 candidates: {large_n} SQL statements, median {large_t * 1000:.1f} ms")
    ratio = large_t / small_t
    print(f"time ratio 1000/100: {ratio:.1f} (target <= 12); statements equal and <= 10: "
          f"{'yes' if small_n == large_n <= 10 else 'NO'}")
    return 0 if small_n == large_n <= 10 and ratio <= 12 else 1


if __name__ == "__main__":
    sys.exit(main())
