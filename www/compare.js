// Comparing two scenarios: A, pinned with "Keep as A", and B, the form as
// the reader goes on editing it. The words say how B differs from A, the
// table gives A, B and B − A (differences exact, from the model's decimal
// text), and a link carries A beside B under keys prefixed `a.`
// (`a.p=bull&a.rev.ai=1,0.9`): B stays an ordinary link, so a page that does
// not compare opens B as it is and ignores A's keys with a warning.

import { subtractDecimal } from './decimal.js';
import {
  billions, fy, numberFormat, t,
} from './i18n.js';
import { exactBillions, shownBillions } from './render.js';

/** The prefix of A's keys in a link. */
const PREFIX = 'a.';

const one = numberFormat({ maximumFractionDigits: 1, minimumFractionDigits: 1 });
const percent = numberFormat({ style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 });

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

/** "one year earlier than A", "2 years later than A", "in the same year as A". */
function yearsApart(a, b) {
  const difference = b - a;
  if (difference === 0) return t('compare.apart.same');
  const count = Math.abs(difference);
  const way = difference < 0 ? 'earlier' : 'later';
  return count === 1 ? t(`compare.apart.${way}One`) : t(`compare.apart.${way}`, { count });
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
  if (yearB !== null && yearA !== null) return t('compare.reach.both', { b: fy(yearB), apart: yearsApart(yearA, yearB) });
  if (yearB !== null) return t('compare.reach.onlyB', { b: fy(yearB) });
  if (yearA !== null) return t('compare.reach.onlyA', { a: fy(yearA) });
  return t('compare.reach.neither');
}

/** US$ billions (decimal text) as the number shown in the language's unit, one decimal: "51.3" / "513.0". */
const usdShown = (text) => one.format(shownBillions(text, 'USD'));
/** The same in a sentence, to a tenth of a billion as `formatBillions` writes it: "51.3" / "513". */
const usdWords = (text) => {
  const places = Math.max(0, 1 - billions('USD').shift);
  return numberFormat({ maximumFractionDigits: places, minimumFractionDigits: places }).format(shownBillions(text, 'USD'));
};

/**
 * How B differs from A, in one sentence: when each reaches the cumulative
 * target, and the difference in cumulative US$ at the end of each horizon
 * ("B reaches the cumulative target in FY2029, one year earlier than A;
 * cumulative US$ +42.0bn by FY2031."; in Chinese in 亿美元).
 */
export function compareSentence(a, b) {
  const last = (side) => side.projection.revenue.cumulativeUsdBn.at(-1);
  const [endA, endB] = [a.projection.years.at(-1), b.projection.years.at(-1)];
  const when = endA === endB ? t('compare.by', { b: fy(endB) }) : t('compare.byBoth', { a: fy(endA), b: fy(endB) });
  return t('compare.sentence', { reach: reachWords(a, b), difference: signedText(last(a), last(b), usdWords), when });
}

/**
 * The figures compared, in the table's order: `[label, pick(side), kind]`,
 * `kind` saying how to write the value (`usd` US$ bn, `money` RMB bn,
 * `share`, `year`, `years`). `unit` names the money unit shown. Fiscal years
 * are matched, so a year only one of the two reaches has a value on one side only.
 */
function comparedFigures(a, b, unit) {
  const lastOf = (values) => (side) => side.projection.revenue[values].at(-1);
  const atYear = (values, fiscalYear) => (side) => {
    const index = side.projection.years.indexOf(fiscalYear);
    return index < 0 ? null : side.projection.revenue[values][index];
  };
  const years = [...new Set([...a.projection.years, ...b.projection.years])].sort((x, y) => x - y);
  const usdUnit = billions('USD').unit;
  return [
    [t('compare.row.cumulative', { usdUnit }), lastOf('cumulativeUsdBn'), 'usd'],
    [t('compare.row.reached'), (side) => side.projection.revenue.targetHitYear, 'year'],
    [t('compare.row.annual', { usdUnit }), lastOf('annualUsdBn'), 'usd'],
    [t('compare.row.annualReached'), (side) => side.projection.revenue.annualTargetHitYear, 'year'],
    [t('compare.row.npv', { unit }), (side) => side.projection.capex.npvRmbBn, 'money'],
    [t('compare.row.irr'), (side) => side.projection.capex.irr, 'share'],
    [t('compare.row.payback'), (side) => side.projection.capex.paybackYears, 'years'],
    [t('compare.row.grossMargin'), (side) => side.projection.tokens.grossMargin.at(-1), 'share'],
    ...years.map((fiscalYear) => [t('compare.row.total', { year: fy(fiscalYear), unit }), atYear('total', fiscalYear), 'money']),
    ...years.map((fiscalYear) => [t('compare.row.cumulativeBy', { year: fy(fiscalYear), usdUnit }), atYear('cumulativeUsdBn', fiscalYear), 'usd']),
  ];
}

const present = (value) => value !== null && value !== undefined;

/**
 * The compare table as shown: `{caption, head, rows}` with A, B and B − A,
 * rounded for reading (the differences computed exactly first). Money in the
 * display `currency` (`currencyOf` in render.js) and its unit, US$ figures
 * in US$; a figure one side lacks (a year past its horizon, no IRR) is "–".
 */
export function compareTable(a, b, currency) {
  const value = {
    usd: usdShown,
    money: (text) => one.format(currency.toUnit(text)),
    share: (text) => percent.format(Number(text)),
    year: (text) => (text === null ? t('compare.notReached') : fy(text)),
    years: (text) => one.format(Number(text)),
  };
  const apart = {
    ...value,
    share: (magnitude) => t('compare.points', { points: one.format(Number(magnitude) * 100) }),
    year: (magnitude) => t('compare.yearsApart', { years: magnitude }),
  };
  return {
    caption: t('compare.caption'),
    head: [t('compare.figure'), 'A', 'B', 'B − A'],
    rows: comparedFigures(a, b, currency.unit).map(([label, pick, kind]) => {
      const [valueA, valueB] = [pick(a), pick(b)];
      const shown = (text) => (present(text) || kind === 'year' ? value[kind](text) : '–');
      const difference = present(valueA) && present(valueB) ? signedText(String(valueA), String(valueB), apart[kind]) : '–';
      return [label, shown(valueA), shown(valueB), difference];
    }),
  };
}

/**
 * The comparison as CSV rows `[section, figure, A, B, B − A]` in the
 * model's exact decimal text: `money` turns RMB bn into billions of the
 * CSV's currency (exactly), `symbol` ('RMB' or 'US$') names it; money and
 * US$ figures are then written in the language's unit for billions
 * (`exactBillions`: 亿元, 亿美元 in Chinese). Blank where a side has no figure.
 */
export function compareCsvRows(a, b, symbol, money) {
  const currency = symbol === 'US$' ? 'USD' : 'RMB';
  const section = t('compare.csv.section');
  const written = {
    money: (text) => exactBillions(money(String(text)), currency),
    usd: (text) => exactBillions(String(text), 'USD'),
  };
  return [
    [section, t('compare.figure'), 'A', 'B', 'B - A'],
    ...comparedFigures(a, b, billions(currency).unit).map(([label, pick, kind]) => {
      const [valueA, valueB] = [pick(a), pick(b)];
      const write = written[kind] ?? String;
      // Money is subtracted in RMB, then converted: one rounding, not two.
      const difference = present(valueA) && present(valueB) ? write(subtractDecimal(String(valueB), String(valueA))) : '';
      return [section, label, present(valueA) ? write(valueA) : '', present(valueB) ? write(valueB) : '', difference];
    }),
  ];
}
