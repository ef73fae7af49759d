#!/usr/bin/env bash
# The OpenAPI document's own checks: Redocly's linter (recommended rules, warnings fail too), then a
# TypeScript client generated from it by openapi-typescript, compiled with client.ts (strict).
# Usage: tests/openapi/run.sh   (scripts/setup.sh test installs the tools, as locked)
set -euo pipefail
cd "$(dirname "$0")"
# Nothing leaves the machine: no usage report, no update check.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
document=../../api/openapi.json
npx --no-install redocly lint --config redocly.yaml "$document"
mkdir -p generated
npx --no-install openapi-typescript "$document" --output generated/lacuna.ts
npx --no-install tsc -p tsconfig.json
echo "OpenAPI document: linted, and a client generated from it compiles"
