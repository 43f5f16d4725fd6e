// The outputs of `compute` (MODEL.md) as the page names them when it
// explains one (words and the unit of the model's value: RMB, fractions, by
// output name without the year index), and the one figure the page derives
// from them: the year AI revenue passes half of revenue.

/** Label and unit of every output, by path without `[i]`; `share` marks fractions shown also as %. */
export const OUTPUT_TEXT = {
  'revenue.ai': { label: 'AI revenue', unit: 'RMB bn' },
  'revenue.core': { label: 'Other cloud revenue', unit: 'RMB bn' },
  'revenue.total': { label: 'Total revenue', unit: 'RMB bn' },
  'revenue.aiShare': { label: 'AI share of revenue', unit: 'fraction', share: true },
  'revenue.cumulativeRmbBn': { label: 'Cumulative revenue in RMB', unit: 'RMB bn' },
  'revenue.cumulativeUsdBn': { label: 'Cumulative revenue in US$ (the cumulative reading)', unit: 'US$ bn' },
  'revenue.annualUsdBn': { label: 'Revenue in the year (the one-year reading)', unit: 'US$ bn' },
  'revenue.targetHitYear': { label: 'Year the cumulative target is reached', unit: 'fiscal year' },
  'revenue.gapUsdBn': { label: 'Cumulative revenue against the target, last year', unit: 'US$ bn' },
  'revenue.requiredUniformGrowth': { label: 'Uniform growth that just meets the cumulative target', unit: 'fraction a year', share: true },
  'revenue.requiredAiGrowth': { label: 'Uniform AI growth that just meets the cumulative target', unit: 'fraction a year', share: true },
  'revenue.requiredUniformGrowthBeyond': { label: 'Whether that growth lies beyond the search range', unit: '' },
  'revenue.requiredAiGrowthBeyond': { label: 'Whether that AI growth lies beyond the search range', unit: '' },
  'revenue.annualTargetHitYear': { label: 'Year revenue first reaches the target in one year', unit: 'fiscal year' },
  'revenue.annualGapUsdBn': { label: 'Revenue in the last year against the target', unit: 'US$ bn' },
  'revenue.requiredUniformGrowthAnnual': { label: 'Uniform growth that just meets the one-year target', unit: 'fraction a year', share: true },
  'revenue.requiredAiGrowthAnnual': { label: 'Uniform AI growth that just meets the one-year target', unit: 'fraction a year', share: true },
  'revenue.requiredUniformGrowthAnnualBeyond': { label: 'Whether that growth lies beyond the search range', unit: '' },
  'revenue.requiredAiGrowthAnnualBeyond': { label: 'Whether that AI growth lies beyond the search range', unit: '' },
  'capex.capexRmbBn': { label: 'Capex', unit: 'RMB bn' },
  'capex.incrementalRevenue': { label: 'Revenue above the base year', unit: 'RMB bn' },
  'capex.cashInflow': { label: 'Cash inflow', unit: 'RMB bn' },
  'capex.netCashFlow': { label: 'Net cash flow', unit: 'RMB bn' },
  'capex.cumulativeNet': { label: 'Cumulative net cash', unit: 'RMB bn' },
  'capex.depreciation': { label: 'Depreciation of new capex', unit: 'RMB bn' },
  'capex.ebita': { label: 'Adjusted EBITA', unit: 'RMB bn' },
  'capex.ebitaMargin': { label: 'EBITA margin', unit: 'fraction', share: true },
  'capex.paybackYears': { label: 'Payback of the capex', unit: 'years' },
  'capex.discountedPaybackYears': { label: 'Discounted payback', unit: 'years' },
  'capex.npvRmbBn': { label: 'Net present value', unit: 'RMB bn' },
  'capex.irr': { label: 'Internal rate of return', unit: 'fraction a year', share: true },
  'capex.requiredCashMargin': { label: 'Cash margin that recovers the capex', unit: 'fraction', share: true },
  'tokens.price': { label: 'Price per million tokens', unit: 'RMB' },
  'tokens.tps': { label: 'Throughput of an imported accelerator', unit: 'tokens per second' },
  'tokens.tpsFleet': { label: 'Throughput of the average accelerator in the fleet', unit: 'tokens per second' },
  'tokens.costPerHour': { label: 'Cost of an accelerator-hour', unit: 'RMB' },
  'tokens.tokensPerAccHour': { label: 'Tokens served per accelerator-hour', unit: 'tokens' },
  'tokens.costRmbPerMTok': { label: 'Cost per million tokens', unit: 'RMB' },
  'tokens.grossMargin': { label: 'Gross margin on tokens', unit: 'fraction', share: true },
  'tokens.breakevenUtilization': { label: 'Break-even utilization', unit: 'fraction', share: true },
  'tokens.tokensPerDay': { label: 'Tokens a day', unit: 'trillion' },
  'tokens.tokensPerYearTrillions': { label: 'Tokens a year', unit: 'trillion' },
  'tokens.maasRevenueRmbBn': { label: 'MaaS revenue', unit: 'RMB bn' },
  'tokens.maasGrossProfitRmbBn': { label: 'MaaS gross profit', unit: 'RMB bn' },
  'tokens.acceleratorsNeeded': { label: 'Accelerators needed', unit: 'accelerators' },
  'tokens.acceleratorCapexRmbBn': { label: 'Accelerator capex', unit: 'RMB bn' },
  'tokens.hwImported': { label: 'Hardware cost of an imported accelerator-hour', unit: 'RMB' },
  'tokens.hwInHouse': { label: 'Hardware cost of an in-house accelerator-hour', unit: 'RMB' },
  'tokens.acceleratorsNeededBase': { label: 'Accelerators needed, base year', unit: 'accelerators' },
};

/**
 * The index of the first year whose AI share of revenue (`revenue.aiShare`,
 * fractions as text or numbers; null for a year without one) is at least
 * half, or -1: the year the revenue chart marks and the key figures state.
 */
export function aiOverHalfIndex(aiShare) {
  return aiShare.findIndex((share) => share !== null && share !== undefined && Number(share) >= 0.5);
}
