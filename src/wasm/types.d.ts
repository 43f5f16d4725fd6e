// The types of the JavaScript API: wasm-bindgen copies this text into
// pkg/aicloud_scenario.d.ts (a TypeScript custom section, stripped from the
// wasm), and the exports name these types with `unchecked_param_type` /
// `unchecked_return_type`. The shapes are the JSON the core writes
// (shared/MODEL.md); tests/types/ holds them to real outputs.

/** A decimal as the core writes it: exact, rounded half-even to 9 places, no exponent ("158.132", "-0.5", "0"). */
export type DecimalString = string;

/** A number the boundary reads: a decimal string (exact, preferred) or a JavaScript number (read through its shortest round-trip text). */
export type DecimalInput = string | number;

/**
 * The model's input (shared/MODEL.md), with decimals of type `D` and integers
 * of type `I`. Money in RMB bn unless named otherwise; ratios as fractions;
 * year arrays of 1..10 entries, the last holding for later years.
 */
export interface ScenarioOf<D, I> {
  /** Years projected, integer 1..10. */
  horizonYears: I;
  /** Label of year 0, integer 1990..2100 (FY2026 ends 31 March 2026). */
  baseFiscalYear: I;
  /** RMB per US$, (0, 1000]. */
  fxRmbPerUsd: D;
  /** The target in US$ bn, (0, 1e6]: cumulative over years 1..H, and in one year. */
  targetUsdBn: D;
  revenue: ScenarioRevenue<D>;
  capex: ScenarioCapex<D, I>;
  tokens: ScenarioTokens<D, I>;
  uncertainty: ScenarioUncertainty<D>;
}

/** A scenario as `defaultScenario`, `presets` and `decodeScenario` write it: decimals as strings, integers as numbers. */
export type Scenario = ScenarioOf<DecimalString, number>;

/** What every export that takes a scenario accepts: each number a decimal string or a JavaScript number. Other keys are ignored. */
export type ScenarioInput = ScenarioOf<DecimalInput, DecimalInput>;

/** A scenario as a shared link gives it (`readScenarioLink`): every value as the text it arrived as, bad values included. */
export type ScenarioText = ScenarioOf<string, string>;

/** `scenario.revenue`. */
export interface ScenarioRevenue<D> {
  /** AI+cloud revenue in year 0, (0, 1e6]. */
  baseRmbBn: D;
  /** AI-related share of year-0 revenue, [0, 1]. */
  aiShareBase: D;
  /** Year array: AI revenue growth, [-0.99, 10]. */
  aiGrowth: D[];
  /** Year array: non-AI revenue growth, [-0.99, 10]. */
  coreGrowth: D[];
}

/** `scenario.capex`. */
export interface ScenarioCapex<D, I> {
  /** Year array: capital expenditure, [0, 1e5]. */
  rmbBn: D[];
  /** Cash margin on revenue above year 0, [-1, 1]. */
  incrementalCashMargin: D;
  /** Straight-line depreciation life, integer 1..30. */
  assetLifeYears: I;
  /** For NPV and discounted payback, [0, 1]. */
  discountRate: D;
  /** Year-0 adjusted EBITA, [-1e5, 1e5]. */
  baseEbitaRmbBn: D;
}

/** `scenario.tokens`. */
export interface ScenarioTokens<D, I> {
  /** Blended price per million tokens in year 0, (0, 1e4]. */
  priceRmbPerMTok: D;
  /** Year array: price change, [-0.99, 10]. */
  priceChange: D[];
  /** Imported accelerator including its server share, RMB, (0, 1e8]. */
  acceleratorCostRmb: D;
  /** Accelerator depreciation life, integer 1..15. */
  acceleratorLifeYears: I;
  /** kW per accelerator including cooling, [0, 100]. */
  powerKw: D;
  /** [0, 100]. */
  electricityRmbPerKwh: D;
  /** Network, facility and staff per accelerator-hour, [0, 1e4]. */
  otherOpexRmbPerHour: D;
  /** Per imported accelerator in year 0, (0, 1e7]. */
  tokensPerSecond: D;
  /** Year array: serving-efficiency gain, [-0.99, 10]. */
  throughputGain: D[];
  /** Share of hours serving, (0, 1]. */
  utilization: D;
  /** Year array: share of the fleet on in-house chips, [0, 1]. */
  inHouseShare: D[];
  /** In-house unit cost / imported, (0, 10]. */
  inHouseCostRatio: D;
  /** In-house throughput / imported, (0, 10]. */
  inHousePerfRatio: D;
  /** Platform volume in year 0, trillions of tokens a day, [0, 1e6]. */
  tokensPerDayTrillions: D;
  /** Year array: volume growth, [-0.99, 100]. */
  volumeGrowth: D[];
}

