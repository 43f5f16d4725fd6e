// Writes the service worker's precache list and version into www/sw.js:
// the files the page loads on a first visit (scripts/assets.mjs) and a hash
// of their contents, so that any change to any of them is a new version
// whose cache replaces the old one.
//
//   node scripts/service-worker.mjs <pkg-dir> <index.html> <sw.js> > <sw.js with the list>
//
// The page's files are read from www/, except pkg/ from <pkg-dir> and the
// page itself from <index.html> (a fresh build's, when checking). The two
// generated lines of sw.js (`const VERSION = …;` and `const ASSETS = …;`)
// are replaced; the rest is left as written.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT, firstVisit } from './assets.mjs';
import { replaceLines } from './generated-lines.mjs';

const [pkgDir, indexPath, swPath] = process.argv.slice(2);
if (!pkgDir || !indexPath || !swPath) {
  console.error('usage: node scripts/service-worker.mjs <pkg-dir> <index.html> <sw.js>');
  process.exit(2);
}

/** A repository path's bytes, from the build's output where it has one. */
function bytes(path) {
  if (path === 'www/index.html') return readFileSync(indexPath);
  if (path.startsWith('pkg/')) return readFileSync(resolve(pkgDir, path.slice('pkg/'.length)));
  return readFileSync(join(ROOT, path));
}

// Everything but the service worker itself, which the browser keeps apart.
const files = firstVisit('www/index.html', (path) => bytes(path).toString('utf8')).filter((path) => path !== 'www/sw.js');
const hash = createHash('sha256');
for (const path of files) hash.update(`${path}\0`).update(bytes(path)).update('\0');
const version = hash.digest('hex').slice(0, 16);
// Relative to www/sw.js, as the worker fetches them; the page's own URL is `./`.
const assets = ['./', ...files.map((path) => relative('www', path))];

process.stdout.write(replaceLines(readFileSync(swPath, 'utf8'), swPath, [
  ['const VERSION = ', `const VERSION = '${version}';`],
  ['const ASSETS = ', `const ASSETS = ${JSON.stringify(assets)};`],
]));
