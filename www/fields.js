// How the page presents each Scenario field: its group, label and unit in
// the page's language, and how its value is shown: a ratio as a percentage,
// an amount in billions in the language's money unit (亿元 in Chinese). Paths,
// kinds and domains come from the core (`fields()`); this table only adds
// words and units.

import { billions, t } from './i18n.js';

const group = (id, fields, intro) => ({ id, title: t(`form.group.${id}`), intro, fields });

/** The form's sections, in order, with the fields of each; titles (and an intro) in the page's language. */
export const GROUPS = [
  group('target', ['targetUsdBn', 'horizonYears', 'baseFiscalYear', 'fxRmbPerUsd']),
  group('revenue', ['revenue.baseRmbBn', 'revenue.aiShareBase', 'revenue.aiGrowth', 'revenue.coreGrowth']),
  group('capex', ['capex.rmbBn', 'capex.incrementalCashMargin', 'capex.assetLifeYears', 'capex.discountRate',
    'capex.baseEbitaRmbBn']),
  group('tokens', ['tokens.priceRmbPerMTok', 'tokens.priceChange', 'tokens.tokensPerDayTrillions', 'tokens.volumeGrowth',
    'tokens.acceleratorCostRmb', 'tokens.acceleratorLifeYears', 'tokens.tokensPerSecond', 'tokens.throughputGain',
    'tokens.utilization', 'tokens.inHouseShare', 'tokens.inHouseCostRatio', 'tokens.inHousePerfRatio',
    'tokens.powerKw', 'tokens.electricityRmbPerKwh', 'tokens.otherOpexRmbPerHour']),
  group('uncertainty', ['uncertainty.aiGrowthSpread', 'uncertainty.coreGrowthSpread', 'uncertainty.fxSpread',
    'uncertainty.cashMarginSpread'], t('form.group.uncertainty.intro')),
];

/**
 * How each field's value is shown, by path: `percent` (a fraction shown
 * times 100), `currency` (billions of 'RMB' or 'USD', shown in the page's
 * money unit; `perYear` for an amount a year), or neither (as the model
 * has it, its unit from the message table).
 */
const SHOWN = {
  horizonYears: {},
  baseFiscalYear: {},
  fxRmbPerUsd: {},
  targetUsdBn: { currency: 'USD' },
  'revenue.baseRmbBn': { currency: 'RMB' },
  'revenue.aiShareBase': { percent: true },
  'revenue.aiGrowth': { percent: true },
  'revenue.coreGrowth': { percent: true },
  'capex.rmbBn': { currency: 'RMB', perYear: true },
  'capex.incrementalCashMargin': { percent: true },
  'capex.assetLifeYears': {},
  'capex.discountRate': { percent: true },
  'capex.baseEbitaRmbBn': { currency: 'RMB' },
  'tokens.priceRmbPerMTok': {},
  'tokens.priceChange': { percent: true },
  'tokens.acceleratorCostRmb': {},
  'tokens.acceleratorLifeYears': {},
  'tokens.powerKw': {},
  'tokens.electricityRmbPerKwh': {},
  'tokens.otherOpexRmbPerHour': {},
  'tokens.tokensPerSecond': {},
  'tokens.throughputGain': { percent: true },
  'tokens.utilization': { percent: true },
  'tokens.inHouseShare': { percent: true },
  'tokens.inHouseCostRatio': { percent: true },
  'tokens.inHousePerfRatio': { percent: true },
  'tokens.tokensPerDayTrillions': {},
  'tokens.volumeGrowth': { percent: true },
  'uncertainty.aiGrowthSpread': { percent: true },
  'uncertainty.coreGrowthSpread': { percent: true },
  'uncertainty.fxSpread': {},
  'uncertainty.cashMarginSpread': { percent: true },
};

/** The unit a field is shown in: its money unit ('RMB bn', '亿元'; a year: 'RMB bn a year', '亿元/年') or its own words. */
function unitOf(path, { currency, perYear }) {
  if (!currency) return t(`form.unit.${path}`);
  const { unit } = billions(currency);
  return perYear ? t('form.unit.perYear', { unit }) : unit;
}

/**
 * Every field by path, in the page's language: `label`, `unit` (the unit
 * the form shows its value in: '% a year', 'RMB bn' / '亿元'), `percent`
 * (shown as a percentage), `currency` ('RMB' or 'USD' for an amount in
 * billions, else undefined) and `shift`, the places the decimal point of
 * the model's value moves right to give the value shown (2 for a
 * percentage, 1 for billions shown in 亿, else 0).
 */
export const FIELD_TEXT = Object.fromEntries(Object.entries(SHOWN).map(([path, shown]) => {
  const percent = Boolean(shown.percent);
  const shift = percent ? 2 : shown.currency ? billions(shown.currency).shift : 0;
  return [path, {
    label: t(`form.label.${path}`), unit: unitOf(path, shown), percent, currency: shown.currency, shift,
  }];
}));
