#!/usr/bin/env bash
# Starts a Docker engine on this machine for the containers environment, unless one answers already: dockerd in the
# background (log: /var/log/kw-dockerd.log), overlay2 storage, else vfs where overlay2 cannot work. Needs root and
# Debian's docker.io package. Waits at most DOCKER_START_TIMEOUT_S seconds (30) per attempt for `docker info`.
set -uo pipefail

timeout_s="${DOCKER_START_TIMEOUT_S:-30}"
log=/var/log/kw-dockerd.log

if docker info >/dev/null 2>&1; then
  echo "start-docker-engine: an engine answers already"
  exit 0
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "start-docker-engine: dockerd is not installed (apt-get install docker.io)" >&2; exit 3
fi
if [ "$(id -u)" != 0 ]; then
  echo "start-docker-engine: dockerd needs root" >&2; exit 3
fi

for driver in overlay2 vfs; do
  setsid nohup dockerd --storage-driver "$driver" </dev/null >>"$log" 2>&1 &
  pid=$!
  for _ in $(seq "$timeout_s"); do
    if docker info >/dev/null 2>&1; then
      echo "start-docker-engine: dockerd $pid answers (storage driver $driver, log $log)"
      exit 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    echo "start-docker-engine: dockerd ($driver) did not answer within ${timeout_s} s; see $log" >&2
    exit 3
  fi
  echo "start-docker-engine: dockerd with $driver stopped: $(tail -1 "$log")" >&2
done
echo "start-docker-engine: dockerd would not start; see $log" >&2
exit 3
