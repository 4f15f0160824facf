#!/usr/bin/env bash
# Installs what real container runs need on a Debian machine without a Docker daemon:
# podman (with runc: crun fails on some cgroup setups) and catatonit for its pause image,
# docker-registry for a local registry on 127.0.0.1:5000, and the JDK's jmods for jlink.
# Idempotent: safe to run again; installs only what is missing.
set -euo pipefail

need=()
command -v podman >/dev/null 2>&1 || need+=(podman)
command -v runc >/dev/null 2>&1 || need+=(runc)
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
# kube play builds its pause image from catatonit
[[ -x /usr/libexec/podman/catatonit || -x /usr/bin/catatonit ]] || need+=(catatonit)

# jlink, for the JRE base image (scripts/base-image.sh), needs the JDK's jmods.
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[[ -d $java_home/jmods ]] || need+=(openjdk-17-jmods)

if ((${#need[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "containers-setup: missing ${need[*]}; run as root, or install them yourself" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Another apt may hold the lock (a parallel job): wait for it rather than fail.
  apt_get() { apt-get -o DPkg::Lock::Timeout=300 "$@"; }
  apt_get update -qq
  apt_get install -y -qq --no-install-recommends "${need[@]}" uidmap slirp4netns fuse-overlayfs >/dev/null
fi

# Containers here cannot take default ulimits (no CAP_SYS_RESOURCE in the sandbox).
conf=/etc/containers/containers.conf
if [[ $(id -u) -eq 0 ]] && ! grep -qs '^default_ulimits *= *\[\]' "$conf"; then
  mkdir -p /etc/containers
  if grep -qs '^\[containers\]' "$conf"; then
    sed -i '/^\[containers\]/a default_ulimits = []' "$conf"
  else
    printf '[containers]\ndefault_ulimits = []\n' >>"$conf"
  fi
fi

echo "containers-setup: $(podman --version), runc $(runc --version | sed -n 1p | awk '{print $3}'), docker-registry ready"
