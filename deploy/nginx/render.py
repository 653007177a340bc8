"""Fill the IAMIS nginx template: `python deploy/nginx/render.py OUT KEY=VALUE ...`.

Only ${NAME} in capitals is a placeholder; nginx's own $variables are left as they are. Those in DEFAULTS
may be left out.
"""
import os
import re
import string
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().with_name("iamis.conf.template")
# Values become part of directives: refuse anything that could end one (";", "{", spaces, quotes).
SAFE_VALUE = re.compile(r"^[A-Za-z0-9_.:/\[\]-]+$")
DEFAULTS = {"S3_BUCKET": "iamis-evidence"}  # the evidence bucket, as the evidence service's S3_BUCKET


class NginxTemplate(string.Template):
    pattern = r"""
    \$(?:
      (?P<escaped>(?!))                |
      (?P<named>(?!))                  |
      {(?P<braced>[A-Z][A-Z0-9_]*)}    |
      (?P<invalid>(?!))
    )
    """


def placeholders(text: str) -> set[str]:
    return set(NginxTemplate(text).get_identifiers())


def render(template_path, values: dict) -> str:
    """The template with every placeholder filled; ValueError naming what is missing or unsafe."""
    text = Path(template_path).read_text()
    values = {**DEFAULTS, **values}
    missing = sorted(placeholders(text) - set(values))
    if missing:
        raise ValueError(f"no value given for {', '.join(missing)}")
    unsafe = sorted(k for k, v in values.items() if not SAFE_VALUE.match(str(v)))
    if unsafe:
        raise ValueError(f"unsafe characters in the value of {', '.join(unsafe)} "
                         "(expected host:port or a path without spaces)")
    cleaned = {k: str(v).rstrip("/") if k == "PREFIX" else str(v) for k, v in values.items()}
    return NginxTemplate(text).substitute(cleaned)


def foreground_directives() -> str:
    """The -g directives for nginx as a plain foreground process.

    Started by root (a developer machine, CI), nginx would run its workers as "nobody", who cannot
    write the auth cache under a prefix inside a private directory; its workers then stay root's.
    """
    return "daemon off;" + (" user root;" if os.geteuid() == 0 else "")


def main(argv: list[str]) -> int:
    if len(argv) < 2 or any("=" not in arg for arg in argv[1:]):
        print("usage: python deploy/nginx/render.py OUT KEY=VALUE ...", file=sys.stderr)
        return 2
    values = dict(arg.split("=", 1) for arg in argv[1:])
    try:
        rendered = render(TEMPLATE, values)
    except ValueError as error:
        print(f"render.py: {error}", file=sys.stderr)
        return 2
    Path(argv[0]).write_text(rendered)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
