#!/usr/bin/env bash
# The whole test suite, as CI runs it: types, lint, build, then unit/integration tests and the
# end-to-end tests in Chromium, all inside one D-Bus session with a real, unlocked Secret Service
# (gnome-keyring, see with-keyring.sh) so the keychain is exercised for real.
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

bash scripts/with-keyring.sh bash -c '
set -e
echo "== unit and integration (vitest)" >&2
PRIVACYOPS_REQUIRE_KEYCHAIN=1 npx vitest run
echo "== end to end (Playwright, Chromium via the web host)" >&2
npx playwright test
'
