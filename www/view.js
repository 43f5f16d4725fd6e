// View settings that travel in a link beside the scenario (`cur=usd`):
// keys the core's link reader does not know, so they are split off before
// it reads the link. Pages that do not know a key ignore it with a warning.

/** The page's view keys: the currency money is shown in (`cur=usd`; RMB when absent). */
export const VIEW_KEYS = ['cur'];

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

/** The fragment text of a scenario link with the view's keys after it (RMB adds nothing). */
export function withView(link, { currency }) {
  return currency === 'USD' ? `${link}&cur=usd` : link;
}

/** The currency a link's view asks for: 'USD' for `cur=usd` (any case), else 'RMB'. */
export function currencyOfView(values) {
  return /^usd$/i.test(values.cur ?? '') ? 'USD' : 'RMB';
}
