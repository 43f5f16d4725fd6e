// Renders a Projection: the headline sentence, key figures, warnings and
// the yearly tables. Money is shown in RMB or US$ (converted at the
// scenario's exchange rate); numbers are formatted with Intl.NumberFormat.

import { divideDecimal, roundDecimal } from './decimal.js';
import { el } from './dom.js';
import { FIELD_TEXT, GROUPS } from './fields.js';
import { aiOverHalfIndex } from './outputs.js';

const one = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const two = new Intl.NumberFormat('en', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const significant = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** Money in a display currency: `{ symbol, convert(rmb), money(rmbBn) }`. */
export function currencyOf(currency, fx) {
  const rate = currency === 'USD' ? Number(fx) : 1;
  const symbol = currency === 'USD' ? 'US$' : 'RMB';
  return {
    symbol,
    /** An RMB amount -> the same amount in the display currency. */
    convert: (rmb) => Number(rmb) / rate,
    /** RMB bn -> "RMB216.6bn" / "US$30.2bn". */
    money: (rmb) => `${Number(rmb) / rate < 0 ? '-' : ''}${symbol}${one.format(Math.abs(Number(rmb) / rate))}bn`,
  };
}

/** US$ bn as "US$301.4bn" or "-US$4.2bn". */
export const usd = (value) => `${Number(value) < 0 ? '-' : ''}US$${one.format(Math.abs(Number(value)))}bn`;
const targetText = (scenario) => `US$${significant.format(Number(scenario.targetUsdBn))}bn`;
/** "FY2027-FY2031" for a projection's years. */
export const span = (years) => (years.length === 1 ? `FY${years[0]}` : `FY${years[0]}-FY${years.at(-1)}`);

/** "that takes 35.3% growth a year from FY2026", or why no uniform rate does. */
function takes(growth, beyond, baseYear) {
  if (growth !== null) return `that takes ${percent.format(Number(growth))} growth a year from FY${baseYear}`;
  return beyond === 'below' ? 'even revenue shrinking 99% a year would reach it' : 'no growth rate up to 1,000% a year would reach it';
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
  const last = `FY${years.at(-1)}`;
  const cumulative = revenue.targetHitYear === null
    ? `${usd(-Number(revenue.gapUsdBn))} short of the ${target} target; ${takes(revenue.requiredUniformGrowth, revenue.requiredUniformGrowthBeyond, years[0] - 1)}`
    : `the ${target} target reached in FY${revenue.targetHitYear}`;
  let annual;
  if (Number(revenue.annualGapUsdBn) >= 0) {
    const first = revenue.annualTargetHitYear === years.at(-1) ? '' : `, first reached in one year in FY${revenue.annualTargetHitYear}`;
    annual = `above the ${target} target${first}`;
  } else {
    const earlier = revenue.annualTargetHitYear === null ? '' : ` (FY${revenue.annualTargetHitYear} reached it)`;
    annual = `${usd(-Number(revenue.annualGapUsdBn))} short of ${target}${earlier}; `
      + `${takes(revenue.requiredUniformGrowthAnnual, revenue.requiredUniformGrowthAnnualBeyond, years[0] - 1)}`;
  }
  return `Cumulative ${span(years)}: ${usd(revenue.cumulativeUsdBn.at(-1))}, ${cumulative}. `
    + `In ${last} alone: ${usd(revenue.annualUsdBn.at(-1))}, ${annual}.`;
}

/** A required growth rate, or which side of -99%..1,000% a year it lies on. */
function requiredRate(growth, beyond, { below, above }) {
  if (growth !== null) return `${percent.format(Number(growth))} a year`;
  if (beyond === 'below') return below;
  if (beyond === 'above') return above;
  return 'none: no AI revenue';
}

/**
 * The two readings of the target side by side, `[{id, title, rows: [[term, value, explains]]}]`
 * (explains: the output path the value shows):
 * what each gives, when it is met, the gap at the last year, and the uniform
 * growth (all revenue, or AI revenue with core as given) that just meets it.
 */
export function readings(scenario, projection) {
  const { years, revenue } = projection;
  const last = `FY${years.at(-1)}`;
  const target = targetText(scenario);
  const reached = (year) => (year === null ? `not by ${last}` : `FY${year}`);
  const gap = (value) => (Number(value) >= 0 ? `${usd(value)} above` : `${usd(-Number(value))} short`);
  const limits = { below: 'below -99% a year', above: 'above 1,000% a year' };
  return [
    {
      id: 'cumulative',
      title: `Cumulative, ${span(years)}`,
      rows: [
        ['Revenue, all years summed', usd(revenue.cumulativeUsdBn.at(-1)), `revenue.cumulativeUsdBn[${years.length - 1}]`],
        [`${target} target reached`, reached(revenue.targetHitYear), 'revenue.targetHitYear'],
        [`Against the target by ${last}`, gap(revenue.gapUsdBn), 'revenue.gapUsdBn'],
        ['Uniform growth that just meets it', requiredRate(revenue.requiredUniformGrowth, revenue.requiredUniformGrowthBeyond, limits), 'revenue.requiredUniformGrowth'],
        ['Uniform AI growth that just meets it', requiredRate(revenue.requiredAiGrowth, revenue.requiredAiGrowthBeyond, limits), 'revenue.requiredAiGrowth'],
      ],
    },
    {
      id: 'annual',
      title: `In one year, ${last}`,
      rows: [
        [`Revenue in ${last} alone`, usd(revenue.annualUsdBn.at(-1)), `revenue.annualUsdBn[${years.length - 1}]`],
        [`${target} target first reached in one year`, reached(revenue.annualTargetHitYear), 'revenue.annualTargetHitYear'],
        [`Against the target in ${last}`, gap(revenue.annualGapUsdBn), 'revenue.annualGapUsdBn'],
        ['Uniform growth that just meets it', requiredRate(revenue.requiredUniformGrowthAnnual, revenue.requiredUniformGrowthAnnualBeyond, limits), 'revenue.requiredUniformGrowthAnnual'],
        ['Uniform AI growth that just meets it', requiredRate(revenue.requiredAiGrowthAnnual, revenue.requiredAiGrowthAnnualBeyond, limits), 'revenue.requiredAiGrowthAnnual'],
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
 * What the status line says while input is bad: the first problem in the
 * form's order, its field's name linking to the field, and how many more,
 * as nodes for `replaceChildren`.
 */
export function problemSentence(problems) {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const name = first.input ? el('a', { href: `#${first.input.id}` }, first.label) : first.label;
  return ['Check ', name, `: ${first.message}${more}`];
}

/** What the note over results computed by `withSubstitutes` says: whose values stand in for which fields. */
export function substitutionNote(presetLabel, problems) {
  const fixable = problems.some((problem) => problem.input);
  return `These results use the ${presetLabel} preset's value for ${problems.map((problem) => problem.label).join('; ')}.`
    + (fixable ? ' Fix the highlighted fields to see your own.' : '');
}

/**
 * Key figures as `[term, value, explains]`: explains is the output path the
 * value shows, or for a range ("45.4% to 68.9%") its ends as `{text, path}`. With `reported` (the scenario starts
 * from the reported base year), the year AI revenue passes half of revenue
 * is set beside management's statement that it would within a year.
 */
export function keyFigures(scenario, projection, currency, reported = null) {
  const { years, revenue, capex, tokens } = projection;
  const last = `FY${years.at(-1)}`;
  const base = years[0] - 1;
  const payback = (value) => {
    if (value === null) return `not within ${last}`;
    if (Number(value) === 0) return 'immediate: cumulative cash never negative';
    return `${one.format(Number(value))} years, during FY${base + Math.ceil(Number(value))}`;
  };
  const rate = (value) => (value === null ? 'none' : percent.format(Number(value)));
  const half = aiOverHalfIndex(revenue.aiShare);
  const halfYear = half < 0 ? `not by ${last}` : `from FY${years[half]}`;
  const management = reported ? `; management said within a year, by FY${base + 1}` : '';
  const halfTerm = `AI revenue over half of revenue${management}`;
  return [
    ['Payback of the capex', payback(capex.paybackYears), 'capex.paybackYears'],
    [`Discounted payback (at ${percent.format(Number(scenario.capex.discountRate))})`, payback(capex.discountedPaybackYears), 'capex.discountedPaybackYears'],
    ['Net present value', currency.money(capex.npvRmbBn), 'capex.npvRmbBn'],
    ['Internal rate of return', rate(capex.irr), 'capex.irr'],
    ['Cash margin that recovers the capex by ' + last, rate(capex.requiredCashMargin), 'capex.requiredCashMargin'],
    [halfTerm, halfYear, half < 0 ? `revenue.aiShare[${years.length - 1}]` : `revenue.aiShare[${half}]`],
    [`Token gross margin, FY${years[0]} to ${last}`,
      `${percent.format(Number(tokens.grossMargin[0]))} to ${percent.format(Number(tokens.grossMargin.at(-1)))}`,
      [{ text: percent.format(Number(tokens.grossMargin[0])), path: 'tokens.grossMargin[0]' },
        { text: percent.format(Number(tokens.grossMargin.at(-1))), path: `tokens.grossMargin[${years.length - 1}]` }]],
    [`Accelerators needed, ${last}`, whole.format(Number(tokens.acceleratorsNeeded.at(-1))), `tokens.acceleratorsNeeded[${years.length - 1}]`],
  ];
}

/** [`keyFigures`] as the page shows them: the `<div>`s of a `<dl>`, each value a button that explains it. */
export function keyFigureElements(scenario, projection, currency, reported = null) {
  return keyFigures(scenario, projection, currency, reported)
    .map(([term, value, explains]) => el('div', {}, el('dt', {}, term), el('dd', {}, explainedValue(value, explains))));
}

/** Formats the tables as the page shows them: rounded, money in the display currency. */
export function displayFormat(currency) {
  return {
    symbol: currency.symbol,
    shareUnit: '',
    money: (v) => one.format(currency.convert(v)),
    perMTok: (v) => two.format(currency.convert(v)),
    share: (v) => percent.format(Number(v)),
    amount: (v) => one.format(Number(v)),
    count: (v) => whole.format(Number(v)),
  };
}

/**
 * Formats the tables exactly, for export: the model's decimal strings,
 * money in the display currency (US$ divided exactly, rounded half-even to
 * 9 places like the model's own outputs), shares as fractions, counts as
 * whole numbers rounded as the page shows them.
 */
function exactFormat(symbol, fx) {
  const same = (v) => v;
  const money = symbol === 'US$' ? (v) => divideDecimal(v, fx) : same;
  return {
    symbol, shareUnit: ' (fraction)', money, perMTok: money, share: same, amount: same, count: (v) => roundDecimal(v, 0),
  };
}

/**
 * The yearly tables: `[{id, title, rows: [[label, values[], before[]]], before}]`,
 * formatted by `format`. With `reported` (the core's `reportedYears`), the
 * revenue and capex tables start with the reported years (`before`, their
 * fiscal years), filled in on the rows they report and blank on the others.
 */
export function tables(projection, format, reported = null) {
  const { revenue, capex, tokens } = projection;
  const unit = `${format.symbol} bn`;
  const usd = format.symbol === 'US$';
  // The row that shows each reported series: total revenue in the currency shown, capex.
  const reportedRows = {
    [usd ? 'Total revenue (US$ bn; the one-year reading)' : `Total revenue (${unit})`]: reported?.revenueRmbBn,
    [`Capex (${unit})`]: reported?.capexRmbBn,
  };
  // Each row: its label, the output it shows (for the explain buttons) and how to format it.
  const rows = (entries) => entries.map(([label, values, as]) => [label, values.map(format[as])]);
  const paths = (entries) => entries.map(([, , , path]) => path);
  const section = (fields, entries) => ({ ...fields, rows: rows(entries), paths: paths(entries) });
  const withReported = (table, series) => {
    const before = (series ?? []).map((year) => year.fiscalYear);
    return {
      ...table,
      before,
      rows: table.rows.map(([label, values]) => [label, values, before.map((fiscalYear) => {
        const figure = reportedRows[label]?.find((year) => year.fiscalYear === fiscalYear);
        return figure ? format.money(figure.value) : '';
      })]),
    };
  };
  return [
    withReported(section({ id: 'revenue', title: 'Revenue' }, [
      [`AI revenue (${unit})`, revenue.ai, 'money', 'revenue.ai'],
      [`Other cloud revenue (${unit})`, revenue.core, 'money', 'revenue.core'],
      // The two readings of the target use the model's own US$ rows; in
      // RMB they follow the RMB totals.
      ...(usd ? [] : [[`Total revenue (${unit})`, revenue.total, 'money', 'revenue.total']]),
      ['Total revenue (US$ bn; the one-year reading)', revenue.annualUsdBn, 'amount', 'revenue.annualUsdBn'],
      ...(usd ? [] : [[`Cumulative revenue (${unit})`, revenue.cumulativeRmbBn, 'money', 'revenue.cumulativeRmbBn']]),
      ['Cumulative revenue (US$ bn; the cumulative reading)', revenue.cumulativeUsdBn, 'amount', 'revenue.cumulativeUsdBn'],
      [`AI share of revenue${format.shareUnit}`, revenue.aiShare, 'share', 'revenue.aiShare'],
    ]), reported?.revenueRmbBn),
    withReported(section({ id: 'capex', title: 'Capex payback' }, [
      [`Capex (${unit})`, capex.capexRmbBn, 'money', 'capex.capexRmbBn'],
      [`Revenue above the base year (${unit})`, capex.incrementalRevenue, 'money', 'capex.incrementalRevenue'],
      [`Cash inflow (${unit})`, capex.cashInflow, 'money', 'capex.cashInflow'],
      [`Net cash flow (${unit})`, capex.netCashFlow, 'money', 'capex.netCashFlow'],
      [`Cumulative net cash (${unit})`, capex.cumulativeNet, 'money', 'capex.cumulativeNet'],
      [`Depreciation of new capex (${unit})`, capex.depreciation, 'money', 'capex.depreciation'],
      [`Adjusted EBITA (${unit})`, capex.ebita, 'money', 'capex.ebita'],
      [`EBITA margin${format.shareUnit}`, capex.ebitaMargin, 'share', 'capex.ebitaMargin'],
    ]), reported?.capexRmbBn),
    section({ id: 'tokens', title: 'Token economics', before: [] }, [
      [`Price per million tokens (${format.symbol})`, tokens.price, 'perMTok', 'tokens.price'],
      [`Cost per million tokens (${format.symbol})`, tokens.costRmbPerMTok, 'perMTok', 'tokens.costRmbPerMTok'],
      [`Gross margin${format.shareUnit}`, tokens.grossMargin, 'share', 'tokens.grossMargin'],
      [`Break-even utilization${format.shareUnit}`, tokens.breakevenUtilization, 'share', 'tokens.breakevenUtilization'],
      ['Tokens a day (trillion)', tokens.tokensPerDay, 'amount', 'tokens.tokensPerDay'],
      [`MaaS revenue (${unit})`, tokens.maasRevenueRmbBn, 'money', 'tokens.maasRevenueRmbBn'],
      [`MaaS gross profit (${unit})`, tokens.maasGrossProfitRmbBn, 'money', 'tokens.maasGrossProfitRmbBn'],
      ['Accelerators needed', tokens.acceleratorsNeeded, 'count', 'tokens.acceleratorsNeeded'],
      [`Accelerator capex (${unit})`, tokens.acceleratorCapexRmbBn, 'money', 'tokens.acceleratorCapexRmbBn'],
    ]),
  ];
}

/**
 * A report for spreadsheets as CSV rows `[section, figure, ...values]`: the
 * scenario (preset, currency, link), the summary figures (both readings of
 * the target, NPV, IRR, paybacks), the yearly tables in the display currency
 * (units in the headings), the reported years before the projection when
 * `reported` (the core's `reportedYears`) is given, the rows `more` adds (the analysis), then the assumptions as the model takes them
 * (RMB, fractions) and their sources. Every number is the model's decimal
 * text or exactly derived from it.
 */
export function reportCsv({ scenario, projection, symbol, preset, link, notes, more = [], reported = null }) {
  const { years, revenue, capex } = projection;
  const format = exactFormat(symbol, String(scenario.fxRmbPerUsd));
  const last = `FY${years.at(-1)}`;
  const fy = (year) => (year === null ? `not by ${last}` : `FY${year}`);
  const orBlank = (value) => value ?? '';
  const assumptions = assumptionRows(scenario);
  const lines = [
    ['Scenario', 'Preset', preset],
    ['Scenario', 'Money in', symbol === 'US$' ? `US$ at ${scenario.fxRmbPerUsd} RMB per US$` : 'RMB'],
    ['Scenario', 'Link', link],
    [],
    ['Summary', 'Figure', 'Value'],
    ['Summary', 'Target (US$ bn)', String(scenario.targetUsdBn)],
    ['Summary', `Cumulative revenue ${span(years)} (US$ bn)`, revenue.cumulativeUsdBn.at(-1)],
    ['Summary', 'Target reached (cumulative)', fy(revenue.targetHitYear)],
    ['Summary', `Cumulative revenue against the target by ${last} (US$ bn)`, revenue.gapUsdBn],
    ['Summary', 'Uniform growth that just meets the cumulative target (fraction a year)', orBlank(revenue.requiredUniformGrowth)],
    ['Summary', 'Uniform AI growth that just meets the cumulative target (fraction a year)', orBlank(revenue.requiredAiGrowth)],
    ['Summary', `Revenue in ${last} alone (US$ bn)`, revenue.annualUsdBn.at(-1)],
    ['Summary', 'Target first reached in one year', fy(revenue.annualTargetHitYear)],
    ['Summary', `Revenue in ${last} against the target (US$ bn)`, revenue.annualGapUsdBn],
    ['Summary', 'Uniform growth that just meets the one-year target (fraction a year)', orBlank(revenue.requiredUniformGrowthAnnual)],
    ['Summary', 'Uniform AI growth that just meets the one-year target (fraction a year)', orBlank(revenue.requiredAiGrowthAnnual)],
    ['Summary', `Net present value (${symbol} bn)`, format.money(capex.npvRmbBn)],
    ['Summary', 'Internal rate of return (fraction)', orBlank(capex.irr)],
    ['Summary', 'Payback (years)', capex.paybackYears ?? `not by ${last}`],
    ['Summary', 'Discounted payback (years)', capex.discountedPaybackYears ?? `not by ${last}`],
    ['Summary', `Cash margin that recovers the capex by ${last} (fraction)`, orBlank(capex.requiredCashMargin)],
    ...(reported ? [
      [],
      ['Reported', 'Figure', 'Fiscal year', 'Value (RMB bn)', 'Source'],
      ...reported.revenueRmbBn.map((year) => ['Reported', 'Cloud Intelligence Group revenue (RMB bn)', `FY${year.fiscalYear}`,
        year.value, reported.notes.revenue]),
      ...reported.capexRmbBn.map((year) => ['Reported', 'Group capex (RMB bn)', `FY${year.fiscalYear}`, year.value,
        reported.notes.capex]),
    ] : []),
    [],
    ['Section', 'Figure', ...years.map((year) => `FY${year}`)],
    ...tables(projection, format).flatMap((table) => table.rows.map(([label, values]) => [table.title, label, ...values])),
    ...more,
    [],
    ['Assumptions', 'Field', 'Value (year arrays: first year onwards)'],
    ...assumptions.map(({ label, values }) => ['Assumptions', label, ...values]),
    [],
    ['Sources', 'Field', 'Note'],
    ...assumptions.map(({ path, label }) => ['Sources', label, notes[path] ?? '']),
  ];
  const quote = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return `\uFEFF${lines.map((line) => line.map((cell) => quote(String(cell))).join(',')).join('\r\n')}\r\n`;
}

/** The scenario's values as `{path, label (with unit), values}` in the form's order, as the model takes them. */
function assumptionRows(scenario) {
  return GROUPS.flatMap((group) => group.fields).map((path) => {
    const text = FIELD_TEXT[path];
    const value = path.split('.').reduce((at, key) => at?.[key], scenario);
    const unit = text.percent ? text.unit.replace(/^%|percentage points/, 'fraction') : text.unit;
    return { path, label: `${text.label} (${unit})`, values: (Array.isArray(value) ? value : [value]).map(String) };
  });
}

/**
 * A table element: years across (the reported ones first, headed as
 * reported and marked with the class `reported`), one row per figure.
 */
export function tableElement(table, years) {
  const before = table.before ?? [];
  const element = figuresTable({
    caption: `${table.title} by fiscal year${before.length ? ', after the reported years' : ''}`,
    head: ['Figure', ...before.map((year) => `FY${year} reported`), ...years.map((year) => `FY${year}`)],
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
 * `{text, path}` (shown "a to b").
 */
export function explainedValue(value, explains) {
  const button = (text, path) => el('button', { type: 'button', class: 'explain-value', 'data-explain': path }, text);
  if (Array.isArray(explains)) return explains.flatMap(({ text, path }, i) => [...(i ? [' to '] : []), button(text, path)]);
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
