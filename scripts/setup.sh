#!/usr/bin/env bash
# One-step setup on a fresh machine, safe to run again. Every step prints one progress line, every
# download has a timeout and bounded retries, and a failure ends with what failed and what to run
# next. Network needed: the npm registry (always) and the Debian mirror (only for missing system
# packages); Electron's binary host (GitHub) is optional. docs/setup.md explains each step.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
STEPS=5
STEP=0

step() { STEP=$((STEP + 1)); printf '[%d/%d] %s\n' "$STEP" "$STEPS" "$1"; }
ok() { printf '      %s\n' "$1"; }
fail() {
  printf '\nSetup failed at step %d: %s\nNext: %s\n' "$STEP" "$1" "$2" >&2
  exit 1
}
# `timeout` is coreutils (Linux); on macOS use gtimeout when present, else run unbounded.
bounded() {
  local secs=$1; shift
  if command -v timeout >/dev/null 2>&1; then timeout --kill-after=10 "$secs" "$@"
  elif command -v gtimeout >/dev/null 2>&1; then gtimeout --kill-after=10 "$secs" "$@"
  else "$@"; fi
}
node_is_current() { "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=13)?0:1)' 2>/dev/null; }

# npm reads these in every nested npm too (the `node` package installs its binary with its own
# `npm install`, which is the download that stalled for two hours without them).
export npm_config_fetch_timeout=${npm_config_fetch_timeout:-60000}
export npm_config_fetch_retries=${npm_config_fetch_retries:-3}
export npm_config_fetch_retry_mintimeout=${npm_config_fetch_retry_mintimeout:-2000}
export npm_config_fetch_retry_maxtimeout=${npm_config_fetch_retry_maxtimeout:-20000}
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# 1. System packages (Debian/Ubuntu): the browser and keychain the tests use, and a C++ toolchain.
step "System packages"
if [ "${ENCLAVE_SETUP_SKIP_SYSTEM:-}" = "1" ]; then
  ok "skipped (ENCLAVE_SETUP_SKIP_SYSTEM=1)"
elif command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  pkgs=(chromium gnome-keyring libsecret-1-dev dbus-x11 python3 make g++ pkg-config)
  missing=()
  for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    ok "installing ${missing[*]}"
    apt_opts=(-o Acquire::Retries=3 -o Acquire::http::Timeout=30 -o Acquire::https::Timeout=30)
    bounded 300 $SUDO apt-get "${apt_opts[@]}" update -qq ||
      fail "apt-get update did not finish (Debian mirror unreachable or slow)." "check the network, then: bash scripts/setup.sh"
    DEBIAN_FRONTEND=noninteractive bounded 900 $SUDO apt-get "${apt_opts[@]}" install -y -qq "${missing[@]}" >/dev/null ||
      fail "apt-get install ${missing[*]} failed." "sudo apt-get install ${missing[*]} && bash scripts/setup.sh"
  else
    ok "all present"
  fi
else
  ok "not Debian/Ubuntu: skipped (the tests need Chromium, a Secret Service keyring and a C++ toolchain)"
fi

# 2. Node ≥ 22.13 (node:sqlite without a flag). An older system Node gets the project's own
# Node 24 in .tools/ first, so npm ci runs on it: no EBADENGINE warnings, and keytar builds
# against that Node's own headers.
step "Node.js"
command -v npm >/dev/null 2>&1 || fail "npm is not installed." "install Node.js and npm (any version), then: bash scripts/setup.sh"
# npm finds its global config (Debian: /usr/etc/npmrc, which may name the system CA file) next to
# the running node; pin it before a .tools Node takes over, so npm keeps trusting the same CAs.
npm_config_globalconfig=${npm_config_globalconfig:-$(npm config get globalconfig 2>/dev/null)}
export npm_config_globalconfig
NODE_VERSION=$(sed -n '/"node_modules\/node": {/,/}/s/.*"version": "\([0-9.]*\)".*/\1/p' package-lock.json | head -n1)
TOOLS_BIN="$ROOT/.tools/node_modules/node/bin"
if command -v node >/dev/null 2>&1 && node_is_current node && [ ! -x "$TOOLS_BIN/node" ]; then
  ok "system Node $(node -v) is current"
else
  if [ ! -x "$TOOLS_BIN/node" ] || ! node_is_current "$TOOLS_BIN/node"; then
    ok "system Node $(node -v 2>/dev/null || echo 'missing') is older than 22.13: installing Node $NODE_VERSION into .tools/"
    # A directory of its own rather than `npm --prefix`, which would also move npm's global config.
    mkdir -p .tools; [ -f .tools/package.json ] || echo '{ "private": true }' > .tools/package.json
    (cd .tools && bounded 600 npm install --no-save --no-package-lock --loglevel=error "node@$NODE_VERSION" >/dev/null) ||
      fail "downloading Node $NODE_VERSION from the npm registry failed or timed out." "check the network, then: bash scripts/setup.sh"
  fi
  export PATH="$TOOLS_BIN:$PATH"
  node_is_current node || fail "Node $NODE_VERSION in .tools/ does not run here." "rm -rf .tools && bash scripts/setup.sh"
  ok "using Node $(node -v) from .tools/"
fi

# Headers for native modules (keytar) from this machine, never downloaded: the .tools Node
# package ships include/node; a system Node has them under its prefix (Debian: /usr/include/node).
NODE_PREFIX=$(node -p 'require("path").resolve(process.execPath, "../..")')
headers=""
for d in "$ROOT"/.tools/node_modules/node/node_modules/node-*/ "$NODE_PREFIX" /usr; do
  if [ -f "${d%/}/include/node/node_api.h" ] && [ -f "${d%/}/include/node/common.gypi" ]; then headers=${d%/}; break; fi
done
if [ -n "$headers" ]; then
  export npm_config_nodedir="$headers"
  # Build keytar from source with those headers instead of fetching a prebuilt binary from GitHub.
  if command -v make >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then export npm_config_build_from_source=true; fi
fi

# The built-in engine uses node-llama-cpp's prebuilt llama.cpp, which arrives as npm packages
# (@node-llama-cpp/<platform>); its postinstall must never fetch or build llama.cpp from elsewhere.
export NODE_LLAMA_CPP_SKIP_DOWNLOAD="${NODE_LLAMA_CPP_SKIP_DOWNLOAD:-true}"

# 3. The project's dependencies, exactly as locked. Electron's binary is fetched in step 4 on its
# own, so an unreachable GitHub cannot fail (or stall) the whole install.
step "Dependencies (npm ci, headers: ${headers:-downloaded by node-gyp})"
ELECTRON_SKIP_BINARY_DOWNLOAD=1 bounded 1200 npm ci --loglevel=error ||
  fail "npm ci failed or timed out after 20 minutes." "read the npm error above, then: bash scripts/setup.sh"

# 4. Electron's binary: one bounded attempt; the browser harness covers machines without it.
step "Electron binary"
electron_present() { [ -f node_modules/electron/path.txt ] && [ -e "node_modules/electron/dist/$(cat node_modules/electron/path.txt)" ]; }
if electron_present; then
  ok "present"
elif [ "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" = "1" ]; then
  ok "skipped (ELECTRON_SKIP_BINARY_DOWNLOAD=1): npm start opens Enclave in your browser through the harness."
elif (cd node_modules/electron && bounded 300 node install.js >/dev/null 2>&1) && electron_present; then
  ok "installed Electron $(node -p 'require("./node_modules/electron/package.json").version')"
else
  ok "not downloadable here (GitHub unreachable or slow): npm start opens Enclave in your browser through the harness instead; retry with: node node_modules/electron/install.js"
fi

# 5. A last check that the installed Node and the native keychain module load.
step "Self-check"
node scripts/check-node.mjs || fail "the installed Node is not usable." "rm -rf node_modules .tools && bash scripts/setup.sh"
node -e 'require("keytar")' 2>/dev/null ||
  fail "the keychain module (keytar) did not build." "sudo apt-get install libsecret-1-dev g++ make python3 && npm rebuild keytar"
ok "node $(node -v), keytar loads"

echo
if [ -x "$TOOLS_BIN/node" ]; then
  echo "Ready. npm scripts run on Node 24 from node_modules. Start Enclave: npm start    Run every test: npm test"
else
  echo "Ready. Start Enclave: npm start    Run every test: npm test"
fi
