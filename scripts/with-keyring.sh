#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a real, unlocked Secret Service (a throwaway
# gnome-keyring), the way the test suite runs: `bash scripts/with-keyring.sh npx vitest run test/sync`.
set -euo pipefail
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "with-keyring: dbus-run-session or gnome-keyring-daemon missing: run npm run setup first." >&2
  exit 1
fi
inner='
set -e
# A throwaway keyring for this session only; the password is irrelevant outside it.
export XDG_DATA_HOME="$(mktemp -d)"
eval "$(echo -n test-keyring | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
export GNOME_KEYRING_CONTROL
"$@"
'
# dbus-daemon complains it cannot raise its fd limit when not root-capable; that line is noise.
exec dbus-run-session -- bash -c "$inner" with-keyring "$@" 2> >(grep -v 'Failed to set fd limit' >&2)
