// Renders a Projection: the headline sentence, key figures, warnings and
// the yearly tables. Money is shown in RMB or US$ (converted at the
// scenario's exchange rate); numbers are formatted with Intl.NumberFormat.

import { el } from './dom.js';

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

/** The answer to the question, in words and numbers. */
export function headline(scenario, projection) {
  const { years, revenue } = projection;
  const usd = (value) => `US$${one.format(Number(value))}bn`;
  const target = `US$${significant.format(Number(scenario.targetUsdBn))}bn`;
  const span = years.length === 1 ? `FY${years[0]}` : `FY${years[0]}-FY${years.at(-1)}`;
  const reached = revenue.targetHitYear === null
    ? `${usd(-Number(revenue.gapUsdBn))} short of the ${target} target`
    : `target of ${target} reached in FY${revenue.targetHitYear}`;
  const growth = revenue.requiredUniformGrowth;
  const required = growth === null
    ? (revenue.requiredUniformGrowthBeyond === 'below'
      ? 'revenue shrinking 99% a year would still reach it'
      : 'no uniform growth rate up to 1,000% a year would reach it')
    : Number(growth) <= 0
      ? `flat revenue would already do it: required growth ${percent.format(Number(growth))} a year`
      : `it takes uniform growth of ${percent.format(Number(growth))} a year`;
  return `Cumulative ${span}: ${usd(revenue.cumulativeUsdBn.at(-1))}, ${reached}; ${required}.`;
}

/** What the status line says while input is bad: the first problem, and how many more. */
export function problemSentence(problems) {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `Check ${first.label}: ${first.message}${more}`;
}

/** The uniform AI growth that just reaches the target, or why there is none. */
function requiredAiGrowth(revenue) {
  if (revenue.requiredAiGrowth !== null) return percent.format(Number(revenue.requiredAiGrowth));
  if (revenue.requiredAiGrowthBeyond === 'below') return 'below -99%: met even as AI revenue shrinks';
  if (revenue.requiredAiGrowthBeyond === 'above') return 'above 1,000% a year';
  return 'none: no AI revenue in the base year';
}

/** Key figures as `[term, value]` pairs. */
export function keyFigures(scenario, projection, currency) {
  const { years, revenue, capex, tokens } = projection;
  const last = `FY${years.at(-1)}`;
  const base = years[0] - 1;
  const payback = (value) => {
    if (value === null) return `not within ${last}`;
    if (Number(value) === 0) return 'immediate: cumulative cash never negative';
    return `${one.format(Number(value))} years, during FY${base + Math.ceil(Number(value))}`;
  };
  const rate = (value) => (value === null ? 'none' : percent.format(Number(value)));
  return [
    ['Payback of the capex', payback(capex.paybackYears)],
    [`Discounted payback (at ${percent.format(Number(scenario.capex.discountRate))})`, payback(capex.discountedPaybackYears)],
    ['Net present value', currency.money(capex.npvRmbBn)],
    ['Internal rate of return', rate(capex.irr)],
    ['Cash margin that recovers the capex by ' + last, rate(capex.requiredCashMargin)],
    ['Uniform AI growth that just reaches the target', requiredAiGrowth(revenue)],
    [`AI share of revenue, ${last}`, percent.format(Number(revenue.aiShare.at(-1)))],
    [`Token gross margin, FY${years[0]} to ${last}`,
      `${percent.format(Number(tokens.grossMargin[0]))} to ${percent.format(Number(tokens.grossMargin.at(-1)))}`],
    [`Accelerators needed, ${last}`, whole.format(Number(tokens.acceleratorsNeeded.at(-1)))],
  ];
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

/** Formats the tables exactly, for export: the model's decimal strings, RMB, shares as fractions. */
function exactFormat() {
  const same = (v) => v;
  return { symbol: 'RMB', shareUnit: ' (fraction)', money: same, perMTok: same, share: same, amount: same, count: same };
}

/** The yearly tables: `[{id, title, rows: [[label, values[]]]}]`, formatted by `format`. */
export function tables(projection, format) {
  const { revenue, capex, tokens } = projection;
  const unit = `${format.symbol} bn`;
  const rows = (entries) => entries.map(([label, values, as]) => [label, values.map(format[as])]);
  return [
    {
      id: 'revenue',
      title: 'Revenue',
      rows: rows([
        [`AI revenue (${unit})`, revenue.ai, 'money'],
        [`Other cloud revenue (${unit})`, revenue.core, 'money'],
        [`Total revenue (${unit})`, revenue.total, 'money'],
        [`AI share of revenue${format.shareUnit}`, revenue.aiShare, 'share'],
        // The model's own US$ cumulative row, after the RMB one when money is in RMB.
        ...(format.symbol === 'US$' ? [] : [[`Cumulative revenue (${unit})`, revenue.cumulativeRmbBn, 'money']]),
        ['Cumulative revenue (US$ bn)', revenue.cumulativeUsdBn, 'amount'],
      ]),
    },
    {
      id: 'capex',
      title: 'Capex payback',
      rows: rows([
        [`Capex (${unit})`, capex.capexRmbBn, 'money'],
        [`Revenue above the base year (${unit})`, capex.incrementalRevenue, 'money'],
        [`Cash inflow (${unit})`, capex.cashInflow, 'money'],
        [`Net cash flow (${unit})`, capex.netCashFlow, 'money'],
        [`Cumulative net cash (${unit})`, capex.cumulativeNet, 'money'],
        [`Depreciation of new capex (${unit})`, capex.depreciation, 'money'],
        [`Adjusted EBITA (${unit})`, capex.ebita, 'money'],
        [`EBITA margin${format.shareUnit}`, capex.ebitaMargin, 'share'],
      ]),
    },
    {
      id: 'tokens',
      title: 'Token economics',
      rows: rows([
        [`Price per million tokens (${format.symbol})`, tokens.price, 'perMTok'],
        [`Cost per million tokens (${format.symbol})`, tokens.costRmbPerMTok, 'perMTok'],
        [`Gross margin${format.shareUnit}`, tokens.grossMargin, 'share'],
        [`Break-even utilization${format.shareUnit}`, tokens.breakevenUtilization, 'share'],
        ['Tokens a day (trillion)', tokens.tokensPerDay, 'amount'],
        [`MaaS revenue (${unit})`, tokens.maasRevenueRmbBn, 'money'],
        [`MaaS gross profit (${unit})`, tokens.maasGrossProfitRmbBn, 'money'],
        ['Accelerators needed', tokens.acceleratorsNeeded, 'count'],
        [`Accelerator capex (${unit})`, tokens.acceleratorCapexRmbBn, 'money'],
      ]),
    },
  ];
}

/** The tables as CSV: `section,figure,FY2027,…`, exact values, RMB. */
export function tablesCsv(projection) {
  const quote = (text) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [['Section', 'Figure', ...projection.years.map((year) => `FY${year}`)]];
  for (const table of tables(projection, exactFormat())) {
    for (const [label, values] of table.rows) lines.push([table.title, label, ...values]);
  }
  return `${lines.map((line) => line.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** A table element: years across, one row per figure. */
export function tableElement(table, years) {
  const caption = `${table.title} by fiscal year`;
  return el('table', { class: 'figures' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Figure'),
      years.map((year) => el('th', { scope: 'col' }, `FY${year}`)))),
    el('tbody', {}, table.rows.map(([label, values]) => el('tr', {},
      el('th', { scope: 'row' }, label),
      values.map((value) => el('td', { class: value.startsWith('-') ? 'negative' : null }, value))))));
}
