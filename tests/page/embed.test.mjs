// The article widget, tested as a publisher embeds it: the page's own
// snippet pasted into an article on another local origin, the widget in a
// sandboxed iframe (an opaque origin) under its Content-Security-Policy,
// downloading the English messages only. It sizes itself with the host script, also when the script arrives late, and
// shows all or nearly all of itself without it; forged messages are
// ignored; its "Open the full calculator" link follows the reader's edits;
// bad input greys it out, labelled; the Embed panel picks its charts and
// inputs; and an SVG exported in dark mode reads on white.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  ARTIFACTS, axeViolations, liveAnswer, requestedPaths, sharedBrowser, watch,
} from './browser.mjs';

const FRAME = 'iframe[data-aicloud-scenario]';

const shared = sharedBrowser({ article: true });

/** The calculator at `hash` with its Embed panel open. */
async function calculatorWithPanel(hash) {
  const page = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = await watch(page);
  await page.goto(`${shared.server.url}${hash}`);
  await liveAnswer(page);
  await page.click('#show-embed');
  return { page, problems };
}

/** The snippet the calculator's Embed button gives for a scenario link (default choices). */
async function snippetFor(hash) {
  const { page } = await calculatorWithPanel(hash);
  const snippet = await page.inputValue('#embed-code');
  await page.close();
  return snippet;
}

/**
 * Writes an article around a snippet into test-results/ and returns its URL
 * on the article's origin. `host: false` strips the host script, as some
 * publishing systems do; `column` sets the article's text width in px.
 */
function article(name, snippet, { host = true, column } = {}) {
  const pasted = host ? snippet : snippet.split('\n').filter((line) => !line.startsWith('<script')).join('\n');
  const width = column ? ` style="max-width:${column}px;margin:0 auto"` : '';
  writeFileSync(`${ARTIFACTS}${name}.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>An article</title><link rel="icon" href="data:,"></head><body${width}><h1>Can Alibaba reach US$100bn?</h1>
<p>Try the numbers yourself:</p>
${pasted}
<p>The end.</p></body></html>`);
  return `${shared.article.origin}/test-results/${name}.html`;
}

/** The widget's frame in an article page, once it shows a result. */
async function widgetIn(page) {
  await liveAnswer(page.frameLocator(FRAME));
  return page.frames().find((f) => f.url().includes('/www/embed.html'));
}

const heightOf = (page) => page.evaluate((selector) => document.querySelector(selector).style.height, FRAME);
const contentHeight = (widget) => widget.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
const startingHeight = (snippet) => Number(/ height="(\d+)"/.exec(snippet)[1]);

/**
 * A full-page screenshot of an article. The viewport first grows to the whole
 * page: Chromium paints a cross-origin iframe only near the viewport.
 */
