#!/usr/bin/env bash
# Builds the local services image (PostgreSQL + Mosquitto from Debian's own packages) for the containers
# environment, for machines that reach no image registry. Idempotent: an image already present is reused.
#
#   scripts/build-local-images.sh            build kw-local/services:bookworm unless present
#   HARNESS_LOCAL_IMAGE=name:tag scripts/...  another name
#   DEBIAN_MIRROR=http://... scripts/...      another Debian mirror (default: the one apt uses here)
#
# Needs root, debootstrap and a running Docker engine. About 5 minutes and 650 MB the first time.
set -euo pipefail

image="${HARNESS_LOCAL_IMAGE:-kw-local/services:bookworm}"
suite=bookworm

if ! command -v docker >/dev/null 2>&1; then
  echo "build-local-images: docker is not installed (apt-get install docker.io)" >&2; exit 3
fi
if ! docker info >/dev/null 2>&1; then
  echo "build-local-images: no Docker engine answers (start dockerd first)" >&2; exit 3
fi
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "build-local-images: $image is present, reused"
  exit 0
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  echo "build-local-images: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 3
fi

# The Debian mirror apt already uses on this machine (deb822 .sources or one-line .list), else deb.debian.org.
mirror="${DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  mirror="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ && $2 ~ /\/debian\/?$/ { print $2; exit }')"
fi
if [ -z "$mirror" ]; then
  mirror="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '$1 == "deb" && $2 ~ /\/debian\/?$/ { print $2; exit }')"
fi
mirror="${mirror:-http://deb.debian.org/debian}"

dir="$(mktemp -d "${TMPDIR:-/tmp}/kw-services-rootfs.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
echo "build-local-images: building $image from Debian $suite ($mirror) in $dir"
start=$(date +%s)
debootstrap --variant=minbase --include=postgresql,mosquitto "$suite" "$dir" "$mirror" >"$dir.log" 2>&1 || {
  echo "build-local-images: debootstrap failed, last lines of $dir.log:" >&2; tail -20 "$dir.log" >&2; exit 3
}
rm -f "$dir.log"
# Leaner image: no package caches.
rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
tar -C "$dir" -c . | docker import \
  --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  - "$image" >/dev/null
echo "build-local-images: $image built in $(( $(date +%s) - start )) s"
