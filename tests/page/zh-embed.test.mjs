// The widget, the Embed panel and the explain panel in Chinese, in real
// Chromium. A Chinese page's snippet carries `lang=zh` and a Chinese frame
// title; pasted into an article on another local origin, the widget runs in
// its sandbox (an opaque origin) in Chinese, its Chinese messages loaded as
// their own script (pkg-embed/messages-zh.js): `<html lang="zh-CN">`, its own
// words, chart titles, the link to the full calculator (which keeps
// `lang=zh`), with no console error; a browser that prefers Chinese gets it
// without the key. Its messages for a bad link, bad options and bad input
// are Chinese. The explain panel words a figure in Chinese: names with
// 财年, money in 亿元 moved exactly, percentages, and the reason of a null or
// a solved figure in Chinese around the core's symbols.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import {
  ARTIFACTS, axeViolations, liveAnswer, requestedPaths, sharedBrowser, watch,
} from './browser.mjs';

const FRAME = 'iframe[data-aicloud-scenario]';
/** What may stay in Latin letters on a Chinese page (issue 12), besides code. */
const ALLOWED = /\b(AI|RMB|US\$|MaaS|EBITA|NPV|IRR|CSV|JSON|SVG|Token|GPU|kWh|kW|A\/B)\b/g;

const shared = sharedBrowser({ article: true });

