// A first visit, as a reader's browser makes it: `node bench/first-visit.mjs`
// serves the repository on 127.0.0.1, opens the page, then the widget, in a
// fresh headless Chromium context each time (empty cache) and reads:
//   - requests and bytes transferred (the development server sends them
//     gzipped, so this is about `node scripts/weight.mjs`'s weight);
//   - navigation to first contentful paint, which on the page shows the
//     prerendered base case (the headline is above the fold), and in the
//     widget its "Loading the scenario…";
//   - navigation to the computed answer painted: the first frame after the
//     page has drawn its own answer and dropped the `prerendered` class, or
//     after the widget has written its headline.
// Twice: on the loopback as it is, and with Chromium's network emulation
// at a phone's 1.6 Mbps and 150 ms round trip, where the prerendered answer
// matters. Medians of RUNS (default 7) visits each. The widget is opened
// as its own document (the iframe's), with two charts, as an article's
// snippet shows it by default.
import { launch, serve } from '../tests/page/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const NETWORKS = [
  { name: 'loopback', conditions: null },
  { name: 'phone (1.6 Mbps, 150 ms)', conditions: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 } },
];
/** What is visited, and when its own answer is drawn (run in the document before it loads; sets `computedPainted`). */
const VISITS = [
  {
    name: 'page',
    path: '',
    watch: () => {
      // The document, not its element, which does not exist yet when this runs.
      new MutationObserver((_, observer) => {
        if (!document.documentElement || document.documentElement.classList.contains('prerendered')) return;
        observer.disconnect();
        requestAnimationFrame(() => { globalThis.computedPainted = performance.now(); });
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
    },
  },
  {
    name: 'widget',
    path: 'embed.html#v=1&p=base&show=revenue,payback',
    watch: () => {
      new MutationObserver((_, observer) => {
        if (!/^Cumulative/.test(document.getElementById('status')?.textContent ?? '')) return;
        observer.disconnect();
        requestAnimationFrame(() => { globalThis.computedPainted = performance.now(); });
      }).observe(document, { subtree: true, childList: true, characterData: true });
    },
  },
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const server = await serve();
const browser = await launch();
try {
  for (const visit of VISITS) {
    for (const { name, conditions } of NETWORKS) {
      const visits = [];
      for (let run = 0; run < RUNS; run += 1) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);
        let bytes = 0;
        let requests = 0;
        cdp.on('Network.loadingFinished', ({ encodedDataLength }) => { bytes += encodedDataLength; requests += 1; });
        await page.addInitScript(visit.watch);
        await page.goto(`${server.url}${visit.path}`);
        await page.waitForFunction(() => globalThis.computedPainted !== undefined, null, { timeout: 120_000 });
        const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
        const computed = await page.evaluate(() => globalThis.computedPainted);
        visits.push({ bytes, requests, fcp, computed });
        await context.close();
      }
      console.log(`${visit.name}, ${name}: ${median(visits.map((v) => v.requests))} requests, `
        + `${(median(visits.map((v) => v.bytes)) / 1000).toFixed(1)} KB transferred; `
        + `first contentful paint ${median(visits.map((v) => v.fcp)).toFixed(0)} ms, `
        + `computed answer painted ${median(visits.map((v) => v.computed)).toFixed(0)} ms (medians of ${RUNS})`);
    }
  }
} finally {
  await browser.close();
  server.stop();
}
