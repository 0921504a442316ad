#!/usr/bin/env bash
# Runs each image build.sh made, once, with no network at all (--network=none: no registry, no download, no DNS), as
# the manager's pods run it, and checks that it starts and answers a real request. Not part of ./mvnw verify (it
# needs a container engine): run it by hand after build.sh, with the same CONTAINER_ENGINE and TAG.
#   GPT4_MODEL  a GGUF file: gpt4 then runs its embedded provider on it (mounted read-only) and answers a chat
#               completion; without it gpt4 has no provider and is checked for readiness and its card only.
# Each agent gets the environment a pod gets (AGENT_BIND_ADDRESS=0.0.0.0, AGENT_HOME on a fresh folder of mode 0777
# like the pod's emptyDir, AGENT_TOKEN, a MANAGER_URL that cannot be reached from here) and its own default port in
# its own network namespace, so nothing on the host's ports 8000-8004 is touched. Requests are made inside the
# container through bash's /dev/tcp, since the images have no curl and the container no network. The manager's image
# runs RUNTIME_BACKEND=kubernetes, which needs an API server (it stops at start without one): it is checked with
# RUNTIME_BACKEND=local, where it starts and answers, but has no agent jars to launch.
# Prints each image's size, its time from `run` to ready (readiness answered 200) and each check; exits 1 if any fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=engine.sh
source "${here}/engine.sh"
tag="${TAG:-0.1.0-SNAPSHOT}"
for image in runtime-service/{vfs,kendra,gpt4,orchestrator}:"${tag}" runtime-manager:"${tag}"; do
  if ! "${engine}" image inspect "${image}" >/dev/null 2>&1; then
    echo "check.sh: ${engine} has no image ${image}; build the images first: deploy/images/build.sh" >&2
    exit 1
  fi
done
homes="$(mktemp -d)"
containers=()
failures=0
cleanup() {
  for container in "${containers[@]}"; do
    "${engine}" rm -f "${container}" >/dev/null 2>&1 || true
  done
  rm -rf "${homes}"
}
trap cleanup EXIT

# One HTTP/1.1 request from inside a container: method, port, path, optional JSON body (ASCII: its length is sent
# as counted by bash). Prints the raw answer, status line first.
http='exec 3<>"/dev/tcp/127.0.0.1/$2" || exit 7
printf "%s %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" "$1" "$3" >&3
printf "Content-Length: %d\r\nConnection: close\r\n\r\n%s" "${#4}" "$4" >&3
cat <&3'
request() { # container method port path [body]
  "${engine}" exec "$1" bash -c "${http}" _ "$2" "$3" "$4" "${5:-}" 2>/dev/null
}
check() { # description, answer, text the answer must hold
  if [[ "$2" == *"$3"* ]]; then
    echo "  ok: $1"
  else
    echo "  FAILED: $1; the answer was:" >&2
    printf '%s\n' "$2" | head -c 2000 >&2
    echo >&2
    failures=$((failures + 1))
  fi
}
# Starts an image (name, image, port, run options...) and waits up to 180 s for its readiness; prints the time.
start() {
  local name="$1" image="$2" port="$3" path="$4"
  shift 4
  echo "${image}: $(( $("${engine}" image inspect --format '{{.Size}}' "${image}") / 1000000 )) MB"
  local started
  started="$(date +%s%N)"
  containers+=("${name}")
  "${engine}" run -d --name "${name}" --network=none "$@" "${image}" >/dev/null
  for _ in $(seq 1 360); do
    if [[ "$(request "${name}" GET "${port}" "${path}")" == "HTTP/1.1 200"* ]]; then
      echo "  ok: ready in $(( ($(date +%s%N) - started) / 1000000 )) ms, with no network"
      return 0
    fi
    if [[ "$("${engine}" inspect --format '{{.State.Running}}' "${name}")" != true ]]; then
      break
    fi
    sleep 0.5
  done
  echo "  FAILED: ${name} did not become ready; its last log lines:" >&2
  "${engine}" logs "${name}" 2>&1 | tail -20 >&2
  failures=$((failures + 1))
  return 1
}
# The environment of an agent's pod (docs/kubernetes.md), and its emptyDir home.
pod() { # agent, port
  local home="${homes}/$1"
  mkdir -p "${home}"
  chmod 0777 "${home}"
  echo -v "${home}:/var/lib/agent" -e "AGENT_NAME=$1" -e "AGENT_PORT=$2" -e AGENT_BIND_ADDRESS=0.0.0.0 \
    -e AGENT_HOME=/var/lib/agent -e LOG_DIR=/var/lib/agent/logs -e AGENT_TOKEN=check-token \
    -e MANAGER_URL=http://runtime-manager.default.svc:8000
}

