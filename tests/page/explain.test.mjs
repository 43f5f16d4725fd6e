// "How is this number computed?" in real Chromium: a table cell, a key
// figure and a chart point open the explain panel by mouse and by keyboard;
// the panel gives the package's `explain` for the scenario on screen (the
// formula, each term's exact value), follows a computed term one step and
// back, takes an input term to its field, explains why a null output is
// null, and returns the focus on Esc or Close; the widget explains its chart
// points too; axe-core finds nothing with the panel open, light and dark,
// photographed at phone and desktop widths.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARTIFACTS, axeViolations, liveAnswer, openPage, sectionsDrawn, sharedBrowser,
} from './browser.mjs';

const shared = sharedBrowser();
let page;
let problems;

async function open(fragment = '', viewport = { width: 1280, height: 900 }, colorScheme = 'light') {
  await page?.close();
  ({ page, problems } = await openPage(shared, fragment, { viewport, colorScheme }));
  await liveAnswer(page);
  await sectionsDrawn(page);
}

beforeEach(() => open());

/** What the package's `explain` gives for the base preset at `path`. */
const explained = (path) => page.evaluate(async (at) => {
  const { core } = await import('/tests/page/reference-core.js');
  return core.explain(core.defaultScenario(), at);
}, path);

const panel = () => page.locator('.explain-panel');
const focused = () => page.evaluate(() => {
  const { activeElement: at } = document;
  return at.dataset?.explain ?? at.id ?? at.localName;
});

test('a table cell, clicked, explains its figure with the package\'s formula and exact terms', async () => {
  const cell = page.locator('#revenue-table button[data-explain="revenue.ai[0]"]');
  assert.equal(await cell.textContent(), '94.9');
  await cell.click();
  assert.ok(await panel().isVisible());
  const expected = await explained('revenue.ai[0]');
  assert.equal(expected.value, '94.8792');
  const text = await panel().textContent();
  assert.match(text, /AI revenue, FY2027 = 94\.8792 RMB bn/);
  assert.ok(text.includes(expected.formula), text);
  for (const term of expected.terms) assert.ok(text.includes(`= ${term.value}`), `${term.name} ${term.value}`);
  // aiGrowth[1] is an input: shown as the model has it and as a percentage, with a way to its field.
  assert.match(text, /AI revenue growth, FY2027 = 1 \(100 %\)/);
  assert.equal(await focused(), 'explain-title');
  await page.keyboard.press('Escape');
  assert.ok(await panel().isHidden());
  assert.equal(await focused(), 'revenue.ai[0]');
  assert.deepEqual(problems, []);
});

test('a computed term is followed one step and back; an input term goes to its field', async () => {
  await page.click('#revenue-table button[data-explain="revenue.cumulativeUsdBn[4]"]');
  assert.match(await panel().textContent(), /cumulativeUsdBn\[5\] = cumulativeRmbBn\[5\] \/ fx/);
  await panel().getByRole('button', { name: 'Explain cumulativeRmbBn[5]' }).click();
  const step = await explained('revenue.cumulativeRmbBn[4]');
  assert.ok((await panel().textContent()).includes(step.formula));
  assert.match(await panel().textContent(), /Cumulative revenue in RMB, FY2031 = 2161\.256527753 RMB bn/);
  await panel().getByRole('button', { name: 'Back' }).click();
  assert.match(await panel().textContent(), /cumulativeUsdBn\[5\] = cumulativeRmbBn\[5\] \/ fx/);
  await panel().getByRole('button', { name: 'Go to the field' }).click();
  assert.ok(await panel().isHidden());
  assert.equal(await focused(), 'f-fxRmbPerUsd');
  // Clicking into the form edits it: nothing there opens the panel.
  await page.click('#f-revenue-aiGrowth-2');
  await page.click('label[for="f-fxRmbPerUsd"]');
  assert.ok(await panel().isHidden());
  assert.deepEqual(problems, []);
});

