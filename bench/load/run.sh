#!/usr/bin/env bash
# The load generator (README.md): builds bench/load against the installed io.tributary artifacts, then runs it.
#   bench/load/run.sh --streams 4 --hold-seconds 60            # own stack on free ports, passthrough, archive copy
#   bench/load/run.sh --mode ramp --ramp-start 8 --ramp-step 8  # the largest N this machine sustains
#   bench/load/run.sh --help
# --snapshot: run the stack from a copy of the built services (under /tmp), so that a rebuild of a module during
# the run (other engineers at work) cannot pull jars from under the running services or the generator.
# LOAD_JVM_OPTS: extra JVM options for the generator itself, e.g. -XX:StartFlightRecording=filename=/tmp/load.jfr
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SERVICES=(auth-service ingest-service transcode-service thumbnail-service archive-service)

args=()
snapshot=false
for arg in "$@"; do
  if [[ "$arg" == "--snapshot" ]]; then snapshot=true; else args+=("$arg"); fi
done

(cd "$HERE" && mvn -o -q package -DskipTests)

if [[ "$snapshot" == true ]]; then
  SNAP="$(mktemp -d /tmp/tributary-load-root.XXXXXX)"
  trap 'rm -rf "$SNAP"' EXIT
  for module in "${SERVICES[@]}"; do
    mkdir -p "$SNAP/$module/target"
    cp -r "$REPO/$module/target/quarkus-app" "$SNAP/$module/target/"
  done
  mkdir -p "$SNAP/deploy/target" "$SNAP/.tributary"
  cp -r "$REPO/deploy/target/classes" "$REPO/deploy/target/lib" "$SNAP/deploy/target/"
  cp "$REPO/tributary" "$SNAP/"
  ln -s "$REPO/.tributary/javacpp-cache" "$SNAP/.tributary/javacpp-cache"
  args+=(--root "$SNAP")
fi

classpath="$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"
if [[ "$snapshot" == true ]]; then
  # the generator's own io.tributary jars too: a `mvn install` of a module during the run replaces them in ~/.m2
  mkdir -p "$SNAP/generator"
  cp -r "$HERE/target/classes" "$SNAP/generator/classes"
  copied=("$SNAP/generator/classes")
  IFS=':' read -r -a entries <<< "$(cat "$HERE/target/classpath.txt")"
  for entry in "${entries[@]}"; do
    if [[ "$entry" == */io/tributary/* ]]; then
      cp "$entry" "$SNAP/generator/"
      copied+=("$SNAP/generator/$(basename "$entry")")
    else
      copied+=("$entry")
    fi
  done
  classpath="$(IFS=':'; echo "${copied[*]}")"
fi

java -Xmx1g -XX:+UseSerialGC ${LOAD_JVM_OPTS:-} -Dbench.repo="$REPO" \
  -Dorg.bytedeco.javacpp.cachedir="$REPO/.tributary/javacpp-cache" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$classpath" \
  io.tributary.bench.load.LoadBench "${args[@]}"
