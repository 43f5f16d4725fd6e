// The type test of the npm package (tests/package/package.test.mjs runs it
// on `npm pack ./pkg` installed into a scratch project): compiled with
// `tsc --strict`, it uses every export with typed arguments and reads typed
// fields of every result; the `@ts-expect-error` lines prove that wrong
// types are refused. Run, it holds each result to its declared type: every
// interface has a check below whose type the compiler ties to the
// interface, key for key, and the run ties to the real output, so a field
// the core adds, drops or renames fails one way or the other.
import init, {
  compute,
  decodeScenario,
  defaultScenario,
  encodeScenario,
  explain,
  fields,
  initSync,
  irr,
  npv,
  presets,
  readScenarioLink,
  reportedYears,
  sensitivity,
  simulate,
  solveProbability,
  start,
  validate,
} from 'aicloud-scenario';
import type {
  Certainty,
  DecodedLink,
  Explanation,
  Field,
  FieldPath,
  FigurePath,
  InitOutput,
  LinkReading,
  OutputPath,
  Payback,
  Preset,
  Problem,
  ProblemKind,
  Projection,
  Reported,
  RevenuePath,
  Scenario,
  ScenarioCapex,
  ScenarioError,
  ScenarioInput,
  ScenarioOf,
  ScenarioRevenue,
  ScenarioText,
  ScenarioTokens,
  ScenarioUncertainty,
  SensitivityFigures,
  SensitivityGroup,
  Sensitivity,
  SeriesPath,
  Simulation,
  Spread,
  TokenEconomics,
  Warning,
  Why,
  WhyKind,
} from 'aicloud-scenario';

/** Every name the package exports (held to the module's real exports). */
export const EXPORTS = [
  '__wbg_reset_state', 'compute', 'decodeScenario', 'default', 'defaultScenario', 'encodeScenario', 'explain',
  'fields', 'initSync', 'irr', 'npv', 'presets', 'readScenarioLink', 'reportedYears', 'sensitivity', 'simulate',
  'solveProbability', 'start', 'validate',
];

// ---- Checks of runtime values, each tied to the type it checks ----------

/** Throws when `value` is not a `T`. Invariant in `T`: a `Check<string>` is no `Check<string | null>`. */
interface Check<T> {
  (value: unknown, at: string): void;
  readonly type?: (value: T) => T;
}

function fail(at: string, expected: string, value: unknown): never {
  throw new Error(`${at}: expected ${expected}, got ${JSON.stringify(value)}`);
}

const decimal: Check<string> = (value, at) => {
  if (typeof value !== 'string' || !/^-?(0|[1-9]\d*)(\.\d{0,8}[1-9])?$/.test(value) || value === '-0') {
    fail(at, 'a normalised decimal string', value);
  }
};
const text: Check<string> = (value, at) => {
  if (typeof value !== 'string') fail(at, 'a string', value);
};
const integer: Check<number> = (value, at) => {
  if (!Number.isInteger(value)) fail(at, 'an integer', value);
};
const boolean: Check<boolean> = (value, at) => {
  if (typeof value !== 'boolean') fail(at, 'a boolean', value);
};

function literal<L extends string>(...values: L[]): Check<L> {
  return (value, at) => {
    if (!values.includes(value as L)) fail(at, values.join(' | '), value);
  };
}

function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, at) => {
    if (value !== null) check(value, at);
  };
}

function either<A, B>(a: Check<A>, b: Check<B>): Check<A | B> {
  return (value, at) => {
    try {
      a(value, at);
    } catch {
      b(value, at);
    }
  };
}

function array<T>(check: Check<T>, length?: number): Check<T[]> {
  return (value, at) => {
    if (!Array.isArray(value)) fail(at, 'an array', value);
    if (length !== undefined && value.length !== length) fail(`${at}.length`, String(length), value.length);
    value.forEach((entry, index) => check(entry, `${at}[${index}]`));
  };
}

/** An object with exactly the keys of `T`, each checked. */
function object<T>(shape: { [K in keyof T]-?: Check<T[K]> }): Check<T> {
  return (value, at) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(at, 'an object', value);
    const actual = Object.keys(value).sort();
    const declared = Object.keys(shape).sort();
    if (actual.join() !== declared.join()) {
      fail(at, `the keys ${declared.join(', ')}`, actual);
    }
    for (const key of declared) {
      shape[key as keyof T]((value as Record<string, unknown>)[key], `${at}.${key}`);
    }
  };
}