/** `scenario.uncertainty`: half-widths of the triangular draws of `simulate`. */
export interface ScenarioUncertainty<D> {
  /** Absolute shift of every year's AI growth, [0, 10]. */
  aiGrowthSpread: D;
  /** Absolute shift of every year's core growth, [0, 10]. */
  coreGrowthSpread: D;
  /** RMB per US$, [0, 100]. */
  fxSpread: D;
  /** Of the incremental cash margin, [0, 1]. */
  cashMarginSpread: D;
}

/** The JSON path of every scenario field, in the contract's order. */
export type FieldPath =
  | "horizonYears" | "baseFiscalYear" | "fxRmbPerUsd" | "targetUsdBn"
  | "revenue.baseRmbBn" | "revenue.aiShareBase" | "revenue.aiGrowth" | "revenue.coreGrowth"
  | "capex.rmbBn" | "capex.incrementalCashMargin" | "capex.assetLifeYears" | "capex.discountRate"
  | "capex.baseEbitaRmbBn"
  | "tokens.priceRmbPerMTok" | "tokens.priceChange" | "tokens.acceleratorCostRmb"
  | "tokens.acceleratorLifeYears" | "tokens.powerKw" | "tokens.electricityRmbPerKwh"
  | "tokens.otherOpexRmbPerHour" | "tokens.tokensPerSecond" | "tokens.throughputGain"
  | "tokens.utilization" | "tokens.inHouseShare" | "tokens.inHouseCostRatio"
  | "tokens.inHousePerfRatio" | "tokens.tokensPerDayTrillions" | "tokens.volumeGrowth"
  | "uncertainty.aiGrowthSpread" | "uncertainty.coreGrowthSpread" | "uncertainty.fxSpread"
  | "uncertainty.cashMarginSpread";

/** The presets' identifiers. */
export type PresetId = "base" | "bull" | "bear";

/** A named scenario with its reasoning and a source note for every field (`presets()`). */
export interface Preset {
  id: PresetId;
  label: string;
  rationale: string;
  scenario: Scenario;
  /** Field path to its source note, or a note that it is an assumption. */
  notes: Record<FieldPath, string>;
  reported: Reported;
}

/** The reported years before the projection (`reportedYears`, `Preset.reported`). Figures in RMB bn. */
export interface Reported {
  baseFiscalYear: number;
  baseRmbBn: DecimalString;
  /** Cloud Intelligence Group revenue, oldest first. */
  revenueRmbBn: ReportedYear[];
  /** Group capital expenditure, oldest first. */
  capexRmbBn: ReportedYear[];
  notes: { revenue: string; capex: string };
}

/** One reported figure. */
export interface ReportedYear {
  fiscalYear: number;
  value: DecimalString;
}

/** A scenario field as a form needs it (`fields()`): bounds as decimal strings. */
export interface Field {
  path: FieldPath;
  /** Its key in shared links (`rev.ai`). */
  key: string;
  /** `years` is a year array of decimals. */
  kind: "integer" | "decimal" | "years";
  min: DecimalString;
  max: DecimalString;
  /** Whether `min` itself is excluded. */
  minOpen: boolean;
  /** Whether `max` itself is excluded. */
  maxOpen: boolean;
  /** The range as messages show it: `[-0.99, 10]`, `integer 1..10`. */
  range: string;
}

