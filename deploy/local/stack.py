"""The whole system on one host: prepare it (keys, migrations, demo data, nginx config) and name its processes.

Used by `make run` (through honcho, in the foreground) and by the end-to-end tests (with PostgreSQL and RabbitMQ).
"""
import os
import secrets
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "deploy" / "nginx"))

from render import foreground_directives, render  # noqa: E402  (deploy/nginx/render.py)

SERVICES = ("identity", "marks", "sampling", "evidence", "reports", "moderation")
BIN = Path(sys.executable).parent
S3_BUCKET = "iamis-evidence"


@dataclass
class Stack:
    var_dir: Path
    port: int = 8000                      # nginx, the only door; the gateway is port+100, services follow
    database_urls: dict = field(default_factory=dict)  # service -> URL; SQLite files when absent
    bus_url: str | None = None            # filesystem:// under var_dir when absent
    bus_namespace: str = "iamis"
    demo: bool = True
    web_concurrency: int = 2
    s3: bool = True
    mail: bool = True                     # a mail catcher takes every email identity sends (invites)
    extra_env: dict = field(default_factory=dict)
    nginx_http_extra: str = ""            # benchmarks put their anchor behind the same nginx
    nginx_server_extra: str = ""

    def service_port(self, name: str) -> int:
        return self.port + 100 + (0 if name == "gateway" else SERVICES.index(name) + 1)

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    @property
    def ports(self) -> list[int]:
        """Every port the stack listens on (nginx, gateway, services, mail catcher, S3)."""
        own = [self.port, *(self.service_port(n) for n in ("gateway", *SERVICES))]
        return own + ([self.smtp_port, self.mail_port] if self.mail else []) + \
            (list(self.s3_ports.values()) if self.s3 else [])

    # `weed mini` opens a port per component and a gRPC port beside each; all of them move with the
    # stack's own port (8110-8118 beside port 8000), so `make run` and a test stack never collide. Its
    # maintenance worker finds the admin server's gRPC port only at the fixed +10000, so that one stays there.
    @property
    def s3_ports(self) -> dict[str, int]:
        """weed's flag -> port."""
        flags = [f"{component}.port{grpc}" for component in ("s3", "master", "volume", "filer")
                 for grpc in ("", ".grpc")] + ["admin.port"]
        ports = {flag: self.port + 110 + offset for offset, flag in enumerate(flags)}
        return ports | {"admin.port.grpc": ports["admin.port"] + 10000}

    @property
    def s3_port(self) -> int:
        return self.s3_ports["s3.port"]

    # The mail catcher's ports move with the stack's own (1025 and 1080 beside port 8000), so `make run`
    # and the end-to-end tests' stack can run side by side.
    @property
    def smtp_port(self) -> int:
        return 1025 + self.port - 8000

    @property
    def mail_port(self) -> int:
        return 1080 + self.port - 8000

    @property
    def mail_url(self) -> str:
        """The mail catcher's page; its REST API is under /messages/ (iamis_shared.testing.Mailbox reads it)."""
        return f"http://127.0.0.1:{self.mail_port}"

    def env(self, name: str | None = None) -> dict:
        env = dict(os.environ, IAMIS_VAR_DIR=str(self.var_dir), BUS_NAMESPACE=self.bus_namespace,
                   BUS_URL=self.bus_url or f"filesystem://{self.var_dir / 'bus'}",
                   IAMIS_DEMO="1" if self.demo else "0", PYTHONUNBUFFERED="1",
                   IDENTITY_URL=f"http://127.0.0.1:{self.service_port('identity')}",
                   MARKS_URL=f"http://127.0.0.1:{self.service_port('marks')}",
                   SAMPLING_URL=f"http://127.0.0.1:{self.service_port('sampling')}",
                   EVIDENCE_URL=f"http://127.0.0.1:{self.service_port('evidence')}",
                   MODERATION_URL=f"http://127.0.0.1:{self.service_port('moderation')}",
                   SMTP_HOST="127.0.0.1", SMTP_PORT=str(self.smtp_port), PUBLIC_URL=self.url, **self.extra_env)
        if name in SERVICES:
            env["DATABASE_URL"] = self.database_urls.get(name, f"sqlite:///{self.var_dir / 'data' / name}.db")
        if name == "evidence" and self.s3:
            env.update(self.s3_env())
        if name is not None:
            env.update(BIND=f"127.0.0.1:{self.service_port(name)}", WEB_CONCURRENCY=str(self.web_concurrency),
                       PROMETHEUS_MULTIPROC_DIR=str(self.var_dir / "metrics" / name))
        return env

    def prepare(self) -> None:
        """Everything before the processes start; safe to run again (data is kept)."""
        from iamis_shared.tokens import generate_keypair

        keys = self.var_dir / "keys"
        generate_keypair(keys / "token_private.pem", keys / "token_public.pem")
        secret = keys / "gateway_secret"
        if not secret.exists():
            secret.write_text(secrets.token_hex(32))
            secret.chmod(0o600)
        for folder in ("data", "logs", "nginx/logs", "nginx/temp", "s3"):
            (self.var_dir / folder).mkdir(parents=True, exist_ok=True)
        for name in (*SERVICES, "gateway"):
            metrics = self.var_dir / "metrics" / name
            metrics.mkdir(parents=True, exist_ok=True)
            for stale in metrics.glob("*.db"):  # multiprocess files of an earlier run
                stale.unlink()
        if self.s3:
            self._write_s3_config()
        for name in SERVICES:
            self._run([BIN / "python", "-m", "iamis_shared.cli", name, "migrate"], name)
        if self.demo:
            self._run([BIN / "python", "-m", "identity.cli", "seed-demo"], "identity")
            self._run([BIN / "python", "-m", "marks.cli", "seed-demo"], "marks")
            self._run([BIN / "python", "-m", "moderation.cli", "seed-demo"], "moderation")
        self._write_nginx_conf()

    def _run(self, argv, name) -> None:
        subprocess.run([str(a) for a in argv], env=self.env(name), check=True, cwd=REPO)

    def _write_nginx_conf(self) -> None:
        values = {"PREFIX": str(self.var_dir / "nginx"), "LISTEN": f"127.0.0.1:{self.port}",
                  "GATEWAY": f"127.0.0.1:{self.service_port('gateway')}", "S3": f"127.0.0.1:{self.s3_port}",
                  "S3_BUCKET": S3_BUCKET}
        values.update({s.upper(): f"127.0.0.1:{self.service_port(s)}" for s in SERVICES})
        conf = render(REPO / "deploy" / "nginx" / "iamis.conf.template", values)
        conf = conf.replace("    server {\n", self.nginx_http_extra + "    server {\n", 1)
        conf = conf.replace("        location /api/ {\n", self.nginx_server_extra + "        location /api/ {\n", 1)
        (self.var_dir / "nginx" / "nginx.conf").write_text(conf)

    def s3_env(self) -> dict:
        """What the evidence service needs to reach the object store (keys written by prepare())."""
        import json

        creds = json.loads((self.var_dir / "keys" / "s3").read_text())
        return {"S3_ENDPOINT": f"127.0.0.1:{self.s3_port}", "S3_ACCESS_KEY": creds["access_key"],
                "S3_SECRET_KEY": creds["secret_key"], "S3_BUCKET": S3_BUCKET, "S3_REGION": "us-east-1",
                "S3_SECURE": "0"}

    def _write_s3_config(self) -> None:
        import json

        keys = self.var_dir / "keys" / "s3"
        if not keys.exists():
            keys.write_text(json.dumps({"access_key": "iamis", "secret_key": secrets.token_hex(20)}))
            keys.chmod(0o600)
        creds = json.loads(keys.read_text())
        config = {"identities": [{"name": "iamis", "credentials": [
            {"accessKey": creds["access_key"], "secretKey": creds["secret_key"]}], "actions": ["Admin", "Read",
                                                                                                "Write", "List"]}]}
        (self.var_dir / "s3.json").write_text(json.dumps(config))

    def processes(self) -> dict[str, tuple[str, dict]]:
        """name -> (shell command, environment)."""
        nginx = self.var_dir / "nginx"
        procs = {"nginx": (f"exec /usr/sbin/nginx -c {nginx / 'nginx.conf'} -p {nginx} -g '{foreground_directives()}'",
                           self.env())}
        gunicorn = f"exec {BIN / 'gunicorn'} -c python:iamis_shared.gunicorn_conf"
        procs["gateway"] = (f"{gunicorn} 'gateway:create_app()'", self.env("gateway"))
        for name in SERVICES:
            procs[name] = (f"{gunicorn} '{name}:create_app()'", self.env(name))
            procs[f"{name}-worker"] = (f"exec {BIN / 'python'} -m iamis_shared.cli {name} worker", self.env(name))
        if self.mail:
            procs["mail"] = (f"exec {BIN / 'maildump'} -f -n --smtp-ip 127.0.0.1 --smtp-port {self.smtp_port} "
                             f"--http-ip 127.0.0.1 --http-port {self.mail_port} "
                             f"--db {self.var_dir / 'data' / 'mail.db'}", self.env())
        if self.s3:
            ports = " ".join(f"-{flag}={port}" for flag, port in self.s3_ports.items())
            procs["s3"] = (f"exec {BIN / 'weed'} mini -dir={self.var_dir / 's3'} -ip=127.0.0.1 -ip.bind=127.0.0.1 "
                           f"-master.telemetry=false {ports} -s3.port.iceberg=0 -s3.port.lance=0 "
                           f"-s3.config={self.var_dir / 's3.json'} -bucket={S3_BUCKET} -webdav=false -admin.ui=false",
                           dict(self.env(), GOMEMLIMIT="512MiB"))
        return procs
