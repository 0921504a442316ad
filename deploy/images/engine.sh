# Sourced by build.sh and base-image.sh: the container engine they run, in ${engine}.
# CONTAINER_ENGINE=docker or podman says which; otherwise docker when its engine answers (`docker info`), else podman
# when it is installed (it needs no daemon), else docker, whose own error then says what is missing.
engine="${CONTAINER_ENGINE:-}"
if [[ -z "${engine}" ]]; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    engine=docker
  elif command -v podman >/dev/null 2>&1; then
    engine=podman
  else
    engine=docker
  fi
fi
if [[ "${engine}" != docker && "${engine}" != podman ]]; then
  echo "CONTAINER_ENGINE=${engine} is not supported; use docker or podman" >&2
  exit 1
fi