/**
 * What went wrong with an input, by the name of the core's error variant:
 * absent, not a number or text, not a decimal of the grammar, outside the
 * field's domain, a year array of 0 or more than 10 entries, nested too
 * deep, a getter or proxy that threw, a link that cannot be read as a whole
 * (`link`, `v`, `p`), an `explain` path that names no output, or an output
 * that does not fit a Decimal.
 */
export type ProblemKind =
  | "missing"
  | "wrongType"
  | "badNumber"
  | "outOfRange"
  | "badLength"
  | "tooDeep"
  | "unreadable"
  | "badLink"
  | "badPath"
  | "overflow";

/**
 * A problem of an input (`validate`, `readScenarioLink`): `field` is its JSON
 * path (`revenue.aiGrowth[2]`), `kind` what went wrong (so that a page can
 * word it in its reader's language from the kind, the path and the field's
 * domain in `fields()`), `message` the path and the problem in English.
 */
export interface Problem {
  field: string;
  kind: ProblemKind;
  message: string;
}

/**
 * Something worth knowing that is no error: `field` is an output path
 * (`compute`); in a link's warnings, the JSON path of a repeated field (or
 * `v`, `p`), and the key as written of an unknown one (`zz`).
 */
export interface Warning {
  field: string;
  message: string;
}

/** What the exports throw: an `Error` whose `field` is the JSON path of the problem (`revenue.aiGrowth[2]`, `options.samples`, `path`, `link`) and `kind` what went wrong. */
export interface ScenarioError extends Error {
  field: string;
  kind: ProblemKind;
}

/** Where a solved rate lies when it is outside its search range: `below` -0.99 (or -2), `above` 10. */
export type Beyond = "below" | "above";

/** Everything `compute` returns. Arrays have `horizonYears` entries, for years 1..H. */
export interface Projection {
  /** Fiscal years, `baseFiscalYear + t`. */
  years: number[];
  revenue: RevenuePath;
  capex: Payback;
  tokens: TokenEconomics;
  /** Each names an output path, e.g. `tokens.maasRevenueRmbBn[2]`. */
  warnings: Warning[];
}

/** `Projection.revenue`: RMB bn unless named otherwise. */
export interface RevenuePath {
  ai: DecimalString[];
  core: DecimalString[];
  total: DecimalString[];
  aiShare: DecimalString[];
  cumulativeRmbBn: DecimalString[];
  cumulativeUsdBn: DecimalString[];
  /** The fiscal year cumulative US$ revenue first reaches the target. */
  targetHitYear: number | null;
  gapUsdBn: DecimalString;
  requiredUniformGrowth: DecimalString | null;
  requiredAiGrowth: DecimalString | null;
  /** Why `requiredUniformGrowth` is null, when the rate is outside [-0.99, 10]. */
  requiredUniformGrowthBeyond: Beyond | null;
  requiredAiGrowthBeyond: Beyond | null;
  /** The annual reading (contract 1.1): revenue in one year, US$ bn. */
  annualUsdBn: DecimalString[];
  annualTargetHitYear: number | null;
  annualGapUsdBn: DecimalString;
  requiredUniformGrowthAnnual: DecimalString | null;
  requiredAiGrowthAnnual: DecimalString | null;
  requiredUniformGrowthAnnualBeyond: Beyond | null;
  requiredAiGrowthAnnualBeyond: Beyond | null;
}

/** `Projection.capex`: the payback of the new capex, RMB bn. */
export interface Payback {
  capexRmbBn: DecimalString[];
  incrementalRevenue: DecimalString[];
  cashInflow: DecimalString[];
  netCashFlow: DecimalString[];
  cumulativeNet: DecimalString[];
  depreciation: DecimalString[];
  ebita: DecimalString[];
  ebitaMargin: DecimalString[];
  /** Years, interpolated; null when cumulative net cash is below zero at H. */
  paybackYears: DecimalString | null;
  discountedPaybackYears: DecimalString | null;
  npvRmbBn: DecimalString;
  /** Null unless the net flows change sign exactly once. */
  irr: DecimalString | null;
  requiredCashMargin: DecimalString | null;
}

