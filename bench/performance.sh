#!/usr/bin/env bash
# The performance figures of the README's table, rerun: the relay draining 20,000 outbox rows, the consumer draining
# 20,000 events, a read straight to projects-service and through the gateway (load from wrk, its own process), and
# the registration pipeline's latency. Each prints BENCHMARK lines with the CPU milliseconds each process spent per
# event or request (read from /proc: the figure that stays comparable when the machine's speed does not), measured
# once the JIT of the JVMs under test has settled. About 25 minutes on two cores.
#
#   bench/performance.sh            # everything
#   bench/performance.sh relay      # or one of: relay consumer reads registration
#
# Needs wrk (Debian's package; installed here when missing and apt-get can run). Prints the BENCHMARK lines again
# at the end; the whole output is in target/performance.log.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
if ! command -v wrk > /dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null
  else echo "wrk is missing: apt-get install wrk" >&2; exit 1; fi
fi
mkdir -p target
log=target/performance.log
: > "$log"
benchmark() { # modules, tests, extra Maven arguments...
  local modules=$1 tests=$2
  shift 2
  ./mvnw -B verify -pl "$modules" -Dit.test="$tests" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfailsafe.failIfNoSpecifiedTests=false "$@" 2>&1 | tee -a "$log" | grep --line-buffered -E 'BENCHMARK|warm-up pass|Tests run:|FAIL'
}
./mvnw -B -q install -DskipTests
case $which in all|relay) benchmark accounts-service RelayThroughputIT -Pbenchmarks ;; esac
case $which in all|consumer) benchmark projects-service ConsumerThroughputIT -Pbenchmarks ;; esac
case $which in all|reads) benchmark system-tests 'ProjectsBenchmarkIT#the_cost_of_a_read*' -Pbenchmarks ;; esac
case $which in all|registration) benchmark system-tests 'RegistrationPipelineIT#latency*' -Pbenchmarks ;; esac
echo "== BENCHMARK lines"
grep -aA4 '^BENCHMARK' "$log" | grep -v '^--$' || true
