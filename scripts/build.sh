#!/usr/bin/env bash
# Builds the WebAssembly package: cargo (release, wasm32) -> wasm-bindgen
# --target web -> wasm-opt -Oz (binaryen from npm; never Debian's, which
# corrupts wasm-bindgen output), into pkg/. Then the embed's two classic
# scripts, into pkg-embed/: core.js (the no-modules glue with the wasm
# inlined) and widget.js (www/embed.js and what it imports, bundled).
# pkg/package.json (scripts/package-json.mjs) makes pkg/ an npm package.
#   scripts/build.sh [pkg-dir [pkg-embed-dir]]   (defaults: pkg pkg-embed)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-pkg}
embed_out=${2:-pkg-embed}

# Paths compiled into the binary are remapped so that the output does not
# depend on where the repository or the cargo registry lives.
export CARGO_TARGET_DIR=target/pkg-build
export RUSTFLAGS="--remap-path-prefix=$PWD=/aicloud-scenario --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
cargo build --quiet --release --locked --target wasm32-unknown-unknown --lib

wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/aicloud_scenario.wasm"
optimise() {
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue "$1" -o "$1"
}

mkdir -p "$out"
rm -f "$out"/aicloud_scenario*
wasm-bindgen --target web --out-dir "$out" "$wasm"
optimise "$out/aicloud_scenario_bg.wasm"
node scripts/package-json.mjs > "$out/package.json"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target no-modules --no-typescript --out-dir "$work" "$wasm"
optimise "$work/aicloud_scenario_bg.wasm"
mkdir -p "$embed_out"
node scripts/embed-core.mjs "$work/aicloud_scenario.js" "$work/aicloud_scenario_bg.wasm" > "$embed_out/core.js"
node scripts/bundle.mjs www/embed.js > "$embed_out/widget.js"
