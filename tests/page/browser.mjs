// Shared set-up for page tests: the repository served by scripts/serve.mjs
// on a free loopback port, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { once } from 'node:events';
import { chromium } from 'playwright-core';

export const ARTIFACTS = new URL('../../test-results/', import.meta.url).pathname;

/** Starts the static server (with the page's CSP unless `csp: false`; the site from the directory `site` instead of dist/ when given); resolves to `{ url, origin, stop }`. */
export async function serve({ csp = true, site } = {}) {
  const args = [new URL('../../scripts/serve.mjs', import.meta.url).pathname, '0', ...(csp ? [] : ['--no-csp']),
    ...(site ? ['--site', site] : [])];
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  // A server that stops before printing its URL (dist/ not built) fails the test instead of hanging it.
  const [line] = await Promise.race([
    once(server.stdout, 'data'),
    once(server, 'exit').then(([code]) => { throw new Error(`scripts/serve.mjs exited with ${code} (see its message above)`); }),
  ]);
  const url = line.toString().trim();
  return { url, origin: new URL(url).origin, stop: () => server.kill() };
}

/**
 * For the test file that calls it: the repository served and Chromium
 * launched before its tests, both stopped after them. Returns `{server,
 * browser}`, filled in once the tests start; with `article: true`, also
 * `article`, the repository served again without the page's CSP on another
 * origin, for a publisher's page that embeds the widget.
 */
export function sharedBrowser({ article = false } = {}) {
  const shared = {};
  before(async () => {
    shared.server = await serve();
    if (article) shared.article = await serve({ csp: false });
    shared.browser = await launch();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await shared.browser?.close();
    shared.server?.stop();
    shared.article?.stop();
  });
  return shared;
}

/**
 * A new page of the shared browser (`sharedBrowser()`'s) at the served page
 * with `fragment`, watched for problems: `{page, problems}`.
 */
export async function openPage(shared, fragment = '', { viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  const page = await shared.browser.newPage({ viewport, colorScheme });
  const problems = await watch(page);
  await page.goto(`${shared.server.url}${fragment ? `#${fragment}` : ''}`);
  return { page, problems };
}

/** Launches headless Chromium (never a downloaded browser), with `extraArgs` after the usual flags. */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...extraArgs],
  });
}

/** Records console errors, page errors, failed requests and CSP violations of a page (and its frames). */
export async function watch(page) {
  const problems = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // A request the page's own navigation cancelled (a favicon still loading when a
  // test moves on) is not a failure of the page.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** The paths of the requests a page (and its frames) makes from now on, filled in as they are made. */
export function requestedPaths(page) {
  const paths = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG 2.2 AA violations on a page or frame, as `rule: targets`
 * lines (empty when none). The page skips rendering the sections out of view
 * (`content-visibility: auto`), which leaves their boxes where axe cannot
 * measure them (it then sees buttons overlap); they are rendered for the
 * audit, as a reader scrolling to them gets them.
 */
export async function axeViolations(target) {
  await target.evaluate(AXE);
  const result = await target.evaluate(async (tags) => {
    const rendered = new CSSStyleSheet(); // CSSOM: allowed by the page's CSP, unlike a <style>
    rendered.replaceSync('* { content-visibility: visible !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, rendered];
    try {
      return await globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== rendered);
    }
  }, WCAG_22_AA);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * Waits until `target` (a page, frame or frame locator) shows its own
 * computed answer: a headline that starts "Cumulative" (累计 in Chinese), once the page has
 * replaced the base case prerendered into it (`html.prerendered`).
 */
export function liveAnswer(target) {
  return target.locator('html:not(.prerendered) #status').filter({ hasText: /^(Cumulative|累计)/ }).waitFor();
}

/**
 * Waits until the sections out of view are drawn: an edit redraws them in a
 * task after the frame that shows it, marking them aria-busy until then.
 */
export function sectionsDrawn(page) {
  return page.waitForFunction(() => !document.querySelector('.section[aria-busy="true"]:not(#likely)'));
}
