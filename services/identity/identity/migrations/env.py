from iamis_shared.migrations import run_env
from identity.adapters.orm import metadata

run_env(metadata, version_table="alembic_version_identity")