/** A Chinese article around `snippet`, written into test-results/, at its URL on the article's origin. */
function article(name, snippet) {
  writeFileSync(`${ARTIFACTS}${name}.html`, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>一篇文章</title><link rel="icon" href="data:,"></head><body style="max-width:640px;margin:0 auto">
<h1>阿里云能否实现1,000亿美元收入目标？</h1><p>你可以自己算一算：</p>
${snippet}
<p>全文完。</p></body></html>`);
  return `${shared.article.origin}/test-results/${name}.html`;
}

/**
 * The words left in Latin letters outside code (and outside the allowlist)
 * in what `root` shows: visible text, aria-label and title, as
 * `[where, text]` pairs.
 */
function englishIn(target, selector = 'body') {
  return target.evaluate(([at, allowed]) => {
    const pattern = new RegExp(allowed, 'g');
    const left = [];
    const check = (where, text) => {
      if (/[A-Za-z]{2,}/.test(text.replace(pattern, ''))) left.push([where, text.trim()]);
    };
    for (const root of document.querySelectorAll(at)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent.closest('code, script, style') || !parent.checkVisibility()) continue;
        check(parent.localName, node.textContent);
      }
      for (const element of [root, ...root.querySelectorAll('[aria-label], [title]')]) {
        for (const name of ['aria-label', 'title']) {
          if (element.hasAttribute(name)) check(`${element.localName}[${name}]`, element.getAttribute(name));
        }
      }
    }
    return left;
  }, [selector, ALLOWED.source]);
}

test('a Chinese page\'s snippet carries lang=zh, and the widget it embeds on another origin is Chinese in its sandbox', async () => {
  const calculator = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const calculatorProblems = await watch(calculator);
  await calculator.goto(`${shared.server.url}#v=1&p=base&target=250&lang=zh`);
  await liveAnswer(calculator);
  await calculator.click('#show-embed');
  const snippet = await calculator.inputValue('#embed-code');
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/www\/embed\.html#v=1&amp;p=base&amp;target=250&amp;lang=zh&amp;show=revenue,payback" title="AI\+云收入情景" data-aicloud-scenario/);
  // The panel offers the charts by their Chinese titles.
  assert.deepEqual(await calculator.locator('#embed-show label').allTextContents(),
    ['收入路径', '资本开支回本', 'Token经济', '可能性有多大？', '哪个假设影响最大？']);
  const headline = await calculator.textContent('#status');
  assert.deepEqual(calculatorProblems, []);
  await calculator.close();

  const page = await shared.browser.newPage({ viewport: { width: 800, height: 900 } });
  const problems = await watch(page);
  const requested = requestedPaths(page);
  await page.goto(article('zh-article', snippet));
  const frame = page.frameLocator(FRAME);
  await liveAnswer(frame);
  const widget = page.frames().find((f) => f.url().includes('/www/embed.html'));
  assert.equal(await widget.evaluate(() => origin), 'null');
  // The Chinese messages came as their own classic script, beside widget.js, which the sandbox let load,
  // once (embed-first-paint.js preloads it, and widget.js's script takes the preload), and no English ones;
  // the widget's stylesheet too.
  assert.deepEqual(requested.filter((path) => path.startsWith('/pkg-embed/')).sort(),
    ['/pkg-embed/core.js', '/pkg-embed/messages-zh.js', '/pkg-embed/widget.css', '/pkg-embed/widget.js']);
  assert.equal(await widget.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await widget.evaluate(() => document.documentElement.className), '');
  assert.equal(await widget.title(), 'AI+云情景');
  // The headline is the calculator's, word for word.
  assert.equal(await widget.textContent('#status'), headline);
  assert.equal(await widget.textContent('.embed-foot'), '打开完整计算器 · 假设仅作示意，来源见完整计算器');
  assert.equal(await widget.getAttribute('#full', 'href'), 'index.html#v=1&p=base&target=250&lang=zh');
  assert.deepEqual(await widget.locator('figcaption').evaluateAll((nodes) => nodes.map((n) => n.firstChild.textContent)),
    ['收入路径', '资本开支回本']);
  assert.equal(await widget.getAttribute('#inputs', 'aria-label'), '假设');
  // Words shown only when needed are Chinese too.
  assert.match(await widget.textContent('#restart-notice'), /^计算器遇到内部错误并已自动重启.*关闭$/);
  assert.equal(await widget.textContent('#stale'), '以上结果基于最近一次有效的假设。请修正标出的字段以更新结果。');
  assert.deepEqual(await englishIn(widget, '.embed-foot, figcaption, #restart-notice, #stale, form'), []);
  // The host script sized the frame to the Chinese widget.
  const content = await widget.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction(([selector, px]) => document.querySelector(selector).style.height === px, [FRAME, `${content}px`]);
  await page.setViewportSize({ width: 800, height: await page.evaluate(() => document.documentElement.scrollHeight) });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${ARTIFACTS}zh-article-800.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a browser that prefers Chinese gets the widget in Chinese without a lang key', async () => {
  const context = await shared.browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&show=tokens&inputs=target`);
  await liveAnswer(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('#full'), '打开完整计算器');
  assert.equal(await page.textContent('#inputs legend'), '试试你自己的假设');
  // The full calculator opens in Chinese whatever the next reader's browser prefers.
  assert.equal(await page.getAttribute('#full', 'href'), 'index.html#v=1&p=base&lang=zh');
  await page.screenshot({ path: `${ARTIFACTS}zh-widget-360.png`, fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Chinese widget whose messages cannot load says which script failed', async () => {
  const page = await shared.browser.newPage({ viewport: { width: 640, height: 900 } });
  await page.route('**/pkg-embed/messages-zh.js', (route) => route.abort());
  const error = page.waitForEvent('pageerror');
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&show=revenue&lang=zh`);
  assert.match((await error).message,
    /^could not load http:\/\/127\.0\.0\.1:\d+\/pkg-embed\/messages-zh\.js, the script of www\/messages\/zh\.js$/);
  await page.close();
});

