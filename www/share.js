// Sharing a scenario: the embed's fragment parameters, the embed snippet,
// downloads (CSV, JSON, SVG) and standalone SVG of a chart.

import { t } from './i18n.js';
import { splitFragment, VIEW_KEYS } from './view.js';

/** Fragment parameters that belong to the embed view, not to the scenario. */
const EMBED_KEYS = ['show', 'inputs'];

/**
 * Splits an embed fragment (`#v=1&…&cur=usd&show=revenue,payback&inputs=rev.ai`)
 * into the scenario link, the embed's own lists and the page's view settings
 * (`view`, as `splitFragment` gives them). `inputs` may name fields by JSON
 * path or by link key (`infos` from `fields()` maps keys to paths).
 */
export function splitEmbedFragment(hash, infos = []) {
  const { link, values } = splitFragment(hash, [...EMBED_KEYS, ...VIEW_KEYS]);
  const list = (text) => (text === undefined ? undefined : safeDecode(text).split(',').filter(Boolean));
  const pathOf = (name) => infos.find((info) => info.key === name)?.path ?? name;
  const view = Object.fromEntries(VIEW_KEYS.filter((key) => key in values).map((key) => [key, values[key]]));
  return { link, show: list(values.show) ?? ['revenue'], inputs: (list(values.inputs) ?? []).map(pathOf), view };
}

/** `decodeURIComponent`, or the text as it is when it holds a broken escape ("%E0"). */
export function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The widget's charts, by their `show=` name, with the title each gets above it (the page's section title). */
export const EMBED_CHARTS = [
  { id: 'revenue', title: t('page.revenue.title') },
  { id: 'payback', title: t('page.capex.title') },
  { id: 'tokens', title: t('page.tokens.title') },
  { id: 'probability', title: t('page.likely.title') },
  { id: 'tornado', title: t('page.tornado.title') },
];

/**
 * Heights in CSS px of the widget's parts in a 640 px article column, measured
 * in Chromium (tests/page/embed.test.mjs checks the sum against the widget):
 * the headline and footer, each chart with its title, the inputs' box, and
 * each input (a year array is taller: its cells and Fill button).
 */
const PART_HEIGHT = {
  frame: 140,
  chart: { revenue: 435, payback: 395, tokens: 395, probability: 620, tornado: 440 },
  inputs: 58,
  input: 94,
  years: 160,
};

/**
 * The height the snippet starts the iframe at, before (or without) the host
 * script: what the widget needs for these charts and inputs at a typical
 * article width. `inputs` are link keys or JSON paths; `infos` is `fields()`.
 */
export function embedHeight(show, inputs = [], infos = []) {
  const kind = (name) => infos.find((info) => info.key === name || info.path === name)?.kind;
  const charts = show.reduce((sum, name) => sum + (PART_HEIGHT.chart[name] ?? 0), 0);
  const fields = inputs.reduce((sum, name) => sum + (kind(name) === 'years' ? PART_HEIGHT.years : PART_HEIGHT.input), 0);
  return Math.ceil(PART_HEIGHT.frame + charts + (inputs.length ? PART_HEIGHT.inputs + fields : 0));
}

/**
 * The HTML a publisher pastes: a sandboxed iframe of the widget and the host
 * script that sizes it; the iframe's title (its accessible name) is in the
 * page's language, which `link` carries to the widget (`lang=`, view.js). The iframe starts borderless at `embedHeight`, so a
 * page that strips or delays the script still shows the widget (scrolling
 * inside if it is taller). `show` names charts, `inputs` link keys or paths.
 */
export function embedSnippet(pageUrl, link, { show = ['revenue', 'payback'], inputs = [], infos = [] } = {}) {
  const lists = [`show=${show.join(',')}`, ...(inputs.length ? [`inputs=${inputs.join(',')}`] : [])];
  const widget = new URL(`embed.html#${[link, ...lists].filter(Boolean).join('&')}`, pageUrl);
  const host = new URL('embed-host.js', pageUrl);
  const height = embedHeight(show, inputs, infos);
  const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    `<iframe src="${attribute(widget.href)}" title="${attribute(t('embed.snippet.title'))}" data-aicloud-scenario`,
    '  sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy"',
    `  width="100%" height="${height}" frameborder="0" style="border:0;width:100%;height:${height}px"></iframe>`,
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

/**
 * The custom properties the stylesheets set outside any media query, on
 * `:root` and on rules `element` itself matches (`.chart`): the light
 * palette, whatever the reader's colour scheme. Empty if a stylesheet cannot
 * be read (a cross-origin sheet), so the colours on screen are kept.
 */
function lightPalette(element) {
  const palette = new Map();
  try {
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        // Top-level style rules only: a rule inside @media is a CSSMediaRule's child.
        if (!(rule instanceof CSSStyleRule)) continue;
        let applies = rule.selectorText === ':root';
        try {
          applies ||= element.matches(rule.selectorText);
        } catch {
          // A selector matches() refuses (a pseudo-element): not ours.
        }
        if (!applies) continue;
        for (const name of rule.style) if (name.startsWith('--')) palette.set(name, rule.style.getPropertyValue(name));
      }
    }
  } catch {
    return new Map();
  }
  return palette;
}

/** Whether a computed colour (`rgb(…)`, `rgba(…)`) is fully opaque. */
function opaque(color) {
  const channels = /^rgba?\(([^)]*)\)$/.exec(color ?? '')?.[1].split(/[\s,/]+/).filter(Boolean);
  return Boolean(channels) && (channels.length === 3 || Number(channels[3]) === 1);
}

/**
 * A chart as a standalone SVG file, always in the light colours (as printed),
 * whatever the reader's colour scheme: the styles are computed with the
 * stylesheet's light palette set on the chart for the moment, written into a
 * copy as attributes, over an opaque background rect of the colour they were
 * computed against (the chart's background; else the page's; else white).
 */
export function standaloneSvg(svg) {
  const copy = svg.cloneNode(true);
  const palette = lightPalette(svg);
  palette.set('background-color', 'var(--chart-bg)');
  const saved = [...palette.keys()].map((name) => [name, svg.style.getPropertyValue(name), svg.style.getPropertyPriority(name)]);
  let background;
  try {
    for (const [name, value] of palette) svg.style.setProperty(name, value);
    const originals = [svg, ...svg.querySelectorAll('*')];
    const copies = [copy, ...copy.querySelectorAll('*')];
    originals.forEach((original, index) => {
      const computed = getComputedStyle(original);
      for (const property of STYLED) copies[index].setAttribute(property, computed.getPropertyValue(property));
    });
    background = [svg, document.body, document.documentElement]
      .map((node) => getComputedStyle(node).backgroundColor).find(opaque) ?? '#ffffff';
  } finally {
    for (const [name, value, priority] of saved) {
      if (value) svg.style.setProperty(name, value, priority);
      else svg.style.removeProperty(name);
    }
    if (svg.getAttribute('style') === '') svg.removeAttribute('style');
  }
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.viewBox.baseVal;
  copy.setAttribute('width', box.width);
  copy.setAttribute('height', box.height);
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [name, value] of [['x', box.x], ['y', box.y], ['width', box.width], ['height', box.height]]) {
    rect.setAttribute(name, value);
  }
  rect.setAttribute('fill', background);
  copy.prepend(rect);
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
