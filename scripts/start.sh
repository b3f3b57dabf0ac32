#!/usr/bin/env bash
# Sets up and starts Inloop: the Electron overlay, fetching Electron's binary first when it is
# missing (scripts/electron-choice.sh: a 3-second reachability probe, then the download under a
# time-out); where Electron cannot run, `inloop serve` (the same app in a browser) with the
# reason and the URL to open.
set -eo pipefail
INLOOP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$INLOOP_ROOT"
source scripts/setup.sh
source scripts/electron-choice.sh

electron_choice fetch
if [ "$ELECTRON_CHOICE" = electron ]; then
  npx electron-vite build
  exec npx electron .
fi
echo "Opening Inloop in the browser instead of the overlay: $ELECTRON_WHY."
npm run -s build:renderer >/dev/null
exec npm run -s inloop -- serve "$@"
