#!/usr/bin/env bash
# Installs the pinned graphql-http package when missing, then runs its server audit against the
# audit server. Usage: run_audit.sh <server-binary>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ ! -d "$here/node_modules/graphql-http" ]]; then
  (cd "$here" && npm ci --silent --no-audit --no-fund)
fi
exec node "$here/run_audit.mjs" "$1"
