// Renders a Projection: the headline sentence, key figures, warnings and
// the yearly tables. Money is shown in RMB or US$ (converted at the
// scenario's exchange rate); numbers are formatted with Intl.NumberFormat.

import { el } from './form.js';

const one = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const two = new Intl.NumberFormat('en', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
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
  const target = `US$${whole.format(Number(scenario.targetUsdBn))}bn`;
  const span = years.length === 1 ? `FY${years[0]}` : `FY${years[0]}-FY${years.at(-1)}`;
  const reached = revenue.targetHitYear === null
    ? `${usd(-Number(revenue.gapUsdBn))} short of the ${target} target`
    : `target of ${target} reached in FY${revenue.targetHitYear}`;
  const growth = revenue.requiredUniformGrowth;
  const required = growth === null
    ? 'no uniform growth rate between -99 % and 1,000 % a year would reach it'
    : Number(growth) <= 0
      ? `flat revenue would already do it: required growth ${percent.format(Number(growth))} a year`
      : `it takes uniform growth of ${percent.format(Number(growth))} a year`;
  return `Cumulative ${span}: ${usd(revenue.cumulativeUsdBn.at(-1))}, ${reached}; ${required}.`;
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
    ['Uniform AI growth that just reaches the target', rate(revenue.requiredAiGrowth)],
    [`AI share of revenue, ${last}`, percent.format(Number(revenue.aiShare.at(-1)))],
    [`Token gross margin, FY${years[0]} to ${last}`,
      `${percent.format(Number(tokens.grossMargin[0]))} to ${percent.format(Number(tokens.grossMargin.at(-1)))}`],
    [`Accelerators needed, ${last}`, whole.format(Number(tokens.acceleratorsNeeded.at(-1)))],
  ];
}

/** The yearly tables: `[{id, title, rows: [[label, values[]]]}]`. */
export function tables(projection, currency) {
  const { revenue, capex, tokens } = projection;
  const money = (values) => values.map((v) => one.format(currency.convert(v)));
  const pct = (values) => values.map((v) => percent.format(Number(v)));
  const perMTok = (values) => values.map((v) => two.format(currency.convert(v)));
  const unit = `${currency.symbol} bn`;
  return [
    {
      id: 'revenue',
      title: 'Revenue',
      rows: [
        [`AI revenue (${unit})`, money(revenue.ai)],
        [`Other cloud revenue (${unit})`, money(revenue.core)],
        [`Total revenue (${unit})`, money(revenue.total)],
        ['AI share of revenue', pct(revenue.aiShare)],
        // The model's own US$ cumulative row, after the RMB one when money is in RMB.
        ...(currency.symbol === 'US$' ? [] : [[`Cumulative revenue (${unit})`, money(revenue.cumulativeRmbBn)]]),
        ['Cumulative revenue (US$ bn)', revenue.cumulativeUsdBn.map((v) => one.format(Number(v)))],
      ],
    },
    {
      id: 'capex',
      title: 'Capex payback',
      rows: [
        [`Capex (${unit})`, money(capex.capexRmbBn)],
        [`Revenue above the base year (${unit})`, money(capex.incrementalRevenue)],
        [`Cash inflow (${unit})`, money(capex.cashInflow)],
        [`Net cash flow (${unit})`, money(capex.netCashFlow)],
        [`Cumulative net cash (${unit})`, money(capex.cumulativeNet)],
        [`Depreciation of new capex (${unit})`, money(capex.depreciation)],
        [`Adjusted EBITA (${unit})`, money(capex.ebita)],
        ['EBITA margin', pct(capex.ebitaMargin)],
      ],
    },
    {
      id: 'tokens',
      title: 'Token economics',
      rows: [
        [`Price per million tokens (${currency.symbol})`, perMTok(tokens.price)],
        [`Cost per million tokens (${currency.symbol})`, perMTok(tokens.costRmbPerMTok)],
        ['Gross margin', pct(tokens.grossMargin)],
        ['Break-even utilization', pct(tokens.breakevenUtilization)],
        ['Tokens a day (trillion)', tokens.tokensPerDay.map((v) => one.format(Number(v)))],
        [`MaaS revenue (${unit})`, money(tokens.maasRevenueRmbBn)],
        [`MaaS gross profit (${unit})`, money(tokens.maasGrossProfitRmbBn)],
        ['Accelerators needed', tokens.acceleratorsNeeded.map((v) => whole.format(Number(v)))],
        [`Accelerator capex (${unit})`, money(tokens.acceleratorCapexRmbBn)],
      ],
    },
  ];
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
