#!/usr/bin/env bash
# Runs every test: formatting, lints (native and wasm32), native unit,
# formula, validation and property tests, the boundary suite in Node and in
# headless Chromium, the pkg/ freshness check, the npm package (packed,
# installed offline, its types compiled with tsc --strict and held to real
# outputs, the README's examples run), the exports fuzzer (40,000 seeded
# cases in Node) and the page tests in Chromium.
# Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

scripts/setup.sh --test
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (native and wasm32) -D warnings"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --all-features --target wasm32-unknown-unknown -- -D warnings
# The widget's cores: without the analysis and library exports, and with the analysis only.
cargo clippy --locked --lib --no-default-features --target wasm32-unknown-unknown -- -D warnings
cargo clippy --locked --lib --no-default-features --features analysis --target wasm32-unknown-unknown -- -D warnings

step "native tests, and the crate docs (native and wasm32) build without warnings"
cargo test --locked
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --quiet
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --quiet --target wasm32-unknown-unknown

step "boundary tests in Node"
cargo test --locked --target wasm32-unknown-unknown --test node

step "boundary tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "pkg/, pkg-embed/, pkg-page/, and the generated parts of www/index.html and www/sw.js are what the sources build"
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
scripts/build.sh "$fresh/pkg" "$fresh/pkg-embed" "$fresh/www" "$fresh/dist" "$fresh/pkg-page"
for file in index.html sw.js; do
  if ! cmp -s "www/$file" "$fresh/www/$file"; then
    diff "www/$file" "$fresh/www/$file" | cut -c1-200 | head -20 || true
    echo "www/$file is stale: run scripts/build.sh and commit it" >&2
    exit 1
  fi
done
for dir in pkg pkg-embed pkg-page; do
  if ! diff -r "$dir" "$fresh/$dir" >/dev/null; then
    diff -r "$dir" "$fresh/$dir" | head -20 || true
    echo "$dir/ is stale: run scripts/build.sh and commit $dir/" >&2
    exit 1
  fi
done
echo "pkg/, pkg-embed/, pkg-page/, www/index.html and www/sw.js are fresh"
# The fresh build's minified site (scripts/site.mjs) is what the page tests and the weight see,
# and its bundle of the page's modules, www/page.js (built, not committed), is what the weight
# follows the page's references through (scripts/assets.mjs).
rm -rf dist
mv "$fresh/dist" dist
cp "$fresh/www/page.js" www/page.js

step "weight of a first visit (page and widget), gzipped, within its ceilings"
node scripts/weight.mjs

step "the npm package: npm pack ./pkg installed offline, the type test (tsc --strict), the README's Node example"
node --test tests/package/

step "exports fuzzer: 40,000 seeded hostile cases (over 100,000 calls) in Node"
node fuzz/exports.mjs --cases 40000

step "shipped JavaScript has no eval( or new Function"
if grep -rnE 'eval\(|new Function' www/*.js pkg/*.js pkg-embed/*.js pkg-page/*.js dist --include='*.js'; then
  echo "dynamic code found in shipped JavaScript" >&2
  exit 1
fi
echo "none found"

step "the page tests' core that can trap (cargo feature trap-test), into target/trap"
CARGO_FEATURES=trap-test scripts/build.sh target/trap/pkg target/trap/pkg-embed target/trap/www target/trap/dist target/trap/pkg-page

step "page tests in Chromium"
node --test tests/page/
