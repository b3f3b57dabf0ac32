#!/usr/bin/env bash
# Sets up and starts Inloop: the Electron overlay where Electron can run, otherwise
# `inloop serve` (the same app in a browser) with the URL to open printed.
set -eo pipefail
INLOOP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$INLOOP_ROOT"
source scripts/setup.sh

electron_binary() { node -e "try{const p=require('electron');require('fs').accessSync(p);console.log(p)}catch{process.exit(1)}" 2>/dev/null; }
# The Electron binary comes from Electron's GitHub releases, not the npm registry; fetch it
# only when asked (INLOOP_FETCH_ELECTRON=1), so an offline machine never tries.
if [ -n "${INLOOP_FETCH_ELECTRON:-}" ] && ! electron_binary >/dev/null; then
  echo "Electron: fetching its binary"
  timeout 300 node node_modules/electron/install.js || echo "Electron: could not fetch the binary"
fi
if [ -z "${INLOOP_BROWSER_ONLY:-}" ] && electron_binary >/dev/null && { [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname -s)" != Linux ]; }; then
  npx electron-vite build
  exec npx electron .
fi
echo "Electron cannot run here (no Electron binary or no display; INLOOP_FETCH_ELECTRON=1 npm start fetches the binary)."
echo "Starting the browser host instead."
npm run -s build:renderer >/dev/null
exec npm run -s inloop -- serve "$@"
