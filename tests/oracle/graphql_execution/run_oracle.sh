#!/usr/bin/env bash
# Runs the execution oracle: graphql-js answers the corpus (prepare.mjs), the driver answers the
# same cases, check.mjs compares. Usage: run_oracle.sh <driver> <output-dir>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
driver="$1"
out="$2"
if [[ ! -d "$here/node_modules/graphql" ]]; then
  (cd "$here" && npm ci --silent --no-audit --no-fund)
fi
rm -rf "$out"
mkdir -p "$out"
node "$here/prepare.mjs" "$out"
"$driver" "$out" "$here"
node "$here/check.mjs" "$out"
