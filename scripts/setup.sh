#!/usr/bin/env bash
# One-step setup on a fresh machine: the system packages the tests need (Debian/Ubuntu), then
# the project's dependencies, which bring Node 24 along. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v apt-get >/dev/null 2>&1; then
  pkgs=(chromium gnome-keyring libsecret-1-dev dbus-x11 python3 make g++ pkg-config)
  missing=()
  for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# Electron's binary host is not reachable everywhere; npm start falls back to the browser harness.
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
# The built-in engine uses node-llama-cpp's prebuilt llama.cpp, which arrives as npm packages
# (@node-llama-cpp/<platform>); its postinstall must never fetch or build llama.cpp from elsewhere.
export NODE_LLAMA_CPP_SKIP_DOWNLOAD="${NODE_LLAMA_CPP_SKIP_DOWNLOAD:-true}"
# package.json carries Node 24 itself (the npm registry's `node` package), so every npm script
# runs on Node 24 even where the system Node is older.
npm ci --no-audit --no-fund
npm exec -- node scripts/check-node.mjs
echo
echo "Ready. Start Enclave with: npm start    Run every test with: npm test"