test('key figures explain themselves, a null one says why it is null; Close returns the focus', async () => {
  await page.click('#key-figures button[data-explain="capex.paybackYears"]');
  const text = await panel().textContent();
  assert.match(text, /Payback of the capex = none/);
  assert.match(text, /cumulative net cash is still below zero at year 5/);
  await panel().getByRole('button', { name: 'Close' }).click();
  assert.ok(await panel().isHidden());
  assert.equal(await focused(), 'capex.paybackYears');
  // By keyboard: a table cell is a button, Enter opens it.
  await page.focus('#capex-table button[data-explain="capex.cashInflow[2]"]');
  await page.keyboard.press('Enter');
  assert.ok((await panel().textContent()).includes((await explained('capex.cashInflow[2]')).formula));
  await page.keyboard.press('Escape');
  assert.equal(await focused(), 'capex.cashInflow[2]');
  // The token margin's range explains each end.
  assert.equal(await page.locator('#key-figures button[data-explain^="tokens.grossMargin"]').count(), 2);
  // In US$ the panel says the model's figures are RMB.
  await page.check('input[name="currency"][value="USD"]');
  await page.click('#key-figures button[data-explain="capex.npvRmbBn"]');
  assert.match(await panel().textContent(), /Net present value = -160\.[0-9]+ RMB bn.*The model computes in RMB; money is shown in US\$ at 7\.17 RMB per US\$\./s);
  // The readings too.
  await page.click('.reading-cumulative button[data-explain="revenue.targetHitYear"]');
  assert.match(await panel().textContent(), /targetHitYear = baseFiscalYear \+ 3/);
  assert.deepEqual(problems, []);
});

test('a chart point is reached by Tab, moved with the arrows, and explained with Enter; Esc returns to it', async () => {
  const first = page.locator('#revenue-chart [data-explain][tabindex="0"]');
  assert.equal(await first.count(), 1);
  await first.focus();
  const start = await focused();
  await page.keyboard.press('ArrowRight');
  const next = await focused();
  assert.notEqual(next, start);
  await page.keyboard.press('Enter');
  assert.ok(await panel().isVisible());
  const expected = await explained(next);
  assert.ok((await panel().textContent()).includes(expected.formula));
  await page.keyboard.press('Escape');
  assert.equal(await focused(), next);
  // And by mouse: a bar of the capex chart.
  await page.locator('#capex-chart rect[data-explain="capex.netCashFlow[0]"]').click();
  assert.match(await panel().textContent(), /netCashFlow\[1\] =/);
  // Points are buttons for assistive technology, in a chart that is a group.
  assert.equal(await page.getAttribute('#revenue-chart svg', 'role'), 'group');
  assert.match(await first.getAttribute('aria-label'), /: explain$/);
  assert.deepEqual(problems, []);
});

test('the open panel follows an edit', async () => {
  await page.click('#revenue-table button[data-explain="revenue.ai[0]"]');
  await page.fill('#f-revenue-aiGrowth-0', '150');
  await page.waitForFunction(() => /= 118\.599 RMB bn/.test(document.querySelector('.explain-panel').textContent));
  assert.deepEqual(problems, []);
});

test('the widget explains its chart points', async () => {
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&show=revenue,tokens`);
  await liveAnswer(page);
  await page.locator('[data-explain="tokens.grossMargin[0]"]').click();
  const text = await page.locator('.explain-panel').textContent();
  assert.match(text, /grossMargin\[1\] = \(price\[1\] - costRmbPerMTok\[1\]\) \/ price\[1\]/);
  assert.match(text, /Gross margin on tokens, FY2027 = 0\.454275853 \(45\.4275853 %\)/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
});

test('axe-core finds no violations with the panel open, light and dark; screenshots', async () => {
  for (const [width, colorScheme] of [[360, 'light'], [360, 'dark'], [1280, 'light'], [1280, 'dark']]) {
    await open('', { width, height: 800 }, colorScheme);
    await page.click('#revenue-table button[data-explain="revenue.cumulativeUsdBn[4]"]');
    assert.ok(await panel().isVisible());
    assert.deepEqual(await axeViolations(page), [], `${width} px ${colorScheme}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${width} px: ${overflow} px too wide`);
    await page.screenshot({ path: `${ARTIFACTS}explain-${width}-${colorScheme}.png` });
  }
  assert.deepEqual(problems, []);
});
