#!/bin/sh
# Starts the production app (the image's entrypoint; docs/decisions/0048-production-start.md).
# - Runs the jar extracted by `java -Djarmode=tools extract` (libraries as plain jars beside it): Spring Boot's
#   nested-jar class loading cost about a quarter of the start's CPU time.
# - Class data sharing: the first start records the classes it loads and writes an archive when it stops
#   (SIGTERM, as `docker stop` sends); later starts map the classes from it. An archive older than the jar is
#   recorded again; one the JVM cannot use is ignored (-Xshare:auto), never an error.
# Every argument goes to the app (e.g. --server.port=8081); JAVA_OPTS goes to the JVM.
set -eu
APP_JAR=${HOSHIMI_APP_JAR:-/app/extracted/app.jar}
ARCHIVE=${HOSHIMI_CDS_ARCHIVE:-/app/cds/app.jsa}
if [ -f "$ARCHIVE" ] && [ "$ARCHIVE" -nt "$APP_JAR" ]; then
  CDS="-XX:SharedArchiveFile=$ARCHIVE"
else
  mkdir -p "$(dirname "$ARCHIVE")"
  rm -f "$ARCHIVE"
  CDS="-XX:ArchiveClassesAtExit=$ARCHIVE"
fi
# exec: java is PID 1 and receives SIGTERM, so Quartz and Hikari shut down cleanly and the archive is written.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off "$CDS" ${JAVA_OPTS:-} -jar "$APP_JAR" "$@"
