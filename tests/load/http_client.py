"""A requests session that signs in through the real pages, as a browser would, for benchmarks.

requests never sends a Secure cookie over plain http, so the benchmark's gateway runs with
SESSION_COOKIE_SECURE=0 (browsers send Secure cookies to loopback; requests does not).
"""
import re
import subprocess
import sys
import requests

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"|name="csrf-token" content="([^"]+)"')


def csrf_token(html: str) -> str:
    found = CSRF.search(html)
    return found.group(1) or found.group(2)


def demo_code(env: dict, email: str) -> str:
    done = subprocess.run([sys.executable, "-m", "identity.cli", "demo-code", email], env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def signed_in_session(base_url: str, email: str, password: str, code_for) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base_url}/sign-in")
    page = session.post(page.url, data={"csrf_token": csrf_token(page.text), "email": email})
    page = session.post(page.url, data={"csrf_token": csrf_token(page.text), "password": password})
    page = session.post(page.url, data={"csrf_token": csrf_token(page.text), "code": code_for(email)})
    home = session.get(f"{base_url}/")
    if "/sign-in" in home.url:
        raise RuntimeError(f"sign-in failed for {email}")
    session.headers["X-CSRFToken"] = csrf_token(home.text)
    return session
