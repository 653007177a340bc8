"""production.env.example names every setting, compose reads only what it names, and nothing secret is real."""
import re
import subprocess
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
INTERPOLATION = re.compile(r"\$\{([A-Z][A-Z0-9_]*)(?:[:?\-][^}]*)?\}")
# env("X", ...), env_int("X", ...), env_bool(...), os.environ.get("X"), os.environ["X"], os.getenv("X")
ENV_READ = re.compile(r"""(?:\benv(?:_int|_bool)?\(|os\.environ\.get\(|os\.getenv\(|os\.environ\[)"""
                      r"""\s*["']([A-Z][A-Z0-9_]*)["']""")
PLACEHOLDER = "change-me"
PRIVATE_KEY = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/=]{16,}")


def code_files():
    for root in (REPO / "services", REPO / "gateway"):
        for path in root.rglob("*.py"):
            parts = set(path.relative_to(REPO).parts)
            if "tests" in parts or path.name in {"testing.py", "conftest.py"} or ".egg-info" in str(path):
                continue
            yield path


def test_every_variable_compose_interpolates_is_set_in_the_example(compose_text, env_example):
    used = set(INTERPOLATION.findall(compose_text))
    assert used, "compose interpolates nothing: the pattern no longer matches"
    assert used - set(env_example) == set()


def test_every_example_setting_is_used_by_compose_or_written_down_for_kubernetes(compose_text, env_example):
    config = yaml.safe_load((DEPLOY / "k8s" / "config.yaml").read_text())["data"]
    unused = {name for name in env_example if f"${{{name}" not in compose_text and name not in config}
    assert unused == set()


def test_every_variable_the_code_reads_is_written_down_in_the_example(env_documented):
    read = {name: path for path in code_files() for name in ENV_READ.findall(path.read_text())}
    assert read, "no environment read found: the pattern no longer matches the code"
    missing = {name: str(path.relative_to(REPO)) for name, path in read.items() if name not in env_documented}
    assert missing == {}, "add these to deploy/production.env.example"


def test_the_kubernetes_config_sets_only_documented_names(env_documented):
    config = yaml.safe_load((DEPLOY / "k8s" / "config.yaml").read_text())["data"]
    assert set(config) - env_documented == {"S3_UPSTREAM"}


def test_passwords_and_secrets_in_the_example_are_placeholders(env_example):
    secret_names = [n for n in env_example if re.search(r"PASSWORD|SECRET", n)]
    assert secret_names
    for name in secret_names:
        assert PLACEHOLDER in env_example[name], f"{name} must be a {PLACEHOLDER} placeholder"


def test_compose_takes_every_password_and_secret_from_the_environment(compose):
    for name, service in compose["services"].items():
        for key, value in (service.get("environment") or {}).items():
            if re.search(r"PASSWORD|SECRET", key) and not key.endswith("_FILE"):
                assert INTERPOLATION.fullmatch(str(value)), f"{name}: {key} is written into compose.yaml"
            if key in {"DATABASE_URL", "BUS_URL"}:
                credentials = str(value).split("//", 1)[1].split("@", 1)[0]
                assert INTERPOLATION.search(credentials.split(":", 1)[1]), f"{name}: {key} password"


def test_secret_examples_hold_only_placeholders(k8s_files):
    secrets = [d for d in k8s_files["secrets.example.yaml"] if d["kind"] == "Secret"]
    assert secrets
    for secret in secrets:
        assert "data" not in secret, "use stringData so a placeholder is visible as one"
        for key, value in secret["stringData"].items():
            assert PLACEHOLDER in value, f"{secret['metadata']['name']}/{key} is not a placeholder"
    for doc in (d for docs in k8s_files.values() for d in docs):
        assert doc["kind"] != "Secret" or doc in secrets, "a Secret outside secrets.example.yaml"


def test_no_private_key_material_in_any_file_git_would_commit():
    # Files the operator makes on a host (deploy/secrets/, deploy/production.env) are ignored by git.
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "deploy", "Dockerfile"],
                            cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    assert "deploy/compose.yaml" in listed
    for name in listed:
        path = REPO / name
        if path.is_file():
            assert not PRIVATE_KEY.search(path.read_text(errors="replace")), name
