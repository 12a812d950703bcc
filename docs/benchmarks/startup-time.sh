#!/usr/bin/env bash
# Start-up benchmark (docs/benchmarks.md, "Start-up"): times `./mvnw spring-boot:run` on a warm build to a usable
# login page — /login answers 200 and the start-up banner ("Hoshimi is running", logged once the demo data and the
# first register sync are done) is out — and prints what the app itself logged. Run from the project root:
#   docs/benchmarks/startup-time.sh [runs] [port]
set -uo pipefail
RUNS=${1:-5}; PORT=${2:-8190}
LOG=target/startup-benchmark.log
./mvnw -B -q -o test-compile >/dev/null || ./mvnw -B -q test-compile   # warm build first
echo "| run | mvnw to usable login page | app 'Started … in' | Vaadin class scan | class data sharing | load average at end |"
echo "|---|--:|--:|--:|---|---|"
for run in $(seq "$RUNS"); do
  start=$(date +%s.%N)
  setsid ./mvnw -B spring-boot:run -Dspring-boot.run.arguments=--server.port="$PORT" > "$LOG" 2>&1 &
  pid=$!
  until grep -q "Hoshimi is running" "$LOG" \
      && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the app stopped; see $LOG"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  printf '| %s | %.1f s | %s s | %s ms | %s | %s |\n' "$run" "$(echo "$end - $start" | bc)" \
    "$(grep -o 'Started HoshimiApplication in [0-9.]*' "$LOG" | grep -o '[0-9.]*$')" \
    "$(grep -o 'annotations took [0-9]*' "$LOG" | grep -o '[0-9]*$')" \
    "$(grep -q SharedArchiveFile target/dev-cds/jvm.args && echo "archive mapped" || echo "archive written at exit")" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  kill -- -"$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  # the app may still be writing its class-data-sharing archive (decision 0033): let it finish first
  while pgrep -f "$PWD/target/dev-cds/classes.jar" >/dev/null; do sleep 0.5; done
done
