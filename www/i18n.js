// The page's language and the words and number formats that depend on it.
// The language is chosen once, when the page loads: a link's `lang=` key
// wins (`lang=zh`, `lang=en`), then the browser's preferred languages (the
// first `zh*` or `en*` one decides), then English. Switching language
// reloads the page with the key in its link (see `languageLink`), so every
// module reads `LANG` as a constant and builds its text once.
//
// Text lives in one message table per language (`messages/en.js`,
// `messages/zh.js`; a page loads its own language's only): ids to strings
// with `{name}` placeholders. Money stays
// in the model's units (RMB bn, US$ bn); in Chinese it is shown in 亿元 and
// 亿美元 (1 bn = 10 亿), by moving the decimal point of its text, never by
// float arithmetic.

/** The languages a reader can choose, in the switch's order, with their names in themselves. */
export const LANGUAGES = [{ id: 'en', name: 'English', html: 'en' }, { id: 'zh', name: '中文', html: 'zh-CN' }];

/** A `lang=` value as a language id (`zh`, `zh-CN`, `ZH` -> 'zh'), or null for anything else. */
export function languageOfKey(value) {
  const match = /^(en|zh)(?:[-_][a-z0-9]+)*$/i.exec(String(value ?? ''));
  return match ? match[1].toLowerCase() : null;
}

/** The language the browser prefers among ours: the first `zh*` or `en*` of `languages`, else 'en'. */
export function preferredLanguage(languages) {
  for (const tag of languages ?? []) {
    const id = languageOfKey(tag);
    if (id) return id;
  }
  return 'en';
}

