#!/usr/bin/env bash
# Builds the WebAssembly package: cargo (release, wasm32, every export) ->
# wasm-bindgen --target web -> wasm-opt -Oz (binaryen from npm; never
# Debian's, which corrupts wasm-bindgen output), into pkg/. Then the embed's
# classic scripts, into pkg-embed/: core.js (the no-modules glue with the
# wasm inlined, built without the cargo features `analysis` and `library`:
# only what the widget's charts call), core-analysis.js (the same with
# `analysis`: simulate, solveProbability and sensitivity, for a widget that
# shows the probability or the tornado), widget.js (www/embed.js and what it
# imports, bundled) and a script for each module the widget loads on demand
# (messages-en.js and messages-zh.js), with only the words the widget shows
# (scripts/widget-messages.mjs, which also writes messages-en-analysis.js
# and messages-zh-analysis.js, with the words of the probability and the
# tornado), and widget.css, www/style.css without the page's rules
# (scripts/widget-style.mjs).
# pkg/package.json (scripts/package-json.mjs) makes pkg/ an npm package.
# The page's own core, into pkg-page/: wasm-bindgen --target web of a lean
# release build without the `library` exports, which the page never calls.
# The page's and the widget's cores have their imports named short
# (scripts/short-imports.mjs).
# Last, into the page: its modules bundled into page.js (scripts/bundle.mjs
# --module), the base case's answer prerendered into index.html
# (scripts/prerender.mjs) and its preload line (scripts/preload.mjs), then
# the service worker's precache list and version into sw.js
# (scripts/service-worker.mjs). Then the site as served, into site-dir: the four directories with the page's scripts and
# stylesheet minified (scripts/site.mjs; scripts/serve.mjs serves it).
#   scripts/build.sh [pkg-dir [pkg-embed-dir [page-dir [site-dir [pkg-page-dir]]]]]
#   (defaults: pkg pkg-embed www dist pkg-page; index.html and sw.js are
#   read from www/ and written to page-dir, with page.js)
# CARGO_FEATURES=trap-test builds the page tests' core, which can be made to
# trap (never shipped), with its own cargo target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-pkg}
embed_out=${2:-pkg-embed}
page_out=${3:-www}
site_out=${4:-dist}
page_core_out=${5:-pkg-page}

# Paths compiled into the binary are remapped so that the output does not
# depend on where the repository, the cargo registry or the toolchain lives.
# The standard library's source (rust-src) is given the path its prebuilt
# copy names, /rustc/<commit>: rustc otherwise writes the local path of
# rust-src for standard-library code that it compiles into the crate.
features=${CARGO_FEATURES:-}
rust_src="$(rustc --print sysroot)/lib/rustlib/src/rust"
rustc_commit=$(rustc -vV | sed -n 's/^commit-hash: //p')
export RUSTFLAGS="--remap-path-prefix=$PWD=/aicloud-scenario --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo \
--remap-path-prefix=$rust_src=/rustc/$rustc_commit"
# core <name> <cargo profile> <cargo features> [cargo options]: the wasm of
# the crate with these features (and CARGO_FEATURES), each in a cargo target
# directory of its own, so that a build with nothing changed links nothing.
core() {
  local target=target/pkg-build${features:+-$features}/$1
  CARGO_TARGET_DIR=$target cargo build --quiet --profile "$2" --locked --target wasm32-unknown-unknown --lib \
    --no-default-features --features "$3${features:+${3:+,}$features}" "${@:4}"
  echo "$target/wasm32-unknown-unknown/$2/aicloud_scenario.wasm"
}
# The npm package's: every export, and a panic's message in the console
# (console_error_panic_hook) for a developer who meets one.
wasm=$(core full release console_error_panic_hook,analysis,library)
# The lean builds: the standard library rebuilt from the toolchain's
# rust-src at the crate's opt-level (-Zbuild-std), and a panic that aborts at
# once (panic=immediate-abort) instead of formatting a message that no
# reader sees; no panic hook. A panic was already a trap, which the page and
# the widget survive (www/core.js). Both options are still unstable, so they
# are taken on the pinned toolchain with RUSTC_BOOTSTRAP=1 (check them again
# when rust-toolchain.toml changes); the page's and the widget's cores are
# the only code built this way, and tests/page/cores.test.mjs holds
# their answers to pkg/'s.
lean() {
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="$RUSTFLAGS -Zunstable-options -Cpanic=immediate-abort" \
    core "$@" -Zbuild-std=std,panic_abort
}
# The page's (pkg-page/): at release's opt-levels (the crate for size, its
# dependencies for speed: Cargo.toml), without the `library` exports
# (defaultScenario, decodeScenario, irr, npv), which it never calls:
# smaller than pkg/'s, and as fast (README, "Weight").
wasm_page=$(lean page release analysis)
# The widget's, built for size (Cargo.toml, profile.widget), the standard
# library at the same opt-level: 7.4 KB less gzipped for the charts' core
# than without the lean options (compute about 6 % and explain 11 % slower,
# simulate 18 % faster: README, "Weight").
wasm_charts=$(lean charts widget "")
wasm_analysis=$(lean analysis widget analysis)

