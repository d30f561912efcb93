#!/usr/bin/env bash
# Runs the whole stack on this machine, in the foreground, without Docker: PostgreSQL 18 and a Kafka broker
# started from Maven artifacts, then accounts-service (8081), projects-service (8082) and the api-gateway (8080),
# the one entry clients use.
# Ctrl-C (or SIGTERM) stops everything in order: services, then Kafka, then PostgreSQL.
#
#   ./run-local.sh            build what is missing, then run (data kept in .local-stack/)
#   ./run-local.sh --fresh    start from empty databases and an empty broker
#   ./run-local.sh --build    rebuild the jars first, even if they exist
#   ./run-local.sh --seed     once healthy, load the demo data (test@email.com / password) through the gateway
#   ./run-local.sh --replicas N  N (1-4) instances of accounts-service and of projects-service, the gateway
#                             balancing over them; instance i adds 100*i to the ports (8081, 8181, ...)
#
# Ports: LOCAL_POSTGRES_PORT (15432), LOCAL_KAFKA_PORT (19092), ACCOUNTS_PORT (8081), PROJECTS_PORT (8082),
# GATEWAY_PORT (8080), ZIPKIN_PORT (9411: a real Zipkin, UI at /zipkin/); the actuators' ACCOUNTS_MANAGEMENT_PORT
# (9081), PROJECTS_MANAGEMENT_PORT (9082), GATEWAY_MANAGEMENT_PORT (9080). Everything listens on 127.0.0.1;
# LOCAL_BIND_ADDRESS moves the services. Every service sends its spans to that Zipkin; TRACING_SAMPLING_PROBABILITY
# (1.0) is the share of traces recorded, TRACING_ENABLED=false sends none.
set -euo pipefail
cd "$(dirname "$0")"

build=false
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=true ;;
    --fresh|--seed) args+=("$1") ;;
    --replicas) [[ "${2:-}" =~ ^[1-4]$ ]] || { echo "--replicas takes 1 to 4" >&2; exit 2; }
                args+=("$1" "$2"); shift ;;
    --replicas=*) [[ "${1#*=}" =~ ^[1-4]$ ]] || { echo "--replicas takes 1 to 4" >&2; exit 2; }
                  args+=(--replicas "${1#*=}") ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

jar_missing() { ! compgen -G "$1/target/$1-*.jar" > /dev/null; }
if $build || jar_missing accounts-service || jar_missing projects-service || jar_missing api-gateway \
    || [ ! -d local-stack/target/lib ] || [ ! -f local-stack/target/zipkin/zipkin-server.jar ]; then
  echo "local-stack | building (./mvnw package, tests skipped)..."
  ./mvnw -B -q -DskipTests package
fi

# The stack runs in a session of its own, so the terminal's Ctrl-C reaches only the runner, which then stops
# the children in order; otherwise every child would get SIGINT at once and PostgreSQL could go first.
setsid java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "local-stack/target/classes:local-stack/target/lib/*" \
  dev.tasksandbox.localstack.LocalStack ${args[@]+"${args[@]}"} < /dev/null &
runner=$!
trap 'kill -TERM "$runner" 2>/dev/null || true' INT TERM
# The first wait returns when a signal arrives; the second waits for the orderly stop to finish.
wait "$runner" || true
wait "$runner" 2>/dev/null || true
