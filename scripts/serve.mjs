// A static file server for the repository, on 127.0.0.1 only, with no
// dependencies. It sends the Content-Security-Policy the page must work
// under, so that development and tests see what a strict host would send.
// The site's four directories (www/, pkg/, pkg-embed/, pkg-page/) are served from the
// build's minified copy in dist/ (scripts/site.mjs), as a reader gets them;
// everything else (examples/, test-results/, target/) from the repository.
// Like a production host, it sends text and wasm gzipped (level 9, the
// weight budgets' measure) to a browser that accepts it, and an ETag, so
// that a second request for a file (the analysis worker's wasm, the
// service worker's precache) is answered 304 Not Modified.
//
//   node scripts/serve.mjs [port] [--no-csp] [--sources | --site <dir>]
//     port: default $PORT or 8000; 0 picks a free port.
//     --no-csp: send no Content-Security-Policy (tests use it to play a
//     publisher's article page on another origin that embeds the widget).
//     --sources: serve www/, pkg/, pkg-embed/ and pkg-page/ as written, not minified
//     (for reading the page's code in a browser's developer tools).
//     --site <dir>: serve them from <dir> instead of dist/ (a test's copy of
//     the site, changed as a new release would change it).
//
// Prints the page's URL on its first line of output.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzip9 } from './gzip.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
// `--site <dir>`, taken out of the arguments before the rest are read.
const siteAt = args.indexOf('--site');
const siteDir = siteAt >= 0 ? args.splice(siteAt, 2)[1] : null;
const port = Number(args.find((arg) => /^\d+$/.test(arg)) ?? process.env.PORT ?? 8000);
const sendCsp = !args.includes('--no-csp');
const site = siteDir ? resolve(siteDir) : args.includes('--sources') ? root : join(root, 'dist');
const SITE_DIRECTORIES = ['www', 'pkg', 'pkg-embed', 'pkg-page'];
if (!existsSync(join(site, 'www', 'index.html'))) {
  console.error(siteDir ? `${site} has no www/index.html` : 'dist/ has not been built: run scripts/build.sh (or serve the sources with --sources)');
  process.exit(1);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Types sent gzipped: all but the already compressed (PNG). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.ts', '.md']);
/** Gzipped bodies by file, each kept while the file's size and time are unchanged. */
const gzipped = new Map();
function gzippedBody(file, stats) {
  const stamp = `${stats.size}:${stats.mtimeMs}`;
  const kept = gzipped.get(file);
  if (kept?.stamp === stamp) return kept.body;
  const body = gzip9(readFileSync(file));
  gzipped.set(file, { stamp, body });
  return body;
}

const server = createServer((request, response) => {
  let path;
  try {
    path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  } catch {
    response.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad request: the path is not valid percent-encoded UTF-8');
    return;
  }
  if (path === '/') {
    response.writeHead(302, { Location: '/www/' });
    response.end();
    return;
  }
  const base = SITE_DIRECTORIES.includes(path.split('/')[1]) ? site : root;
  let file = normalize(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) {
    response.writeHead(403).end('forbidden');
    return;
  }
  let stats;
  try {
    stats = statSync(file);
    if (stats.isDirectory()) {
      file = join(file, 'index.html');
      stats = statSync(file);
    }
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  const gzip = COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  // Each representation (gzipped or not) of each version of the file has its own tag.
  const etag = `"${stats.size}-${stats.mtimeMs}${gzip ? '-gzip' : ''}"`;
  const common = {
    ETag: etag,
    Vary: 'Accept-Encoding',
    ...(sendCsp ? { 'Content-Security-Policy': CSP } : {}),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, common).end();
    return;
  }
  const body = gzip ? gzippedBody(file, stats) : null;
  response.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Content-Length': body ? body.length : stats.size,
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    ...common,
  });
  if (request.method === 'HEAD') {
    response.end();
  } else if (body) {
    response.end(body);
  } else {
    createReadStream(file).pipe(response);
  }
});

server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `port ${port} is in use: set PORT to another one` : error.message);
  process.exit(1);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/www/`);
});
