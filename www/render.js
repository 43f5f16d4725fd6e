// Renders a Projection: the headline sentence, key figures, warnings and
// the yearly tables, in the page's language (www/i18n.js). Money is shown in
// RMB or US$ (converted at the scenario's exchange rate), in billions in
// English and in 亿 (the decimal point moved, 1 bn = 10 亿) in Chinese;
// numbers are formatted with the language's Intl.NumberFormat.

import { divideDecimal, isDecimal, roundDecimal, shiftPoint } from './decimal.js';
import { el } from './dom.js';
import { FIELD_TEXT, GROUPS } from './fields.js';
import {
  billions, formatBillions, fy, fySpan, has, numberFormat, t,
} from './i18n.js';
import { aiOverHalfIndex } from './outputs.js';

const one = numberFormat({ maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = numberFormat({ maximumFractionDigits: 0 });
const two = numberFormat({ maximumFractionDigits: 2, minimumFractionDigits: 2 });
const significant = numberFormat({ maximumSignificantDigits: 6 });
const percent = numberFormat({ style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** 'RMB' or 'USD' for a display currency's symbol ('RMB', 'US$'). */
const codeOf = (symbol) => (symbol === 'US$' ? 'USD' : 'RMB');

/**
 * Billions of `currency` ('RMB' or 'USD'; decimal text) as decimal text in
 * the page's unit for them (`billions(currency).unit`), exactly: the same
 * text in English ('94.8792' RMB bn), the point moved one place in Chinese
 * ('948.792' 亿元). For exports; text that is not a decimal is returned as is.
 */
export function exactBillions(text, currency) {
  const { shift } = billions(currency);
  return shift ? shiftPoint(text, shift) : text;
}

/**
 * Billions of `currency` (decimal text or a number) as the number shown in
 * the page's unit for them: unchanged in English, times 10 in Chinese (亿),
 * by moving the point of decimal text. For rounded display (tables, charts).
 */
export function shownBillions(value, currency) {
  const { shift } = billions(currency);
  if (!shift) return Number(value);
  const text = String(value);
  return isDecimal(text) ? Number(shiftPoint(text, shift)) : Number(value) * 10 ** shift;
}

/**
 * Money in a display currency (`currency` 'RMB' or 'USD', `fx` RMB per US$)
 * and the page's language:
 * - `code`: 'RMB' or 'USD'; `symbol`: 'RMB' or 'US$' (in either language);
 * - `unit`: what `toUnit` gives, the tables' money unit: 'RMB bn', 'US$ bn',
 *   '亿元', '亿美元';
 * - `perUnit`: the unit of small amounts such as prices per million tokens:
 *   'RMB', 'US$', '元', '美元';
 * - `convert(rmbBn)`: an RMB amount as a number of the display currency, in
 *   the same scale (billions stay billions, RMB per million tokens becomes
 *   US$ per million tokens), whatever the language;
 * - `toUnit(rmbBn)`: RMB billions as the number shown in `unit` (US$ bn
 *   divided by `fx`; in Chinese times 10, the point moved for RMB text);
 * - `money(rmbBn)`: RMB billions as text with its unit: 'RMB216.6bn',
 *   'US$30.2bn', '2,166亿元', '302亿美元'.
 */
export function currencyOf(currency, fx) {
  const code = currency === 'USD' ? 'USD' : 'RMB';
  const rate = code === 'USD' ? Number(fx) : 1;
  const convert = (rmb) => Number(rmb) / rate;
  return {
    code,
    symbol: code === 'USD' ? 'US$' : 'RMB',
    unit: billions(code).unit,
    perUnit: t(`render.unit.${code}`),
    convert,
    toUnit: (rmb) => shownBillions(code === 'USD' ? convert(rmb) : rmb, code),
    money: (rmb) => formatBillions(convert(rmb), code),
  };
}

/** US$ bn as "US$301.4bn" / "-US$4.2bn" ('3,014亿美元' / '-42亿美元' in Chinese). */
export const usd = (value) => formatBillions(value, 'USD');
/** The target (US$ bn text) with its own digits: 'US$100bn', 'US$0.01bn' / '1,000亿美元', '0.1亿美元'. */
function targetText(scenario) {
  const { prefix, suffix } = billions('USD');
  return `${prefix}${significant.format(shownBillions(scenario.targetUsdBn, 'USD'))}${suffix}`;
}

/** How a uniform growth rate beyond the search range of -99%..1,000% a year is worded. */
const LIMITS = { below: -0.99, above: 10 };
const limitText = (side) => numberFormat({ style: 'percent' }).format(LIMITS[side]);

/** "that takes 35.3% growth a year from FY2026", or why no uniform rate does. */
function takes(growth, beyond, baseYear) {
  if (growth !== null) return t('render.takes', { rate: percent.format(Number(growth)), year: fy(baseYear) });
  return beyond === 'below'
    ? t('render.takes.below', { rate: numberFormat({ style: 'percent' }).format(-LIMITS.below) })
    : t('render.takes.above', { rate: limitText('above') });
}

/**
 * The answer to the question, in words and numbers: the target read both
 * ways, cumulative revenue over the horizon first, then revenue in the last
 * year alone, each reached (and when) or missed (by how much, and the
 * uniform growth from the base year that would reach it).
 */
export function headline(scenario, projection) {
  const { years, revenue } = projection;
  const target = targetText(scenario);
  const last = fy(years.at(-1));
  const base = years[0] - 1;
  const cumulative = revenue.targetHitYear === null
    ? t('render.headline.short', {
      gap: usd(-Number(revenue.gapUsdBn)), target, takes: takes(revenue.requiredUniformGrowth, revenue.requiredUniformGrowthBeyond, base),
    })
    : t('render.headline.reached', { target, year: fy(revenue.targetHitYear) });
  let annual;
  if (Number(revenue.annualGapUsdBn) >= 0) {
    annual = revenue.annualTargetHitYear === years.at(-1)
      ? t('render.headline.above', { target })
      : t('render.headline.aboveSince', { target, year: fy(revenue.annualTargetHitYear) });
  } else {
    const params = {
      gap: usd(-Number(revenue.annualGapUsdBn)),
      target,
      takes: takes(revenue.requiredUniformGrowthAnnual, revenue.requiredUniformGrowthAnnualBeyond, base),
    };
    annual = revenue.annualTargetHitYear === null
      ? t('render.headline.annualShort', params)
      : t('render.headline.annualShortOnce', { ...params, year: fy(revenue.annualTargetHitYear) });
  }
  return t('render.headline', {
    cumulative: t('render.headline.cumulative', { span: fySpan(years), amount: usd(revenue.cumulativeUsdBn.at(-1)), outcome: cumulative }),
    annual: t('render.headline.annual', { year: last, amount: usd(revenue.annualUsdBn.at(-1)), outcome: annual }),
  });
}

/** A required growth rate, or which side of -99%..1,000% a year it lies on. */
function requiredRate(growth, beyond) {
  if (growth !== null) return t('render.rate.perYear', { rate: percent.format(Number(growth)) });
  if (beyond === 'below') return t('render.rate.below', { rate: limitText('below') });
  if (beyond === 'above') return t('render.rate.above', { rate: limitText('above') });
  return t('render.rate.noAi');
}

/**
 * The two readings of the target side by side, `[{id, title, rows: [[term, value, explains]]}]`
 * (explains: the output path the value shows):
 * what each gives, when it is met, the gap at the last year, and the uniform
 * growth (all revenue, or AI revenue with core as given) that just meets it.
 */
export function readings(scenario, projection) {
  const { years, revenue } = projection;
  const last = fy(years.at(-1));
  const target = targetText(scenario);
  const reached = (year) => (year === null ? t('render.notBy', { year: last }) : fy(year));
  const gap = (value) => (Number(value) >= 0
    ? t('render.gap.above', { amount: usd(value) })
    : t('render.gap.short', { amount: usd(-Number(value)) }));
  return [
    {
      id: 'cumulative',
      title: t('render.reading.cumulative', { span: fySpan(years) }),
      rows: [
        [t('render.reading.summed'), usd(revenue.cumulativeUsdBn.at(-1)), `revenue.cumulativeUsdBn[${years.length - 1}]`],
        [t('render.reading.reached', { target }), reached(revenue.targetHitYear), 'revenue.targetHitYear'],
        [t('render.reading.gapBy', { year: last }), gap(revenue.gapUsdBn), 'revenue.gapUsdBn'],
        [t('render.reading.growth'), requiredRate(revenue.requiredUniformGrowth, revenue.requiredUniformGrowthBeyond), 'revenue.requiredUniformGrowth'],
        [t('render.reading.aiGrowth'), requiredRate(revenue.requiredAiGrowth, revenue.requiredAiGrowthBeyond), 'revenue.requiredAiGrowth'],
      ],
    },
    {
      id: 'annual',
      title: t('render.reading.annual', { year: last }),
      rows: [
        [t('render.reading.alone', { year: last }), usd(revenue.annualUsdBn.at(-1)), `revenue.annualUsdBn[${years.length - 1}]`],
        [t('render.reading.firstReached', { target }), reached(revenue.annualTargetHitYear), 'revenue.annualTargetHitYear'],
        [t('render.reading.gapIn', { year: last }), gap(revenue.annualGapUsdBn), 'revenue.annualGapUsdBn'],
        [t('render.reading.growth'), requiredRate(revenue.requiredUniformGrowthAnnual, revenue.requiredUniformGrowthAnnualBeyond),
          'revenue.requiredUniformGrowthAnnual'],
        [t('render.reading.aiGrowth'), requiredRate(revenue.requiredAiGrowthAnnual, revenue.requiredAiGrowthAnnualBeyond), 'revenue.requiredAiGrowthAnnual'],
      ],
    },
  ];
}

/** [`readings`] as the page shows them: a section of terms and values (buttons that explain them) for each. */
export function readingElements(scenario, projection) {
  return readings(scenario, projection).map((reading) => el('section', { class: `reading reading-${reading.id}` },
    el('h3', {}, reading.title),
    el('dl', {}, reading.rows.map(([term, value, explains]) => el('div', {}, el('dt', {}, term), el('dd', {}, explainedValue(value, explains)))))));
}

/**
 * A message with a node in place of its `{slot}` placeholder, the other
 * placeholders filled from `params`, as nodes for `replaceChildren`.
 */
function withNode(id, slot, node, params) {
  const [before, after = ''] = t(id, params).split(`{${slot}}`);
  return [before, node, after].filter((part) => part !== '');
}

/**
 * What the status line says while input is bad: the first problem in the
 * form's order, its field's name linking to the field, and how many more,
 * as nodes for `replaceChildren`.
 */
export function problemSentence(problems) {
  const [first] = problems;
  const more = problems.length > 1 ? t('render.problem.more', { count: problems.length - 1 }) : '';
  const name = first.input ? el('a', { href: `#${first.input.id}` }, first.label) : first.label;
  return withNode('render.problem', 'field', name, { message: first.message, more });
}

/** What the note over results computed by `withSubstitutes` says: whose values stand in for which fields. */
export function substitutionNote(presetLabel, problems) {
  const fixable = problems.some((problem) => problem.input);
  return t(fixable ? 'render.substitution.fixable' : 'render.substitution', {
    preset: presetLabel, fields: problems.map((problem) => problem.label).join(t('render.list.separator')),
  });
}

/**
 * Key figures as `[term, value, explains]`: explains is the output path the
 * value shows, or for a range ("45.4% to 68.9%") its ends as `{text, path}`. With `reported` (the scenario starts
 * from the reported base year), the year AI revenue passes half of revenue
 * is set beside management's statement that it would within a year.
 * `currency` is `currencyOf`'s.
 */
export function keyFigures(scenario, projection, currency, reported = null) {
  const { years, revenue, capex, tokens } = projection;
  const last = fy(years.at(-1));
  const base = years[0] - 1;
  const payback = (value) => {
    if (value === null) return t('render.payback.never', { year: last });
    if (Number(value) === 0) return t('render.payback.immediate');
    return t('render.payback.years', { years: one.format(Number(value)), year: fy(base + Math.ceil(Number(value))) });
  };
  const rate = (value) => (value === null ? t('render.none') : percent.format(Number(value)));
  const half = aiOverHalfIndex(revenue.aiShare);
  const halfYear = half < 0 ? t('render.aiHalf.notBy', { year: last }) : t('render.aiHalf.from', { year: fy(years[half]) });
  const halfTerm = reported ? t('render.key.aiHalfSaid', { year: fy(base + 1) }) : t('render.key.aiHalf');
  const margins = [0, years.length - 1].map((i) => ({ text: percent.format(Number(tokens.grossMargin[i])), path: `tokens.grossMargin[${i}]` }));
  return [
    [t('render.key.payback'), payback(capex.paybackYears), 'capex.paybackYears'],
    [t('render.key.discountedPayback', { rate: percent.format(Number(scenario.capex.discountRate)) }),
      payback(capex.discountedPaybackYears), 'capex.discountedPaybackYears'],
    [t('render.key.npv'), currency.money(capex.npvRmbBn), 'capex.npvRmbBn'],
    [t('render.key.irr'), rate(capex.irr), 'capex.irr'],
    [t('render.key.cashMargin', { year: last }), rate(capex.requiredCashMargin), 'capex.requiredCashMargin'],
    [halfTerm, halfYear, half < 0 ? `revenue.aiShare[${years.length - 1}]` : `revenue.aiShare[${half}]`],
    [t('render.key.grossMargin', { first: fy(years[0]), last }),
      margins.map(({ text }) => text).join(t('render.range.to')), margins],
    [t('render.key.accelerators', { year: last }), whole.format(Number(tokens.acceleratorsNeeded.at(-1))),
      `tokens.acceleratorsNeeded[${years.length - 1}]`],
  ];
}

/** [`keyFigures`] as the page shows them: the `<div>`s of a `<dl>`, each value a button that explains it. */
export function keyFigureElements(scenario, projection, currency, reported = null) {
  return keyFigures(scenario, projection, currency, reported)
    .map(([term, value, explains]) => el('div', {}, el('dt', {}, term), el('dd', {}, explainedValue(value, explains))));
}

/**
 * Formats the tables as the page shows them (`currency` is `currencyOf`'s):
 * rounded, money in the display currency's `unit`, US$ billions in US$'s.
 */
export function displayFormat(currency) {
  return {
    code: currency.code,
    unit: currency.unit,
    usdUnit: billions('USD').unit,
    perUnit: currency.perUnit,
    shareUnit: '',
    money: (v) => one.format(currency.toUnit(v)),
    usd: (v) => one.format(shownBillions(v, 'USD')),
    perMTok: (v) => two.format(currency.convert(v)),
    share: (v) => percent.format(Number(v)),
    amount: (v) => one.format(Number(v)),
    count: (v) => whole.format(Number(v)),
  };
}

/**
 * Formats the tables exactly, for export: the model's decimal strings,
 * money in the display currency (US$ divided exactly, rounded half-even to
 * 9 places like the model's own outputs) and the language's unit for it
 * (`exactBillions`), shares as fractions, counts as whole numbers rounded
 * as the page shows them.
 */
function exactFormat(code, fx) {
  const same = (v) => v;
  const converted = code === 'USD' ? (v) => divideDecimal(v, fx) : same;
  return {
    code,
    unit: billions(code).unit,
    usdUnit: billions('USD').unit,
    perUnit: t(`render.unit.${code}`),
    shareUnit: t('render.unit.fraction'),
    money: (v) => exactBillions(converted(v), code),
    usd: (v) => exactBillions(v, 'USD'),
    perMTok: converted,
    share: same,
    amount: same,
    count: (v) => roundDecimal(v, 0),
  };
}

/**
 * The yearly tables: `[{id, title, rows: [[label, values[], before[]]], paths, before}]`,
 * formatted by `format` (`displayFormat`'s, or the export's). With `reported` (the core's `reportedYears`), the
 * revenue and capex tables start with the reported years (`before`, their
 * fiscal years), filled in on the rows they report and blank on the others.
 */
export function tables(projection, format, reported = null) {
  const { revenue, capex, tokens } = projection;
  const { unit, usdUnit, perUnit, shareUnit } = format;
  const inUsd = format.code === 'USD';
  // The row that shows each reported series, by the output it shows: total revenue in the currency shown, capex.
  const reportedRows = {
    [inUsd ? 'revenue.annualUsdBn' : 'revenue.total']: reported?.revenueRmbBn,
    'capex.capexRmbBn': reported?.capexRmbBn,
  };
  // Each row: its label, the values, how to format them and the output they show (for the explain buttons).
  const section = (fields, entries) => ({
    ...fields,
    rows: entries.map(([label, values, as]) => [label, values.map(format[as])]),
    paths: entries.map(([, , , path]) => path),
  });
  const withReported = (table, series) => {
    const before = (series ?? []).map((year) => year.fiscalYear);
    return {
      ...table,
      before,
      rows: table.rows.map(([label, values], r) => [label, values, before.map((fiscalYear) => {
        const figure = reportedRows[table.paths[r]]?.find((year) => year.fiscalYear === fiscalYear);
        return figure ? format.money(figure.value) : '';
      })]),
    };
  };
  const row = (id, params = {}) => t(`render.row.${id}`, { unit, usdUnit, perUnit, shareUnit, ...params });
  return [
    withReported(section({ id: 'revenue', title: t('render.table.revenue') }, [
      [row('ai'), revenue.ai, 'money', 'revenue.ai'],
      [row('core'), revenue.core, 'money', 'revenue.core'],
      // The two readings of the target use the model's own US$ rows; in
      // RMB they follow the RMB totals.
      ...(inUsd ? [] : [[row('total'), revenue.total, 'money', 'revenue.total']]),
      [row('totalUsd'), revenue.annualUsdBn, 'usd', 'revenue.annualUsdBn'],
      ...(inUsd ? [] : [[row('cumulative'), revenue.cumulativeRmbBn, 'money', 'revenue.cumulativeRmbBn']]),
      [row('cumulativeUsd'), revenue.cumulativeUsdBn, 'usd', 'revenue.cumulativeUsdBn'],
      [row('aiShare'), revenue.aiShare, 'share', 'revenue.aiShare'],
    ]), reported?.revenueRmbBn),
    withReported(section({ id: 'capex', title: t('render.table.capex') }, [
      [row('capex'), capex.capexRmbBn, 'money', 'capex.capexRmbBn'],
      [row('incremental'), capex.incrementalRevenue, 'money', 'capex.incrementalRevenue'],
      [row('cashInflow'), capex.cashInflow, 'money', 'capex.cashInflow'],
      [row('netCashFlow'), capex.netCashFlow, 'money', 'capex.netCashFlow'],
      [row('cumulativeNet'), capex.cumulativeNet, 'money', 'capex.cumulativeNet'],
      [row('depreciation'), capex.depreciation, 'money', 'capex.depreciation'],
      [row('ebita'), capex.ebita, 'money', 'capex.ebita'],
      [row('ebitaMargin'), capex.ebitaMargin, 'share', 'capex.ebitaMargin'],
    ]), reported?.capexRmbBn),
    section({ id: 'tokens', title: t('render.table.tokens'), before: [] }, [
      [row('price'), tokens.price, 'perMTok', 'tokens.price'],
      [row('cost'), tokens.costRmbPerMTok, 'perMTok', 'tokens.costRmbPerMTok'],
      [row('grossMargin'), tokens.grossMargin, 'share', 'tokens.grossMargin'],
      [row('breakeven'), tokens.breakevenUtilization, 'share', 'tokens.breakevenUtilization'],
      [row('tokensPerDay'), tokens.tokensPerDay, 'amount', 'tokens.tokensPerDay'],
      [row('maasRevenue'), tokens.maasRevenueRmbBn, 'money', 'tokens.maasRevenueRmbBn'],
      [row('maasGrossProfit'), tokens.maasGrossProfitRmbBn, 'money', 'tokens.maasGrossProfitRmbBn'],
      [row('accelerators'), tokens.acceleratorsNeeded, 'count', 'tokens.acceleratorsNeeded'],
      [row('acceleratorCapex'), tokens.acceleratorCapexRmbBn, 'money', 'tokens.acceleratorCapexRmbBn'],
    ]),
  ];
}

/**
 * The source of reported figures (`reportedYears().notes`: `revenue`, `capex`)
 * in the page's language: the core's English, or the table's words for it.
 */
function reportedNote(notes, key) {
  return has(`render.reportedNote.${key}`) ? t(`render.reportedNote.${key}`) : notes[key];
}

/**
 * A report for spreadsheets as CSV text `[section, figure, ...values]` rows,
 * in the page's language, starting with a byte order mark (U+FEFF) so that
 * Excel and WPS read it as UTF-8: the scenario (preset, currency, link), the
 * summary figures (both readings of the target, NPV, IRR, paybacks), the
 * yearly tables in the display currency (units in the headings: RMB bn or
 * US$ bn in English, 亿元 or 亿美元 in Chinese), the reported years before
 * the projection when `reported` (the core's `reportedYears`) is given, the
 * rows `more` adds (the comparison, the analysis), then the assumptions as
 * the model takes them (fractions; money in the language's unit) and their
 * sources. `symbol` is 'RMB' or 'US$'. Every number is the model's decimal
 * text or exactly derived from it.
 */
export function reportCsv({ scenario, projection, symbol, preset, link, notes, more = [], reported = null }) {
  const { years, revenue, capex } = projection;
  const code = codeOf(symbol);
  const format = exactFormat(code, String(scenario.fxRmbPerUsd));
  const last = fy(years.at(-1));
  const usdUnit = billions('USD').unit;
  const rmbUnit = billions('RMB').unit;
  const notBy = t('render.notBy', { year: last });
  const notPaidBack = t('render.csv.notPaidBack', { year: last });
  const reachedIn = (year) => (year === null ? notBy : fy(year));
  const orBlank = (value) => value ?? '';
  const exactUsd = (value) => exactBillions(value, 'USD');
  const section = {
    scenario: t('render.csv.scenario'), summary: t('render.csv.summary'), reported: t('render.csv.reported'),
    assumptions: t('render.csv.assumptions'), sources: t('render.csv.sources'),
  };
  const summary = (id, value, params = {}) => [section.summary, t(`render.csv.${id}`, { usdUnit, last, ...params }), value];
  const assumptions = assumptionRows(scenario);
  const lines = [
    [section.scenario, t('render.csv.preset'), preset],
    [section.scenario, t('render.csv.moneyIn'), code === 'USD' ? t('render.csv.moneyUsd', { fx: scenario.fxRmbPerUsd }) : t('render.csv.moneyRmb')],
    [section.scenario, t('render.csv.link'), link],
    [],
    [section.summary, t('render.csv.figure'), t('render.csv.value')],
    summary('target', exactUsd(String(scenario.targetUsdBn))),
    summary('cumulative', exactUsd(revenue.cumulativeUsdBn.at(-1)), { span: fySpan(years) }),
    summary('reached', reachedIn(revenue.targetHitYear)),
    summary('gap', exactUsd(revenue.gapUsdBn)),
    summary('growth', orBlank(revenue.requiredUniformGrowth)),
    summary('aiGrowth', orBlank(revenue.requiredAiGrowth)),
    summary('annual', exactUsd(revenue.annualUsdBn.at(-1))),
    summary('annualReached', reachedIn(revenue.annualTargetHitYear)),
    summary('annualGap', exactUsd(revenue.annualGapUsdBn)),
    summary('annualGrowth', orBlank(revenue.requiredUniformGrowthAnnual)),
    summary('annualAiGrowth', orBlank(revenue.requiredAiGrowthAnnual)),
    summary('npv', format.money(capex.npvRmbBn), { unit: format.unit }),
    summary('irr', orBlank(capex.irr)),
    summary('payback', capex.paybackYears ?? notPaidBack),
    summary('discountedPayback', capex.discountedPaybackYears ?? notPaidBack),
    summary('cashMargin', orBlank(capex.requiredCashMargin)),
    ...(reported ? [
      [],
      [section.reported, t('render.csv.figure'), t('render.csv.fiscalYear'), t('render.csv.reportedValue', { unit: rmbUnit }), t('render.csv.source')],
      ...reported.revenueRmbBn.map((year) => [section.reported, t('render.csv.reportedRevenue', { unit: rmbUnit }), fy(year.fiscalYear),
        exactBillions(year.value, 'RMB'), reportedNote(reported.notes, 'revenue')]),
      ...reported.capexRmbBn.map((year) => [section.reported, t('render.csv.reportedCapex', { unit: rmbUnit }), fy(year.fiscalYear),
        exactBillions(year.value, 'RMB'), reportedNote(reported.notes, 'capex')]),
    ] : []),
    [],
    [t('render.csv.section'), t('render.csv.figure'), ...years.map((year) => fy(year))],
    ...tables(projection, format).flatMap((table) => table.rows.map(([label, values]) => [table.title, label, ...values])),
    ...more,
    [],
    [section.assumptions, t('render.csv.field'), t('render.csv.assumptionValue')],
    ...assumptions.map(({ label, values }) => [section.assumptions, label, ...values]),
    [],
    [section.sources, t('render.csv.field'), t('render.csv.note')],
    ...assumptions.map(({ path, label }) => [section.sources, label, notes[path] ?? '']),
  ];
  const quote = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return `\uFEFF${lines.map((line) => line.map((cell) => quote(String(cell))).join(',')).join('\r\n')}\r\n`;
}

/**
 * The scenario's values as `{path, label (with unit), values}` in the form's
 * order, as the model takes them: shares as fractions, money (the fields
 * in billions, paths ending `Bn`) in the language's unit for billions.
 */
function assumptionRows(scenario) {
  return GROUPS.flatMap((group) => group.fields).map((path) => {
    const text = FIELD_TEXT[path];
    const value = path.split('.').reduce((at, key) => at?.[key], scenario);
    const money = /bn$/i.test(path) ? (/usd/i.test(path) ? 'USD' : 'RMB') : null;
    // The form's unit, with billions named as the language names them (its
    // values moved to match) and percentages as the fractions the model takes.
    let unit = money ? text.unit.replace(billions(money, 'en').unit, billions(money).unit) : text.unit;
    if (text.percent) unit = t('render.csv.fractionUnit', { unit: text.unit.replace(/^%|percentage points|个?百分点/, '').trim() }).trim();
    const shown = (item) => (money ? exactBillions(String(item), money) : String(item));
    return { path, label: t('render.csv.assumption', { label: text.label, unit }), values: (Array.isArray(value) ? value : [value]).map(shown) };
  });
}

/**
 * A table element: years across (the reported ones first, headed as
 * reported and marked with the class `reported`), one row per figure.
 */
export function tableElement(table, years) {
  const before = table.before ?? [];
  const element = figuresTable({
    caption: t(before.length ? 'render.table.captionReported' : 'render.table.caption', { title: table.title }),
    head: [t('render.table.figure'), ...before.map((year) => t('render.table.reportedYear', { year: fy(year) })), ...years.map((year) => fy(year))],
    rows: table.rows.map(([label, values, reported = []]) => [label, ...reported, ...values]),
  });
  // Rows and cells by `children`, not `rows` and `cells`: scripts/prerender.mjs
  // builds the table on a server-side DOM without the table interfaces.
  for (const row of element.querySelectorAll('tr')) {
    for (const cell of [...row.children].slice(1, 1 + before.length)) cell.classList.add('reported');
  }
  // Each projected cell is a button that explains its figure (www/explain-panel.js).
  [...element.querySelector('tbody').children].forEach((row, r) => {
    const path = table.paths?.[r];
    if (!path) return;
    [...row.children].slice(1 + before.length).forEach((cell, year) => {
      if (cell.textContent) cell.replaceChildren(el('button', { type: 'button', class: 'explain-cell', 'data-explain': `${path}[${year}]` }, cell.textContent));
    });
  });
  return element;
}

/**
 * A figure's value as it is shown, as buttons that explain it: `explains` is
 * the output path of the whole value, or the two ends of a range as
 * `{text, path}` (shown "a to b", "a至b").
 */
export function explainedValue(value, explains) {
  const button = (text, path) => el('button', { type: 'button', class: 'explain-value', 'data-explain': path }, text);
  if (Array.isArray(explains)) return explains.flatMap(({ text, path }, i) => [...(i ? [t('render.range.to')] : []), button(text, path)]);
  return explains ? [button(value, explains)] : [value];
}

/** A table of figures: a caption, column heads, and rows of text whose first cell heads the row; negatives marked. */
export function figuresTable({ caption, head, rows }) {
  return el('table', { class: 'figures' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, head.map((text) => el('th', { scope: 'col' }, text)))),
    el('tbody', {}, rows.map(([label, ...cells]) => el('tr', {},
      el('th', { scope: 'row' }, label),
      cells.map((cell) => el('td', { class: /^[-−]/.test(cell) ? 'negative' : null }, cell))))));
}