/** An object with exactly `keys`, each value checked. */
function record<K extends string, T>(keys: readonly K[], check: Check<T>): Check<Record<K, T>> {
  return object<Record<K, T>>(Object.fromEntries(keys.map((key) => [key, check])) as never);
}

/** Compiles only when `T` is `never`: a union's values all listed. */
type Never<T extends never> = T;

const FIELD_PATHS = [
  'horizonYears', 'baseFiscalYear', 'fxRmbPerUsd', 'targetUsdBn',
  'revenue.baseRmbBn', 'revenue.aiShareBase', 'revenue.aiGrowth', 'revenue.coreGrowth',
  'capex.rmbBn', 'capex.incrementalCashMargin', 'capex.assetLifeYears', 'capex.discountRate',
  'capex.baseEbitaRmbBn',
  'tokens.priceRmbPerMTok', 'tokens.priceChange', 'tokens.acceleratorCostRmb',
  'tokens.acceleratorLifeYears', 'tokens.powerKw', 'tokens.electricityRmbPerKwh',
  'tokens.otherOpexRmbPerHour', 'tokens.tokensPerSecond', 'tokens.throughputGain',
  'tokens.utilization', 'tokens.inHouseShare', 'tokens.inHouseCostRatio',
  'tokens.inHousePerfRatio', 'tokens.tokensPerDayTrillions', 'tokens.volumeGrowth',
  'uncertainty.aiGrowthSpread', 'uncertainty.coreGrowthSpread', 'uncertainty.fxSpread',
  'uncertainty.cashMarginSpread',
] as const satisfies readonly FieldPath[];
export type AllFieldPaths = Never<Exclude<FieldPath, (typeof FIELD_PATHS)[number]>>;

const GROUPS = [
  'revenue.baseRmbBn', 'revenue.aiShareBase', 'revenue.aiGrowth', 'revenue.coreGrowth',
  'fxRmbPerUsd', 'capex.rmbBn', 'capex.incrementalCashMargin', 'capex.discountRate',
  'tokens.priceRmbPerMTok', 'tokens.tokensPerSecond', 'tokens.utilization',
  'tokens.acceleratorCostRmb', 'tokens.inHouseShare',
] as const satisfies readonly SensitivityGroup[];
export type AllGroups = Never<Exclude<SensitivityGroup, (typeof GROUPS)[number]>>;

const SERIES = [
  'revenue.ai', 'revenue.core', 'revenue.total', 'revenue.aiShare', 'revenue.cumulativeRmbBn',
  'revenue.cumulativeUsdBn', 'revenue.annualUsdBn', 'capex.capexRmbBn', 'capex.incrementalRevenue',
  'capex.cashInflow', 'capex.netCashFlow', 'capex.cumulativeNet', 'capex.depreciation', 'capex.ebita',
  'capex.ebitaMargin', 'tokens.price', 'tokens.tps', 'tokens.tpsFleet', 'tokens.costPerHour',
  'tokens.tokensPerAccHour', 'tokens.costRmbPerMTok', 'tokens.grossMargin',
  'tokens.breakevenUtilization', 'tokens.tokensPerDay', 'tokens.tokensPerYearTrillions',
  'tokens.maasRevenueRmbBn', 'tokens.maasGrossProfitRmbBn', 'tokens.acceleratorsNeeded',
  'tokens.acceleratorCapexRmbBn',
] as const satisfies readonly SeriesPath[];
export type AllSeries = Never<Exclude<SeriesPath, (typeof SERIES)[number]>>;

const FIGURES = [
  'revenue.targetHitYear', 'revenue.gapUsdBn', 'revenue.requiredUniformGrowth',
  'revenue.requiredAiGrowth', 'revenue.requiredUniformGrowthBeyond', 'revenue.requiredAiGrowthBeyond',
  'revenue.annualTargetHitYear', 'revenue.annualGapUsdBn', 'revenue.requiredUniformGrowthAnnual',
  'revenue.requiredAiGrowthAnnual', 'revenue.requiredUniformGrowthAnnualBeyond',
  'revenue.requiredAiGrowthAnnualBeyond', 'capex.paybackYears', 'capex.discountedPaybackYears',
  'capex.npvRmbBn', 'capex.irr', 'capex.requiredCashMargin', 'tokens.hwImported', 'tokens.hwInHouse',
  'tokens.acceleratorsNeededBase',
] as const satisfies readonly FigurePath[];
export type AllFigures = Never<Exclude<FigurePath, (typeof FIGURES)[number]>>;

