#!/usr/bin/env bash
# Runs a command with Inloop's toolchain: sets up (idempotently, quietly: its log is shown only
# when something fails) and puts Node 22 on PATH, then runs the command. `npm run inloop`,
# `npm run bench` and `npm run eval` go through it, so they never run on an older system Node.
INLOOP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$(mktemp)"
if ! (cd "$INLOOP_ROOT" && source scripts/setup.sh && echo "PATH=$PATH") >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "inloop: setup failed (above)" >&2
  exit 1
fi
export PATH="$(sed -n 's/^PATH=//p' "$log" | tail -n 1)"
rm -f "$log"
exec "$@"
