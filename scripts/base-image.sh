#!/usr/bin/env bash
# Makes the small JRE base image Dyninka's service images can build on where nothing can be
# pulled: jlink keeps the modules a Vert.x service needs from this machine's JDK, and the shared
# libraries they load (ldd) are copied in. The image is built FROM scratch by jib-core through the
# plugin's dyninka:base-image goal, so no container engine is needed; the same JDK gives the same
# digest.
#
#   scripts/base-image.sh [TAR] [--push REF]
#     TAR         where to write it (default target/dyninka/jre.tar); use as
#                 -Ddyninka.image.base=tar://TAR, or 'podman load -i TAR'
#     --push REF  also push it, e.g. 127.0.0.1:5000/dyninka/jre:17 (scripts/registry.sh start)
#
# JAVA_HOME picks the JDK (it needs its jmods: apt-get install openjdk-17-jmods). The plugin must
# be installed (mvn -B -q install -DskipTests).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tar=$root/target/dyninka/jre.tar
push=
while (($#)); do
  case $1 in
    --push) push=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) tar=$1; shift ;;
  esac
done
case $tar in /*) ;; *) tar=$PWD/$tar ;; esac

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | sed -n 1p)
args=(-B -q "io.dyninka:dyninka-maven-plugin:$version:base-image" "-Ddyninka.baseImage.tar=$tar")
[[ -n $push ]] && args+=("-Ddyninka.baseImage.push=$push")
[[ -n ${JAVA_HOME:-} ]] && args+=("-Ddyninka.baseImage.jdk=$JAVA_HOME")

# Run outside any project: the goal needs none.
cd "$(mktemp -d)"
mvn "${args[@]}"
echo "base image: tar://$tar${push:+ and $push}"