const beyond = nullable(literal('below', 'above'));
const presetId = literal('base', 'bull', 'bear');
const problemKind = literal<ProblemKind>(
  'missing', 'wrongType', 'badNumber', 'outOfRange', 'badLength', 'tooDeep', 'unreadable', 'badLink', 'badPath', 'overflow',
);
const problem = object<Problem>({ field: text, kind: problemKind, message: text });
const warning = object<Warning>({ field: text, message: text });

function scenarioOf<D, I>(d: Check<D>, i: Check<I>): Check<ScenarioOf<D, I>> {
  return object<ScenarioOf<D, I>>({
    horizonYears: i,
    baseFiscalYear: i,
    fxRmbPerUsd: d,
    targetUsdBn: d,
    revenue: object<ScenarioRevenue<D>>({
      baseRmbBn: d, aiShareBase: d, aiGrowth: array(d), coreGrowth: array(d),
    }),
    capex: object<ScenarioCapex<D, I>>({
      rmbBn: array(d), incrementalCashMargin: d, assetLifeYears: i, discountRate: d, baseEbitaRmbBn: d,
    }),
    tokens: object<ScenarioTokens<D, I>>({
      priceRmbPerMTok: d, priceChange: array(d), acceleratorCostRmb: d, acceleratorLifeYears: i,
      powerKw: d, electricityRmbPerKwh: d, otherOpexRmbPerHour: d, tokensPerSecond: d,
      throughputGain: array(d), utilization: d, inHouseShare: array(d), inHouseCostRatio: d,
      inHousePerfRatio: d, tokensPerDayTrillions: d, volumeGrowth: array(d),
    }),
    uncertainty: object<ScenarioUncertainty<D>>({
      aiGrowthSpread: d, coreGrowthSpread: d, fxSpread: d, cashMarginSpread: d,
    }),
  });
}
const scenario: Check<Scenario> = scenarioOf(decimal, integer);
const scenarioText: Check<ScenarioText> = scenarioOf(text, text);

const reported = object<Reported>({
  baseFiscalYear: integer,
  baseRmbBn: decimal,
  revenueRmbBn: array(object({ fiscalYear: integer, value: decimal })),
  capexRmbBn: array(object({ fiscalYear: integer, value: decimal })),
  notes: object({ revenue: text, capex: text }),
});
const preset = object<Preset>({
  id: presetId, label: text, rationale: text, scenario, notes: record(FIELD_PATHS, text), reported,
});
const field = object<Field>({
  path: literal(...FIELD_PATHS), key: text, kind: literal('integer', 'decimal', 'years'),
  min: decimal, max: decimal, minOpen: boolean, maxOpen: boolean, range: text,
});

function projectionOf(h: number): Check<Projection> {
  const years = array(decimal, h);
  return object<Projection>({
    years: array(integer, h),
    revenue: object<RevenuePath>({
      ai: years, core: years, total: years, aiShare: years, cumulativeRmbBn: years,
      cumulativeUsdBn: years, targetHitYear: nullable(integer), gapUsdBn: decimal,
      requiredUniformGrowth: nullable(decimal), requiredAiGrowth: nullable(decimal),
      requiredUniformGrowthBeyond: beyond, requiredAiGrowthBeyond: beyond, annualUsdBn: years,
      annualTargetHitYear: nullable(integer), annualGapUsdBn: decimal,
      requiredUniformGrowthAnnual: nullable(decimal), requiredAiGrowthAnnual: nullable(decimal),
      requiredUniformGrowthAnnualBeyond: beyond, requiredAiGrowthAnnualBeyond: beyond,
    }),
    capex: object<Payback>({
      capexRmbBn: years, incrementalRevenue: years, cashInflow: years, netCashFlow: years,
      cumulativeNet: years, depreciation: years, ebita: years, ebitaMargin: years,
      paybackYears: nullable(decimal), discountedPaybackYears: nullable(decimal), npvRmbBn: decimal,
      irr: nullable(decimal), requiredCashMargin: nullable(decimal),
    }),
    tokens: object<TokenEconomics>({
      hwImported: decimal, hwInHouse: decimal, price: years, tps: years, tpsFleet: years,
      costPerHour: years, tokensPerAccHour: years, costRmbPerMTok: years, grossMargin: years,
      breakevenUtilization: years, tokensPerDay: years, tokensPerYearTrillions: years,
      maasRevenueRmbBn: years, maasGrossProfitRmbBn: years, acceleratorsNeededBase: decimal,
      acceleratorsNeeded: years, acceleratorCapexRmbBn: years,
    }),
    warnings: array(warning),
  });
}

