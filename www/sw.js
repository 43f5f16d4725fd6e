// The service worker (registered by main.js): after one visit the
// calculator opens and computes offline. It keeps the files of a first
// visit (ASSETS: the page, its stylesheet, scripts, the core's glue and
// wasm) in a cache named after VERSION, a hash of their contents; both
// lines are written by scripts/build.sh (scripts/service-worker.mjs), so a
// release with any changed file installs a new cache and deletes the old.
//
// Requests are answered from the cache first, then the network; a page
// navigation that is not cached (offline, say) gets the calculator itself.
const VERSION = 'ba6c963725dbb94a';
const ASSETS = ["./","index.html","favicon.svg","style.css","first-paint.js","core.js","restart-notice.js","analysis-charts.js","analysis-options.js","analysis-runner.js","charts.js","compare.js","decimal.js","dom.js","fields.js","presets.js","i18n.js","form.js","render.js","embed-panel.js","explain-panel.js","share.js","summary-bar.js","likely.js","view.js","../pkg/aicloud_scenario.js","outputs.js","../pkg/aicloud_scenario_bg.wasm","main.js","messages/zh.js","messages/en.js","analysis-worker.js"];
const PREFIX = 'aicloud-scenario-';
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});

/** The cached response, else the network's; for a page navigation the network fails on, the cached calculator. */
async function answer(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (error) {
    const page = request.mode === 'navigate' ? await cache.match('./') : undefined;
    if (page) return page;
    throw error;
  }
}
