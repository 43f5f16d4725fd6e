// The host page's side of the embedded calculator: sizes each
// <iframe data-aicloud-scenario> to the height its widget reports.
// A classic script with no dependencies; include it once per page:
//   <script src="https://…/www/embed-host.js" async></script>
//
// The widget posts its height whenever it changes; a script that arrives
// after that (async, lazy, or injected late) asks each widget for its height
// when it starts and whenever one of the iframes loads.
//
// A message is accepted only from the window of a matching iframe, from
// the origin that iframe was loaded from ("null", which is how postMessage
// reports the opaque origin of a sandbox without allow-same-origin), with
// the widget's message type and a finite height; anything else is ignored.
(() => {
  const TYPE = 'aicloud-scenario:height';
  const REQUEST = 'aicloud-scenario:height-request';
  const MIN_HEIGHT = 120;
  const MAX_HEIGHT = 4000;

  function expectedOrigin(frame) {
    const opaque = frame.hasAttribute('sandbox') && !frame.sandbox.contains('allow-same-origin');
    return opaque ? 'null' : new URL(frame.src, document.baseURI).origin;
  }

  /** Asks a widget for its height (`'*'` for an opaque origin, which no target can name). */
  function request(frame) {
    const origin = expectedOrigin(frame);
    frame.contentWindow?.postMessage({ type: REQUEST }, origin === 'null' ? '*' : origin);
  }

  window.addEventListener('message', (event) => {
    const { data } = event;
    if (!data || data.type !== TYPE || typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll('iframe[data-aicloud-scenario]')) {
      if (event.source === frame.contentWindow && event.origin === expectedOrigin(frame)) {
        frame.style.height = `${Math.min(Math.max(Math.ceil(data.height), MIN_HEIGHT), MAX_HEIGHT)}px`;
        return;
      }
    }
  });

  // Ask every widget now, again when the document has parsed (for iframes
  // after this script), and whenever one loads (or reloads).
  const watched = new WeakSet();
  function requestAll() {
    for (const frame of document.querySelectorAll('iframe[data-aicloud-scenario]')) {
      if (!watched.has(frame)) {
        watched.add(frame);
        frame.addEventListener('load', () => request(frame));
      }
      request(frame);
    }
  }
  requestAll();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', requestAll);
})();
