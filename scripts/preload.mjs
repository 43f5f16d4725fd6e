// Writes the page's preload line into www/index.html: a
// `<link rel="modulepreload">` for every module www/page.js (the bundle of
// main.js, scripts/build.sh) imports, however deep (scripts/assets.mjs
// follows them), and a `<link rel="preload">` for
// the wasm, so that a browser asks for them all as soon as it reads the
// head, instead of one round trip per level of imports and the wasm only
// after every module has run. On a phone's network that is several round
// trips of 150 ms or more.
//
//   node scripts/preload.mjs <index.html> <page.js> > <index.html with the line>
//
// The line starting `  <link rel="modulepreload"` is replaced; the rest is
// left as written. The worker's modules are not preloaded (a worker has its
// own module map), nor the Chinese messages (loaded on demand).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, firstVisit } from './assets.mjs';
import { replaceLines } from './generated-lines.mjs';

const [indexPath, bundlePath] = process.argv.slice(2);
if (!indexPath || !bundlePath) {
  console.error('usage: node scripts/preload.mjs <index.html> <page.js>');
  process.exit(2);
}

const ENTRY = 'www/page.js';
const WASM = 'pkg-page/aicloud_scenario_bg.wasm';
// The bundle from the build's output (a fresh one, when checking), the rest from the repository.
const read = (path) => readFileSync(path === ENTRY ? bundlePath : join(ROOT, path), 'utf8');
const modules = firstVisit(ENTRY, read, { onDemand: false, staticImports: true }).filter((path) => path !== ENTRY);
// wasm-bindgen's glue fetches the wasm with `fetch()`: a CORS-mode request,
// which only a preload marked `crossorigin` is kept for.
const links = [
  ...modules.map((path) => `<link rel="modulepreload" href="${relative('www', path)}">`),
  `<link rel="preload" href="${relative('www', WASM)}" as="fetch" type="application/wasm" crossorigin>`,
];

process.stdout.write(replaceLines(readFileSync(indexPath, 'utf8'), indexPath, [
  ['  <link rel="modulepreload"', `  ${links.join('')}`],
]));
