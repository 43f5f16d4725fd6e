// The development server (scripts/serve.mjs), which the page tests, the
// benchmarks and `scripts/serve.sh` use: what it serves and how.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { serve } from './browser.mjs';

let server;
before(async () => {
  server = await serve();
});
after(() => server.stop());

const DIST = new URL('../../dist/', import.meta.url);

test('the site is served from dist/, gzipped when asked, with an ETag that a revalidation meets with 304', async () => {
  // Node's fetch decodes the gzipped body and keeps the header.
  const response = await fetch(`${server.origin}/www/main.js`, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-encoding'), 'gzip');
  assert.equal(await response.text(), readFileSync(new URL('www/main.js', DIST), 'utf8'));
  const etag = response.headers.get('etag');
  assert.match(etag, /^"\d+-[\d.]+-gzip"$/);
  const again = await fetch(`${server.origin}/www/main.js`, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  const plain = await fetch(`${server.origin}/pkg-page/aicloud_scenario_bg.wasm`, { headers: { 'Accept-Encoding': 'identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
  const wasm = readFileSync(new URL('pkg-page/aicloud_scenario_bg.wasm', DIST));
  assert.equal(Number(plain.headers.get('content-length')), wasm.length);
  assert.deepEqual(Buffer.from(await plain.arrayBuffer()), wasm);
});

test('a malformed or escaping path is refused, and the server goes on serving', async () => {
  assert.equal((await fetch(`${server.origin}/www/%E0`)).status, 400);
  assert.equal((await fetch(`${server.origin}/www/..%2F..%2F..%2Fetc%2Fpasswd`)).status, 403);
  assert.equal((await fetch(`${server.origin}/www/`)).status, 200);
});
