// The widget's message tables and stylesheet hold only what the widget
// names (scripts/widget-messages.mjs, scripts/widget-style.mjs), and
// nothing it shows is missing: in Chromium, the widget in English and in
// Chinese, with every chart, every kind of input, the analysis, a bad
// input, a bad link option and the explain panel open, shows no message id
// in place of words (visible text, aria-label, title), and every element
// has the same computed style with its stylesheet as with the page's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESSAGES as EN } from '../../www/messages/en.js';
import { MESSAGES as ZH } from '../../www/messages/zh.js';
import { namedBy } from '../../scripts/named-by.mjs';
import { tableIn } from '../../scripts/widget-messages.mjs';
import { kept } from '../../scripts/widget-style.mjs';
import { launch, liveAnswer, serve } from './browser.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The table the widget's message script of `lang` defines (`suffix` '-analysis': the one with the analysis' words). */
function widgetTable(lang, suffix = '') {
  const { path, messages } = tableIn(readFileSync(join(ROOT, `pkg-embed/messages-${lang}${suffix}.js`), 'utf8'));
  assert.equal(path, `www/messages/${lang}.js`);
  return messages;
}

test('a name is named by a word of the text, or by the head of one built at run time', () => {
  const named = namedBy('t("page.stale"); t(`form.label.${path}`); "form.problem."+e; el("p", {class: `bar series-${k}`})', '.');
  assert.ok(named('page.stale'));
  assert.ok(named('form.label.targetUsdBn'));
  assert.ok(named('form.problem.notNumber'));
  assert.ok(named('series-ai'));
  assert.ok(!named('page'), 'a part of a word is not the word');
  assert.ok(!named('page.stale.more'));
  assert.ok(!named('render.csv.scenario'));
  // A template's fixed text after an interpolation, or between two, is read too.
  const built = namedBy('s(`form.preset.${e.id}.label`); const i=`form.note.${e.id}.${n}`; t(`x.${f({a:1})}.y`); `a-${k}-b ${j}`', '.');
  assert.ok(built('form.preset.bull.label'));
  assert.ok(!built('form.preset.bull.rationale'), 'the text after the interpolation must end the name');
  assert.ok(built('form.note.bull.revenue.aiGrowth'));
  assert.ok(!built('form.note'));
  assert.ok(built('x.anything'), 'an interpolation it cannot read leaves the head alone');
  assert.ok(built('a-1-b'));
  assert.ok(!built('a-1-c'));
  const classes = namedBy('document.querySelector(".chart-frame svg")');
  assert.ok(classes('chart-frame'));
  assert.ok(!classes('chart'));
});

test('a rule is kept for the selectors whose classes and ids are all named, an at-rule for the rules it keeps', () => {
  const named = (name) => ['chart', 'bar', 'w'].includes(name);
  const css = `.chart .bar, .page .bar { a: 1; }
.page { b: 2; }
.chart:not(.page) { c: 3; }
a[href$=".page"], #w { d: 4; }
@media print { .page { e: 5; } }
@media screen { .page { f: 6; } .bar { g: 7; } }
@font-face { font-family: x; }`;
  assert.equal(kept(css, named), [
    '.chart .bar { a: 1; }',
    '.chart:not(.page) { c: 3; }',
    'a[href$=".page"], #w { d: 4; }',
    '@media screen {.bar { g: 7; }}',
    '@font-face { font-family: x; }',
  ].join('\n'));
});

test("the widget's tables are the page's, less the words only the page shows", () => {
  for (const [lang, full] of [['en', EN], ['zh', ZH]]) {
    const table = widgetTable(lang);
    for (const [id, text] of Object.entries(table)) assert.equal(text, full[id], `${lang} ${id}`);
    for (const id of ['render.headline.short', 'explain.title', 'form.problem.notNumber', 'page.samples', 'page.stale', 'charts.revenue.passes']) {
      assert.ok(id in table, `${lang} keeps ${id}`);
    }
    for (const id of ['render.csv.scenario', 'compare.row.npv', 'page.lede', 'likely.csv.seed', 'page.samples.range']) {
      assert.ok(!(id in table), `${lang} leaves out ${id}`);
    }
  }
  assert.ok('form.note.base.revenue.aiGrowth' in widgetTable('zh'), "the presets' notes in Chinese");
});

test("the widget's tables with the analysis' words are the tables without them, and the words only the probability and the tornado show", () => {
  for (const [lang, full] of [['en', EN], ['zh', ZH]]) {
    const [charts, analysed] = [widgetTable(lang), widgetTable(lang, '-analysis')];
    for (const [id, text] of Object.entries(analysed)) assert.equal(text, full[id], `${lang} ${id}`);
    assert.deepEqual(Object.keys(charts).filter((id) => !(id in analysed)), [], lang);
    const added = Object.keys(analysed).filter((id) => !(id in charts));
    for (const id of ['likely.hit', 'charts.histogram.title', 'charts.tornado.title', 'likely.certainty.got']) assert.ok(added.includes(id), `${lang} ${id}`);
    // The widget's own words about the analysis, which embed.js names, are in both.
    for (const id of ['page.simulationFailed', 'page.samples', 'page.seed']) assert.ok(id in charts, `${lang} ${id}`);
    assert.ok(added.every((id) => /^(likely|charts\.(histogram|tornado|list))\./.test(id)), `${lang}: ${added.join(' ')}`);
  }
});

test("the widget's stylesheet is the page's, less the rules only the page uses", () => {
  const style = readFileSync(join(ROOT, 'pkg-embed/widget.css'), 'utf8');
  // table.figures too, though embed.html's words for readers say "figures": a page's text names no class.
  for (const selector of ['.summary-bar', '.copy-box', '.skip', '.key-figures', '.undo-notice', 'table.figures']) assert.ok(!style.includes(selector), selector);
  for (const selector of ['.chart .series-ai', '.explain-panel', '.lang-pending', '.embed-foot', '.is-stale', '@media print', ':lang(zh)']) {
    assert.ok(style.includes(selector), selector);
  }
});

const CASES = [
  'show=revenue,payback,tokens&inputs=target,revenue.aiGrowth,revenue.aiShareBase,tokens.priceRmbPerMTok,capex.rmbBn',
  'show=revenue,probability,tornado&inputs=target,fx&samples=999',
  'show=revenue&cur=usd&inputs=target&a.p=bear',
];

/** Every id of `full` shown in place of words in `frame`: text, aria-label, title. */
async function idsShown(frame, full) {
  const shown = await frame.evaluate(() => {
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode.nodeValue.trim());
    for (const element of document.querySelectorAll('[aria-label], [title]')) {
      texts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '');
    }
    return texts;
  });
  return shown.flatMap((text) => text.match(/[a-zA-Z]+(?:\.[\w-]+)+/g) ?? []).filter((word) => word in full);
}

