#!/usr/bin/env bash
# Runs a command with a real, unlocked OS keychain on Linux, for the keychain integration tests:
# a private D-Bus session bus (dbus-run-session) and a fresh gnome-keyring Secret Service whose
# keyring files live in a temp folder, so the user's own keyring is never read or written.
# Works as root in a container with no display; the temp folder is removed afterwards.
#
#   bash scripts/with-keyring.sh npx vitest run
#
# - Exits with the wrapped command's exit code; the wrapper's own failures exit 70 with a message.
# - The command sees INLOOP_KEYRING_TEST=1 and INLOOP_KEYRING_BUS (= its bus address): the keychain
#   tests run only then. It keeps the caller's HOME and XDG folders, so npm and other tools find
#   their caches; only the bus and the keyring daemon run with the temp HOME / XDG folders.
# - Idempotent: inside a wrapper it starts nothing and just runs the command.
# - On macOS and Windows the OS keychain needs no wrapper: the command runs as is, without
#   INLOOP_KEYRING_TEST, so the keychain tests skip instead of writing to the user's keychain.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh <command> [args...]" >&2
  exit 64
fi

die() {
  echo "with-keyring: $*" >&2
  exit 70
}

# True when something owns org.freedesktop.secrets on the current session bus.
secret_service_up() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
    grep -q 'boolean true'
}

if [ "$(uname -s)" != Linux ]; then
  exec "$@"
fi
if [ "${INLOOP_KEYRING_TEST:-}" = 1 ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] &&
  [ "${INLOOP_KEYRING_BUS:-}" = "$DBUS_SESSION_BUS_ADDRESS" ] && secret_service_up; then
  exec "$@"
fi

for tool in dbus-run-session dbus-daemon dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || die "$tool is missing; install it with: bash scripts/system-deps.sh"
done

root="$(mktemp -d "${TMPDIR:-/tmp}/inloop-keyring.XXXXXX")"
trap 'rm -rf "$root"' EXIT
mkdir -m 700 "$root/home" "$root/data" "$root/config" "$root/cache" "$root/runtime"

# The caller's folders, restored for the wrapped command once the daemon has started.
restore=""
for name in HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR; do
  if [ -n "${!name+set}" ]; then
    restore+="export $name=$(printf '%q' "${!name}"); "
  else
    restore+="unset $name; "
  fi
done

# Inside the session: dbus-daemon's stderr (fd limits as root, service activations) goes to a log,
# so fd 3 carries the caller's stderr back to the keyring setup and the wrapped command.
inner='
set -euo pipefail
exec 2>&3 3>&-
: >"$INLOOP_KEYRING_ROOT/session-started"
printf "%s" "$INLOOP_KEYRING_PASSWORD" |
  gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>>"$INLOOP_KEYRING_ROOT/keyring.log" ||
  { cat "$INLOOP_KEYRING_ROOT/keyring.log" >&2; echo "with-keyring: gnome-keyring-daemon did not start" >&2; exit 70; }
for _ in $(seq 1 100); do secret_service_up && break; sleep 0.05; done
if ! secret_service_up; then
  cat "$INLOOP_KEYRING_ROOT/keyring.log" "$INLOOP_KEYRING_ROOT/dbus.log" >&2 2>/dev/null || true
  echo "with-keyring: gnome-keyring did not register org.freedesktop.secrets within 5 s" >&2
  exit 70
fi
eval "$INLOOP_KEYRING_RESTORE"
unset INLOOP_KEYRING_RESTORE INLOOP_KEYRING_PASSWORD SECRET_BACKEND
export INLOOP_KEYRING_TEST=1 INLOOP_KEYRING_BUS="$DBUS_SESSION_BUS_ADDRESS"
exec "$@"
'

password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
status=0
env HOME="$root/home" XDG_DATA_HOME="$root/data" XDG_CONFIG_HOME="$root/config" \
  XDG_CACHE_HOME="$root/cache" XDG_RUNTIME_DIR="$root/runtime" \
  INLOOP_KEYRING_ROOT="$root" INLOOP_KEYRING_PASSWORD="$password" INLOOP_KEYRING_RESTORE="$restore" \
  dbus-run-session -- bash -c "$(declare -f secret_service_up); $inner" with-keyring "$@" \
  3>&2 2>>"$root/dbus.log" || status=$?
if [ ! -e "$root/session-started" ]; then
  cat "$root/dbus.log" >&2 || true
  die "could not start a D-Bus session (dbus-run-session exited with $status)"
fi
exit "$status"