test('the widget words a bad link, bad options and bad input in Chinese', async () => {
  const page = await shared.browser.newPage({ viewport: { width: 640, height: 900 } });
  const problems = await watch(page);
  // The exchange rate and a year of AI growth are bad, and neither has an input here.
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&fx=abc&rev.ai=1,abc&samples=5&show=revenue,probability&inputs=target&lang=zh`);
  await page.locator('#charts svg.chart').first().waitFor();
  const status = await page.textContent('#status');
  assert.match(status, /链接中的这一数值无效，可在完整计算器中修改。/);
  assert.match(await page.textContent('#embed-probability-text'), /^链接中的模拟次数（5）有误：/);
  assert.equal(await page.locator('figcaption .stale-badge').first().textContent(), '已过期');
  assert.ok(await page.isVisible('figcaption .stale-badge'));
  assert.deepEqual(problems, []);

  // Bad input in a good link: the last good results, out of date.
  await page.goto('about:blank');
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&show=revenue&inputs=target&lang=zh`);
  await liveAnswer(page);
  await page.fill('#f-targetUsdBn', 'abc');
  assert.equal(await page.textContent('#stale'), '以上结果基于最近一次有效的假设。请修正标出的字段以更新结果。');
  assert.ok(await page.isVisible('figcaption .stale-badge'));
  assert.deepEqual(await englishIn(page, '#stale, figcaption'), []);
  assert.deepEqual(problems, []);
  await page.close();
});

/** The Chinese calculator at `fragment`, answered. */
async function chinesePage(fragment) {
  const page = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = await watch(page);
  await page.goto(`${shared.server.url}#${fragment}&lang=zh`);
  await liveAnswer(page);
  return { page, problems };
}

/** Opens the explain panel on `path` (any element with `data-explain` does; one is added for outputs the page shows nowhere). */
async function explainOn(page, path) {
  await page.evaluate((at) => {
    const opener = document.createElement('button');
    opener.dataset.explain = at;
    opener.className = 'test-opener';
    document.body.append(opener);
    opener.click();
    opener.remove();
  }, path);
  return page.locator('.explain-panel');
}

test('the explain panel in Chinese: a null payback with its reason, money in 亿元, a year\'s terms', async () => {
  const { page, problems } = await chinesePage('v=1&p=base');
  const panel = page.locator('.explain-panel');
  await page.click('#key-figures button[data-explain="capex.paybackYears"]');
  assert.equal(await panel.locator('h2').textContent(), '这个数字是怎么算出来的');
  assert.equal(await panel.locator('.explain-close').textContent(), '关闭');
  // The reason in Chinese around the core's symbols.
  assert.equal(await panel.locator('.explain-formula').textContent(),
    'paybackYears = null：cumulativeNet[5] < 0，到第5年累计净现金流仍为负');
  assert.match(await panel.locator('.explain-what').textContent(), / = 无$/);
  // Its term: a year's cumulative net cash, RMB-168.821041674bn exactly, in 亿元.
  assert.match(await panel.locator('.explain-terms li').textContent(),
    /^cumulativeNet\[5\] 计算结果：2031财年.+ = -1,688\.21041674亿元 查看“2031财年.+”的计算$/);
  await page.keyboard.press('Escape');

  // A table cell: AI revenue in FY2027, RMB94.8792bn = 948.792亿元; its terms, inputs among them.
  await page.click('#revenue-table button[data-explain="revenue.ai[0]"]');
  const text = await panel.textContent();
  assert.match(text, /^这个数字是怎么算出来的关闭2027财年.+ = 948\.792亿元/);
  assert.match(text, /由以下各项算出：.+；.+。/);
  assert.match(text, /base 输入项：.+ = 1,581\.32亿元/);
  assert.match(text, /aiGrowth\[1\] 输入项：2027财年.+ = 1（即100%）/);
  assert.equal(await panel.getByRole('button', { name: '转到该输入项' }).count(), 3);
  await panel.getByRole('button', { name: '转到该输入项' }).first().click();
  assert.ok(await panel.isHidden());

  // In US$, the note says the model's money is RMB, in Chinese.
  await page.check('input[name="currency"][value="USD"]');
  await page.click('#key-figures button[data-explain="capex.npvRmbBn"]');
  assert.match(await panel.textContent(), /= -1,608\.75610529亿元/);
  assert.equal(await panel.locator('.explain-note').textContent(), '模型以人民币计算；页面上的金额按1美元兑7.17元人民币折算为美元显示。');
  assert.deepEqual(problems, []);
  await page.close();
});

