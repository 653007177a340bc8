# The edge: nginx as a plain, non-root process whose config is rendered from
# deploy/nginx/iamis.conf.template when the container starts (upstreams differ between compose and Kubernetes).
#
#   docker build -f deploy/nginx.Dockerfile -t iamis-nginx .
#
# Python is here only for deploy/nginx/render.py. Debian's nginx has the auth_request module the edge needs.
FROM python:3.11-slim-bookworm

RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx-light \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --no-create-home --home-dir /nonexistent iamis

COPY deploy/nginx/ /opt/iamis/nginx/
COPY deploy/nginx-entrypoint.sh /usr/local/bin/iamis-nginx

ENV NGINX_PREFIX=/tmp/nginx
USER 10001:10001
EXPOSE 8080
# Arguments are the template's values: LISTEN=0.0.0.0:8080 GATEWAY=gateway:8000 IDENTITY=identity:8000 ...
ENTRYPOINT ["iamis-nginx"]
