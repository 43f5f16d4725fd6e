// Writes the service worker's precache lists and version into www/sw.js:
// the files the page loads on every first visit (scripts/assets.mjs), those
// it loads on demand (the message tables: a page loads its language's), and
// a hash of their contents, so that any change to any of them is a new
// version whose cache replaces the old one.
//
//   node scripts/service-worker.mjs <pkg-page-dir> <index.html> <page.js> <sw.js> > <sw.js with the list>
//
// The page's files are read from www/, except its core, pkg-page/, from
// <pkg-page-dir>, and the page itself from <index.html> and <page.js>, its
// bundle (a fresh build's, when checking; as for scripts/preload.mjs). The two
// generated lines of sw.js (`const VERSION = …;`, `const ASSETS = …;` and
// `const ON_DEMAND = …;`) are replaced; the rest is left as written.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT, firstVisit } from './assets.mjs';
import { replaceLines } from './generated-lines.mjs';

const [coreDir, indexPath, bundlePath, swPath] = process.argv.slice(2);
if (!coreDir || !indexPath || !bundlePath || !swPath) {
  console.error('usage: node scripts/service-worker.mjs <pkg-page-dir> <index.html> <page.js> <sw.js>');
  process.exit(2);
}

/** A repository path's bytes, from the build's output where it has one. */
function bytes(path) {
  if (path === 'www/index.html') return readFileSync(indexPath);
  if (path === 'www/page.js') return readFileSync(bundlePath);
  if (path.startsWith('pkg-page/')) return readFileSync(resolve(coreDir, path.slice('pkg-page/'.length)));
  return readFileSync(join(ROOT, path));
}

// Everything but the service worker itself, which the browser keeps apart.
const read = (path) => bytes(path).toString('utf8');
const files = firstVisit('www/index.html', read).filter((path) => path !== 'www/sw.js');
const always = new Set(firstVisit('www/index.html', read, { onDemand: false }));
const hash = createHash('sha256');
for (const path of files) hash.update(`${path}\0`).update(bytes(path)).update('\0');
const version = hash.digest('hex').slice(0, 16);
// Relative to www/sw.js, as the worker fetches them; the page's own URL is `./`.
const inWorker = (paths) => paths.map((path) => relative('www', path));
const assets = ['./', ...inWorker(files.filter((path) => always.has(path)))];
const onDemand = inWorker(files.filter((path) => !always.has(path)));

process.stdout.write(replaceLines(readFileSync(swPath, 'utf8'), swPath, [
  ['const VERSION = ', `const VERSION = '${version}';`],
  ['const ASSETS = ', `const ASSETS = ${JSON.stringify(assets)};`],
  ['const ON_DEMAND = ', `const ON_DEMAND = ${JSON.stringify(onDemand)};`],
]));
