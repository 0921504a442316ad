#!/usr/bin/env bash
# Builds the container images of the manager and the built-in agents from the jars of ./mvnw -DskipTests package,
# one Dockerfile per jar in this folder, and tags runtime-manager:<tag> and runtime-service/<agent>:<tag>. Run it from
# anywhere; the tag is the project's version unless TAG says otherwise.
#   CONTAINER_ENGINE  docker or podman; by default docker when its engine answers, else podman when installed
#                     (engine.sh).
#   BASE_IMAGE        the Java 17 image the images start FROM; default docker.io/library/eclipse-temurin:17-jre,
#                     pulled once at build time. Where no registry can be reached: sudo deploy/images/base-image.sh,
#                     then BASE_IMAGE=runtime-service/jre:17-bookworm.
# Nothing is downloaded at run time: the jars carry every library and the embedding model (only a GGUF model for
# gpt4's embedded provider comes from outside, docs/kubernetes.md). Then load the images into the cluster
# (kind load docker-image ..., podman save ... | k3s ctr images import -, or push them to your registry and change
# the image: lines).
# Run on the machines this was written on with BASE_IMAGE=runtime-service/jre:17-bookworm, with podman 4.3 and with
# Docker 20.10's daemon (started there by hand) through Docker CLI 28.2 without buildx (the legacy builder) and Docker
# CLI 20.10 with DOCKER_BUILDKIT=1 (BuildKit).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "${here}/../.." && pwd)"
# shellcheck source=engine.sh
source "${here}/engine.sh"
tag="${TAG:-0.1.0-SNAPSHOT}"
base=()
if [[ -n "${BASE_IMAGE:-}" ]]; then
  base=(--build-arg "BASE_IMAGE=${BASE_IMAGE}")
fi
# Docker names runtime-service/vfs:<tag> docker.io/runtime-service/vfs:<tag> (and runtime-manager:<tag>
# docker.io/library/runtime-manager:<tag>), which is also what a Kubernetes node (containerd) makes of the image:
# lines. Podman would name them localhost/..., which a node does not match once the images are loaded into it
# (podman save | ctr images import, kind load image-archive): with podman they get Docker's full names.
registry=""
library=""
if [[ "${engine}" == podman ]]; then
  registry="docker.io/"
  library="docker.io/library/"
fi
cd "${root}"
for jar in manager/target/runtime-manager.jar agents/{vfs,kendra,gpt4,orchestrator}/target/*-agent.jar; do
  if [[ ! -f "${jar}" ]]; then
    echo "build.sh: ${jar} is missing; build the jars first: ./mvnw -DskipTests package" >&2
    exit 1
  fi
done
for agent in vfs kendra gpt4 orchestrator; do
  "${engine}" build "${base[@]}" -f "deploy/images/${agent}.Dockerfile" \
    -t "${registry}runtime-service/${agent}:${tag}" "agents/${agent}"
done
# The manager's context: its jar and the catalog, copied into a folder of their own, so that every builder sends
# only them (the per-Dockerfile manager.Dockerfile.dockerignore, for a docker build from the repository's root, is read
# by BuildKit alone; Docker's legacy builder, which a Docker CLI without buildx falls back to, would send the whole
# repository).
context="$(mktemp -d)"
trap 'rm -rf "${context}"' EXIT
mkdir -p "${context}/manager/target"
cp manager/target/runtime-manager.jar "${context}/manager/target/"
for agent in vfs kendra gpt4 orchestrator; do
  mkdir -p "${context}/agents/${agent}"
  cp "agents/${agent}/agent.yml" "${context}/agents/${agent}/"
done
"${engine}" build "${base[@]}" -f deploy/images/manager.Dockerfile -t "${library}runtime-manager:${tag}" "${context}"
echo "Built with ${engine}: runtime-manager:${tag} and runtime-service/{vfs,kendra,gpt4,orchestrator}:${tag}"
