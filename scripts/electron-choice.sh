#!/usr/bin/env bash
# Whether `npm start` can open the Electron overlay, fetching Electron's binary first where it
# is missing and its downloads can be reached. Sourced by start.sh (run alone, it prints the
# choice without fetching). Sets ELECTRON_CHOICE to "electron" or "browser", and ELECTRON_WHY
# to the plain reason for the browser. The fetch never blocks a start for long: a 3-second
# probe first (an offline machine falls back at once), then the download under a time-out.

# The binary comes from Electron's GitHub releases (or $ELECTRON_MIRROR), not the npm registry.
ELECTRON_DOWNLOADS="${ELECTRON_MIRROR:-https://github.com/electron/electron/releases/download/}"
ELECTRON_FETCH_TIMEOUT="${INLOOP_ELECTRON_FETCH_TIMEOUT:-180}"

electron_binary() {
  node -e "try{const p=require('electron');require('fs').accessSync(p);console.log(p)}catch{process.exit(1)}" 2>/dev/null
}

electron_display() {
  [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname -s)" != Linux ]
}

# Any HTTP answer within 3 s counts as reachable; no DNS, a refused or a silent host does not.
electron_reachable() {
  node -e "fetch(process.argv[1],{method:'HEAD',signal:AbortSignal.timeout(3000)}).then(()=>process.exit(0),()=>process.exit(1))" "$ELECTRON_DOWNLOADS" 2>/dev/null
}

# Decide; with $1 = "fetch", download a missing binary when its downloads answer.
electron_choice() {
  ELECTRON_CHOICE=browser
  ELECTRON_WHY=""
  if [ -n "${INLOOP_BROWSER_ONLY:-}" ]; then
    ELECTRON_WHY="INLOOP_BROWSER_ONLY is set"
  elif ! electron_display; then
    ELECTRON_WHY="this machine has no display for a window"
  elif ! electron_binary >/dev/null; then
    if [ "${1:-}" != fetch ]; then
      ELECTRON_WHY="Electron's binary is not installed"
    elif ! electron_reachable; then
      ELECTRON_WHY="Electron's binary is not installed and its downloads ($ELECTRON_DOWNLOADS) cannot be reached from here"
    else
      echo "Electron: fetching its binary (once; up to ${ELECTRON_FETCH_TIMEOUT} s)…"
      # setup.sh skips it during npm install (it is not on the npm registry): fetch it now.
      if ! ELECTRON_SKIP_BINARY_DOWNLOAD='' timeout "$ELECTRON_FETCH_TIMEOUT" node node_modules/electron/install.js; then
        ELECTRON_WHY="fetching Electron's binary failed or took longer than ${ELECTRON_FETCH_TIMEOUT} s"
      elif ! electron_binary >/dev/null; then
        ELECTRON_WHY="Electron's binary did not install"
      fi
    fi
  fi
  [ -z "$ELECTRON_WHY" ] && ELECTRON_CHOICE=electron
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  electron_choice
  echo "$ELECTRON_CHOICE${ELECTRON_WHY:+: $ELECTRON_WHY}"
fi