test('every kind of reason the core gives is worded in Chinese around its symbols', async () => {
  // The scenarios of tests/explain.rs that between them give every kind.
  const cases = [
    ['v=1&p=base', ['revenue.targetHitYear', 'revenue.annualTargetHitYear', 'capex.paybackYears',
      'capex.discountedPaybackYears', 'revenue.requiredUniformGrowth', 'revenue.requiredUniformGrowthBeyond',
      'capex.requiredCashMargin', 'capex.irr']],
    ['v=1&p=base&h=1&target=1000000&rev.share=0', ['revenue.requiredUniformGrowth', 'revenue.requiredAiGrowth']],
    ['v=1&p=base&h=1&target=0.01', ['revenue.requiredUniformGrowthAnnualBeyond']],
    ['v=1&p=base&capex=0', ['capex.irr', 'capex.paybackYears']],
    ['v=1&p=base&rev.ai=-0.5&rev.core=-0.5', ['capex.requiredCashMargin']],
    ['v=1&p=base&rev.base=100&rev.ai=0,0.15,0&rev.core=0,0.15,0&capex.margin=1&capex=10',
      ['capex.paybackYears', 'capex.discountedPaybackYears']],
    // A small outlay now and a large inflow next year: an IRR far above the search range.
    ['v=1&p=base&rev.ai=0,0.5&rev.core=0,0.5&capex=0.001,0', ['capex.irr']],
  ];
  const kinds = new Set();
  for (const [fragment, paths] of cases) {
    const { page, problems } = await chinesePage(fragment);
    for (const path of paths) {
      const formula = (await explainOn(page, path)).locator('.explain-formula');
      const why = await page.evaluate(async ([at, link]) => {
        const { core } = await import('/tests/page/reference-core.js');
        return core.explain(core.decodeScenario(link).scenario, at).why;
      }, [path, fragment]);
      assert.ok(why, `${fragment} ${path} has a reason`);
      // Every piece is there, the head first, and the words around them are Chinese.
      let text = await formula.textContent();
      assert.ok(text.startsWith(why.head), `${path}: ${text}`);
      const { kind, ...pieces } = why;
      kinds.add(kind);
      for (const piece of Object.values(pieces).sort((a, b) => b.length - a.length)) {
        assert.ok(text.includes(piece), `${path}: ${piece} in ${text}`);
        text = text.replace(piece, '');
      }
      assert.doesNotMatch(text.replace(ALLOWED, ''), /[A-Za-z]/, `${fragment} ${path}: ${text}`);
      assert.match(text, /[\u4e00-\u9fff]/, `${fragment} ${path}`);
      await page.keyboard.press('Escape');
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
  assert.equal(kinds.size, 14);
});

test('the widget explains its chart points in Chinese', async () => {
  const page = await shared.browser.newPage({ viewport: { width: 640, height: 900 } });
  const problems = await watch(page);
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&show=revenue,tokens&lang=zh`);
  await liveAnswer(page);
  await page.locator('[data-explain="tokens.grossMargin[0]"]').click();
  const panel = page.locator('.explain-panel');
  assert.equal(await panel.locator('.explain-formula').textContent(), 'grossMargin[1] = (price[1] - costRmbPerMTok[1]) / price[1]');
  assert.match(await panel.locator('.explain-what').textContent(), /^2027财年.+ = 0\.454275853（即45\.4275853%）$/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('nothing in the Chinese widget is left in English', async () => {
  const page = await shared.browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&show=revenue,payback,tokens,probability,tornado&inputs=target,rev.ai&lang=zh`);
  await liveAnswer(page);
  await page.locator('#embed-certainty:not(:empty)').waitFor();
  await page.locator('[data-explain="revenue.ai[0]"]').first().click();
  assert.deepEqual(await englishIn(page), []);
  await page.close();
});
