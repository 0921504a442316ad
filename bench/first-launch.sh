#!/usr/bin/env bash
# The first launch after a build, with and without the class archives the build's training run recorded:
# a freshly started manager launches the specification's three agents, then stops them. Rounds alternate
# between the build's run/fast-start and an empty one (the first launch then extracts and trains, as before
# the build made the archives). Run from the repository's root after ./mvnw -DskipTests package, with port
# 8000-8004 free and no manager running. The build's cache is put back at the end, even after Ctrl-C.
set -euo pipefail
rounds=${1:-3}
aside=run/fast-start.built
[ -d run/fast-start ] || { echo "run/fast-start is missing: run ./mvnw -DskipTests package first" >&2; exit 1; }
restore() {
  if [ -d "$aside" ]; then rm -rf run/fast-start; mv "$aside" run/fast-start; fi
}
trap restore EXIT

seconds() { python3 -c "import time; print(f'{time.monotonic():.3f}')"; }
one() {
  local label=$1 out=run/first-launch-manager.out
  java -jar manager/target/runtime-manager.jar > "$out" 2>&1 &
  local manager=$!
  until curl -sf localhost:8000/actuator/health > /dev/null 2>&1; do
    kill -0 "$manager" 2> /dev/null || { echo "the manager exited; see $out" >&2; exit 1; }
    sleep 0.2
  done
  local s e s2 e2
  s=$(seconds)
  curl -sf -o /dev/null -X POST http://localhost:8000/api/launch_agents -H "Content-Type: application/json" \
       -d '{"agents": ["vfs", "gpt4", "orchestrator"]}'
  e=$(seconds); s2=$(seconds)
  curl -sf -o /dev/null -X POST "http://localhost:8000/api/stop_agent?agent_name=vfs,gpt4,orchestrator"
  e2=$(seconds)
  printf '%-30s launch %6.2f s   stop %5.2f s   training launches %s\n' "$label" \
         "$(echo "$e - $s" | bc)" "$(echo "$e2 - $s2" | bc)" "$(grep -c 'No class archive yet' "$out" || true)"
  kill "$manager"; wait "$manager" || true
}

for round in $(seq 1 "$rounds"); do
  mv run/fast-start "$aside"
  one "without the build's archives"
  restore
  one "with the build's archives"
done