# shellcheck disable=SC2046 # pod's words are options
if start check-vfs "runtime-service/vfs:${tag}" 8001 /actuator/health/readiness $(pod vfs 8001); then
  check "its agent card" "$(request check-vfs GET 8001 /.well-known/agent-card.json)" '"name":"vfs"'
  written="$(request check-vfs PUT 8001 '/fs/content?path=check/a.txt&parents=true' 'from a container')"
  check "a file written" "${written}" '"path":"check/a.txt"'
  check "and read back" "$(request check-vfs GET 8001 '/fs/content?path=check/a.txt')" 'from a container'
fi

# shellcheck disable=SC2046
if start check-kendra "runtime-service/kendra:${tag}" 8002 /actuator/health/readiness $(pod kendra 8002); then
  documents='[{"id":"solar","text":"Rooftop solar panels turn sunlight into electricity."},'
  documents+='{"id":"rent","text":"The lease sets the monthly rent and the deposit."}]'
  check "two documents indexed" "$(request check-kendra POST 8002 /documents "${documents}")" '"indexed":2'
  # A semantic search runs the embedding model (ONNX Runtime, native, loaded on first use) from inside the jar.
  check "a semantic search finds the document on sunlight first" \
    "$(request check-kendra GET 8002 '/search?q=power+from+the+sun&mode=semantic')" '"hits":[{"id":"solar"'
fi

gpt4_model=()
if [[ -n "${GPT4_MODEL:-}" ]]; then
  models="$(cd "$(dirname "${GPT4_MODEL}")" && pwd)"
  gpt4_model=(-v "${models}:/models:ro" -e "GPT4_MODEL_PATH=/models/$(basename "${GPT4_MODEL}")")
fi
# shellcheck disable=SC2046
if start check-gpt4 "runtime-service/gpt4:${tag}" 8003 /actuator/health/readiness $(pod gpt4 8003) \
  "${gpt4_model[@]}"; then
  check "its agent card" "$(request check-gpt4 GET 8003 /.well-known/agent-card.json)" '"name":"gpt4"'
  if [[ -n "${GPT4_MODEL:-}" ]]; then
    # llama.cpp's native library is unpacked and loaded, and the model read, at start; this generates with it.
    check "a chat completion from the embedded model" "$(request check-gpt4 POST 8003 /v1/chat/completions \
      '{"model":"any","messages":[{"role":"user","content":"Once upon a time"}],"max_tokens":16,"seed":42}')" \
      '"object":"chat.completion"'
  fi
fi

# shellcheck disable=SC2046
if start check-orchestrator "runtime-service/orchestrator:${tag}" 8004 /actuator/health/readiness \
  $(pod orchestrator 8004); then
  check "its agent card" "$(request check-orchestrator GET 8004 /.well-known/agent-card.json)" '"name":"orchestrator"'
  # Routing runs the embedding model (loaded on first use) offline, from the built-in agents' cards in the jar.
  check "an instruction routed to kendra's search" "$(request check-orchestrator POST 8004 /instructions \
    '{"text":"Search for information about solar energy"}')" '"choice":{"agent":"kendra","skill":"search"'
fi

if start check-manager "runtime-manager:${tag}" 8000 /actuator/health -e RUNTIME_BACKEND=local; then
  check "its health" "$(request check-manager GET 8000 /actuator/health)" '"status":"UP"'
  check "its API" "$(request check-manager GET 8000 /api/list_agents)" '"agents":'
fi

if (( failures > 0 )); then
  echo "check.sh: ${failures} check(s) failed" >&2
  exit 1
fi
echo "check.sh: every image started and answered with no network (${engine})"
