"""deploy/nginx/render.py fills the template into a config nginx accepts."""
import subprocess
import sys
from pathlib import Path

import pytest

NGINX = "/usr/sbin/nginx"
RENDER_PY = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "render.py"


def test_rendered_template_passes_nginx_t(tmp_path, render_nginx, nginx_values):
    conf = tmp_path / "nginx.conf"
    conf.write_text(render_nginx(nginx_values(tmp_path)))
    result = subprocess.run([NGINX, "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert "${" not in conf.read_text()


def test_render_names_a_missing_value_and_refuses_unsafe_ones(tmp_path, render_nginx, nginx_values):
    values = nginx_values(tmp_path)
    with pytest.raises(ValueError, match="MARKS"):
        render_nginx({k: v for k, v in values.items() if k != "MARKS"})
    with pytest.raises(ValueError, match="GATEWAY"):
        render_nginx(dict(values, GATEWAY="127.0.0.1:1; include /etc/passwd"))


def test_render_command_line_writes_the_file(tmp_path, nginx_values):
    out, values = tmp_path / "out.conf", nginx_values(tmp_path)
    subprocess.run([sys.executable, str(RENDER_PY), str(out), *[f"{k}={v}" for k, v in values.items()]],
                   check=True)
    rendered = out.read_text()
    assert f"listen {values['LISTEN']};" in rendered
    assert f"upstream iamis_marks      {{ server {values['MARKS']};" in rendered
    assert f"pid {tmp_path}/nginx.pid;" in rendered
