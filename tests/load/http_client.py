"""A requests session that signs in through the real pages, as a browser would, for benchmarks."""
import re
import subprocess
import sys
from http.cookiejar import DefaultCookiePolicy

import requests

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"|name="csrf-token" content="([^"]+)"')


class LoopbackPolicy(DefaultCookiePolicy):
    """The session cookie is Secure; browsers send it to http://localhost, and so do we."""

    def return_ok_secure(self, cookie, request):
        return True


def csrf_token(html: str) -> str:
    found = CSRF.search(html)
    return found.group(1) or found.group(2)


def demo_code(env: dict, email: str) -> str:
    done = subprocess.run([sys.executable, "-m", "identity.cli", "demo-code", email], env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def signed_in_session(base_url: str, email: str, password: str, code_for) -> requests.Session:
    session = requests.Session()
    session.cookies.set_policy(LoopbackPolicy())
    page = session.get(f"{base_url}/sign-in")
    page = session.post(page.url, data={"csrf_token": csrf_token(page.text), "email": email})
    page = session.post(page.url, data={"csrf_token": csrf_token(page.text), "password": password})
    page = session.post(page.url, data={"csrf_token": csrf_token(page.text), "code": code_for(email)})
    if "iamis_session" not in session.cookies:
        raise RuntimeError(f"sign-in failed for {email}: {page.url}")
    session.headers["X-CSRFToken"] = csrf_token(session.get(f"{base_url}/").text)
    return session