# -Oz until it changes nothing more (--converge), without the producers
# section (the toolchain's names and versions): 0.3 KB, no speed cost
# measured. --flatten --rereloop before it would save 4.9 KB more (1.5 KB
# gzipped) but made the small calls 2-5 % slower (README, "Weight").
optimise() {
  node_modules/.bin/wasm-opt -Oz --converge --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue "$1" -o "$1"
}
# slim <dir>: the module wasm-bindgen wrote into <dir> optimised, and its
# imports named short in it and in its glue (scripts/short-imports.mjs): the
# page's and the widget's cores.
slim() {
  optimise "$1/aicloud_scenario_bg.wasm"
  node scripts/short-imports.mjs "$1/aicloud_scenario.js" "$1/aicloud_scenario_bg.wasm"
}

mkdir -p "$out"
rm -f "$out"/aicloud_scenario*
# The glue can make a new instance after a trap (__wbg_reset_state, used by www/core.js).
bindgen() { wasm-bindgen --experimental-reset-state-function "$@"; }
bindgen --target web --out-dir "$out" "$wasm"
optimise "$out/aicloud_scenario_bg.wasm"
node scripts/package-json.mjs > "$out/package.json"
mkdir -p "$page_core_out"
rm -f "$page_core_out"/aicloud_scenario*
bindgen --target web --no-typescript --out-dir "$page_core_out" "$wasm_page"
slim "$page_core_out"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$embed_out"
rm -f "$embed_out"/*.js "$embed_out"/*.css
# The embed's scripts are minified (terser: names shortened, comments and
# blank space dropped; a publisher's page weighs every byte of an embed).
minify() { node scripts/minify.mjs "$1" "$2"; }
# embed_core <wasm> <script>: the no-modules glue and the wasm, as one script.
embed_core() {
  rm -rf "$work/core" && mkdir "$work/core"
  wasm-bindgen --target no-modules --no-typescript --out-dir "$work/core" "$1"
  slim "$work/core"
  minify "$work/core/aicloud_scenario.js" "$work/core/glue.min.js"
  node scripts/embed-core.mjs "$work/core/glue.min.js" "$work/core/aicloud_scenario_bg.wasm" > "$embed_out/$2"
}
embed_core "$wasm_charts" core.js
embed_core "$wasm_analysis" core-analysis.js
mkdir "$work/embed"
node scripts/bundle.mjs www/embed.js "$work/embed/widget.js"
for script in "$work"/embed/*.js; do
  minify "$script" "$embed_out/$(basename "$script")"
done
# The widget's words and style rules: the message tables and www/style.css
# without what only the page names.
node scripts/widget-messages.mjs "$embed_out" www/embed.html
node scripts/widget-style.mjs "$embed_out" www/embed.html www/embed-first-paint.js www/style.css > "$work/widget.css"
mv "$work/widget.css" "$embed_out/widget.css"
mkdir -p "$page_out"
# The page's modules as one ES module, www/page.js, which index.html loads:
# www/main.js and what it imports, but core.js and i18n.js, which the
# analysis worker imports too and which stay modules of their own
# (scripts/bundle.mjs --module): 5.9 KB less gzipped than twenty modules.
node scripts/bundle.mjs www/main.js "$work/page.js" --module www/core.js www/i18n.js
cmp -s "$work/page.js" "$page_out/page.js" || cp "$work/page.js" "$page_out/page.js"
node scripts/prerender.mjs "$page_core_out" www/index.html > "$work/prerendered.html"
node scripts/preload.mjs "$work/prerendered.html" "$page_out/page.js" > "$work/index.html"
cmp -s "$work/index.html" "$page_out/index.html" || cp "$work/index.html" "$page_out/index.html"
node scripts/service-worker.mjs "$page_core_out" "$page_out/index.html" "$page_out/page.js" www/sw.js > "$work/sw.js"
cmp -s "$work/sw.js" "$page_out/sw.js" || cp "$work/sw.js" "$page_out/sw.js"
node scripts/site.mjs "$site_out" "$out" "$embed_out" "$page_out" "$page_core_out"
