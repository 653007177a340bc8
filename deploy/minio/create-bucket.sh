#!/bin/sh
# One-off job (minio/mc image): the evidence bucket, private, and an access key for the evidence service
# that may use that bucket and nothing else. Safe to run again.
set -eu
: "${MINIO_URL:?}" "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}"
: "${S3_BUCKET:?}" "${S3_ACCESS_KEY:?}" "${S3_SECRET_KEY:?}"

mc alias set iamis "$MINIO_URL" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing "iamis/$S3_BUCKET"
mc anonymous set none "iamis/$S3_BUCKET"

policy=/tmp/iamis-evidence-policy.json
cat > "$policy" <<JSON
{"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": ["s3:*"],
                "Resource": ["arn:aws:s3:::$S3_BUCKET", "arn:aws:s3:::$S3_BUCKET/*"]}]}
JSON
mc admin policy create iamis iamis-evidence "$policy"
mc admin user add iamis "$S3_ACCESS_KEY" "$S3_SECRET_KEY"
if ! mc admin user info iamis "$S3_ACCESS_KEY" | grep -q iamis-evidence; then
    mc admin policy attach iamis iamis-evidence --user "$S3_ACCESS_KEY"
fi
