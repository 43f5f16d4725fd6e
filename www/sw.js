// The service worker (registered by main.js): after one visit the
// calculator opens and computes offline. It keeps the files of a first
// visit in a cache named after VERSION, a hash of their contents: ASSETS,
// which every visit loads (the page, its stylesheet, scripts, the core's
// glue and wasm), and of ON_DEMAND (the message tables) those the reader
// has loaded (found in the browser's HTTP cache or an older release's
// cache), so that installing never downloads a file the reader did not
// need (an English reader's Chinese table); one loaded later, online, is
// kept when it arrives. The generated
// lines are written by scripts/build.sh (scripts/service-worker.mjs), so a
// release with any changed file installs a new cache and deletes the old.
//
// Requests are answered from the cache first, then the network; a page
// navigation that is not cached (offline, say) gets the calculator itself.
const VERSION = 'c61a3790b2dcc000';
const ASSETS = ["./","index.html","favicon.svg","style.css","first-paint.js","core.js","i18n.js","../pkg-page/aicloud_scenario.js","../pkg-page/aicloud_scenario_bg.wasm","page.js","analysis-worker.js"];
const ON_DEMAND = ["messages/zh.js","messages/en.js"];
const PREFIX = 'aicloud-scenario-';
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(ASSETS).then(() => Promise.all(ON_DEMAND.map((path) => keepIfLoaded(cache, path)))))
    .then(() => self.skipWaiting()));
});

/**
 * Caches this release's `path` if the reader has loaded it: an older
 * release's cache or the HTTP cache has it (asked without the network).
 * What is cached is fetched again, as ASSETS are (a revalidation when it
 * has not changed), so that a new release never keeps an old table.
 */
async function keepIfLoaded(cache, path) {
  const loaded = await caches.match(path)
    ?? await fetch(path, { cache: 'only-if-cached', mode: 'same-origin' }).catch(() => null);
  // Not loaded: left to be cached when the page asks for it.
  if (loaded?.ok) await cache.add(path);
}

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
    const response = await fetch(request);
    if (response.ok && ON_DEMAND.some((path) => new URL(path, self.location).href === request.url)) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const page = request.mode === 'navigate' ? await cache.match('./') : undefined;
    if (page) return page;
    throw error;
  }
}
