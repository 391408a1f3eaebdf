#!/usr/bin/env bash
# The whole test suite, as CI runs it: types, lint, build, then unit/integration tests and the
# end-to-end tests in Chromium, all inside one D-Bus session with a real, unlocked Secret Service
# (gnome-keyring) so the keychain is exercised for real.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck" >&2
npx tsc --noEmit -p tsconfig.json
npx tsc --noEmit -p tsconfig.web.json
npx tsc --noEmit -p tsconfig.e2e.json
echo "== lint" >&2
npx eslint .
echo "== build (main, preload, renderer)" >&2
npx electron-vite build >/dev/null

inner='
set -e
# A throwaway keyring for this session only; the password is irrelevant outside it.
export XDG_DATA_HOME="$(mktemp -d)"
eval "$(echo -n test-keyring | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
export GNOME_KEYRING_CONTROL
echo "== unit and integration (vitest)" >&2
PRIVACYOPS_REQUIRE_KEYCHAIN=1 npx vitest run
echo "== end to end (Playwright, Chromium via the web host)" >&2
npx playwright test
'
if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  dbus-run-session -- bash -c "$inner"
else
  echo "test: dbus-run-session or gnome-keyring-daemon missing: run npm run setup first." >&2
  exit 1
fi
