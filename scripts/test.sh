#!/usr/bin/env bash
# Sets up everything, then runs the whole suite: format check, lint, the dependency rules
# (dependency-cruiser: cycles and layers), typecheck, vitest unit and integration tests (inside
# a D-Bus session with a real gnome-keyring), and Playwright end-to-end tests in Debian's
# Chromium against `inloop serve`. Ends with one summary line.
set -o pipefail
INLOOP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$INLOOP_ROOT"
source scripts/setup.sh || exit 1
started=$(date +%s)
reports=.test-reports
rm -rf "$reports" && mkdir -p "$reports"
failed_steps=()
step() {
  local name=$1; shift
  echo "── $name"
  if ! "$@"; then failed_steps+=("$name"); fi
}
step format npx prettier --check --log-level warn .
step lint npx eslint --max-warnings 0 .
step deps bash scripts/check-deps.sh
step typecheck npx tsc -p tsconfig.json --noEmit
step build npx vite build --config vite.renderer.config.ts --logLevel warn
step unit+integration bash scripts/with-keyring.sh npx vitest run \
  --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" \
  step e2e npx playwright test --reporter=list,json
node scripts/test-summary.mjs "$reports" "$(( $(date +%s) - started ))" "${failed_steps[@]}"
