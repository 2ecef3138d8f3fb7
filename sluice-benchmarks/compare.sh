#!/usr/bin/env bash
# Runs the Sluice benchmark jar and the Apache Flink peer benchmark interleaved (one fresh JVM per
# run, same JVM flags), and prints every RESULT line plus PROCESS lines (whole-process wall time of
# P4). Usage (after `./mvnw -pl sluice-benchmarks -am package -DskipTests` and building the peer with
# its own run.sh):
#   PEER=/work/shared/peers/flink RUNS=3 P4_RUNS=5 N_P1=500000000 N_P2=75000000 N_P3=45000000 \
#     JOBS="P1 P2 P3 P3ckpt P4" sluice-benchmarks/compare.sh
# P3ckpt is P3 with exactly-once checkpoints every CKPT_MS (default 1000) ms into a local directory.
set -euo pipefail
cd "$(dirname "$0")"

PEER="${PEER:-/work/shared/peers/flink}"
JAVA="${JAVA:-java}"
JVM_OPTS="${JVM_OPTS:--Xms4g -Xmx4g}"
RUNS="${RUNS:-3}"
P4_RUNS="${P4_RUNS:-5}"
N_P1="${N_P1:-500000000}"
N_P2="${N_P2:-75000000}"
N_P3="${N_P3:-45000000}"
PAR="${PAR:-2}"
CKPT_MS="${CKPT_MS:-1000}"
JOBS="${JOBS:-P1 P2 P3 P4}"
RUN_TIMEOUT="${RUN_TIMEOUT:-300}"
JAR="$PWD/target/sluice-benchmarks.jar"
[[ -f "$JAR" ]] || { echo "missing $JAR: build it with ./mvnw -pl sluice-benchmarks -am package -DskipTests" >&2; exit 2; }
[[ -f "$PEER/cp.txt" ]] || { echo "missing $PEER/cp.txt: build the peer with its run.sh first" >&2; exit 2; }
FLINK_CP="$PEER/target/flink-peer-bench-1.0-SNAPSHOT.jar:$(cat "$PEER/cp.txt")"

echo "# $(date -u) host=$(hostname) cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java: $("$JAVA" -version 2>&1 | head -2 | tr '\n' ' ')"
echo "# JVM_OPTS=$JVM_OPTS RUNS=$RUNS P4_RUNS=$P4_RUNS N_P1=$N_P1 N_P2=$N_P2 N_P3=$N_P3 PAR=$PAR"

run() { # engine job args...
  local engine=$1 job=$2
  shift 2
  # shellcheck disable=SC2086
  if [[ $engine == flink ]]; then
    local main
    case $job in P1) main=peers.flink.P1Stateless ;; P2) main=peers.flink.P2WordCount ;; P3) main=peers.flink.P3Windows ;; P4) main=peers.flink.P4Startup ;; esac
    timeout "$RUN_TIMEOUT" "$JAVA" $JVM_OPTS -cp "$FLINK_CP" "$main" "$@" 2>&1 | grep '^RESULT' || true
  else
    timeout "$RUN_TIMEOUT" "$JAVA" $JVM_OPTS -jar "$JAR" "$job" "$@" 2>&1 | grep '^RESULT' || true
  fi
}

for ((r = 1; r <= RUNS; r++)); do
  for job in $JOBS; do
    case $job in
      P1) run flink P1 "$N_P1" "$PAR"; run sluice P1 "$N_P1" "$PAR" ;;
      P2) run flink P2 "$N_P2" "$PAR"; run sluice P2 "$N_P2" "$PAR" ;;
      P3) run flink P3 "$N_P3" 0 "$PAR"; run sluice P3 "$N_P3" 0 "$PAR" ;;
      P3ckpt) run flink P3 "$N_P3" "$CKPT_MS" "$PAR"; run sluice P3 "$N_P3" "$CKPT_MS" "$PAR" ;;
    esac
  done
done

if [[ " $JOBS " == *" P4 "* ]]; then
  for ((r = 1; r <= P4_RUNS; r++)); do
    for engine in flink sluice; do
      t0=$(date +%s%N)
      out=$(run "$engine" P4)
      t1=$(date +%s%N)
      echo "$out"
      awk -v a="$t0" -v b="$t1" -v e="$engine" 'BEGIN { printf "PROCESS name=P4 engine=%s wall_seconds=%.3f\n", e, (b - a) / 1e9 }'
    done
  done
fi
echo "# done $(date -u) load=$(cut -d' ' -f1-3 /proc/loadavg)"
