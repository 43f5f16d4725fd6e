// The outputs of `compute` (MODEL.md) as the page names them when it
// explains one (words and units in the page's language, by output name
// without the year index), and the one figure the page derives
// from them: the year AI revenue passes half of revenue.

import { billions, t } from './i18n.js';

/** The unit of each output: billions of a currency (`money`), or a kind of unit; `share` marks fractions. */
const money = (currency) => ({ unit: billions(currency).unit, money: currency });
const unit = (kind, share = false) => ({ unit: kind ? t(`outputs.unit.${kind}`) : '', share });
const UNITS = {
  'revenue.ai': money('RMB'),
  'revenue.core': money('RMB'),
  'revenue.total': money('RMB'),
  'revenue.aiShare': unit('fraction', true),
  'revenue.cumulativeRmbBn': money('RMB'),
  'revenue.cumulativeUsdBn': money('USD'),
  'revenue.annualUsdBn': money('USD'),
  'revenue.targetHitYear': unit('fiscalYear'),
  'revenue.gapUsdBn': money('USD'),
  'revenue.requiredUniformGrowth': unit('fractionYear', true),
  'revenue.requiredAiGrowth': unit('fractionYear', true),
  'revenue.requiredUniformGrowthBeyond': unit(''),
  'revenue.requiredAiGrowthBeyond': unit(''),
  'revenue.annualTargetHitYear': unit('fiscalYear'),
  'revenue.annualGapUsdBn': money('USD'),
  'revenue.requiredUniformGrowthAnnual': unit('fractionYear', true),
  'revenue.requiredAiGrowthAnnual': unit('fractionYear', true),
  'revenue.requiredUniformGrowthAnnualBeyond': unit(''),
  'revenue.requiredAiGrowthAnnualBeyond': unit(''),
  'capex.capexRmbBn': money('RMB'),
  'capex.incrementalRevenue': money('RMB'),
  'capex.cashInflow': money('RMB'),
  'capex.netCashFlow': money('RMB'),
  'capex.cumulativeNet': money('RMB'),
  'capex.depreciation': money('RMB'),
  'capex.ebita': money('RMB'),
  'capex.ebitaMargin': unit('fraction', true),
  'capex.paybackYears': unit('years'),
  'capex.discountedPaybackYears': unit('years'),
  'capex.npvRmbBn': money('RMB'),
  'capex.irr': unit('fractionYear', true),
  'capex.requiredCashMargin': unit('fraction', true),
  'tokens.price': unit('rmb'),
  'tokens.tps': unit('tokensPerSecond'),
  'tokens.tpsFleet': unit('tokensPerSecond'),
  'tokens.costPerHour': unit('rmb'),
  'tokens.tokensPerAccHour': unit('tokens'),
  'tokens.costRmbPerMTok': unit('rmb'),
  'tokens.grossMargin': unit('fraction', true),
  'tokens.breakevenUtilization': unit('fraction', true),
  'tokens.tokensPerDay': unit('trillion'),
  'tokens.tokensPerYearTrillions': unit('trillion'),
  'tokens.maasRevenueRmbBn': money('RMB'),
  'tokens.maasGrossProfitRmbBn': money('RMB'),
  'tokens.acceleratorsNeeded': unit('accelerators'),
  'tokens.acceleratorCapexRmbBn': money('RMB'),
  'tokens.hwImported': unit('rmb'),
  'tokens.hwInHouse': unit('rmb'),
  'tokens.acceleratorsNeededBase': unit('accelerators'),
};

/**
 * Label and unit of every output in the page's language, by path without
 * `[i]`: `{label, unit, share, money}`. `share` marks fractions shown also
 * as %. A `money` output ('RMB' or 'USD') is in billions of that currency in
 * the model; its `unit` is the language's unit for them ('RMB bn' / '亿元'),
 * in which its value is shown with `exactBillions(value, money)` (render.js).
 * Other units are the model's ('fraction', 'years', 'RMB' / '小数', '年', '元').
 */
export const OUTPUT_TEXT = Object.fromEntries(Object.entries(UNITS).map(([path, text]) => [path, { label: t(`outputs.${path}`), ...text }]));

/**
 * The index of the first year whose AI share of revenue (`revenue.aiShare`,
 * fractions as text or numbers; null for a year without one) is at least
 * half, or -1: the year the revenue chart marks and the key figures state.
 */
export function aiOverHalfIndex(aiShare) {
  return aiShare.findIndex((share) => share !== null && share !== undefined && Number(share) >= 0.5);
}