/** Every element's computed style, and its ::before's and ::after's, in document order (properties sorted: custom ones come in no set order). */
function computedStyles(tab) {
  return tab.evaluate(() => [...document.querySelectorAll('*')].flatMap((element) => [null, '::before', '::after'].map((pseudo) => {
    const style = getComputedStyle(element, pseudo);
    return `${element.localName}${pseudo ?? ''} ${[...style].sort().map((name) => `${name}:${style.getPropertyValue(name)}`).join(';')}`;
  })));
}

test('the widget shows no message id, and styles every element as the page stylesheet does, in English and Chinese', { timeout: 300_000 }, async () => {
  // The same site with the widget on the page's stylesheet.
  const copy = mkdtempSync(join(tmpdir(), 'widget-style-'));
  cpSync(join(ROOT, 'dist'), copy, { recursive: true });
  const embed = join(copy, 'www/embed.html');
  writeFileSync(embed, readFileSync(embed, 'utf8').replace('../pkg-embed/widget.css', 'style.css'));
  const [ours, page] = [await serve(), await serve({ site: copy })];
  const browser = await launch();
  try {
    for (const [lang, full] of [['en', EN], ['zh', ZH]]) {
      for (const fragment of CASES) {
        for (const [colorScheme, width] of [['light', 360], ['dark', 1280]]) {
          const styles = [];
          for (const server of [ours, page]) {
            const tab = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
            await tab.goto(`${server.origin}/www/embed.html#v=1&p=base&lang=${lang}&${fragment}`);
            await liveAnswer(tab);
            await tab.locator('input[type="text"]').first().fill('abc');
            await tab.locator('#stale:not([hidden])').waitFor();
            await tab.locator('[data-explain]:visible').first().dispatchEvent('click');
            await tab.locator('.explain-panel:not([hidden])').waitFor();
            if (server === ours) assert.deepEqual(await idsShown(tab, full), [], `${lang} ${fragment}`);
            styles.push(await computedStyles(tab));
            await tab.close();
          }
          assert.equal(styles[0].length, styles[1].length, `${lang} ${fragment} ${colorScheme}`);
          const differ = styles[0].findIndex((style, i) => style !== styles[1][i]);
          assert.equal(differ, -1, `${lang} ${fragment} ${colorScheme}: ${styles[0][differ]?.slice(0, 80)} styled differently`);
        }
      }
    }
  } finally {
    await browser.close();
    ours.stop();
    page.stop();
    rmSync(copy, { recursive: true, force: true });
  }
});
