// The site as it is served: www/, pkg/, pkg-embed/ and pkg-page/ copied
// into one directory, with the page's JavaScript minified by terser
// (comments and blank space dropped, local names shortened; exported names,
// import paths and strings are kept), the stylesheet's comments and blank
// space dropped, and the pages' comments. scripts/serve.mjs serves this
// copy, so the tests and the weight budgets see what a reader downloads;
// www/ stays the readable source.
//
//   node scripts/site.mjs <out> <pkg-dir> <pkg-embed-dir> <page-dir> <pkg-page-dir>
//
// Everything in www/ is copied, except that the three files the build
// generates (index.html, page.js and sw.js) come from <page-dir>, and that the
// English table leaves out the words the page's HTML already shows
// (scripts/page-messages.mjs). pkg-embed/ is
// minified already (scripts/build.sh). <out> is replaced as a whole.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { ROOT } from './assets.mjs';
import { minifyPage, minifyScript, minifyStyle } from './minify.mjs';
import { englishPageTable } from './page-messages.mjs';

const [out, pkgDir, embedDir, pageDir, pageCoreDir] = process.argv.slice(2);
if (!out || !pkgDir || !embedDir || !pageDir || !pageCoreDir) {
  console.error('usage: node scripts/site.mjs <out> <pkg-dir> <pkg-embed-dir> <page-dir> <pkg-page-dir>');
  process.exit(2);
}
const GENERATED = new Set(['index.html', 'page.js', 'sw.js']);

/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(dir, join(entry.parentPath, entry.name)));

/** Writes `from` (a file) to `to`, minified when it is a script or a stylesheet. */
async function copy(from, to) {
  mkdirSync(join(to, '..'), { recursive: true });
  const extension = extname(from);
  if (extension === '.js') {
    writeFileSync(to, await minifyScript(readFileSync(from, 'utf8'), relative(ROOT, from)));
  } else if (extension === '.css') {
    writeFileSync(to, minifyStyle(readFileSync(from, 'utf8')));
  } else if (extension === '.html') {
    writeFileSync(to, minifyPage(readFileSync(from, 'utf8')));
  } else {
    cpSync(from, to);
  }
}

rmSync(out, { recursive: true, force: true });
// The English page's table is written without the words its HTML already
// shows (scripts/page-messages.mjs), the rest of www/ as it is, minified.
const ENGLISH = 'messages/en.js';
for (const path of filesUnder(join(ROOT, 'www')).filter((path) => !GENERATED.has(path) && path !== ENGLISH)) {
  await copy(join(ROOT, 'www', path), join(out, 'www', path));
}
for (const path of GENERATED) await copy(join(pageDir, path), join(out, 'www', path));
const english = await englishPageTable(readFileSync(join(pageDir, 'index.html'), 'utf8'));
writeFileSync(join(out, 'www', ENGLISH), await minifyScript(english, `www/${ENGLISH}`));
// pkg/ is the npm package, which a developer may load from the site as a module (README, "Use it as a library").
for (const [dir, name] of [[pkgDir, 'pkg'], [pageCoreDir, 'pkg-page']]) {
  for (const path of filesUnder(dir)) await copy(join(dir, path), join(out, name, path));
}
cpSync(embedDir, join(out, 'pkg-embed'), { recursive: true });
