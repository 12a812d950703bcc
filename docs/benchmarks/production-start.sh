#!/usr/bin/env bash
# Production start benchmark (docs/benchmarks.md, "Start-up", issue 17): starts the production jar (built with
# `./mvnw -Pproduction -DskipTests package`) the way the image does — extracted, through docker/start.sh, with
# class data sharing (decision 0048) — against a MariaDB of Debian's package started here on a scratch data
# directory, and times each start until /actuator/health/readiness and /login answer 200. The first run
# migrates an empty database and records the archive (written when it stops); the later ones start on a
# migrated database with the archive mapped, as a restarted container does. MODE=plain times `java -jar` of
# the jar itself instead. Run from the project root (needs mariadb-server installed, as .ci/run does):
#   docs/benchmarks/production-start.sh [runs] [jar] [port]
set -uo pipefail
RUNS=${1:-5}
JAR=${2:-$(ls target/production/hoshimi-*.jar 2>/dev/null | grep -v original | head -1)}
PORT=${3:-8191}
[ -f "$JAR" ] || { echo "no production jar; build it: ./mvnw -Pproduction -DskipTests -Dhoshimi.build.directory=target/production package"; exit 1; }
WORK=$(mktemp -d /tmp/hoshimi-prod-start.XXXX)
SOCK=$WORK/mysqld.sock; DBPORT=3397
mariadb-install-db --no-defaults --datadir="$WORK/data" --user=root --auth-root-authentication-method=normal >/dev/null 2>&1
mariadbd --no-defaults --datadir="$WORK/data" --user=root --socket="$SOCK" --port=$DBPORT \
  --innodb-buffer-pool-size=256M --character-set-server=utf8mb4 --collation-server=utf8mb4_bin > "$WORK/mariadb.log" 2>&1 &
DBPID=$!
until mariadb -S "$SOCK" -uroot -e 'select 1' >/dev/null 2>&1; do sleep 0.2; done
mariadb -S "$SOCK" -uroot -e "CREATE DATABASE hoshimi CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
  CREATE USER 'hoshimi'@'127.0.0.1' IDENTIFIED BY 'bench'; GRANT ALL ON *.* TO 'hoshimi'@'127.0.0.1' WITH GRANT OPTION;"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null
echo "jar: $JAR ($(du -h "$JAR" | cut -f1)), $(nproc) cores, mode ${MODE:-image}"
export HOSHIMI_INITIAL_ADMIN_USERNAME=admin HOSHIMI_INITIAL_ADMIN_PASSWORD='bench-Admin-2026!'
echo "| run | start to ready and /login 200 | app 'Started … in' | CPU time of the app when ready | RSS when ready | load average at end |"
echo "|---|--:|--:|--:|--:|---|"
for run in $(seq "$RUNS"); do
  LOG=$WORK/app-$run.log
  start=$(date +%s.%N)
  if [ "${MODE:-image}" = plain ]; then LAUNCH=(java -Xmx256m ${JAVA_OPTS:-} -Djava.io.tmpdir="$WORK" -jar "$JAR")
  else LAUNCH=(env HOSHIMI_APP_JAR="$WORK/extracted/$(basename "$JAR")" HOSHIMI_CDS_ARCHIVE="$WORK/cds/app.jsa"
    JAVA_OPTS="-Xmx256m ${JAVA_OPTS:-} -Djava.io.tmpdir=$WORK" docker/start.sh); fi
  "${LAUNCH[@]}" --server.port="$PORT" \
    --spring.datasource.url="jdbc:mariadb://127.0.0.1:$DBPORT/hoshimi" \
    --spring.datasource.username=hoshimi --spring.datasource.password=bench > "$LOG" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/actuator/health/readiness")" = 200 ] \
      && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the app stopped; see $LOG"; tail -30 "$LOG"; kill "$DBPID"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14+$15)/hz}' /proc/$pid/stat)
  printf '| %s%s | %.1f s | %s s | %s s | %s MB | %s |\n' "$run" "$([ "$run" = 1 ] && echo ' (empty database: migrates)')" \
    "$(echo "$end - $start" | bc)" \
    "$(grep -o 'Started HoshimiApplication in [0-9.]*' "$LOG" | grep -o '[0-9.]*$')" "$cpu" \
    "$(( $(grep VmRSS /proc/$pid/status | awk '{print $2}') / 1024 ))" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null   # a recording start writes its archive here
done
kill "$DBPID"; wait "$DBPID" 2>/dev/null
[ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
