// Words and tables of the analysis ("How likely?"): the chance of the target
// on both readings from `simulate`, the certainty goal seek from
// `solveProbability`, the tornado's rows from `sensitivity`, and their CSV
// rows, in the page's language (www/i18n.js). Shares and shifts are the
// model's decimal text, rounded exactly for display and never to a
// certainty the simulation did not show; money is in billions (RMB bn,
// US$ bn), shown in Chinese in 亿元 and 亿美元 with its digits moved exactly.

import { billionsNumber } from './charts.js';
import { roundDecimal, shiftPoint } from './decimal.js';
import { FIELD_TEXT } from './fields.js';
import {
  billions, fy, fySpan, numberFormat, t,
} from './i18n.js';

const whole = numberFormat();
const one = numberFormat({ maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** The percentiles and mean of a spread, in the order tables show them. */
const SPREAD = ['p5', 'p10', 'p50', 'p90', 'p95', 'mean'];

/**
 * A probability (fraction text) as a percentage with one decimal, exactly
 * rounded, that never rounds a possibility away: "81.2%", "0%", "<0.1%",
 * ">99.9%", "100%".
 */
export function chance(share) {
  const text = String(share);
  if (Number(text) <= 0) return '0%';
  if (Number(text) >= 1) return '100%';
  const percent = roundDecimal(shiftPoint(text, 2), 1);
  if (Number(percent) === 0) return '<0.1%';
  if (Number(percent) === 100) return '>99.9%';
  return `${one.format(Number(percent))}%`;
}

/** The target (US$ bn) in words: "US$100bn" / "1,000亿美元" (its digits moved exactly). */
function targetText(scenario) {
  const { prefix, suffix, shift } = billions('USD');
  const amount = numberFormat({ maximumFractionDigits: 3 - shift }).format(Number(shiftPoint(String(scenario.targetUsdBn), shift)));
  return `${prefix}${amount}${suffix}`;
}

/** US$ bn in words: "US$301.4bn", "-US$4.2bn" / "3,014亿美元". */
function usd(value) {
  const { prefix, suffix } = billions('USD');
  const amount = billionsNumber(value, 'USD');
  return amount.startsWith('-') ? `-${prefix}${amount.slice(1)}${suffix}` : `${prefix}${amount}${suffix}`;
}

/** The currency ('RMB' or 'USD') of a display currency's symbol ('RMB' or 'US$', as render.js's `currencyOf` names it). */
const currencyOfSymbol = (symbol) => (symbol === 'US$' ? 'USD' : 'RMB');

/**
 * The answer in words: how often each reading of the target is reached, by
 * the year the point forecast reaches it, the middle of the futures and the
 * chance the capex pays back (NPV > 0). Two sentences.
 */
export function likelySentences(scenario, projection, simulation) {
  const { years } = projection;
  const target = targetText(scenario);
  const hitYear = projection.revenue.targetHitYear;
  const hitIndex = hitYear === null ? -1 : years.indexOf(hitYear);
  const byPoint = hitIndex >= 0 && hitIndex < years.length - 1
    ? t('likely.hit.byPoint', { chance: chance(simulation.hitByYear[hitIndex]), year: fy(hitYear) })
    : '';
  const spread = simulation.cumulativeUsdBn;
  return [
    t('likely.hit', {
      chance: chance(simulation.probabilityHitTarget),
      samples: whole.format(simulation.samples),
      target,
      last: fy(years.at(-1)),
      byPoint,
      annual: chance(simulation.probabilityHitAnnualTarget),
    }),
    t('likely.spread', {
      p10: usd(spread.p10), p90: usd(spread.p90), span: fySpan(years), p50: usd(spread.p50), npv: chance(simulation.probabilityNpvPositive),
    }),
  ];
}

/** Percentage points of a growth shift (fraction text): "12.3". */
const points = (shift) => one.format(Number(roundDecimal(shiftPoint(String(shift).replace(/^-/, ''), 2), 1)));

/**
 * The certainty goal seek in words: how much AI revenue growth must change
 * every year for the cumulative target to be `level` percent likely (higher,
 * lower: already that sure), or that it is out of reach or already certain
 * within the search range.
 */
export function certaintySentence(scenario, level, result) {
  const words = {
    target: t('likely.certainty.target', { target: targetText(scenario) }),
    sure: `${level}%`,
    got: result.probability === null ? '' : t('likely.certainty.got', { chance: chance(result.probability) }),
  };
  if (result.beyond === 'above') return t('likely.certainty.outOfReach', words);
  if (result.beyond === 'below') return t('likely.certainty.certain', words);
  const shift = points(result.aiGrowthShift);
  if (Number(shift) === 0) return t('likely.certainty.asTyped', words);
  return t(Number(result.aiGrowthShift) > 0 ? 'likely.certainty.higher' : 'likely.certainty.lower', { ...words, points: shift });
}

/**
 * The analysis tables: the chance by year, the percentiles (US$ bn for
 * revenue; NPV in the display currency `currency`, render.js's
 * `currencyOf`), the histogram's bins and the tornado's rows, as
 * `{id, title, head, rows}` with display text (billions shown in 亿 in Chinese).
 */
export function likelyTables(scenario, projection, simulation, currency) {
  const { years } = projection;
  const usdUnit = billions('USD').unit;
  const amount = (value) => billionsNumber(value, 'USD');
  const npv = (value) => billionsNumber(currency.convert(value), currencyOfSymbol(currency.symbol));
  const spreadRow = (label, spread, format) => [label, ...SPREAD.map((key) => format(spread[key]))];
  const { edges, counts } = simulation.histogram;
  const bins = counts.map((count, i) => [
    amount(edges[i]), amount(edges[i + 1]), whole.format(count), chance(String(count / simulation.samples)),
  ]);
  return {
    byYear: {
      caption: t('likely.table.byYear.caption'),
      head: [t('likely.table.byYear.head'), ...years.map((year) => fy(year))],
      rows: [[t('likely.table.byYear.row'), ...simulation.hitByYear.map(chance)]],
    },
    spreads: {
      caption: t('likely.table.spreads.caption', { samples: whole.format(simulation.samples), seed: simulation.seed }),
      head: [t('likely.table.figure'), ...SPREAD.map((key) => t(`likely.percentile.${key}`))],
      rows: [
        spreadRow(t('likely.table.cumulative', { span: fySpan(years), unit: usdUnit }), simulation.cumulativeUsdBn, amount),
        spreadRow(t('likely.table.annual', { year: fy(years.at(-1)), unit: usdUnit }), simulation.annualUsdBn, amount),
        spreadRow(t('likely.table.npv', { unit: billions(currencyOfSymbol(currency.symbol)).unit }), simulation.npvRmbBn, npv),
      ],
    },
    histogram: {
      caption: t('likely.table.histogram.caption', { span: fySpan(years) }),
      head: [t('likely.table.from', { unit: usdUnit }), t('likely.table.to', { unit: usdUnit }), t('likely.table.futures'), t('likely.table.share')],
      rows: bins,
    },
  };
}

/** The tornado's row labels: each group's name, the form's label of its field ("AI revenue growth"). */
export function tornadoLabels() {
  return Object.fromEntries(Object.keys(FIELD_TEXT).map((path) => [path, FIELD_TEXT[path].label]));
}

/**
 * The tornado as a table: each group's low and high value of every output,
 * in display text (`currency`: render.js's `currencyOf`, for the net present
 * value; billions shown in 亿 in Chinese).
 */
export function tornadoTable(sensitivity, currency, delta = '0.1') {
  const code = currencyOfSymbol(currency.symbol);
  const step = `${one.format(Number(shiftPoint(delta, 2)))}%`;
  const overflows = t('charts.tornado.overflows');
  const money = (value) => (value === null ? overflows : billionsNumber(currency.convert(value), code));
  const amount = (value) => (value === null ? overflows : billionsNumber(value, 'USD'));
  const margin = (value) => (value === null ? overflows : `${one.format(Number(shiftPoint(value, 2)))}%`);
  const cells = (figures) => (figures === null
    ? [overflows, overflows, overflows]
    : [amount(figures.cumulativeUsdBn), money(figures.npvRmbBn), margin(figures.grossMargin)]);
  return {
    caption: t('likely.tornado.caption', { step }),
    head: [t('likely.tornado.input'), t('likely.tornado.moved'), t('likely.tornado.cumulative', { unit: billions('USD').unit }),
      t('likely.tornado.npv', { unit: billions(code).unit }), t('likely.tornado.margin')],
    rows: [
      [t('charts.tornado.legend.base'), t('likely.tornado.asTyped'), ...cells(sensitivity.base)],
      ...sensitivity.rows.flatMap((row) => {
        const label = FIELD_TEXT[row.group]?.label ?? row.group;
        const name = row.clamped ? t('charts.tornado.held', { label }) : label;
        return [[name, t('likely.tornado.lower', { step }), ...cells(row.low)], [name, t('likely.tornado.higher', { step }), ...cells(row.high)]];
      }),
    ],
  };
}

/**
 * The analysis as CSV rows `[section, figure, ...values]`, in the model's
 * exact decimal text (shares as fractions; billions with their digits moved
 * exactly into 亿 in Chinese): the options, the chances, the percentiles,
 * the histogram, the certainty goal seek and the tornado (each input group
 * by its JSON path, for a program, and its label, for a reader). `money` turns an
 * RMB bn figure into the CSV's currency (decimal text in billions);
 * `symbol` names it ('RMB' or 'US$').
 */
export function analysisCsvRows({ projection, simulation, certainty, level, sensitivity, money, symbol }) {
  const { years } = projection;
  const code = currencyOfSymbol(symbol);
  /** Billions of `currency` (decimal text) in the unit the CSV names. */
  const inUnit = (currency) => {
    const { shift } = billions(currency);
    return (value) => (shift ? shiftPoint(value, shift) : value);
  };
  const usdBn = inUnit('USD');
  const moneyBn = (value) => inUnit(code)(money(value));
  const usdUnit = billions('USD').unit;
  const moneyUnit = billions(code).unit;
  const rows = [];
  if (simulation) {
    const section = t('likely.csv.simulation');
    const spreads = [[t('likely.tornado.cumulative', { unit: usdUnit }), simulation.cumulativeUsdBn, usdBn],
      [t('likely.table.annual', { year: fy(years.at(-1)), unit: usdUnit }), simulation.annualUsdBn, usdBn],
      [t('likely.tornado.npv', { unit: moneyUnit }), simulation.npvRmbBn, moneyBn]];
    const percentiles = t('likely.csv.percentiles');
    const histogram = t('likely.csv.histogram');
    rows.push(
      [],
      [section, t('likely.table.figure'), t('likely.csv.value')],
      [section, t('likely.csv.samples'), String(simulation.samples)],
      [section, t('likely.csv.seed'), String(simulation.seed)],
      [section, t('likely.csv.chance'), simulation.probabilityHitTarget],
      ...years.map((year, i) => [section, t('likely.csv.chanceBy', { year: fy(year) }), simulation.hitByYear[i]]),
      [section, t('likely.csv.chanceAnnual'), simulation.probabilityHitAnnualTarget],
      [section, t('likely.csv.chanceNpv'), simulation.probabilityNpvPositive],
      [],
      [percentiles, t('likely.table.figure'), ...SPREAD.map((key) => t(`likely.percentile.${key}`))],
      ...spreads.map(([label, spread, as]) => [percentiles, label, ...SPREAD.map((key) => as(spread[key]))]),
      [],
      [histogram, t('likely.table.from', { unit: usdUnit }), t('likely.table.to', { unit: usdUnit }), t('likely.table.futures')],
      ...simulation.histogram.counts.map((count, i) => [histogram, usdBn(simulation.histogram.edges[i]),
        usdBn(simulation.histogram.edges[i + 1]), String(count)]),
    );
  }
  if (certainty) {
    const section = t('likely.csv.certainty');
    rows.push(
      [],
      [section, t('likely.table.figure'), t('likely.csv.value')],
      [section, t('likely.csv.certainty.level'), shiftPoint(level, -2)],
      [section, t('likely.csv.certainty.shift'), certainty.aiGrowthShift ?? ''],
      [section, t('likely.csv.certainty.chance'), certainty.probability ?? ''],
      [section, t('likely.csv.certainty.beyond'), certainty.beyond ? t(`likely.csv.beyond.${certainty.beyond}`) : ''],
    );
  }
  if (sensitivity) {
    const section = t('likely.csv.sensitivity');
    const cells = (figures) => (figures === null ? ['', '', ''] : [usdBn(figures.cumulativeUsdBn), moneyBn(figures.npvRmbBn), figures.grossMargin]);
    rows.push(
      [],
      [section, t('likely.csv.group'), t('likely.tornado.input'), t('likely.tornado.moved'),
        t('likely.tornado.cumulative', { unit: usdUnit }), t('likely.tornado.npv', { unit: moneyUnit }), t('likely.csv.margin'),
        t('likely.csv.held')],
      [section, '', t('charts.tornado.legend.base'), '0', ...cells(sensitivity.base), ''],
      ...sensitivity.rows.flatMap((row) => {
        const label = FIELD_TEXT[row.group]?.label ?? row.group;
        return [
          [section, row.group, label, '-0.1', ...cells(row.low), t(`likely.csv.${row.clamped}`)],
          [section, row.group, label, '0.1', ...cells(row.high), t(`likely.csv.${row.clamped}`)],
        ];
      }),
    );
  }
  return rows;
}