/** `Projection.tokens`: token economics, RMB per million tokens unless named otherwise. */
export interface TokenEconomics {
  /** Imported hardware, RMB per accelerator-hour. */
  hwImported: DecimalString;
  hwInHouse: DecimalString;
  price: DecimalString[];
  tps: DecimalString[];
  tpsFleet: DecimalString[];
  costPerHour: DecimalString[];
  tokensPerAccHour: DecimalString[];
  costRmbPerMTok: DecimalString[];
  grossMargin: DecimalString[];
  breakevenUtilization: DecimalString[];
  /** Trillions of tokens a day. */
  tokensPerDay: DecimalString[];
  tokensPerYearTrillions: DecimalString[];
  maasRevenueRmbBn: DecimalString[];
  maasGrossProfitRmbBn: DecimalString[];
  acceleratorsNeededBase: DecimalString;
  acceleratorsNeeded: DecimalString[];
  acceleratorCapexRmbBn: DecimalString[];
}

/** `simulate`'s options: integers as numbers or decimal strings. */
export interface SimulateOptions {
  /** 1..1,000,000; default 10,000. */
  samples?: number | string;
  /** 0..4,294,967,295; default 1. */
  seed?: number | string;
}

/** `solveProbability`'s options. */
export interface SolveProbabilityOptions extends SimulateOptions {
  /** In (0, 1); default 0.8. */
  probability?: DecimalInput;
}

/** `sensitivity`'s options. */
export interface SensitivityOptions {
  /** In (0, 1]; default 0.1. */
  delta?: DecimalInput;
}

/** The mean and nearest-rank percentiles of a simulated figure. */
export interface Spread {
  mean: DecimalString;
  p5: DecimalString;
  p10: DecimalString;
  p50: DecimalString;
  p90: DecimalString;
  p95: DecimalString;
}

/** What `simulate` returns (contract 1.1). Shares are fractions as decimal strings. */
export interface Simulation {
  samples: number;
  seed: number;
  probabilityHitTarget: DecimalString;
  /** `hitByYear[t-1]`: the share that reached the cumulative target by year t. */
  hitByYear: DecimalString[];
  /** Of cumulative US$ revenue at year H. */
  cumulativeUsdBn: Spread;
  npvRmbBn: Spread;
  probabilityNpvPositive: DecimalString;
  /** Of cumulative US$ revenue at year H: 41 edges, 40 counts. */
  histogram: Histogram;
  probabilityHitAnnualTarget: DecimalString;
  /** Of US$ revenue in year H. */
  annualUsdBn: Spread;
}

/** `Simulation.histogram`. */
export interface Histogram {
  edges: DecimalString[];
  counts: number[];
}

/** What `solveProbability` returns: the shift of every year's AI growth that makes the cumulative target that likely. */
export interface Certainty {
  /** Null when even +10 does not reach the probability (`beyond` is then `above`). */
  aiGrowthShift: DecimalString | null;
  probability: DecimalString;
  beyond: Beyond | null;
}

/** The input groups `sensitivity` moves. */
export type SensitivityGroup =
  | "revenue.baseRmbBn" | "revenue.aiShareBase" | "revenue.aiGrowth" | "revenue.coreGrowth"
  | "fxRmbPerUsd" | "capex.rmbBn" | "capex.incrementalCashMargin" | "capex.discountRate"
  | "tokens.priceRmbPerMTok" | "tokens.tokensPerSecond" | "tokens.utilization"
  | "tokens.acceleratorCostRmb" | "tokens.inHouseShare";

/** The figures `sensitivity` compares, at year H. */
export interface SensitivityFigures {
  cumulativeUsdBn: DecimalString;
  npvRmbBn: DecimalString;
  grossMargin: DecimalString;
}

/** One group moved down (`low`) and up (`high`); a side is null when its scenario overflows. */
export interface SensitivityRow {
  group: SensitivityGroup;
  low: SensitivityFigures | null;
  high: SensitivityFigures | null;
  clamped: boolean;
}

/** What `sensitivity` returns: rows sorted by the swing in cumulative US$. */
export interface Sensitivity {
  base: SensitivityFigures;
  rows: SensitivityRow[];
}