const spread = object<Spread>({ mean: decimal, p5: decimal, p10: decimal, p50: decimal, p90: decimal, p95: decimal });
function simulationOf(h: number): Check<Simulation> {
  return object<Simulation>({
    samples: integer, seed: integer, probabilityHitTarget: decimal, hitByYear: array(decimal, h),
    cumulativeUsdBn: spread, npvRmbBn: spread, probabilityNpvPositive: decimal,
    histogram: object({ edges: array(decimal, 41), counts: array(integer, 40) }),
    probabilityHitAnnualTarget: decimal, annualUsdBn: spread,
  });
}
const certainty = object<Certainty>({ aiGrowthShift: nullable(decimal), probability: decimal, beyond });
const figures = object<SensitivityFigures>({ cumulativeUsdBn: decimal, npvRmbBn: decimal, grossMargin: decimal });
const tornado = object<Sensitivity>({
  base: figures,
  rows: array(object({ group: literal(...GROUPS), low: nullable(figures), high: nullable(figures), clamped: boolean }), GROUPS.length),
});
const WHY_KINDS: WhyKind[] = ['firstYear', 'everyYear', 'stillNegative', 'stillNegativeDiscounted', 'recoveredFrom',
  'noAiRevenue', 'beyondBelow', 'beyondAbove', 'solves', 'root', 'marginRoot', 'noMargin', 'noRoot', 'signChanges'];
/** A `Why`: its kind, its head, and any other pieces, all text. */
const why: Check<Why> = (value, at) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(at, 'an object', value);
  const { kind, head, ...pieces } = value as Record<string, unknown>;
  literal(...WHY_KINDS)(kind, `${at}.kind`);
  text(head, `${at}.head`);
  for (const [name, piece] of Object.entries(pieces)) text(piece, `${at}.${name}`);
};
const explanation = object<Explanation>({
  path: (value, at) => text(value, at),
  value: nullable(either(text, integer)),
  formula: text,
  terms: array(object({ name: text, path: text, value: decimal })),
  why: nullable(why),
});
const decoded = object<DecodedLink>({ scenario, preset: presetId, warnings: array(warning) });
const reading = object<LinkReading>({ preset: presetId, scenario: scenarioText, warnings: array(warning), problems: array(problem) });

