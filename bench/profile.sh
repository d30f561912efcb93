#!/usr/bin/env bash
# Where a read's CPU goes in projects-service (issue 17): GET /api/projects/{id}/tasks (ten tasks) under wrk, on a
# projects-service settled by the JIT, sampled by async-profiler (CPU time, every 500 us of each thread), attached
# only for the measured runs. Each round reads unprofiled, then profiled, so the profiler's own cost shows in one
# run (JFR quadrupled a read's CPU on JDK 17; this stays within the noise). Prints the runs' lines, their medians
# and the profiled CPU split by concern, each sample given to the innermost frame of a known concern.
#
#   ./run-local.sh &                  # PostgreSQL, Kafka, Zipkin and accounts-service of the stack
#   bench/profile.sh [ROUNDS]         # default 2 rounds of 30 s each way
#
# Needs wrk, curl, psql and built jars. async-profiler (its version pinned in pom.xml) comes from Maven.
# Writes target/profile/reads.collapsed (all profiled runs, for any flame-graph tool) and reads.html (a flame
# graph of the last run). Ports 18084 and 19084.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
source bench/lib.sh

version=$(sed -n 's:.*<async-profiler.version>\(.*\)</async-profiler.version>.*:\1:p' pom.xml)
out=target/profile
mkdir -p "$out"
library=$out/linux-x64/libasyncProfiler.so
if [ ! -f "$library" ]; then
  ./mvnw -q dependency:copy -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" \
    -DoutputDirectory="$out"
  unzip -q -o -d "$out" "$out/async-profiler-$version-linux-x64.jar" 'linux-x64/*'
fi
library=$(realpath "$library")
profiler() { # command: async-profiler's agent arguments, loaded into the running service
  # Quoted once more: jcmd would read the arguments' '=' as its own options.
  jcmd "$pid" JVMTI.agent_load "$library" "\"$1\"" > /dev/null
}

start_projects "$(jar . projects-service)" projects_profile 18084 19084 target/projects-profile.log
pid=$!
trap 'kill $pid 2> /dev/null || true' EXIT
await_ready http://localhost:19084/actuator/health/readiness
register_bench_user
token=$(fresh_token)
url=http://localhost:18084$(project_with_ten_tasks http://localhost:18084 "$token")/tasks

run() { # label, seconds
  bench/wrk-cpu.sh -d "$2" -H "Authorization: Bearer $token" "$1" "$url" "projects=$pid"
}
warm_up_until_settled "$pid"
results=()
: > "$out/reads.collapsed"
for round in $(seq "$rounds"); do
  token=$(fresh_token)
  results+=("$(run unprofiled 30)")
  profiler start,event=itimer,interval=500us
  results+=("$(run profiled 30)")
  profiler "stop,collapsed,file=$(realpath "$out")/round.collapsed"
  cat "$out/round.collapsed" >> "$out/reads.collapsed"
done
profiler start,event=itimer,interval=500us
run profiled 10 > /dev/null
profiler "stop,flamegraph,file=$(realpath "$out")/reads.html"
printf '%s\n' "${results[@]}"
for label in unprofiled profiled; do
  printf '%s\n' "${results[@]}" | print_medians "$label" projects
done
cpu=$(printf '%s\n' "${results[@]}" | grep '^profiled:' | sed 's/.* projects \([0-9.]*\).*/\1/' | median)

echo "projects-service's CPU per read by concern (profiled median $cpu ms per read):"
awk -v cpu="$cpu" '
  BEGIN {
    # Order matters: a sample goes to the innermost frame that matches, and the first concern of that frame.
    n = split("tracing: spans sent to Zipkin|zipkin2/,boot/zipkin/,jdk/internal/net/http/;" \
      "tracing: spans recorded|brave/,io/micrometer/tracing/;" \
      "observations and context propagation|io/micrometer/observation/,io/micrometer/context/,io/micrometer/common/,ContextPropagation;" \
      "metrics|io/micrometer/core/,io/prometheus/;" \
      "logging (access lines)|ch/qos/logback/,org/slf4j/;" \
      "security (token checks, filter chain)|org/springframework/security/,com/nimbusds/;" \
      "r2dbc-proxy (statement observations)|io/r2dbc/proxy/;" \
      "database driver and pool|io/r2dbc/,reactor/pool/,org/springframework/r2dbc/;" \
      "Netty leak detector (sampled)|ResourceLeakDetector;" \
      "application code|dev/tasksandbox/;" \
      "Spring WebFlux, Jackson|org/springframework/,tools/jackson/;" \
      "Netty, Reactor Netty|io/netty/,reactor/netty/;" \
      "Reactor operators|reactor/core/,reactor/util/;" \
      "Kafka client|org/apache/kafka/", concerns, ";")
    for (i = 1; i <= n; i++) {
      split(concerns[i], parts, "|")
      name[i] = parts[1]
      patterns[i] = parts[2]
    }
  }
  {
    samples = $NF
    total += samples
    frames = split(substr($0, 1, length($0) - length($NF) - 1), frame, ";")
    leaf = frame[frames]
    found = ""
    if (leaf !~ /\// && leaf ~ /send|writev|__GI_write|recv|__GI_read|epoll/) found = "system calls (sockets, epoll)"
    for (f = frames; f >= 1 && found == ""; f--) {
      for (i = 1; i <= n && found == ""; i++) {
        k = split(patterns[i], pattern, ",")
        for (p = 1; p <= k; p++) if (index(frame[f], pattern[p])) { found = name[i]; break }
      }
    }
    if (found == "") found = (frame[1] ~ /GC|G1/ || $0 ~ /G1|GCTask/) ? "JVM: garbage collection" \
      : ($0 ~ /Compile/ ? "JVM: JIT compiler" : "JVM, other")
    share[found] += samples
  }
  END {
    for (c in share) printf "%6.1f %%  %.3f ms  %s\n", 100 * share[c] / total, cpu * share[c] / total, c
  }' "$out/reads.collapsed" | sort -rn
