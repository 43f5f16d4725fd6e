// How the page presents each Scenario field: its group, label and unit, and
// whether it is shown as a percentage. Paths, kinds and domains come from
// the core (`fields()`); this table only adds words.

/** The form's sections, in order, with the fields of each. */
export const GROUPS = [
  {
    id: 'target',
    title: 'Target and exchange rate',
    fields: ['targetUsdBn', 'horizonYears', 'baseFiscalYear', 'fxRmbPerUsd'],
  },
  {
    id: 'revenue',
    title: 'Revenue',
    fields: ['revenue.baseRmbBn', 'revenue.aiShareBase', 'revenue.aiGrowth', 'revenue.coreGrowth'],
  },
  {
    id: 'capex',
    title: 'Capex and returns',
    fields: ['capex.rmbBn', 'capex.incrementalCashMargin', 'capex.assetLifeYears', 'capex.discountRate',
      'capex.baseEbitaRmbBn'],
  },
  {
    id: 'tokens',
    title: 'Token economics',
    fields: ['tokens.priceRmbPerMTok', 'tokens.priceChange', 'tokens.tokensPerDayTrillions', 'tokens.volumeGrowth',
      'tokens.acceleratorCostRmb', 'tokens.acceleratorLifeYears', 'tokens.tokensPerSecond', 'tokens.throughputGain',
      'tokens.utilization', 'tokens.inHouseShare', 'tokens.inHouseCostRatio', 'tokens.inHousePerfRatio',
      'tokens.powerKw', 'tokens.electricityRmbPerKwh', 'tokens.otherOpexRmbPerHour'],
  },
  {
    id: 'uncertainty',
    title: 'Uncertainty',
    intro: 'Half-widths of the ranges the simulated futures under “How likely?” draw from; they do not change the projection itself.',
    fields: ['uncertainty.aiGrowthSpread', 'uncertainty.coreGrowthSpread', 'uncertainty.fxSpread',
      'uncertainty.cashMarginSpread'],
  },
];

/** Label, unit and percentage display of every field, by path. */
export const FIELD_TEXT = {
  horizonYears: { label: 'Horizon', unit: 'years' },
  baseFiscalYear: { label: 'Base fiscal year', unit: 'FY, year 0' },
  fxRmbPerUsd: { label: 'Exchange rate', unit: 'RMB per US$' },
  targetUsdBn: { label: 'Revenue target', unit: 'US$ bn' },
  'revenue.baseRmbBn': { label: 'AI+cloud revenue in the base year', unit: 'RMB bn' },
  'revenue.aiShareBase': { label: 'AI share of base-year revenue', unit: '%', percent: true },
  'revenue.aiGrowth': { label: 'AI revenue growth', unit: '% a year', percent: true },
  'revenue.coreGrowth': { label: 'Other cloud revenue growth', unit: '% a year', percent: true },
  'capex.rmbBn': { label: 'Capital expenditure', unit: 'RMB bn a year' },
  'capex.incrementalCashMargin': { label: 'Cash margin on revenue above the base year', unit: '%', percent: true },
  'capex.assetLifeYears': { label: 'Depreciation life', unit: 'years' },
  'capex.discountRate': { label: 'Discount rate', unit: '% a year', percent: true },
  'capex.baseEbitaRmbBn': { label: 'Base-year adjusted EBITA', unit: 'RMB bn' },
  'tokens.priceRmbPerMTok': { label: 'Price per million tokens, base year', unit: 'RMB' },
  'tokens.priceChange': { label: 'Token price change', unit: '% a year', percent: true },
  'tokens.acceleratorCostRmb': { label: 'Imported accelerator, with its server share', unit: 'RMB' },
  'tokens.acceleratorLifeYears': { label: 'Accelerator life', unit: 'years' },
  'tokens.powerKw': { label: 'Power per accelerator, with cooling', unit: 'kW' },
  'tokens.electricityRmbPerKwh': { label: 'Electricity price', unit: 'RMB per kWh' },
  'tokens.otherOpexRmbPerHour': { label: 'Network, facility and staff cost', unit: 'RMB per accelerator-hour' },
  'tokens.tokensPerSecond': { label: 'Throughput of an imported accelerator, base year', unit: 'tokens per second' },
  'tokens.throughputGain': { label: 'Serving-efficiency gain', unit: '% a year', percent: true },
  'tokens.utilization': { label: 'Utilization', unit: '% of hours serving', percent: true },
  'tokens.inHouseShare': { label: 'In-house chips in the fleet', unit: '%', percent: true },
  'tokens.inHouseCostRatio': { label: 'In-house chip cost', unit: '% of an imported one', percent: true },
  'tokens.inHousePerfRatio': { label: 'In-house chip throughput', unit: '% of an imported one', percent: true },
  'tokens.tokensPerDayTrillions': { label: 'Platform token volume, base year', unit: 'trillion tokens a day' },
  'tokens.volumeGrowth': { label: 'Token volume growth', unit: '% a year', percent: true },
  'uncertainty.aiGrowthSpread': { label: 'AI revenue growth, plus or minus', unit: 'percentage points', percent: true },
  'uncertainty.coreGrowthSpread': { label: 'Other revenue growth, plus or minus', unit: 'percentage points', percent: true },
  'uncertainty.fxSpread': { label: 'Exchange rate, plus or minus', unit: 'RMB per US$' },
  'uncertainty.cashMarginSpread': { label: 'Cash margin, plus or minus', unit: 'percentage points', percent: true },
};
