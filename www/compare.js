// Comparing two scenarios: A, pinned with "Keep as A", and B, the form as
// the reader goes on editing it. The words say how B differs from A, the
// table gives A, B and B − A (differences exact, from the model's decimal
// text), and a link carries A beside B under keys prefixed `a.`
// (`a.p=bull&a.rev.ai=1,0.9`): B stays an ordinary link, so a page that does
// not compare opens B as it is and ignores A's keys with a warning.

import { subtractDecimal } from './decimal.js';

/** The prefix of A's keys in a link. */
const PREFIX = 'a.';

const one = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** A's link (`v=1&p=bull&rev.ai=1`, as `encodeScenario` writes it) as the pairs a fragment carries: `a.p=bull&a.rev.ai=1`. */
export function compareLink(link) {
  return link.split('&').filter((pair) => pair && !pair.startsWith('v=')).map((pair) => `${PREFIX}${pair}`).join('&');
}

/**
 * Splits A's pairs off a fragment: `{rest, a}`, `rest` the fragment without
 * them and `a` A's link for `readScenarioLink` (`v=1&p=bull&rev.ai=1`), or
 * null when the fragment holds none.
 */
export function splitCompare(fragment) {
  const pairs = fragment.replace(/^#/, '').split('&').filter(Boolean);
  const mine = pairs.filter((pair) => pair.startsWith(PREFIX)).map((pair) => pair.slice(PREFIX.length));
  return {
    rest: pairs.filter((pair) => !pair.startsWith(PREFIX)).join('&'),
    a: mine.length ? ['v=1', ...mine].join('&') : null,
  };
}

/** "one year earlier", "2 years later", "the same year". */
function yearsApart(a, b) {
  const difference = b - a;
  if (difference === 0) return 'in the same year as A';
  const count = Math.abs(difference);
  return `${count === 1 ? 'one year' : `${count} years`} ${difference < 0 ? 'earlier' : 'later'} than A`;
}

/**
 * `b - a` of two decimal texts, exactly, signed for words and tables:
 * "+42.0", "−3.5", or the unsigned "0.0" when they are equal. `format`
 * writes the magnitude (decimal text).
 */
function signedText(a, b, format = (magnitude) => one.format(Number(magnitude))) {
  const difference = subtractDecimal(b, a);
  if (difference === null) return '–';
  const magnitude = difference.replace(/^-/, '');
  if (Number(magnitude) === 0) return format(magnitude);
  return `${difference.startsWith('-') ? '−' : '+'}${format(magnitude)}`;
}

/** How B reaches the cumulative target compared with A, in words. */
function reachWords(a, b) {
  const [yearA, yearB] = [a.projection.revenue.targetHitYear, b.projection.revenue.targetHitYear];
  if (yearB !== null && yearA !== null) return `B reaches the cumulative target in FY${yearB}, ${yearsApart(yearA, yearB)}`;
  if (yearB !== null) return `B reaches the cumulative target in FY${yearB}; A does not within its horizon`;
  if (yearA !== null) return `B does not reach the cumulative target within its horizon; A does, in FY${yearA}`;
  return 'Neither reaches the cumulative target within its horizon';
}

/**
 * How B differs from A, in one sentence: when each reaches the cumulative
 * target, and the difference in cumulative US$ at the end of each horizon
 * ("B reaches the cumulative target in FY2029, one year earlier than A;
 * cumulative US$ +42.0bn by FY2031.").
 */
export function compareSentence(a, b) {
  const last = (side) => side.projection.revenue.cumulativeUsdBn.at(-1);
  const [endA, endB] = [a.projection.years.at(-1), b.projection.years.at(-1)];
  const when = endA === endB ? `by FY${endB}` : `by FY${endB} against A's by FY${endA}`;
  return `${reachWords(a, b)}; cumulative US$ ${signedText(last(a), last(b))}bn ${when}.`;
}

/**
 * The figures compared, in the table's order: `[label, pick(side), kind]`,
 * `kind` saying how to write the value (`amount` US$ bn, `money` RMB bn,
 * `share`, `year`, `years`). Fiscal years are matched, so a year only one
 * of the two reaches has a value on one side only.
 */
function comparedFigures(a, b, moneyUnit) {
  const lastOf = (values) => (side) => side.projection.revenue[values].at(-1);
  const atYear = (values, fiscalYear) => (side) => {
    const index = side.projection.years.indexOf(fiscalYear);
    return index < 0 ? null : side.projection.revenue[values][index];
  };
  const years = [...new Set([...a.projection.years, ...b.projection.years])].sort((x, y) => x - y);
  return [
    ['Cumulative revenue at the horizon (US$ bn)', lastOf('cumulativeUsdBn'), 'amount'],
    ['Cumulative target reached', (side) => side.projection.revenue.targetHitYear, 'year'],
    ['Revenue in the last year alone (US$ bn)', lastOf('annualUsdBn'), 'amount'],
    ['One-year target reached', (side) => side.projection.revenue.annualTargetHitYear, 'year'],
    [`Net present value of the capex (${moneyUnit})`, (side) => side.projection.capex.npvRmbBn, 'money'],
    ['Internal rate of return', (side) => side.projection.capex.irr, 'share'],
    ['Payback (years)', (side) => side.projection.capex.paybackYears, 'years'],
    ['Token gross margin, last year', (side) => side.projection.tokens.grossMargin.at(-1), 'share'],
    ...years.map((fiscalYear) => [`Total revenue, FY${fiscalYear} (${moneyUnit})`, atYear('total', fiscalYear), 'money']),
    ...years.map((fiscalYear) => [`Cumulative revenue by FY${fiscalYear} (US$ bn)`, atYear('cumulativeUsdBn', fiscalYear), 'amount']),
  ];
}

const present = (value) => value !== null && value !== undefined;

/**
 * The compare table as shown: `{caption, head, rows}` with A, B and B − A,
 * rounded for reading (the differences computed exactly first). Money in the
 * display `currency` (`{symbol, convert}` from render.js), US$ figures in US$;
 * a figure one side lacks (a year past its horizon, no IRR) is "–".
 */
export function compareTable(a, b, currency) {
  const value = {
    amount: (text) => one.format(Number(text)),
    money: (text) => one.format(currency.convert(text)),
    share: (text) => percent.format(Number(text)),
    year: (text) => (text === null ? 'not reached' : `FY${text}`),
    years: (text) => one.format(Number(text)),
  };
  const apart = {
    ...value,
    share: (magnitude) => `${one.format(Number(magnitude) * 100)} pts`,
    year: (magnitude) => `${magnitude} yr`,
  };
  return {
    caption: 'A, B and the difference B − A',
    head: ['Figure', 'A', 'B', 'B − A'],
    rows: comparedFigures(a, b, `${currency.symbol} bn`).map(([label, pick, kind]) => {
      const [valueA, valueB] = [pick(a), pick(b)];
      const shown = (text) => (present(text) || kind === 'year' ? value[kind](text) : '–');
      const difference = present(valueA) && present(valueB) ? signedText(String(valueA), String(valueB), apart[kind]) : '–';
      return [label, shown(valueA), shown(valueB), difference];
    }),
  };
}

/**
 * The comparison as CSV rows `['Compare', figure, A, B, B − A]` in the
 * model's exact decimal text: `money` turns RMB bn into the CSV's currency
 * (exactly), `symbol` names it; blank where a side has no figure.
 */
export function compareCsvRows(a, b, symbol, money) {
  return [
    ['Compare', 'Figure', 'A', 'B', 'B - A'],
    ...comparedFigures(a, b, `${symbol} bn`).map(([label, pick, kind]) => {
      const [valueA, valueB] = [pick(a), pick(b)];
      const written = kind === 'money' ? (text) => money(String(text)) : String;
      // Money is subtracted in RMB, then converted: one rounding, not two.
      const difference = present(valueA) && present(valueB) ? written(subtractDecimal(String(valueB), String(valueA))) : '';
      return ['Compare', label, present(valueA) ? written(valueA) : '', present(valueB) ? written(valueB) : '', difference];
    }),
  ];
}
