#!/usr/bin/env bash
# Sets up a machine to run and test PrivacyOps Workstation: the system packages (Chromium for
# the end-to-end tests, gnome-keyring + D-Bus for a real Secret Service, libsecret to build
# keytar, poppler/qpdf to check exported PDFs), then the npm dependencies. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium gnome-keyring dbus-x11 libsecret-1-dev libsecret-1-0 poppler-utils qpdf python3 make g++)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup: not a Debian/Ubuntu machine; install Chromium, gnome-keyring, libsecret and poppler yourself." >&2
fi

# No Electron binary can be downloaded on the build machines; the app then runs as the web host.
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
