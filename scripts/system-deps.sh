#!/usr/bin/env bash
# Installs the system packages Inloop needs on a Debian-like machine, idempotently:
#   chromium            end-to-end tests (Playwright drives /usr/bin/chromium)
#   libsecret-1-dev     keytar's native build (the OS keychain API)
#   gnome-keyring, dbus-x11, dbus   a real Secret Service for the keychain tests
#   xvfb, xauth         a display for the Electron app where Electron can run
#   python3, make, g++  node-gyp
# Packages already present are skipped; apt-get runs only when something is missing.
set -euo pipefail
want=(chromium libsecret-1-dev libsecret-1-0 gnome-keyring dbus dbus-x11 xvfb xauth python3 make g++ fonts-dejavu-core)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "inloop: missing system packages (${missing[*]}) and no apt-get here; install them with your package manager" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system packages: installed"
