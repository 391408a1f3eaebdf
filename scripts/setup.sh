#!/usr/bin/env bash
# Sets up a machine to run and test PrivacyOps Workstation: the system packages (Chromium for
# the end-to-end tests, gnome-keyring + D-Bus for a real Secret Service, libsecret to build
# keytar, poppler/qpdf to check exported PDFs), then the npm dependencies. Safe to re-run: it
# only reinstalls npm packages when package-lock.json changed. It prints one short line per step
# (what it installs and why) and keeps npm's warnings about third-party packages (engine ranges
# of dev tools, deprecated transitive packages) out of the way: npm runs at --loglevel=error, so
# a failing install still shows its error.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium gnome-keyring dbus-x11 libsecret-1-dev libsecret-1-0 poppler-utils qpdf python3 make g++)

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing system packages with apt: ${missing[*]} (Chromium for the end-to-end tests, gnome-keyring and D-Bus for the OS keychain, libsecret and a compiler to build keytar, poppler and qpdf to check exported PDFs)…" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: system packages: all present." >&2
  fi
else
  echo "setup: not a Debian/Ubuntu machine; install Chromium, gnome-keyring, libsecret and poppler with your package manager." >&2
fi

# The Electron binary is fetched separately below, so that a machine that cannot download it
# (these build machines) still installs everything else.
stamp=node_modules/.privacyops-setup
want="$(node -v) $(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing the npm packages of package-lock.json (compiling SQLCipher and the keychain module for this Node; a few minutes the first time)…" >&2
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$want" > "$stamp"
else
  echo "setup: npm packages: up to date with package-lock.json." >&2
fi

if [ "${CI:-}" != "true" ] && [ "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" != "1" ] && [ ! -f node_modules/electron/path.txt ]; then
  echo "setup: fetching the Electron binary (skipped if there is no network)…" >&2
  timeout 300 node node_modules/electron/install.js >/dev/null 2>&1 \
    || echo "setup: no Electron binary could be downloaded; npm start will serve the app in your browser instead." >&2
fi

echo "setup: done. npm start runs the app; npm test runs every test." >&2
