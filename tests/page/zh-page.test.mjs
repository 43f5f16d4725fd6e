// The page in Chinese as a whole: the language chosen by the link or the
// browser, the switch keeping the scenario, the static words from the
// message tables, no English word left on the Chinese page (every visible
// text node, aria-label and title), axe-core in both languages, light and
// dark, and screenshots at 360 and 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { MESSAGES as en } from '../../www/messages/en.js';
import { MESSAGES as zh } from '../../www/messages/zh.js';
import {
  ARTIFACTS, axeViolations, liveAnswer, sectionsDrawn, sharedBrowser, watch,
} from './browser.mjs';

const shared = sharedBrowser();

/** A fresh context (its own locale) with a page that has loaded `fragment` and drawn its answer. */
async function open(fragment, { locale = 'en-US', viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  const context = await shared.browser.newContext({ locale, viewport, colorScheme });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(`${shared.server.url}${fragment}`);
  await liveAnswer(page);
  return { context, page, problems };
}

/**
 * Words of Latin letters a Chinese reader may meet on the Chinese page:
 * abbreviations and units Chinese financial writing keeps, names, and the
 * A and B of a comparison.
 */
const ALLOWED = new Set(['AI', 'RMB', 'US', 'MaaS', 'EBITA', 'NPV', 'IRR', 'CSV', 'JSON', 'SVG', 'Token', 'GPU',
  'kW', 'kWh', 'Ctrl', 'C', 'A', 'B']);

/**
 * Every Latin word in what a reader sees or hears on `page`: visible text
 * nodes (with every <details> opened, the options of visible selects), and
 * the aria-label and title of visible elements; text marked lang="en" (the
 * switch's "English") is English by declaration. `[{word, where}]`.
 */
function latinWords(page) {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const found = [];
    const visible = (element) => element.checkVisibility({ visibilityProperty: true })
      || (element.tagName === 'OPTION' && element.closest('select').checkVisibility());
    const add = (text, element) => {
      if (element.closest('[lang="en"], script, style, noscript')) return;
      for (const word of text.match(/[A-Za-z][A-Za-z'’]*/g) ?? []) {
        found.push({ word, where: `${element.tagName.toLowerCase()}#${element.id || element.closest('[id]')?.id}: ${text.trim().slice(0, 80)}` });
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement && visible(node.parentElement)) add(node.data, node.parentElement);
    }
    for (const element of document.querySelectorAll('[aria-label], [title]')) {
      if (!visible(element)) continue;
      for (const name of ['aria-label', 'title']) if (element.hasAttribute(name)) add(element.getAttribute(name), element);
    }
    add(document.title, document.head);
    return found;
  });
}

test('the message tables have the same ids', () => {
  // Words whose English is the core's own (preset names, rationales and notes, explain's reasons, the reported
  // figures' sources) are Chinese only.
  // (A placeholder left unfilled stays as {name} on the page, which the walk for English words below finds.)
  const ownEnglish = /^(form\.preset\.|form\.note\.|explain\.why\.|render\.reportedNote\.)/;
  assert.deepEqual(Object.keys(zh).filter((id) => !ownEnglish.test(id)).sort(), Object.keys(en).sort());
});

test('the words written in index.html are the English table\'s', () => {
  const { document } = parseHTML(readFileSync(new URL('../../www/index.html', import.meta.url), 'utf8'));
  const marked = [...document.querySelectorAll('[data-i18n], [data-i18n-label], [data-i18n-title], [data-i18n-content]')];
  assert.ok(marked.length > 60, `${marked.length} marked elements`);
  const words = [['data-i18n', (node) => node.textContent], ['data-i18n-label', (node) => node.getAttribute('aria-label')],
    ['data-i18n-content', (node) => node.getAttribute('content')]];
  for (const [marker, shown] of words) {
    for (const node of document.querySelectorAll(`[${marker}]`)) assert.equal(shown(node), en[node.getAttribute(marker)], node.getAttribute(marker));
  }
});

test('a lang=zh link opens in Chinese; without one, a Chinese browser gets Chinese; lang=en wins over it', async () => {
  const linked = await open('#v=1&p=base&lang=zh');
  assert.equal(await linked.page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await linked.page.title(), 'AI+云情景计算器');
  assert.equal(await linked.page.textContent('h1'), 'AI+云情景计算器');
  assert.match(await linked.page.textContent('#status'), /^累计/);
  assert.deepEqual(linked.problems, []);
  await linked.context.close();

  const browser = await open('', { locale: 'zh-CN' });
  assert.equal(await browser.page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await browser.page.textContent('#inputs-title'), '假设');
  await browser.context.close();

  const english = await open('#v=1&p=base&lang=en', { locale: 'zh-CN' });
  assert.equal(await english.page.getAttribute('html', 'lang'), 'en');
  assert.match(await english.page.textContent('#status'), /^Cumulative/);
  await english.context.close();
});

test('switching language keeps the scenario and its link; presets and edits keep the language', async () => {
  const { context, page, problems } = await open('#v=1&p=bull&fx=7.3&cur=usd');
  const english = await page.textContent('#readings .reading-cumulative dd');
  await page.click('.language-switch a[data-lang="zh"]');
  await page.waitForURL(/lang=zh/);
  await liveAnswer(page);
  assert.equal(await page.evaluate(() => location.hash), '#v=1&p=bull&fx=7.3&cur=usd&lang=zh');
  assert.equal(await page.inputValue('#preset'), 'bull');
  assert.equal(await page.inputValue('#f-fxRmbPerUsd'), '7.3');
  assert.equal(await page.isChecked('input[name="currency"][value="USD"]'), true);
  assert.equal(await page.getAttribute('.language-switch a[data-lang="zh"]', 'aria-current'), 'true');
  // The same figure, in 亿美元: US$301.4bn is 3,014亿美元.
  const chinese = await page.textContent('#readings .reading-cumulative dd');
  const [, billions] = /US\$([\d,.]+)bn/.exec(english);
  assert.equal(chinese, `${(Number(billions.replace(/,/g, '')) * 10).toLocaleString('zh-CN', { maximumFractionDigits: 0 })}亿美元`);

  await page.selectOption('#preset', 'bear');
  await page.waitForFunction(() => location.hash.includes('p=bear'));
  assert.match(await page.evaluate(() => location.hash), /&lang=zh/);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.fill('#f-fxRmbPerUsd', '7.2');
  await page.waitForFunction(() => location.hash.includes('fx=7.2'));
  assert.match(await page.evaluate(() => location.hash), /&lang=zh/);

  await page.click('.language-switch a[data-lang="en"]');
  await page.waitForURL((url) => !url.hash.includes('lang='));
  await liveAnswer(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.evaluate(() => location.hash), /^#v=1&p=bear&fx=7\.2&cur=usd$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('no English word is left on the Chinese page, its analysis and compare shown, light and dark pass axe-core', async () => {
  const { context, page, problems } = await open('#v=1&p=base&lang=zh');
  await sectionsDrawn(page);
  await page.locator('#likely-text p').first().waitFor();
  await page.click('#keep-a');
  await page.fill('#f-fxRmbPerUsd', '7.3');
  await page.locator('#compare:not([hidden])').waitFor();
  await page.click('#show-embed');
  await sectionsDrawn(page);
  const left = (await latinWords(page)).filter(({ word }) => !ALLOWED.has(word));
  assert.deepEqual(left, []);
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await axeViolations(page), [], `Chinese, ${colorScheme}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('screenshots in Chinese at 360 and 1280 px, light and dark', async () => {
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page } = await open('#v=1&p=base&lang=zh', { viewport: { width, height: 900 }, colorScheme });
      await page.screenshot({ path: `${ARTIFACTS}zh-${width}-${colorScheme}.png` });
      await page.locator('#inputs').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}zh-${width}-${colorScheme}-form.png` });
      await page.locator('#revenue-title').scrollIntoViewIfNeeded();
      await sectionsDrawn(page);
      // Sections out of view are skipped (content-visibility: auto) until a frame has rendered them in view.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await page.screenshot({ path: `${ARTIFACTS}zh-${width}-${colorScheme}-revenue.png` });
      // Nothing wider than the viewport: CJK text wraps.
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, `${width} px`);
      await context.close();
    }
  }
});
