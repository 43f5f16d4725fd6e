// The summary bar: both readings of the target in two short lines, pinned
// to the top of the screen while the reader edits the assumptions on a
// narrow layout, where the results come after some 60 inputs. It is not a
// live region (the headline, #status, announces every change); while input
// is bad the stylesheet greys it and shows its "Out of date" badge, as it
// does for the results (body.is-stale).

import { el } from './dom.js';
import { usd } from './render.js';

/** The bar's words. */
const MESSAGES = {
  cumulative: (span, amount, outcome) => `${span} total: ${amount}, ${outcome}`,
  annual: (year, amount, outcome) => `${year} alone: ${amount}, ${outcome}`,
  met: (year) => `met in ${year}`,
  short: (gap) => `${gap} short`,
};

/** Fiscal years for a span: two digits ("FY29"), or four when the span crosses a century. */
function fiscalYears(years) {
  const digits = Math.floor(years[0] / 100) === Math.floor(years.at(-1) / 100) ? 2 : 4;
  const short = (year) => String(year).slice(-digits);
  return {
    year: (year) => `FY${short(year)}`,
    span: years.length === 1 ? `FY${short(years[0])}` : `FY${short(years[0])}-${short(years.at(-1))}`,
  };
}

/**
 * Whether a reading is met at the last year ("met in FY29", the first year
 * it was) or how far short it falls then ("US$4.2bn short"), as the headline
 * says: a year's revenue can reach the target and fall below it again.
 */
function outcome(fy, hitYear, gapUsdBn) {
  return Number(gapUsdBn) < 0 ? MESSAGES.short(usd(-Number(gapUsdBn))) : MESSAGES.met(fy.year(hitYear));
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
  return [
    MESSAGES.cumulative(fy.span, usd(revenue.cumulativeUsdBn.at(-1)), outcome(fy, revenue.targetHitYear, revenue.gapUsdBn)),
    MESSAGES.annual(fy.year(years.at(-1)), usd(revenue.annualUsdBn.at(-1)),
      outcome(fy, revenue.annualTargetHitYear, revenue.annualGapUsdBn)),
  ].map((line) => el('span', { class: 'summary-line' }, line));
}
