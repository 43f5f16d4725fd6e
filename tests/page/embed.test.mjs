// The article widget: embedded by the page's own snippet into an article on
// another local origin, in a sandboxed iframe (an opaque origin) under the
// widget's Content-Security-Policy; it sizes itself, and forged messages
// are ignored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ARTIFACTS, launch, serve, watch } from './browser.mjs';

let widgetServer;
let articleServer;
let browser;
before(async () => {
  widgetServer = await serve();
  articleServer = await serve({ csp: false });
  browser = await launch();
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  widgetServer?.stop();
  articleServer?.stop();
});

/** The snippet the calculator's Embed button gives for a scenario link. */
async function snippetFor(hash) {
  const page = await browser.newPage();
  await page.goto(`${widgetServer.url}${hash}`);
  await page.locator('#status').filter({ hasText: /^Cumulative/ }).waitFor();
  await page.click('#show-embed');
  const snippet = await page.inputValue('#embed-code');
  await page.close();
  return snippet;
}

const heightOf = (page) => page.evaluate(() => document.querySelector('iframe[data-aicloud-scenario]').style.height);

test('an article on another origin embeds the sandboxed widget, which sizes itself', async () => {
  const snippet = await snippetFor('#v=1&p=base&target=250');
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/www\/embed\.html#v=1&amp;p=base&amp;target=250&amp;show=revenue,payback"/);
  assert.match(snippet, /sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"/);
  assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/www\/embed-host\.js" async><\/script>$/);
  writeFileSync(`${ARTIFACTS}article.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>An article</title><link rel="icon" href="data:,"></head><body><h1>Can Alibaba reach US$100bn?</h1>
<p>Try the numbers yourself:</p>
${snippet}
<p>The end.</p></body></html>`);
  assert.notEqual(widgetServer.origin, articleServer.origin);

  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  const problems = await watch(page);
  await page.goto(`${articleServer.origin}/test-results/article.html`);
  const frame = page.frameLocator('iframe[data-aicloud-scenario]');
  await frame.locator('#status').filter({ hasText: /^Cumulative/ }).waitFor();
  assert.match(await frame.locator('#status').textContent(), /target of US\$250bn reached in FY2031/);
  assert.equal(await frame.locator('svg[role="img"]').count(), 2);

  // The widget runs in an opaque origin, and the host sized the iframe to its content.
  const widget = page.frames().find((f) => f.url().includes('/www/embed.html'));
  assert.equal(await widget.evaluate(() => origin), 'null');
  await page.waitForFunction(() => document.querySelector('iframe[data-aicloud-scenario]').style.height !== '');
  const content = await widget.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.equal(await heightOf(page), `${content}px`);
  assert.ok(content > 400, `content height ${content}`);
  await page.screenshot({ path: `${ARTIFACTS}article-800.png`, fullPage: true });

  // Forged messages: from the article itself, from another sandboxed frame,
  // and from the widget's own window with the wrong type or no usable height.
  const sized = await heightOf(page);
  await page.evaluate(() => window.postMessage({ type: 'aicloud-scenario:height', height: 77 }, '*'));
  await page.evaluate(() => {
    const other = document.createElement('iframe');
    other.setAttribute('sandbox', 'allow-scripts');
    other.srcdoc = "<script>parent.postMessage({ type: 'aicloud-scenario:height', height: 88 }, '*')</script>";
    document.body.append(other);
  });
  await widget.evaluate(() => {
    parent.postMessage({ type: 'something-else', height: 99 }, '*');
    parent.postMessage({ type: 'aicloud-scenario:height', height: 'tall' }, '*');
    parent.postMessage({ type: 'aicloud-scenario:height', height: Infinity }, '*');
    parent.postMessage('aicloud-scenario:height', '*');
  });
  await page.waitForTimeout(300);
  assert.equal(await heightOf(page), sized);
  // The same message from the widget's window is accepted (so the above were refused for their source).
  await widget.evaluate(() => parent.postMessage({ type: 'aicloud-scenario:height', height: 333 }, '*'));
  await page.waitForFunction(() => document.querySelector('iframe[data-aicloud-scenario]').style.height === '333px');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the widget shows the chosen inputs and recomputes as the reader types', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  const problems = await watch(page);
  await page.goto(`${widgetServer.origin}/www/embed.html#v=1&p=bull&show=tokens&inputs=target,revenue.aiGrowth`);
  await page.locator('#status').filter({ hasText: /^Cumulative/ }).waitFor();
  assert.equal(await page.locator('.field').count(), 2);
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-0'), '165');
  assert.equal(await page.locator('svg[role="img"]').count(), 1);
  await page.fill('#f-targetUsdBn', '400');
  assert.match(await page.textContent('#status'), /US\$400bn/);
  await page.fill('#f-targetUsdBn', '-4');
  assert.match(await page.textContent('#status'), /^Check Cumulative revenue target/);
  assert.equal(await page.getAttribute('#full', 'href'), 'index.html#v=1&p=bull');
  await page.screenshot({ path: `${ARTIFACTS}embed-360.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
