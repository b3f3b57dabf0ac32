#!/usr/bin/env bash
# Sets up everything Inloop needs, idempotently: system packages, Node 22, npm packages.
# Source it (`source scripts/setup.sh`) so the Node 22 it may install stays on PATH.
set -eo pipefail
INLOOP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$INLOOP_ROOT"
bash scripts/system-deps.sh || { echo "inloop: system packages could not be installed" >&2; return 1 2>/dev/null || exit 1; }
source scripts/ensure-node.sh || { return 1 2>/dev/null || exit 1; }
# Nothing may download from outside the npm registry: Electron's binary, Playwright's
# browsers and onnxruntime's GPU build are skipped (Debian's Chromium runs the browser tests).
export ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ONNXRUNTIME_NODE_INSTALL=skip
stamp=node_modules/.inloop-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ] \
   || [ "$(cat "$stamp" 2>/dev/null)" != "$(node -v)" ]; then
  # `npm install`, not `npm ci`: the lock lists LanceDB's binaries for every platform, and
  # `npm ci` refuses a lock whose optional platform packages the registry here lacks.
  echo "npm packages: installing"
  env ${INLOOP_NODEDIR:+npm_config_nodedir=$INLOOP_NODEDIR} npm install --no-audit --no-fund --loglevel=error \
    || { echo "inloop: npm install failed" >&2; return 1 2>/dev/null || exit 1; }
  node -v > "$stamp"
else
  echo "npm packages: up to date"
fi
# keytar is a native addon; make sure it loads with this Node (rebuild from source if not).
if ! node -e "require('keytar')" >/dev/null 2>&1; then
  echo "keytar: building the native module"
  env ${INLOOP_NODEDIR:+npm_config_nodedir=$INLOOP_NODEDIR} npm rebuild keytar --loglevel=error \
    || { echo "inloop: could not build keytar" >&2; return 1 2>/dev/null || exit 1; }
fi
