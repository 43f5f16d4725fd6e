// The summary bar: both readings of the target in two short lines, pinned
// to the top of the screen while the reader edits the assumptions on a
// narrow layout, where the results come after some 60 inputs. It is not a
// live region (the headline, #status, announces every change); while input
// is bad the stylesheet greys it and shows its "Out of date" badge, as it
// does for the results (body.is-stale).

import { el } from './dom.js';

const one = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** The bar's words. */
const MESSAGES = {
  cumulative: (span, amount, outcome) => `${span} total: ${amount}, ${outcome}`,
  annual: (year, amount, outcome) => `${year} alone: ${amount}, ${outcome}`,
  met: (year) => `met in ${year}`,
  short: (gap) => `${gap} short`,
};

/** US$ bn as "US$301.4bn". */
const usd = (value) => `US$${one.format(Number(value))}bn`;

/** Fiscal years for a span: two digits ("FY29"), or four when the span crosses a century. */
function fiscalYears(years) {
  const digits = Math.floor(years[0] / 100) === Math.floor(years.at(-1) / 100) ? 2 : 4;
  const short = (year) => String(year).slice(-digits);
  return {
    year: (year) => `FY${short(year)}`,
    span: years.length === 1 ? `FY${short(years[0])}` : `FY${short(years[0])}-${short(years.at(-1))}`,
  };
}

/** Whether a reading was met ("met in FY29") or how far short it fell ("US$4.2bn short"). */
function outcome(fy, hitYear, gapUsdBn) {
  return hitYear === null ? MESSAGES.short(usd(-Number(gapUsdBn))) : MESSAGES.met(fy.year(hitYear));
}

/** "FY31 alone: US$95.8bn, US$4.2bn short", or null before the core gives the annual reading. */
function annualLine(fy, years, revenue) {
  if (!Array.isArray(revenue.annualUsdBn) || revenue.annualGapUsdBn === undefined) return null;
  return MESSAGES.annual(fy.year(years.at(-1)), usd(revenue.annualUsdBn.at(-1)),
    outcome(fy, revenue.annualTargetHitYear ?? null, revenue.annualGapUsdBn));
}

/**
 * The bar's content for a projection: a line for the cumulative reading of
 * the target ("FY27-31 total: US$301.4bn, met in FY29") and one for the
 * annual reading, the last year alone ("FY31 alone: US$95.8bn, US$4.2bn
 * short"), each a `<span class="summary-line">`.
 */
export function summaryBar(projection) {
  const { years, revenue } = projection;
  const fy = fiscalYears(years);
  const cumulative = MESSAGES.cumulative(fy.span, usd(revenue.cumulativeUsdBn.at(-1)),
    outcome(fy, revenue.targetHitYear, revenue.gapUsdBn));
  return [cumulative, annualLine(fy, years, revenue)]
    .filter((line) => line !== null)
    .map((line) => el('span', { class: 'summary-line' }, line));
}
