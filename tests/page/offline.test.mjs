// Offline after one visit: the service worker (www/sw.js) caches the files
// of a first visit under a versioned name, and the message table of each
// language the reader has loaded (and no other); with the network gone, a
// reload gives a working calculator (the page, the core, and the worker's
// simulation); an older version's cache is deleted when this one takes over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  liveAnswer, serve, sharedBrowser, watch,
} from './browser.mjs';

const shared = sharedBrowser();

test('after one visit the calculator opens, computes and simulates offline, and older caches are gone', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // A cache left by an older release, which this one's service worker must delete.
  await context.addInitScript(() => { caches.open('aicloud-scenario-0000000000000000'); });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await liveAnswer(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const version = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('aicloud-scenario-')));
  assert.equal(version.length, 1, `caches: ${version}`);
  assert.match(version[0], /^aicloud-scenario-[0-9a-f]{16}$/);
  assert.notEqual(version[0], 'aicloud-scenario-0000000000000000');
  // Installing took the English table, which the page had loaded, and did not download the Chinese one.
  const cached = () => page.evaluate(async (name) => (await (await caches.open(name)).keys())
    .map((request) => new URL(request.url).pathname).filter((path) => path.includes('/messages/')), version[0]);
  assert.deepEqual(await cached(), ['/www/messages/en.js']);
  // A Chinese page, online, loads the Chinese table, which is then kept too.
  await page.goto(`${shared.server.url}index.html#lang=zh`);
  await liveAnswer(page);
  assert.deepEqual((await cached()).sort(), ['/www/messages/en.js', '/www/messages/zh.js']);
  await page.goto(shared.server.url);
  await liveAnswer(page);

  await context.setOffline(true);
  const problems = await watch(page);
  await page.reload();
  await liveAnswer(page);
  await page.fill('#f-targetUsdBn', '250');
  await page.locator('#status').filter({ hasText: /US\$250bn target/ }).waitFor();
  await page.locator('#likely-text').filter({ hasText: /%/ }).waitFor();
  assert.deepEqual(problems, []);
  // A page navigation that was never cached still gets the calculator.
  await page.goto(`${shared.server.url}index.html?from=offline#v=1&p=bull`);
  await liveAnswer(page);
  assert.equal(await page.inputValue('#preset'), 'bull');
  // And in Chinese.
  await page.goto(`${shared.server.url}index.html?zh#v=1&p=base&lang=zh`);
  await liveAnswer(page);
  assert.match(await page.textContent('#status'), /[\u4e00-\u9fff]/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new release replaces the cache, keeping the reader\'s message table as released, and still no other', async () => {
  // A copy of the site, served on its own, that the test changes as a release would.
  const site = mkdtempSync(join(tmpdir(), 'aicloud-release-'));
  cpSync(new URL('../../dist/', import.meta.url), site, { recursive: true });
  const server = await serve({ site });
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await liveAnswer(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const [first] = await page.evaluate(() => caches.keys());

    // The release: the English table changed, so the service worker has a new version.
    appendFileSync(join(site, 'www/messages/en.js'), '\n// the next release\n');
    const sw = join(site, 'www/sw.js');
    const version = first.replace('aicloud-scenario-', '');
    assert.ok(readFileSync(sw, 'utf8').includes(version));
    writeFileSync(sw, readFileSync(sw, 'utf8').replaceAll(version, '0123456789abcdef'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    let names = [];
    for (let tries = 0; tries < 100 && names.join() !== 'aicloud-scenario-0123456789abcdef'; tries += 1) {
      await page.waitForTimeout(100);
      names = await page.evaluate(() => caches.keys());
    }
    assert.deepEqual(names, ['aicloud-scenario-0123456789abcdef'], `was ${first}`);
    const tables = await page.evaluate(async () => {
      const cache = await caches.open('aicloud-scenario-0123456789abcdef');
      const kept = {};
      for (const request of await cache.keys()) {
        if (request.url.includes('/messages/')) kept[new URL(request.url).pathname] = (await (await cache.match(request)).text()).slice(-20);
      }
      return kept;
    });
    assert.deepEqual(tables, { '/www/messages/en.js': '// the next release\n' });
  } finally {
    await context.close();
    server.stop();
    rmSync(site, { recursive: true, force: true });
  }
});
