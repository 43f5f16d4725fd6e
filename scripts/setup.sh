#!/usr/bin/env bash
# Installs what building (and, with --test, testing) needs; idempotent and
# quick when everything is already there.
#   scripts/setup.sh          Rust toolchain + wasm32 target, wasm-bindgen CLI, npm dev tools
#   scripts/setup.sh --test   also Debian's chromium and chromium-driver
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

# The toolchain and target pinned in rust-toolchain.toml.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "rustup: toolchain and wasm32-unknown-unknown target"
  rustup toolchain install
  rustup target add wasm32-unknown-unknown
fi

if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  step "rustup: rustfmt and clippy"
  rustup component add rustfmt clippy
fi

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  step "cargo install wasm-bindgen-cli $want (about 3 minutes, once)"
  # Not --locked: a locked transitive version is missing from the registry mirror here.
  cargo install wasm-bindgen-cli --version "$want"
fi

# npm dev tools (wasm-opt from binaryen, playwright-core, axe-core), from the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ] && ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }; then
  step "apt-get install chromium chromium-driver"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver
fi
