#!/usr/bin/env bash
# Where a read's CPU goes (issue 17): GET /api/projects/{id}/tasks (ten tasks) under wrk, straight to a
# projects-service or, with --through-gateway, through an api-gateway in front of it; the JVMs settled by the JIT,
# then sampled by async-profiler (CPU time, every 500 us of each thread), attached only for the measured runs.
# Each round reads unprofiled, then profiled, so the profiler's own cost shows in one run (JFR quadrupled a read's
# CPU on JDK 17; this stays within the noise). Prints the runs' lines, their medians and each process's profiled
# CPU split by concern, each sample given to the innermost frame of a known concern.
#
#   ./run-local.sh &                                   # PostgreSQL, Kafka, Zipkin and accounts-service
#   bench/profile.sh [--through-gateway] [ROUNDS]      # default 2 rounds of 30 s each way
#
# Needs wrk, curl, psql and built jars. async-profiler (its version pinned in pom.xml) comes from Maven.
# Writes target/profile/<process>.collapsed (all profiled runs, for any flame-graph tool) and <process>.html (a
# flame graph of a last run). Ports 18084 and 19084, the gateway's 18184 and 19184.
set -euo pipefail
cd "$(dirname "$0")/.."
gateway=false
if [ "${1:-}" = --through-gateway ]; then
  gateway=true
  shift
fi
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
profiler() { # command ("start" or "stop"), then async-profiler's output options; loaded into each process
  local name
  for name in "${!processes[@]}"; do
    if [ "$1" = start ]; then
      agent "${processes[$name]}" start,event=itimer,interval=500us
    else
      agent "${processes[$name]}" "stop,$2,file=$(realpath "$out")/$name.$3"
    fi
  done
}
agent() { # pid, agent arguments; quoted once more, for jcmd would read their '=' as its own options
  jcmd "$1" JVMTI.agent_load "$library" "\"$2\"" > /dev/null
}

declare -A processes
start_projects "$(jar . projects-service)" projects_profile 18084 19084 target/projects-profile.log
processes[projects]=$!
trap 'kill "${processes[@]}" 2> /dev/null || true' EXIT
readiness=(http://localhost:19084/actuator/health/readiness) base=http://localhost:18084
if $gateway; then
  start_gateway "$(jar . api-gateway)" 18184 19184 http://localhost:18084 target/gateway-profile.log
  processes[gateway]=$!
  readiness+=(http://localhost:19184/actuator/health/readiness) base=http://localhost:18184
fi
await_ready "${readiness[@]}"
register_bench_user
token=$(fresh_token)
url=$base$(project_with_ten_tasks http://localhost:18084 "$token")/tasks

measured=()
for name in "${!processes[@]}"; do
  measured+=("$name=${processes[$name]}")
done
run() { # label, seconds
  bench/wrk-cpu.sh -d "$2" -H "Authorization: Bearer $token" "$1" "$url" "${measured[@]}"
}
warm_up_until_settled "$(IFS=,; echo "${processes[*]}")"
results=()
for name in "${!processes[@]}"; do
  : > "$out/$name.collapsed"
done
for round in $(seq "$rounds"); do
  token=$(fresh_token)
  results+=("$(run unprofiled 30)")
  profiler start
  results+=("$(run profiled 30)")
  profiler stop collapsed round
  for name in "${!processes[@]}"; do
    cat "$out/$name.round" >> "$out/$name.collapsed"
  done
done
profiler start
run profiled 10 > /dev/null
profiler stop flamegraph html
printf '%s\n' "${results[@]}"
for label in unprofiled profiled; do
  printf '%s\n' "${results[@]}" | print_medians "$label" projects gateway
done

by_concern() { # collapsed stacks, CPU ms per read: each concern's share and milliseconds, largest first
  awk -v cpu="$2" '
    BEGIN {
      # Order matters: a sample goes to the innermost frame that matches, and the first concern of that frame.
      n = split("tracing: spans sent to Zipkin|zipkin2/,boot/zipkin/,jdk/internal/net/http/;" \
        "tracing: spans recorded|brave/,io/micrometer/tracing/;" \
        "observations and context propagation|io/micrometer/observation/,io/micrometer/context/,io/micrometer/common/,ContextPropagation;" \
        "metrics|io/micrometer/core/,io/prometheus/;" \
        "logging (access lines)|ch/qos/logback/,org/slf4j/;" \
        "security (token checks, filter chain)|org/springframework/security/,com/nimbusds/;" \
        "r2dbc-proxy (statement observations)|io/r2dbc/proxy/;" \
        "database driver, connection pools|io/r2dbc/,reactor/pool/,org/springframework/r2dbc/;" \
        "Netty leak detector (sampled)|ResourceLeakDetector;" \
        "application code|dev/tasksandbox/;" \
        "Spring Cloud LoadBalancer|org/springframework/cloud/loadbalancer/;" \
        "Spring Cloud Gateway|org/springframework/cloud/;" \
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
    }' "$1" | sort -rn
}
for name in "${!processes[@]}"; do
  cpu=$(printf '%s\n' "${results[@]}" | grep '^profiled:' | sed "s/.* $name \([0-9.]*\).*/\1/" | median)
  echo "$name: CPU per read by concern (profiled median $cpu ms per read):"
  by_concern "$out/$name.collapsed" "$cpu"
done
