#!/usr/bin/env bash
# Builds the WebAssembly package: cargo (release, wasm32) -> wasm-bindgen
# --target web -> wasm-opt -Oz (binaryen from npm; never Debian's, which
# corrupts wasm-bindgen output). Writes pkg/, or the directory given.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-pkg}

# Paths compiled into the binary are remapped so that the output does not
# depend on where the repository or the cargo registry lives.
export CARGO_TARGET_DIR=target/pkg-build
export RUSTFLAGS="--remap-path-prefix=$PWD=/aicloud-scenario --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
cargo build --quiet --release --locked --target wasm32-unknown-unknown --lib

mkdir -p "$out"
rm -f "$out"/aicloud_scenario*
wasm-bindgen --target web --out-dir "$out" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/aicloud_scenario.wasm"
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/aicloud_scenario_bg.wasm" -o "$out/aicloud_scenario_bg.wasm"
