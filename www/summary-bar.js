// The summary bar: both readings of the target in two short lines, pinned
// to the top of the screen while the reader edits the assumptions on a
// narrow layout, where the results come after some 60 inputs. It is not a
// live region (the headline, #status, announces every change); while input
// is bad the stylesheet greys it and shows its "Out of date" badge, as it
// does for the results (body.is-stale).

import { el } from './dom.js';
import { t } from './i18n.js';
import { usd } from './render.js';

/** Fiscal years for a span: two digits ("FY29", "29财年"), or four when the span crosses a century. */
function fiscalYears(years) {
  const digits = Math.floor(years[0] / 100) === Math.floor(years.at(-1) / 100) ? 2 : 4;
  const short = (year) => String(year).slice(-digits);
  return {
    year: (year) => t('summary.year', { year: short(year) }),
    span: years.length === 1
      ? t('summary.year', { year: short(years[0]) })
      : t('summary.span', { first: short(years[0]), last: short(years.at(-1)) }),
  };
}

/**
 * Whether a reading is met at the last year ("met in FY29", the first year
 * it was) or how far short it falls then ("US$4.2bn short"), as the headline
 * says: a year's revenue can reach the target and fall below it again.
 */
function outcome(fy, hitYear, gapUsdBn) {
  return Number(gapUsdBn) < 0
    ? t('summary.short', { gap: usd(-Number(gapUsdBn)) })
    : t('summary.met', { year: fy.year(hitYear) });
}

/**
 * The bar's content for a projection: a line for the cumulative reading of
 * the target ("FY27-31 total: US$301.4bn, met in FY29"; "27-31财年累计：
 * 3,014亿美元，29财年达标") and one for the annual reading, the last year
 * alone ("FY31 alone: US$95.8bn, US$4.2bn short"), each a
 * `<span class="summary-line">`.
 */
export function summaryBar(projection) {
  const { years, revenue } = projection;
  const fy = fiscalYears(years);
  return [
    t('summary.cumulative', {
      span: fy.span, amount: usd(revenue.cumulativeUsdBn.at(-1)), outcome: outcome(fy, revenue.targetHitYear, revenue.gapUsdBn),
    }),
    t('summary.annual', {
      year: fy.year(years.at(-1)), amount: usd(revenue.annualUsdBn.at(-1)),
      outcome: outcome(fy, revenue.annualTargetHitYear, revenue.annualGapUsdBn),
    }),
  ].map((line) => el('span', { class: 'summary-line' }, line));
}