function equal(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: ${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`);
  }
}

function thrown(run: () => unknown): ScenarioError {
  try {
    run();
  } catch (error) {
    return error as ScenarioError;
  }
  throw new Error('expected an error');
}

// ---- Every export, typed, and every result held to its type ---------------

/** Instantiates the module from its bytes and runs every check; returns a line per export. */
export async function useEveryExport(bytes: BufferSource): Promise<string[]> {
  const output: InitOutput = initSync({ module: bytes });
  const again: InitOutput = await init({ module_or_path: bytes });
  equal(again === output, true, 'init after initSync gives the same instance');
  start();
  const lines: string[] = [];

  const s: Scenario = defaultScenario();
  scenario(s, 'defaultScenario()');
  const h: number = s.horizonYears;
  const fx: string = s.fxRmbPerUsd;
  lines.push(`defaultScenario: ${h} years from FY${s.baseFiscalYear}, ${fx} RMB per US$`);

  const all: Preset[] = presets();
  array(preset)(all, 'presets()');
  equal(all.map((p) => p.id), ['base', 'bull', 'bear'], 'preset ids');
  const note: string = all[0].notes['revenue.baseRmbBn'];
  lines.push(`presets: ${all.map((p) => p.label).join(', ')}; ${note.slice(0, 40)}`);

  const list: Field[] = fields();
  array(field)(list, 'fields()');
  equal(list.map((f) => f.path), FIELD_PATHS, 'FieldPath lists every field, in order');
  const years = list.filter((f) => f.kind === 'years').map((f) => f.key);
  lines.push(`fields: ${list.length}, year arrays ${years.join(' ')}`);

  const back: Reported | null = reportedYears(s);
  nullable(reported)(back, 'reportedYears()');
  equal(reportedYears({ ...s, revenue: { ...s.revenue, baseRmbBn: '1' } }), null, 'reportedYears of another base');
  lines.push(`reportedYears: ${back?.revenueRmbBn.map((y) => `FY${y.fiscalYear} ${y.value}`).join(', ')}`);

  // Inputs as strings, as numbers, or mixed.
  const input: ScenarioInput = { ...s, horizonYears: '5', fxRmbPerUsd: 7.17, revenue: { ...s.revenue, aiGrowth: [1, '0.8', 0.6] } };
  const problems: Problem[] = validate(input);
  equal(problems, [], 'validate(input)');
  const bad: Problem[] = validate({ ...s, capex: { ...s.capex, discountRate: '2' } });
  array(problem)(bad, 'validate(bad)');
  equal(bad.map((p) => [p.field, p.kind]), [['capex.discountRate', 'outOfRange']], 'validate names the field and the kind');
  lines.push(`validate: ${bad[0].message}`);

  for (const p of all) {
    for (const h of [1, 5, 10]) {
      const projection: Projection = compute({ ...p.scenario, horizonYears: h });
      projectionOf(h)(projection, `compute(${p.id}, ${h} years)`);
    }
  }
  const p: Projection = compute(s);
  projectionOf(h)(p, 'compute()');
  const last: string = p.revenue.cumulativeUsdBn[h - 1].toUpperCase();
  const hit: number | null = p.revenue.targetHitYear;
  const payback: string | null = p.capex.paybackYears;
  const margin: string = p.tokens.grossMargin[0];
  const notes: Warning[] = p.warnings;
  lines.push(`compute: cumulative US$${last}bn, target hit FY${hit}, payback ${payback}, margin ${margin}, ${notes.length} warnings`);
  const error = thrown(() => compute({ ...s, fxRmbPerUsd: '0' }));
  equal([error instanceof Error, error.field, error.kind], [true, 'fxRmbPerUsd', 'outOfRange'], 'compute throws an Error with field and kind');

  const sim: Simulation = simulate(s, { samples: 2000, seed: 7 });
  simulationOf(h)(sim, 'simulate()');
  simulationOf(h)(simulate(s), 'simulate() with the default options');
  const chance: string = sim.probabilityHitTarget;
  const median: string = sim.cumulativeUsdBn.p50;
  const counts: number = sim.histogram.counts.reduce((a, b) => a + b, 0);
  equal(counts, 2000, 'histogram counts');
  equal(thrown(() => simulate(s, { samples: 0 })).field, 'options.samples', 'simulate option error');
  lines.push(`simulate: P(hit) ${chance}, median US$${median}bn, annual ${sim.probabilityHitAnnualTarget}`);

  const seek: Certainty = solveProbability(s, { probability: '0.9', samples: '2000', seed: 3 });
  certainty(seek, 'solveProbability()');
  certainty(solveProbability(s), 'solveProbability() with the default options');
  const above = solveProbability({ ...s, revenue: { ...s.revenue, baseRmbBn: '0.001' } }, { samples: 100 });
  certainty(above, 'solveProbability() out of reach');
  equal([above.aiGrowthShift, above.beyond], [null, 'above'], 'solveProbability out of reach');
  const shift: string | null = seek.aiGrowthShift;
  lines.push(`solveProbability: shift ${shift}, beyond ${seek.beyond}`);

  const t: Sensitivity = sensitivity(s, { delta: 0.2 });
  tornado(t, 'sensitivity()');
  tornado(sensitivity(s), 'sensitivity() with the default options');
  tornado(sensitivity({ ...s, tokens: { ...s.tokens, acceleratorCostRmb: '100000000' } }, { delta: 1 }), 'sensitivity() with null sides');
  const top: SensitivityGroup = t.rows[0].group;
  const low: string | undefined = t.rows[0].low?.cumulativeUsdBn;
  lines.push(`sensitivity: ${top} from US$${low}bn, base ${t.base.cumulativeUsdBn}`);

  // The peer benchmark's exports: flows from now, t = 0.
  const rate: string | null = irr(['-100', 110]);
  const value: string = npv('0.1', [-100, '110']);
  equal([rate === null ? null : Number(rate).toFixed(12), value], ['0.100000000000', '0'], 'irr and npv');
  equal(irr([100, 110]), null, 'irr without a sign change');

  // Every output path explains, and its value is compute's.
  const sections = p as unknown as Record<string, Record<string, unknown>>;
  for (const section of ['revenue', 'capex', 'tokens']) {
    for (const [key, value] of Object.entries(sections[section])) {
      const name = `${section}.${key}`;
      const listed = Array.isArray(value) ? (SERIES as readonly string[]) : (FIGURES as readonly string[]);
      if (!listed.includes(name)) throw new Error(`${name} is not in SeriesPath or FigurePath`);
    }
  }
  const paths: OutputPath[] = [...FIGURES, ...SERIES.flatMap((name) => [`${name}[0]`, `${name}[${h - 1}]`] as const)];
  for (const path of paths) {
    const e: Explanation = explain(s, path);
    explanation(e, `explain(${path})`);
    const [section, rest] = path.split('.');
    const [key, index] = rest.split(/[[\]]/);
    const value = sections[section][key];
    equal(e.value, index === undefined ? value : (value as unknown[])[Number(index)], `explain(${path}).value`);
  }
  const e: Explanation = explain(s, 'revenue.cumulativeUsdBn[4]');
  lines.push(`explain: ${e.formula} with ${e.terms.map((term) => `${term.name} = ${term.value}`).join(', ')}`);
  const past = thrown(() => explain(s, 'revenue.cumulativeUsdBn[99]'));
  equal([past.field, past.kind], ['path', 'badPath'], 'explain past the horizon');

  const link: string = encodeScenario({ ...s, revenue: { ...s.revenue, aiGrowth: ['1.2'] } }, 'base');
  const bull: string = encodeScenario(all[1].scenario, all[1].id);
  equal(encodeScenario(s), 'v=1&p=base', 'encodeScenario without a preset');
  const d: DecodedLink = decodeScenario(`${link}&zz=1`);
  decoded(d, 'decodeScenario()');
  equal([d.scenario.revenue.aiGrowth, d.warnings.length], [['1.2'], 1], 'decodeScenario');
  equal(decodeScenario(bull).preset, 'bull', 'decodeScenario(bull)');
  const r: LinkReading = readScenarioLink('v=1&p=bear&h=abc&rev.ai=1,,x&zz=1');
  reading(r, 'readScenarioLink()');
  reading(readScenarioLink(''), 'readScenarioLink("")');
  equal(r.scenario.horizonYears, 'abc', 'readScenarioLink keeps the text');
  lines.push(`links: ${link}; read ${r.preset} with ${r.problems.length} problems, ${r.warnings.length} warning`);
  return lines;
}

// ---- Wrong types are refused: compiled, never run -----------------------

export function refused(s: Scenario, p: Projection): void {
  const { fxRmbPerUsd, ...rest } = s;
  compute({ ...rest, fxRmbPerUsd });
  // @ts-expect-error a misspelled field (and the real one missing)
  compute({ ...rest, fxRmbPerUSD: fxRmbPerUsd });
  // @ts-expect-error a number where a section belongs
  compute({ ...s, revenue: 5 });
  // @ts-expect-error a boolean where a number belongs
  compute({ ...s, horizonYears: true });
  // @ts-expect-error a number where a year array belongs
  validate({ ...s, revenue: { ...s.revenue, aiGrowth: 1 } });
  // @ts-expect-error a section missing
  compute({ horizonYears: 5, baseFiscalYear: 2026, fxRmbPerUsd: '7.17', targetUsdBn: '100', revenue: s.revenue, capex: s.capex, tokens: s.tokens });
  // @ts-expect-error outputs are decimal strings, not numbers
  p.capex.npvRmbBn.toFixed(2);
  // @ts-expect-error the target year may be null
  p.revenue.targetHitYear.toFixed();
  // @ts-expect-error a misspelled output
  p.revenue.cumulativeUSDBn;
  // @ts-expect-error a year array of the input is not a number
  const growth: number = s.revenue.aiGrowth;
  // @ts-expect-error decimal inputs come back as strings
  const rate: number = defaultScenario().fxRmbPerUsd;
  // @ts-expect-error an unknown option
  simulate(s, { sample: 10 });
  // @ts-expect-error flows are an array
  irr(-100);
  // @ts-expect-error irr may be null
  irr([-100, 110]).length;
  // @ts-expect-error an option of another analysis
  sensitivity(s, { probability: 0.9 });
  // @ts-expect-error an output path that names nothing
  explain(s, 'revenue.nope[1]');
  // @ts-expect-error a figure is not a series
  explain(s, 'capex.npvRmbBn[0]');
  // @ts-expect-error an unknown preset
  encodeScenario(s, 'bullish');
  // @ts-expect-error link text is a string
  decodeScenario(42);
  // @ts-expect-error no such sensitivity group
  if (sensitivity(s).rows[0].group === 'revenue.nope') return;
  // @ts-expect-error a row's side may be null
  sensitivity(s).rows[0].low.npvRmbBn;
  // @ts-expect-error notes are keyed by field paths
  presets()[0].notes['revenue.nope'];
  void [growth, rate];
}
