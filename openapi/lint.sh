#!/usr/bin/env bash
# Lints the published OpenAPI documents with Redocly CLI's recommended rules (configured in ../redocly.yaml),
# as CI does: exits non-zero on any error. Needs Node.js 20.19 or later and the npm registry (npx fetches the
# pinned CLI once, into npm's cache).
set -euo pipefail
cd "$(dirname "$0")/.."
REDOCLY_CLI_VERSION=2.77.0
REDOCLY_TELEMETRY=off npx --yes "@redocly/cli@${REDOCLY_CLI_VERSION}" lint --config redocly.yaml "$@"