/** The `lang=` key of a fragment (`#v=1&p=base&lang=zh`; the last one wins), or null. */
export function languageOfFragment(hash) {
  let found = null;
  for (const pair of String(hash ?? '').replace(/^#/, '').split('&')) {
    const [key, value] = pair.split('=');
    if (key === 'lang') found = languageOfKey(value) ?? found;
  }
  return found;
}

/** The page's language: 'en' or 'zh' (English where there is no browser, as in the build's prerendering). */
export const LANG = languageOfFragment(globalThis.location?.hash)
  ?? preferredLanguage(globalThis.navigator?.languages ?? [globalThis.navigator?.language].filter(Boolean));

/**
 * The message table of the page's language, the only one it loads: an
 * English reader does not download the Chinese words, nor a Chinese reader
 * the English ones (the tables have the same ids, which a test holds). It is
 * fetched before any module that uses this one runs; www/first-paint.js
 * preloads it. (In the widget, scripts/bundle.mjs makes each table a classic
 * script of its own, pkg-embed/messages-en.js and messages-zh.js, loaded
 * here.)
 */
const MESSAGES = LANG === 'zh'
  ? (await import('./messages/zh.js')).MESSAGES
  : (await import('./messages/en.js')).MESSAGES;

/** Whether the language a link should carry must be said: it differs from what the reader's browser would pick. */
export function languageKeyNeeded(lang = LANG) {
  return lang === 'zh' || preferredLanguage(globalThis.navigator?.languages ?? []) !== lang;
}

/**
 * The message `id` in the page's language with `{name}` placeholders filled
 * from `params`; an unknown id is returned as is (a test walks the page for
 * English left in Chinese).
 */
export function t(id, params = {}) {
  const text = MESSAGES[id];
  if (text === undefined) return id;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Whether the page's table has a message `id` (for words that only some languages need). */
export function has(id) {
  return MESSAGES[id] !== undefined;
}

const LOCALES = { en: 'en', zh: 'zh-CN' };
const formats = new Map();

/** A cached `Intl.NumberFormat` of the page's language (making one costs more than a chart). */
export function numberFormat(options = {}, lang = LANG) {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    formats.set(key, format);
  }
  return format;
}

/** A fiscal year: 'FY2027' / '2027财年'. */
export function fy(year) {
  return t('fy', { year });
}

/** The fiscal years of a projection as a span: 'FY2027-FY2031' / '2027-2031财年' (one year: as `fy`). */
export function fySpan(years) {
  return years.length === 1 ? fy(years[0]) : t('fy.span', { first: years[0], last: years.at(-1) });
}

/** Money units by currency: what one model unit (a billion) is called, and the decimal places it moves to be shown. */
const MONEY = {
  en: { RMB: { prefix: 'RMB', suffix: 'bn', shift: 0 }, USD: { prefix: 'US$', suffix: 'bn', shift: 0 } },
  zh: { RMB: { prefix: '', suffix: '亿元', shift: 1 }, USD: { prefix: '', suffix: '亿美元', shift: 1 } },
};

/**
 * How billions of `currency` ('RMB' or 'USD') are shown in the page's language:
 * `{prefix, suffix, shift, unit}`, where the shown number is the model's
 * with its decimal point moved `shift` places right (10 亿 = 1 bn), and
 * `unit` names it on its own ('RMB bn' / '亿元').
 */
export function billions(currency, lang = LANG) {
  const money = MONEY[lang][currency];
  return { ...money, unit: lang === 'zh' ? money.suffix : `${money.prefix} ${money.suffix}` };
}

/**
 * An amount in billions of `currency`, rounded to `decimals` places of a
 * billion (one: 'US$301.4bn'; in Chinese the same digits in 亿: '3,014亿美元'),
 * negative with a leading minus ('-US$4.2bn', '-42亿美元'). `value` is a
 * number or decimal text.
 */
export function formatBillions(value, currency, { decimals = 1, lang = LANG } = {}) {
  const { prefix, suffix, shift } = billions(currency, lang);
  const magnitude = Math.abs(Number(value));
  const fixed = magnitude.toFixed(decimals);
  const shifted = shift ? moveDigits(fixed, shift) : fixed;
  const places = Math.max(0, decimals - shift);
  const [whole, fraction] = shifted.split('.');
  const grouped = numberFormat({ maximumFractionDigits: 0 }, lang).format(BigInt(whole));
  const text = places > 0 ? `${grouped}.${(fraction ?? '').padEnd(places, '0')}` : grouped;
  const negative = Number(value) < 0 && /[1-9]/.test(text);
  return `${negative ? '-' : ''}${prefix}${text}${suffix}`;
}

/** Plain digits with a point ('301.4') times 10^places, as plain digits ('3014'). */
function moveDigits(text, places) {
  const [whole, fraction = ''] = text.split('.');
  const digits = whole + fraction.padEnd(places, '0');
  const point = whole.length + places;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point);
  return rest ? `${integer}.${rest}` : integer;
}

/** The fragment of this page in `lang`: `fragment` with its `lang=` key replaced (or dropped when the browser would pick it anyway). */
export function languageLink(fragment, lang) {
  const pairs = String(fragment).replace(/^#/, '').split('&').filter((pair) => pair && pair.split('=')[0] !== 'lang');
  if (languageKeyNeeded(lang)) pairs.push(`lang=${lang}`);
  return pairs.join('&');
}

/**
 * How a document names its own words: each attribute whose value is a
 * message id, and where that message goes: the element's text (null) or an
 * attribute.
 */
export const DOCUMENT_WORDS = [
  ['data-i18n', null],
  ['data-i18n-label', 'aria-label'],
  ['data-i18n-title', 'title'],
  ['data-i18n-content', 'content'],
];

/**
 * `<html lang>` and the document's own words (`DOCUMENT_WORDS`), in the
 * page's language (`LANG`, whose table `t` reads). An element
 * whose id the table lacks keeps the document's words: the English page's
 * table, as served, leaves out the words its HTML already shows
 * (scripts/page-messages.mjs).
 */
export function translateDocument(root = document) {
  if (root.documentElement) root.documentElement.lang = LANGUAGES.find((language) => language.id === LANG).html;
  for (const [attribute, target] of DOCUMENT_WORDS) {
    for (const node of root.querySelectorAll(`[${attribute}]`)) {
      const id = node.getAttribute(attribute);
      if (!has(id)) continue;
      if (target) node.setAttribute(target, t(id));
      else node.textContent = t(id);
    }
  }
}
