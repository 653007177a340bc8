#!/bin/sh
# Render the edge config from its template with the values given as arguments (KEY=host:port ...), then
# run nginx in the foreground. Everything nginx writes (pid, temp files) goes under NGINX_PREFIX, so the
# process runs as any user on a read-only root filesystem with a writable /tmp; its logs go to the
# container's standard output and error.
set -eu

prefix="${NGINX_PREFIX:-/tmp/nginx}"
template_dir="${NGINX_TEMPLATE_DIR:-/opt/iamis/nginx}"

if [ "$#" -eq 0 ]; then
    echo "usage: iamis-nginx LISTEN=0.0.0.0:8080 GATEWAY=host:port IDENTITY=host:port ... S3=host:port" >&2
    exit 2
fi

mkdir -p "$prefix"
ln -sf /dev/stdout "$prefix/access.log"
ln -sf /dev/stderr "$prefix/error.log"
python "$template_dir/render.py" "$prefix/nginx.conf" "PREFIX=$prefix" "$@"
# -e stderr: Debian's nginx would otherwise open its built-in log path before reading the config.
exec nginx -e stderr -p "$prefix" -c "$prefix/nginx.conf" -g 'daemon off;'
