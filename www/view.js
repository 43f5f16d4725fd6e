// View settings that travel in a link beside the scenario: the currency
// money is shown in (`cur=usd`), the analysis options (`samples=100000`,
// `seed=7`, `sure=90`) and the language (`lang=zh`, read by i18n.js): keys
// the core's link reader does not know, so they are split off before it
// reads the link. Pages that do not know a key ignore it with a warning;
// values equal to the default are left out.

import { LANG, languageKeyNeeded } from './i18n.js';

/** The analysis options' link keys with their defaults (as link text). */
export const ANALYSIS_DEFAULTS = { samples: '10000', seed: '1', sure: '80' };

/** The page's view keys: the currency (RMB when absent), the analysis options and the language. */
export const VIEW_KEYS = ['cur', ...Object.keys(ANALYSIS_DEFAULTS), 'lang'];

/**
 * Splits a fragment (`#v=1&p=base&cur=usd`) into the scenario link and the
 * values of `keys` (last one wins), leaving every other pair in the link in
 * its order: `{link: 'v=1&p=base', values: {cur: 'usd'}}`.
 */
export function splitFragment(hash, keys) {
  const values = {};
  const link = [];
  for (const pair of hash.replace(/^#/, '').split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=');
    if (keys.includes(key)) values[key] = value;
    else link.push(pair);
  }
  return { link: link.join('&'), values };
}

/**
 * The fragment text of a scenario link with the view's keys after it: RMB
 * adds nothing, nor does an analysis option at its default, nor a language
 * the reader's browser would choose anyway (`languageKeyNeeded`). `analysis`
 * holds the options as link text (`{samples: '100000'}`), already valid.
 */
export function withView(link, { currency, analysis = {}, lang = LANG }) {
  const pairs = [link, ...(currency === 'USD' ? ['cur=usd'] : [])];
  for (const [key, fallback] of Object.entries(ANALYSIS_DEFAULTS)) {
    const value = analysis[key];
    if (value !== undefined && String(value) !== fallback) pairs.push(`${key}=${encodeURIComponent(value)}`);
  }
  if (languageKeyNeeded(lang)) pairs.push(`lang=${lang}`);
  return pairs.join('&');
}

/** The currency a link's view asks for: 'USD' for `cur=usd` (any case), else 'RMB'. */
export function currencyOfView(values) {
  return /^usd$/i.test(values.cur ?? '') ? 'USD' : 'RMB';
}
