#!/usr/bin/env bash
# Installs what building (and, with --test, testing) needs; idempotent and
# quick when everything is already there.
#   scripts/setup.sh          Rust toolchain + wasm32 target, wasm-bindgen CLI, npm dev tools
#   scripts/setup.sh --test   also Debian's chromium, chromium-driver and fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

# The toolchain pinned in rust-toolchain.toml: when the machine's stable
# toolchain is that very version, link it under the pinned name instead of
# downloading it again; otherwise install it.
pinned=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
if ! rustup toolchain list | grep -q "^$pinned-"; then
  stable_dir=$(rustup +stable which rustc 2>/dev/null | sed 's#/bin/rustc$##' || true)
  if [ -n "$stable_dir" ] && "$stable_dir/bin/rustc" --version | grep -q "^rustc $pinned "; then
    step "rustup: linking the installed stable $pinned as $pinned"
    rustup toolchain link "$pinned" "$stable_dir"
  else
    step "rustup: installing $pinned"
    rustup toolchain install "$pinned" --profile minimal --component rustfmt,clippy,rust-src
  fi
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "rustup: wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  step "rustup: rustfmt and clippy"
  rustup component add rustfmt clippy
fi
# The standard library's source, from which scripts/build.sh rebuilds it for
# the widget's cores (-Zbuild-std).
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  step "rustup: rust-src"
  rustup component add rust-src
fi

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  step "cargo install wasm-bindgen-cli $want (about 3 minutes, once)"
  # Not --locked: a locked transitive version is missing from the registry mirror here.
  cargo install wasm-bindgen-cli --version "$want"
fi

# npm dev tools (wasm-opt from binaryen, Zopfli for the widget's inlined wasm,
# terser, playwright-core, axe-core, and Squiggle for bench/squiggle.mjs),
# from the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

# Chromium for the page tests, and a CJK font for the Chinese page's
# screenshots and layout checks (without one, Chinese text is empty boxes).
if [ "${1:-}" = "--test" ] && ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
    && [ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK; }; then
  step "apt-get install chromium chromium-driver fonts-noto-cjk"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver fonts-noto-cjk
fi