async function photograph(page, name) {
  const { width } = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** axe-core's WCAG 2.2 AA rules on a page or frame: no violation. */
async function axe(target, label) {
  assert.deepEqual(await axeViolations(target), [], `axe violations (${label})`);
}

/** WCAG contrast ratio of two `rgb(…)`/`#rrggbb` colours. */
function contrast(a, b) {
  const channels = (color) => (color.startsWith('#')
    ? color.slice(1).match(/../g).map((hex) => parseInt(hex, 16))
    : color.match(/[\d.]+/g).slice(0, 3).map(Number));
  const luminance = (color) => {
    const [r, g, b2] = channels(color).map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

test('an article on another origin embeds the sandboxed widget, which sizes itself', async () => {
  const snippet = await snippetFor('#v=1&p=base&target=250');
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/www\/embed\.html#v=1&amp;p=base&amp;target=250&amp;show=revenue,payback"/);
  assert.match(snippet, /sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"/);
  assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/www\/embed-host\.js" async><\/script>$/);
  assert.notEqual(shared.server.origin, shared.article.origin);

  const page = await shared.browser.newPage({ viewport: { width: 800, height: 900 } });
  const problems = await watch(page);
  const requested = requestedPaths(page);
  await page.goto(article('article', snippet));
  const widget = await widgetIn(page);
  const frame = page.frameLocator(FRAME);
  assert.match(await frame.locator('#status').textContent(), /^Cumulative FY2027-FY2031: US\$301\.4bn/);
  assert.match(await frame.locator('#status').textContent(), /US\$250bn/);
  assert.equal(await frame.locator('svg.chart').count(), 2);
  // An English widget downloads the English messages (their own script, preloaded and then used), once,
  // and not the Chinese ones.
  assert.ok(requested.includes('/pkg-embed/widget.js'), requested.join(' '));
  assert.deepEqual(requested.filter((path) => /messages/.test(path)), ['/pkg-embed/messages-en.js']);
  // Nor, without the probability or the tornado, the simulation's parts (their own script too), and
  // its core is the one without the analysis, preloaded and then used: requested once.
  assert.ok(!requested.includes('/pkg-embed/embed-analysis.js'), requested.join(' '));
  assert.deepEqual(requested.filter((path) => /core/.test(path)), ['/pkg-embed/core.js']);
  // A frame's icon is never requested (scripts/weight.mjs leaves it out of the widget's weight).
  assert.ok(!requested.some((path) => /favicon/.test(path)), requested.join(' '));

  // The widget runs in an opaque origin, and the host sized the iframe to its content.
  assert.equal(await widget.evaluate(() => origin), 'null');
  const content = await contentHeight(widget);
  await page.waitForFunction(([selector, px]) => document.querySelector(selector).style.height === px, [FRAME, `${content}px`]);
  assert.ok(content > 400, `content height ${content}`);
  await photograph(page, 'article-800');

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
  await page.waitForFunction((selector) => document.querySelector(selector).style.height === '333px', FRAME);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a host script that loads after the widget asks for its height, and the iframe is sized', async () => {
  const snippet = await snippetFor('#v=1&p=base');
  const page = await shared.browser.newPage({ viewport: { width: 800, height: 900 } });
  const problems = await watch(page);
  await page.addInitScript(() => {
    window.heights = [];
    window.addEventListener('message', (event) => {
      if (event.data?.type === 'aicloud-scenario:height') window.heights.push(event.data.height);
    });
  });
  await page.goto(article('article-late-host', snippet, { host: false }));
  const widget = await widgetIn(page);
  // The widget has posted its height, and nobody listened: the iframe keeps the snippet's height.
  await page.waitForFunction(() => window.heights.length > 0);
  await page.waitForTimeout(300);
  assert.equal(await heightOf(page), `${startingHeight(snippet)}px`);
  await widget.evaluate(() => {
    window.requests = 0;
    window.addEventListener('message', (event) => {
      if (event.data?.type === 'aicloud-scenario:height-request') window.requests += 1;
    });
  });

  // The host script arrives (async, from the widget's origin, as in the snippet).
  await page.addScriptTag({ url: /<script src="([^"]+)"/.exec(snippet)[1] });
  const content = await contentHeight(widget);
  assert.notEqual(`${content}px`, `${startingHeight(snippet)}px`, 'the starting height differs from the content, so sizing shows');
  await page.waitForFunction(([selector, px]) => document.querySelector(selector).style.height === px, [FRAME, `${content}px`]);
  assert.equal(await widget.evaluate(() => window.requests), 1);
  // A request from anyone but the parent gets no answer.
  const before = await page.evaluate(() => window.heights.length);
  await widget.evaluate(() => window.postMessage({ type: 'aicloud-scenario:height-request' }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.heights.length), before);
  assert.deepEqual(problems, []);
  await page.close();
});

test('without the host script the snippet shows the whole widget, borderless, scrolling inside if it must', async () => {
  const { page: calculator } = await calculatorWithPanel('#v=1&p=base');
  await calculator.check('#embed-inputs input[value="target"]');
  await calculator.check('#embed-inputs input[value="rev.ai"]');
  const snippet = await calculator.inputValue('#embed-code');
  await calculator.close();
  const start = startingHeight(snippet);
  assert.match(snippet, new RegExp(`width="100%" height="${start}" frameborder="0" style="border:0;width:100%;height:${start}px"`));
  assert.doesNotMatch(snippet, /scrolling=/);

  for (const [width, column] of [[800, 640], [360, undefined]]) {
    const page = await shared.browser.newPage({ viewport: { width, height: 900 } });
    const problems = await watch(page);
    await page.goto(article(`article-no-host-${width}`, snippet, { host: false, column }));
    const widget = await widgetIn(page);
    await page.waitForTimeout(300);
    const frame = await page.evaluate((selector) => {
      const style = getComputedStyle(document.querySelector(selector));
      return { border: style.borderTopWidth, height: style.height };
    }, FRAME);
    assert.deepEqual(frame, { border: '0px', height: `${start}px` });
    const content = await contentHeight(widget);
    if (column) {
      // At a typical article column the starting height holds it all, give or take a line.
      assert.ok(Math.abs(content - start) <= 40, `content ${content}px, starting height ${start}px`);
    } else {
      // On a phone it is taller than the start: the reader scrolls inside the frame.
      assert.ok(content > start, `content ${content}px, starting height ${start}px`);
      assert.ok(await widget.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return window.scrollY > 0;
      }));
      await widget.evaluate(() => window.scrollTo(0, 0));
    }
    await photograph(page, `article-no-host-${width}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('the starting height matches what the widget needs at a 640 px column', async () => {
  const page = await shared.browser.newPage({ viewport: { width: 640, height: 900 } });
  const problems = await watch(page);
  const infos = await page.goto(`${shared.server.url}`).then(() => page.evaluate(async () => {
    const { core } = await import('/tests/page/reference-core.js');
    return core.fields();
  }));
  for (const [show, inputs] of [[[], []], [['revenue'], []], [['payback'], []], [['tokens'], []],
    [['revenue', 'payback'], []], [['revenue', 'payback', 'tokens'], ['target', 'fx']], [['revenue'], ['rev.ai', 'capex']],
    [['probability'], []], [['tornado'], []], [['probability', 'tornado'], ['rev.ai']]]) {
    const expected = await page.evaluate(async (args) => (await import('/www/share.js')).embedHeight(...args), [show, inputs, infos]);
    const lists = `show=${show.join(',')}${inputs.length ? `&inputs=${inputs.join(',')}` : ''}`;
    await page.goto('about:blank');
    await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&${lists}`);
    await liveAnswer(page);
    if (show.includes('probability')) await page.locator('#embed-certainty:not(:empty)').waitFor();
    await page.waitForTimeout(100);
    const content = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.ok(Math.abs(content - expected) <= 40, `${lists}: content ${content}px, embedHeight ${expected}px`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('the widget shows the chosen inputs and recomputes as the reader types', async () => {
  const page = await shared.browser.newPage({ viewport: { width: 360, height: 800 } });
  const problems = await watch(page);
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=bull&show=tokens&inputs=target,revenue.aiGrowth`);
  await liveAnswer(page);
  assert.equal(await page.locator('.field').count(), 2);
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-0'), '165');
  assert.equal(await page.locator('svg.chart').count(), 1);
  assert.deepEqual(await page.locator('figcaption').allTextContents(), ['Token economics Out of date']);
  assert.ok(await page.isVisible('figcaption'));
  assert.ok(!(await page.isVisible('figcaption .stale-badge')));
  await page.fill('#f-targetUsdBn', '400');
  assert.match(await page.textContent('#status'), /US\$400bn/);
  await page.fill('#f-targetUsdBn', '-4');
  assert.match(await page.textContent('#status'), /^Check [^:]*target/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a link in US$ (cur=usd) shows the widget\'s charts in US$ and keeps the view in its full-calculator link', async () => {
  const page = await shared.browser.newPage({ viewport: { width: 800, height: 900 } });
  const problems = await watch(page);
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&cur=usd&show=revenue&inputs=target`);
  await liveAnswer(page);
  assert.match(await page.locator('#charts svg').textContent(), /US\$ bn per year/);
  assert.match(await page.getAttribute('#full', 'href'), /^index\.html#v=1&p=base&cur=usd$/);
  await page.fill('#f-targetUsdBn', '150');
  assert.equal(await page.getAttribute('#full', 'href'), 'index.html#v=1&p=base&target=150&cur=usd');
  assert.deepEqual(problems, []);
  await page.close();

  // A broken escape in the embed's own lists does not stop the widget.
  const broken = await shared.browser.newPage();
  const brokenProblems = await watch(broken);
  await broken.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&show=%E0revenue&inputs=%`);
  await liveAnswer(broken);
  await broken.waitForLoadState('load');
  assert.deepEqual(brokenProblems, []);
  await broken.close();
});

test('"Open the full calculator" opens the scenario as edited in the widget', async () => {
  const snippet = (await snippetFor('#v=1&p=bull')).replace('show=revenue,payback', 'show=revenue&amp;inputs=target,rev.ai');
  const page = await shared.browser.newPage({ viewport: { width: 800, height: 900 } });
  const problems = await watch(page);
  await page.goto(article('article-edit', snippet));
  await widgetIn(page);
  const frame = page.frameLocator(FRAME);
  await frame.locator('#f-targetUsdBn').fill('400');
  await frame.locator('#f-revenue-aiGrowth-1').fill('90');
  assert.match(await frame.locator('#status').textContent(), /US\$400bn/);

  // The link decodes to the edited scenario: the bull preset with the two edits, and nothing else.
  const href = await frame.locator('#full').getAttribute('href');
  const helper = await shared.browser.newPage();
  await helper.goto(shared.server.url);
  const decoded = await helper.evaluate(async (link) => {
    const { core } = await import('/tests/page/reference-core.js');
    const expected = core.presets().find((p) => p.id === 'bull').scenario;
    expected.targetUsdBn = '400';
    expected.revenue.aiGrowth[1] = '0.9';
    return { got: core.decodeScenario(link.replace(/^index\.html#/, '')), expected };
  }, href);
  await helper.close();
  assert.equal(decoded.got.preset, 'bull');
  assert.deepEqual(decoded.got.scenario, decoded.expected);

  // Clicking it opens the full calculator (a popup that leaves the sandbox) on that scenario.
  const [popup] = await Promise.all([page.waitForEvent('popup'), frame.locator('#full').click()]);
  await liveAnswer(popup);
  assert.equal(await popup.inputValue('#preset'), 'bull');
  assert.equal(await popup.inputValue('#f-targetUsdBn'), '400');
  assert.equal(await popup.inputValue('#f-revenue-aiGrowth-1'), '90');
  assert.equal(await popup.textContent('#status'), await frame.locator('#status').textContent());
  await popup.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad input in the widget greys the charts, labelled out of date, with AA contrast light and dark', async () => {
  const page = await shared.browser.newPage({ viewport: { width: 800, height: 900 } });
  const problems = await watch(page);
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&show=revenue,payback&inputs=target,rev.ai`);
  await liveAnswer(page);
  await page.fill('#f-targetUsdBn', '150');
  const good = await page.getAttribute('#full', 'href');
  assert.match(good, /target=150/);

  await page.fill('#f-targetUsdBn', 'abc');
  assert.equal(await page.getAttribute('#f-targetUsdBn', 'aria-invalid'), 'true');
  assert.ok(await page.isVisible('#f-targetUsdBn-error'));
  assert.match(await page.textContent('#status'), /^Check [A-Z][a-z ]*target: [A-Z]/);
  // The field's name in the headline leads to the field, and leaves the fragment (the scenario) alone.
  const hash = await page.evaluate(() => location.hash);
  await page.locator('#f-revenue-aiGrowth-0').focus();
  await page.click('#status a[href="#f-targetUsdBn"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-targetUsdBn');
  assert.equal(await page.evaluate(() => location.hash), hash);
  assert.equal(await page.locator('body.is-stale').count(), 1);
  assert.ok(await page.isVisible('#stale'));
  const badges = page.locator('figcaption .stale-badge');
  assert.equal(await badges.count(), 2);
  for (const badge of await badges.all()) {
    assert.ok(await badge.isVisible());
    assert.equal(await badge.textContent(), 'Out of date');
  }
  const look = await page.evaluate(() => [...document.querySelectorAll('#charts svg')]
    .map((svg) => `${getComputedStyle(svg).filter} ${getComputedStyle(svg).opacity}`));
  assert.deepEqual(look, ['grayscale(1) 0.45', 'grayscale(1) 0.45']);
  // The link still opens the last scenario that computed.
  assert.equal(await page.getAttribute('#full', 'href'), good);
  await axe(page, 'widget, stale, light');
  await page.screenshot({ path: `${ARTIFACTS}embed-stale-800-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe(page, 'widget, stale, dark');
  await page.screenshot({ path: `${ARTIFACTS}embed-stale-800-dark.png`, fullPage: true });

  await page.fill('#f-targetUsdBn', '120');
  assert.equal(await page.locator('body.is-stale').count(), 0);
  assert.ok(!(await page.isVisible('figcaption .stale-badge')));
  assert.match(await page.getAttribute('#full', 'href'), /target=120/);
  await axe(page, 'widget, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await axe(page, 'widget, light');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a bad link shows the preset\'s value for the bad field in the widget, and says so', async () => {
  const page = await shared.browser.newPage({ viewport: { width: 640, height: 900 } });
  const problems = await watch(page);
  // fx has no input in this widget; target has one.
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&fx=abc&target=-5&show=revenue&inputs=target`);
  await page.locator('html:not(.prerendered) #status').filter({ hasText: /^Check / }).waitFor();
  assert.match(await page.textContent('#status'), /^Check [^:]+: Above 0, .* \(and 1 more\)$/);
  assert.equal(await page.textContent('#stale'),
    `These results use the Base preset's value for ${await page.evaluate(async () => (await import('/www/fields.js')).FIELD_TEXT.targetUsdBn.label)}; `
    + 'Exchange rate. Fix the highlighted fields to see your own.');
  assert.equal(await page.locator('#charts svg.chart').count(), 1);
  assert.ok(await page.isVisible('figcaption .stale-badge'));
  assert.equal(await page.getAttribute('#full', 'href'), 'index.html#v=1&p=base&fx=abc&target=-5');
  // Fixing the field the reader can reach still leaves the link's bad exchange rate: still the preset's value.
  await page.fill('#f-targetUsdBn', '200');
  assert.match(await page.textContent('#status'), /^Check Exchange rate: Must be a decimal number .*; the full calculator can change it\.$/);
  assert.match(await page.textContent('#stale'), /^These results use the Base preset's value for Exchange rate\.$/);
  await axe(page, 'widget, bad link');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the Embed panel picks charts and inputs, the snippet follows live, and the widget shows them', async () => {
  const { page, problems } = await calculatorWithPanel('#v=1&p=base');
  const code = () => page.inputValue('#embed-code');
  assert.match(await code(), /&amp;show=revenue,payback"/);
  assert.doesNotMatch(await code(), /inputs=/);
  // The inputs on offer, in the form's words.
  const labels = await page.locator('#embed-inputs label').allTextContents();
  const expected = await page.evaluate(async () => {
    const { FIELD_TEXT } = await import('/www/fields.js');
    return ['targetUsdBn', 'revenue.aiGrowth', 'revenue.coreGrowth', 'fxRmbPerUsd', 'capex.rmbBn',
      'capex.incrementalCashMargin', 'tokens.priceRmbPerMTok'].map((path) => FIELD_TEXT[path].label);
  });
  assert.deepEqual(labels, expected);
  await axe(page, 'calculator with the Embed panel open');

  const before = startingHeight(await code());
  await page.check('#embed-show input[value="tokens"]');
  assert.match(await code(), /&amp;show=revenue,payback,tokens"/);
  await page.uncheck('#embed-show input[value="payback"]');
  assert.match(await code(), /&amp;show=revenue,tokens"/);
  await page.check('#embed-inputs input[value="rev.ai"]');
  await page.check('#embed-inputs input[value="target"]');
  assert.match(await code(), /&amp;show=revenue,tokens&amp;inputs=target,rev\.ai"/);
  assert.ok(startingHeight(await code()) > before, 'two inputs make the starting height taller');
  // Editing the scenario while the panel is open updates the snippet too.
  await page.fill('#f-fxRmbPerUsd', '7.3');
  assert.match(await code(), /#v=1&amp;p=base&amp;fx=7\.3&amp;show=revenue,tokens&amp;inputs=target,rev\.ai"/);
  const snippet = await code();
  await page.locator('#embed-panel').screenshot({ path: `${ARTIFACTS}embed-panel-1280.png` });
  await page.setViewportSize({ width: 360, height: 900 });
  await page.locator('#embed-panel').screenshot({ path: `${ARTIFACTS}embed-panel-360.png` });
  assert.deepEqual(problems, []);
  await page.close();

  const reader = await shared.browser.newPage({ viewport: { width: 800, height: 900 } });
  const readerProblems = await watch(reader);
  await reader.goto(article('article-chosen', snippet));
  await widgetIn(reader);
  const frame = reader.frameLocator(FRAME);
  assert.deepEqual(await frame.locator('figcaption').evaluateAll((nodes) => nodes.map((n) => n.firstChild.textContent)),
    ['Revenue path', 'Token economics']);
  for (const caption of await frame.locator('figcaption').all()) assert.ok(await caption.isVisible());
  assert.equal(await frame.locator('svg.chart').count(), 2);
  assert.deepEqual(await frame.locator('.field').evaluateAll((nodes) => nodes.map((n) => n.dataset.path)),
    ['targetUsdBn', 'revenue.aiGrowth']);
  assert.equal(await frame.locator('#f-fxRmbPerUsd').count(), 0);
  assert.deepEqual(readerProblems, []);
  await reader.close();
});

test('a chart exported in dark mode is the light chart on an opaque white background', async () => {
  const page = await shared.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const problems = await watch(page);
  await page.goto(shared.server.url);
  await liveAnswer(page);
  // Charts lay themselves out again at their displayed width on the next frame: export once that is done.
  const settled = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const exported = async () => {
    await settled();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart="revenue-chart"]')]);
    return readFileSync(await download.path(), 'utf8');
  };
  const light = await exported();
  await page.emulateMedia({ colorScheme: 'dark' });
  const liveFill = () => page.evaluate(() => getComputedStyle(document.querySelector('#revenue-chart svg text')).fill);
  const darkText = await liveFill();
  const dark = await exported();
  assert.equal(dark, light, 'the export does not depend on the reader\'s colour scheme');
  assert.equal(await liveFill(), darkText, 'the chart on screen keeps its dark colours');

  // The file's own background, and every text's contrast against it.
  const { background, texts } = await page.evaluate((svgText) => {
    const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
    const rect = svg.querySelector(':scope > rect');
    return {
      background: { fill: rect.getAttribute('fill'), width: rect.getAttribute('width'), full: svg.getAttribute('width') },
      texts: [...svg.querySelectorAll('text')].map((text) => [text.textContent, text.getAttribute('fill'), text.getAttribute('opacity')]),
    };
  }, dark);
  assert.equal(background.fill, 'rgb(255, 255, 255)');
  assert.equal(background.width, background.full);
  assert.ok(texts.length > 5);
  for (const [text, fill, opacity] of texts) {
    assert.equal(opacity, '1', text);
    assert.ok(contrast(fill, background.fill) >= 4.5, `${text}: ${fill} on ${background.fill}`);
  }

  // The file as a journalist places it on a white page, photographed.
  writeFileSync(`${ARTIFACTS}exported-dark-mode.svg`, dark);
  const viewer = await shared.browser.newPage({ viewport: { width: 700, height: 500 }, colorScheme: 'dark' });
  await viewer.setContent(`<body style="background:#fff;margin:20px"><img src="data:image/svg+xml;base64,${Buffer.from(dark).toString('base64')}"></body>`);
  await viewer.screenshot({ path: `${ARTIFACTS}exported-dark-mode-on-white.png`, fullPage: true });
  await viewer.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('screenshots of the widget at 360 and 800 px, light and dark', async () => {
  const { page: calculator } = await calculatorWithPanel('#v=1&p=base');
  await calculator.check('#embed-inputs input[value="target"]');
  await calculator.check('#embed-inputs input[value="rev.ai"]');
  const snippet = await calculator.inputValue('#embed-code');
  await calculator.close();
  const url = article('article-shots', snippet);
  for (const [width, scheme] of [[360, 'light'], [360, 'dark'], [800, 'light'], [800, 'dark']]) {
    const page = await shared.browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    const problems = await watch(page);
    await page.goto(url);
    const widget = await widgetIn(page);
    const content = await contentHeight(widget);
    await page.waitForFunction(([selector, px]) => document.querySelector(selector).style.height === px, [FRAME, `${content}px`]);
    // Nothing in the widget overflows sideways.
    assert.ok(await widget.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${width} ${scheme}`);
    await photograph(page, `embed-${width}-${scheme}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('show=probability,tornado: the chance, histogram, goal seek and tornado in a sandboxed iframe on another origin', async () => {
  const page = await shared.browser.newPage({ viewport: { width: 800, height: 900 } });
  const problems = await watch(page);
  const snippet = (await snippetFor('#v=1&p=bull&samples=20000&seed=3&sure=90'))
    .replace(/show=[a-z,]+/, 'show=probability,tornado');
  const requested = requestedPaths(page);
  await page.goto(article('article-probability', snippet));
  const widget = await widgetIn(page);
  await widget.locator('#embed-certainty:not(:empty)').waitFor();
  const got = await widget.evaluate(() => {
    // The package the widget loaded (core.js's global binding; the bundle itself exposes nothing).
    const core = wasm_bindgen;
    const { scenario } = core.presets().find((p) => p.id === 'bull');
    const options = { samples: 20000, seed: 3 };
    return {
      scenario,
      projection: core.compute(scenario),
      simulation: core.simulate(scenario, options),
      certainty: core.solveProbability(scenario, { ...options, probability: 0.9 }),
    };
  });
  // The page's wording of those results (www/likely.js runs in Node as well).
  const { certaintySentence, likelySentences } = await import('../../www/likely.js');
  assert.equal(await widget.textContent('#embed-probability-text'),
    likelySentences(got.scenario, got.projection, got.simulation).join(''));
  assert.match(await widget.textContent('#embed-probability-text'), /of 20,000 simulated futures/);
  assert.equal(await widget.textContent('#embed-certainty'), certaintySentence(got.scenario, '90', got.certainty));
  assert.equal(await widget.locator('#embed-histogram svg.chart').count(), 1);
  assert.ok(requested.includes('/pkg-embed/embed-analysis.js'), requested.join(' '));
  // The core with the analysis, instead of the other one, and the table with its words: each requested once.
  assert.deepEqual(requested.filter((path) => /core/.test(path)), ['/pkg-embed/core-analysis.js']);
  assert.deepEqual(requested.filter((path) => /messages/.test(path)), ['/pkg-embed/messages-en-analysis.js']);
  assert.match(await widget.locator('#embed-histogram svg title').first().textContent(), /across 20,000 futures/);
  assert.match(await widget.locator('svg[aria-labelledby^="embed-tornado"] desc').textContent(), /matters most/);
  // The full calculator opens with the same options.
  assert.match(await widget.getAttribute('#full', 'href'), /samples=20000&seed=3&sure=90/);
  await photograph(page, 'article-probability');
  assert.deepEqual(problems, []);
  await page.close();

  // axe-core on the widget itself (in the sandboxed frame it cannot read the stylesheet), light and dark.
  for (const colorScheme of ['light', 'dark']) {
    const alone = await shared.browser.newPage({ viewport: { width: 360, height: 800 }, colorScheme });
    await alone.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&show=probability,tornado`);
    await alone.locator('#embed-certainty:not(:empty)').waitFor();
    await axe(alone, `widget with probability and tornado, ${colorScheme}`);
    await alone.screenshot({ path: `${ARTIFACTS}widget-probability-360-${colorScheme}.png`, fullPage: true });
    await alone.close();
  }
});

test('a widget whose core cannot load tells the reader, and names the script that failed', async () => {
  for (const [show, script] of [['revenue', 'core.js'], ['tornado', 'core-analysis.js']]) {
    const page = await shared.browser.newPage({ viewport: { width: 640, height: 900 } });
    await page.route(`**/pkg-embed/${script}`, (route) => route.abort());
    const error = page.waitForEvent('pageerror');
    await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&show=${show}`);
    const url = `http://127\\.0\\.0\\.1:\\d+/pkg-embed/${script.replace('.', '\\.')}`;
    assert.match((await error).message, new RegExp(`^could not load ${url}$`));
    assert.match(await page.textContent('#status'),
      new RegExp(`^The calculator could not load \\(could not load ${url}\\), so it cannot compute\\. Reload the page to try again\\.$`));
    await page.close();
  }
});
