#!/usr/bin/env bash
# Runs the type-system oracle: driver output checked by graphql-js (see check.mjs).
# Usage: run_oracle.sh <driver> <output-dir> <shared-dir>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
driver="$1"
out="$2"
shared="$3"
if [[ ! -d "$here/node_modules/graphql" ]]; then
  (cd "$here" && npm ci --silent --no-audit --no-fund)
fi
rm -rf "$out"
mkdir -p "$out"
"$driver" "$out" "$shared"
node "$here/check.mjs" "$out"
