#!/usr/bin/env bash
# Builds a Java 17 base image from Debian's packages alone, for machines that reach a Debian mirror but no container
# registry (where eclipse-temurin:17-jre cannot be pulled). Run it as root (debootstrap needs it), then build the
# images on it:
#   sudo deploy/images/base-image.sh
#   BASE_IMAGE=runtime-service/jre:17-bookworm deploy/images/build.sh
# Steps: debootstrap --variant=minbase bookworm into a temporary folder, imported as runtime-service/debian:bookworm;
# then base.Dockerfile on it installs openjdk-17-jre-headless (with bookworm-security's updates) and libgomp1 (for
# gpt4's llama.cpp), as runtime-service/jre:17-bookworm. Needs debootstrap and docker or podman (CONTAINER_ENGINE,
# as in build.sh). DEBIAN_MIRROR (default http://deb.debian.org/debian) and DEBIAN_SECURITY_MIRROR (default
# http://deb.debian.org/debian-security) name the mirrors; BUILD_NETWORK=host runs the install step in the host's
# network, where the engine's own network cannot reach the mirror. TAG names the result
# (default runtime-service/jre:17-bookworm).
# Run on the machines this was written on, as root, with podman 4.3 and with Docker 20.10 (BUILD_NETWORK=host: that
# daemon had no network of its own there); 1.5 to 2.5 min, most of it debootstrap.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=engine.sh
source "${here}/engine.sh"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
security="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
rootfs_tag="runtime-service/debian:bookworm"
tag="${TAG:-runtime-service/jre:17-bookworm}"
if [[ "$(id -u)" != 0 ]]; then
  echo "base-image.sh: debootstrap needs root; run it with sudo" >&2
  exit 1
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  echo "base-image.sh: debootstrap is missing; install it (apt-get install debootstrap)" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
debootstrap --variant=minbase bookworm "${work}/rootfs" "${mirror}"
# The host's name and resolver stay out of the image (the engine provides its own), and so do the package lists and
# downloaded packages, which the next step fetches again.
rm -f "${work}/rootfs/etc/hostname" "${work}/rootfs/etc/resolv.conf"
rm -rf "${work}/rootfs/var/lib/apt/lists/"* "${work}/rootfs/var/cache/apt/"*.bin \
  "${work}/rootfs/var/cache/apt/archives/"*.deb
tar --numeric-owner -C "${work}/rootfs" -c . | "${engine}" import - "${rootfs_tag}"

network=()
if [[ -n "${BUILD_NETWORK:-}" ]]; then
  network=(--network "${BUILD_NETWORK}")
fi
"${engine}" build "${network[@]}" -f "${here}/base.Dockerfile" \
  --build-arg "DEBIAN_ROOTFS=${rootfs_tag}" --build-arg "DEBIAN_MIRROR=${mirror}" \
  --build-arg "DEBIAN_SECURITY_MIRROR=${security}" -t "${tag}" "${here}"
echo "Built ${tag}; now: BASE_IMAGE=${tag} deploy/images/build.sh"
