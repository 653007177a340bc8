"""Fixtures: the gateway under test, wired to the in-memory identity of gateway.testing."""
import importlib.util
import socket
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

# pytest (importlib mode) names these files "gateway.tests.…" and, loading this one first, registers the
# project folder as an empty namespace package "gateway" that hides the installed package: drop it, so
# the imports in the fixtures and in the test modules find the package itself.
if getattr(sys.modules.get("gateway"), "__file__", None) is None:
    sys.modules.pop("gateway", None)

TRANSLATIONS = Path(__file__).resolve().parents[1] / "gateway" / "translations"
RENDER_PY = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "render.py"
UPSTREAMS = ("GATEWAY", "IDENTITY", "MARKS", "SAMPLING", "EVIDENCE", "REPORTS", "MODERATION", "S3")


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory):
    """The Welsh catalogue compiled as `make` compiles it, into a folder of the tests' own."""
    folder = tmp_path_factory.mktemp("translations")
    target = folder / "cy" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with open(TRANSLATIONS / "cy" / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalogue = read_po(po, locale="cy")
    with open(target / "messages.mo", "wb") as mo:
        write_mo(mo, catalogue)
    return folder


@pytest.fixture
def identity(token_keys):
    from gateway.testing import FakeIdentity
    return FakeIdentity(token_keys[1])


@pytest.fixture
def marks(token_keys):
    from gateway.testing.fake_marks import FakeMarks
    return FakeMarks(token_keys[1])


@pytest.fixture
def sampling(token_keys, marks):
    from gateway.testing.fake_sampling import FakeSampling
    return FakeSampling(token_keys[1], marks)


@pytest.fixture
def evidence(token_keys, sampling):
    """The fake evidence service; a module may replace it with a fake of its own."""
    from gateway.testing.fake_evidence import FakeEvidence
    return FakeEvidence(token_keys[1], sampling)


@pytest.fixture
def moderation(token_keys):
    """The fake moderation service (allocations and further samples); a module may replace it with its own."""
    from gateway.testing.fake_further_samples import FakeFurtherSamples
    return FakeFurtherSamples(token_keys[1])


@pytest.fixture
def app_config(identity, marks, sampling, token_keys, compiled_translations, request):
    config = {"TESTING": True, "SECRET_KEY": "test secret", "TOKEN_PRIVATE_KEY": token_keys[0],
              "IDENTITY_HTTP": identity, "MARKS_HTTP": marks, "SAMPLING_HTTP": sampling, "AUTH_CACHE_SECONDS": 0,
              "BABEL_TRANSLATION_DIRECTORIES": str(compiled_translations)}
    # Only a test that uses `evidence` or `moderation` (or whose module says `usefixtures(...)`) talks to the fake.
    if "evidence" in request.fixturenames:
        config["EVIDENCE_HTTP"] = request.getfixturevalue("evidence")
    if "moderation" in request.fixturenames:
        config["MODERATION_HTTP"] = request.getfixturevalue("moderation")
    return config


@pytest.fixture
def app(app_config):
    from gateway import create_app
    return create_app(app_config)


@pytest.fixture
def browser(app):
    from gateway.testing import Browser
    return Browser(app.test_client())


@pytest.fixture
def teacher(identity):
    return identity.add_user("teacher@school.example")


@pytest.fixture
def teacher_browser(browser, teacher):
    """A browser signed in as the centre's teacher."""
    browser.sign_in(teacher["email"])
    return browser


@pytest.fixture(scope="session")
def render_nginx():
    """render(values) -> nginx.conf text, through deploy/nginx/render.py as the launcher calls it."""
    spec = importlib.util.spec_from_file_location("iamis_nginx_render", RENDER_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def render(values):
        return module.render(RENDER_PY.with_name("iamis.conf.template"), values)

    render.foreground_directives = module.foreground_directives
    return render


@pytest.fixture(scope="session")
def nginx_values():
    """values(prefix, **overrides): every placeholder, upstreams on free loopback ports."""
    def values(prefix: Path, **overrides) -> dict:
        chosen = {name: f"127.0.0.1:{_free_port()}" for name in (*UPSTREAMS, "LISTEN")}
        return dict(chosen, PREFIX=str(prefix), **overrides)
    return values


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
