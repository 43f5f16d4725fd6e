// The served page shows the base projection computed by the WebAssembly core.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { ARTIFACTS, launch, serve, watch } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test('the page loads without errors and shows the base headline and table', async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(server.url);
  const headline = page.locator('#headline');
  await headline.filter({ hasText: 'Cumulative' }).waitFor();
  const shown = await headline.textContent();
  // The same sentence from compute(defaultScenario()) in the page's own modules.
  const expected = await page.evaluate(async () => {
    const core = await import('/pkg/aicloud_scenario.js');
    const { headline } = await import('/www/main.js');
    const scenario = core.defaultScenario();
    return headline(scenario, core.compute(scenario));
  });
  assert.equal(shown, expected);
  assert.equal(shown, 'Cumulative FY2027-FY2031: US$301.4bn, target of US$100bn reached in FY2029; required uniform growth -3.2%.');
  const rows = await page.locator('#years tbody tr').allTextContents();
  assert.equal(rows.length, 5);
  assert.match(rows[0], /^FY2027\s*94\.9\s*121\.8\s*216\.6\s*30\.2\s*-112\.4\s*45\.4%$/);
  assert.deepEqual(problems, []);
  for (const [width, scheme] of [[360, 'light'], [1280, 'light'], [360, 'dark'], [1280, 'dark']]) {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${ARTIFACTS}smoke-${width}-${scheme}.png`, fullPage: true });
  }
  await page.close();
});
