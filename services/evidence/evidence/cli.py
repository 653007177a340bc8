"""`python -m evidence.cli create-bucket`: the evidence bucket in the object store, if it is missing.

Safe to repeat; waits up to --wait seconds for the store to answer (it may be starting beside us).
"""
import argparse
import sys
import time

from .domain.errors import StorageUnavailable
from .settings import object_store, storage_settings

NOT_CONFIGURED, UNREACHABLE = 2, 3


def create_bucket_command(settings: dict, args) -> int:
    store = object_store(settings)
    if store is None:
        print("Refused: set S3_ENDPOINT (and S3_ACCESS_KEY, S3_SECRET_KEY) first.", file=sys.stderr)
        return NOT_CONFIGURED
    deadline = time.monotonic() + args.wait
    while True:
        try:
            created = store.ensure_bucket()
            break
        except StorageUnavailable:
            if time.monotonic() > deadline:
                print(f"The object store at {settings['S3_ENDPOINT']} did not answer.", file=sys.stderr)
                return UNREACHABLE
            time.sleep(1)
    print(f"Bucket {store.bucket} {'created' if created else 'already present'}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evidence.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-bucket", help="create the evidence bucket if it is missing")
    create.add_argument("--wait", type=float, default=60, help="seconds to wait for the store (default 60)")
    args = parser.parse_args(argv)
    return {"create-bucket": create_bucket_command}[args.command](storage_settings(), args)


if __name__ == "__main__":
    sys.exit(main())