/** A series of `Projection`, explained per year. */
export type SeriesPath =
  | "revenue.ai" | "revenue.core" | "revenue.total" | "revenue.aiShare"
  | "revenue.cumulativeRmbBn" | "revenue.cumulativeUsdBn" | "revenue.annualUsdBn"
  | "capex.capexRmbBn" | "capex.incrementalRevenue" | "capex.cashInflow" | "capex.netCashFlow"
  | "capex.cumulativeNet" | "capex.depreciation" | "capex.ebita" | "capex.ebitaMargin"
  | "tokens.price" | "tokens.tps" | "tokens.tpsFleet" | "tokens.costPerHour"
  | "tokens.tokensPerAccHour" | "tokens.costRmbPerMTok" | "tokens.grossMargin"
  | "tokens.breakevenUtilization" | "tokens.tokensPerDay" | "tokens.tokensPerYearTrillions"
  | "tokens.maasRevenueRmbBn" | "tokens.maasGrossProfitRmbBn" | "tokens.acceleratorsNeeded"
  | "tokens.acceleratorCapexRmbBn";

/** A single figure of `Projection`. */
export type FigurePath =
  | "revenue.targetHitYear" | "revenue.gapUsdBn" | "revenue.requiredUniformGrowth"
  | "revenue.requiredAiGrowth" | "revenue.requiredUniformGrowthBeyond"
  | "revenue.requiredAiGrowthBeyond" | "revenue.annualTargetHitYear" | "revenue.annualGapUsdBn"
  | "revenue.requiredUniformGrowthAnnual" | "revenue.requiredAiGrowthAnnual"
  | "revenue.requiredUniformGrowthAnnualBeyond" | "revenue.requiredAiGrowthAnnualBeyond"
  | "capex.paybackYears" | "capex.discountedPaybackYears" | "capex.npvRmbBn" | "capex.irr"
  | "capex.requiredCashMargin" | "tokens.hwImported" | "tokens.hwInHouse"
  | "tokens.acceleratorsNeededBase";

/** What `explain` accepts: a figure, or a series at a 0-based year index (`revenue.cumulativeUsdBn[4]`). */
export type OutputPath = FigurePath | `${SeriesPath}[${number}]`;

/** A quantity on the right-hand side of a formula: an input by its scenario path, an output by its output path. */
export interface Term {
  name: string;
  path: string;
  value: DecimalString;
}

/** The kinds of `Why`, each a fixed wording of its pieces (the crate's `trace::Reason`). */
export type WhyKind =
  | "firstYear" | "everyYear" | "stillNegative" | "stillNegativeDiscounted" | "recoveredFrom"
  | "noAiRevenue" | "beyondBelow" | "beyondAbove" | "solves" | "root" | "marginRoot" | "noMargin"
  | "noRoot" | "signChanges";

/**
 * Why an output has its value where its formula is a condition, a search or
 * a root: the kind, and the pieces its wording names as text, `head` (the
 * formula's symbolic left-hand part) always; `formula` is the English
 * wording (`paybackYears = null: cumulativeNet[5] < 0, cumulative net cash
 * is still below zero at year 5` is `{kind: "stillNegative", head:
 * "paybackYears = null", condition: "cumulativeNet[5] < 0", h: "5"}`).
 */
export interface Why {
  kind: WhyKind;
  head: string;
  [piece: string]: string;
}

/** What `explain` returns. */
export interface Explanation {
  path: OutputPath;
  /** `compute`'s value at `path`, exactly: decimal text, a fiscal year, `below`/`above`, or null. */
  value: DecimalString | number | null;
  formula: string;
  terms: Term[];
  /** For a formula that is a condition, a search or a root, its kind and pieces; else null. */
  why: Why | null;
}

/** What `decodeScenario` returns. */
export interface DecodedLink {
  scenario: Scenario;
  preset: PresetId;
  /** Unknown keys, ignored. */
  warnings: Warning[];
}

/** What `readScenarioLink` returns (it never throws). */
export interface LinkReading {
  preset: PresetId;
  scenario: ScenarioText;
  warnings: Warning[];
  problems: Problem[];
}
