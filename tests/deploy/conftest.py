"""The deployment files, loaded once for the tests of tests/deploy/."""
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
K8S = DEPLOY / "k8s"
ASSIGNMENT = re.compile(r"^([A-Z][A-Z0-9_]*)=(.*)$")
DOCUMENTED = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=")


@pytest.fixture(scope="session")
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


@pytest.fixture(scope="session")
def compose_text() -> str:
    return (DEPLOY / "compose.yaml").read_text()


@pytest.fixture(scope="session")
def env_example() -> dict[str, str]:
    """The active assignments of production.env.example."""
    lines = (DEPLOY / "production.env.example").read_text().splitlines()
    return dict(m.groups() for m in map(ASSIGNMENT.match, lines) if m)


@pytest.fixture(scope="session")
def env_documented() -> set[str]:
    """Every name production.env.example writes down, assigned or in a comment (`# NAME=...`)."""
    lines = (DEPLOY / "production.env.example").read_text().splitlines()
    return {m.group(1) for m in map(DOCUMENTED.match, lines) if m}


def load_documents(path: Path) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc is not None]


@pytest.fixture(scope="session")
def k8s_files() -> dict[str, list[dict]]:
    """Every manifest file under deploy/k8s (relative path -> its documents)."""
    return {str(p.relative_to(K8S)): load_documents(p) for p in sorted(K8S.rglob("*.yaml"))}


@pytest.fixture(scope="session")
def k8s_applied(k8s_files) -> list[dict]:
    """The documents `kubectl apply -k deploy/k8s` applies: the kustomization's resources."""
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    return [doc for name in kustomization["resources"] for doc in k8s_files[name]]


@pytest.fixture(scope="session")
def k8s_by_kind(k8s_applied) -> dict[str, dict[str, dict]]:
    by_kind: dict[str, dict[str, dict]] = {}
    for doc in k8s_applied:
        by_kind.setdefault(doc["kind"], {})[doc["metadata"]["name"]] = doc
    return by_kind
