// Sharing a scenario: the embed's fragment parameters, the embed snippet,
// downloads (CSV, JSON, SVG) and standalone SVG of a chart.

/** Fragment parameters that belong to the embed view, not to the scenario. */
const EMBED_KEYS = ['show', 'inputs'];

/**
 * Splits an embed fragment (`#v=1&…&show=revenue,payback&inputs=rev.ai`)
 * into the scenario link and the embed's own lists. `inputs` may name fields
 * by JSON path or by link key (`infos` from `fields()` maps keys to paths).
 */
export function splitEmbedFragment(hash, infos = []) {
  const pairs = hash.replace(/^#/, '').split('&').filter(Boolean);
  const lists = { show: ['revenue'], inputs: [] };
  const link = [];
  for (const pair of pairs) {
    const [key, value = ''] = pair.split('=');
    if (EMBED_KEYS.includes(key)) {
      lists[key] = decodeURIComponent(value).split(',').filter(Boolean);
    } else {
      link.push(pair);
    }
  }
  const pathOf = (name) => infos.find((info) => info.key === name)?.path ?? name;
  return { link: link.join('&'), show: lists.show, inputs: lists.inputs.map(pathOf) };
}

/** The HTML a publisher pastes: a sandboxed iframe of the widget and the host script that sizes it. */
export function embedSnippet(pageUrl, link, show = ['revenue', 'payback']) {
  const widget = new URL(`embed.html#${link}&show=${show.join(',')}`, pageUrl);
  const host = new URL('embed-host.js', pageUrl);
  const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    `<iframe src="${attribute(widget.href)}" title="AI+cloud revenue scenario" data-aicloud-scenario`,
    '  sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy" width="100%" height="520"></iframe>',
    `<script src="${attribute(host.href)}" async></script>`,
  ].join('\n');
}

/** Offers `text` as a file download. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Presentation properties a chart gets from the stylesheet, written into an exported copy. */
const STYLED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linejoin', 'stroke-linecap',
  'paint-order', 'opacity', 'font-family', 'font-size', 'font-weight'];

/** A chart as a standalone SVG file: the computed styles inlined as attributes, on the page's background. */
export function standaloneSvg(svg) {
  const copy = svg.cloneNode(true);
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const computed = getComputedStyle(original);
    for (const property of STYLED) copies[index].setAttribute(property, computed.getPropertyValue(property));
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.viewBox.baseVal;
  copy.setAttribute('width', box.width);
  copy.setAttribute('height', box.height);
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [name, value] of [['x', box.x], ['y', box.y], ['width', box.width], ['height', box.height]]) {
    background.setAttribute(name, value);
  }
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
  copy.prepend(background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** `fn` called once `wait` ms after the last of a burst of calls. */
export function debounce(fn, wait) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}
