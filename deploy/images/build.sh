#!/usr/bin/env bash
# Builds the container images of the manager and the built-in agents from the jars of ./mvnw -DskipTests package,
# with Docker (BuildKit) and one Dockerfile per jar in this folder. Run it from anywhere; the tag is the project's
# version unless TAG says otherwise. Then load them into the cluster (kind load docker-image ..., k3s ctr images
# import, or push them to your registry and change the image: lines). Base image: eclipse-temurin:17-jre, pulled once
# at build time; nothing is downloaded at run time.
# NOT RUN ON THE MACHINES THIS WAS WRITTEN ON: they have a Docker client but no engine, and reach no registry.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tag="${TAG:-0.1.0-SNAPSHOT}"
cd "${root}"
if [[ ! -f manager/target/runtime-manager.jar ]]; then
  echo "build.sh: manager/target/runtime-manager.jar is missing; build the jars first: ./mvnw -DskipTests package" >&2
  exit 1
fi
for agent in vfs kendra gpt4 orchestrator; do
  docker build -f "deploy/images/${agent}.Dockerfile" -t "runtime-service/${agent}:${tag}" "agents/${agent}"
done
DOCKER_BUILDKIT=1 docker build -f deploy/images/manager.Dockerfile -t "runtime-manager:${tag}" .
echo "Built runtime-manager:${tag} and runtime-service/{vfs,kendra,gpt4,orchestrator}:${tag}"
