/* tslint:disable */
/* eslint-disable */

export function __wbg_reset_state(): void;

/**
 * `{years, revenue, capex, tokens, warnings}`; throws an `Error` with `field`
 * for the first problem of the scenario or an output that does not fit.
 */
export function compute(scenario: any): any;

/**
 * `{scenario, preset, warnings}` from fragment text; throws an `Error` with
 * `field` (`link`, `v`, `p` or a JSON path) for the first problem.
 */
export function decodeScenario(text: any): any;

/**
 * The base preset, a full `Scenario` with decimal strings.
 */
export function defaultScenario(): any;

/**
 * Fragment text (without `#`) for a scenario, relative to `preset` (`base`
 * when omitted): `v=1&p=base&rev.ai=1,0.8`. Throws an `Error` with `field`
 * for the first problem of the scenario or an unknown preset.
 */
export function encodeScenario(scenario: any, preset: any): string;

/**
 * The audit trail of one output (contract 1.1): `{path, value, formula,
 * terms}` for an output path of `compute` (`revenue.cumulativeUsdBn[4]`,
 * `capex.npvRmbBn`), `terms` as `[{name, path, value}]`. Throws an `Error`
 * with `field` for the first problem of the scenario, then with `field`
 * `path` for a path that is not text or names no output (or an index past
 * the horizon), then as `compute`.
 */
export function explain(scenario: any, path: any): any;

/**
 * `[{path, key, kind, min, max, minOpen, maxOpen, range}]` for every field, in
 * the order of the model contract: what a form needs to build its inputs.
 */
export function fields(): any;

/**
 * The internal rate of return of `flows` (an array of 1 to 1000 finite
 * numbers or decimal strings): the r in (-0.99, 10) with
 * `sum_t flows[t] / (1+r)^t = 0`, t = 0..n-1, where **`flows[0]` is now**
 * (not discounted) and `flows[t]` arrives t periods later; as a decimal
 * string within 1e-13 of the root, not rounded to 9 places as `compute`'s
 * outputs are. Null unless the non-zero flows change sign exactly once
 * and the root lies in (-0.99, 10): the rule of `compute`'s `capex.irr`,
 * which is this on `capex.netCashFlow`. Additive to MODEL.md's API (for the
 * benchmark against spreadsheet functions). Throws an `Error` with `field`
 * `flows` or `flows[i]` naming the allowed form, or `irr` when the search
 * leaves Decimal's range.
 */
export function irr(flows: any): any;

/**
 * The net present value of `flows` (as for [`irr`]) at `rate` (a finite
 * number or decimal string in [-0.99, 10]): `sum_t flows[t] / (1+rate)^t`,
 * t = 0..n-1, **`flows[0]` now**, undiscounted (numpy-financial's `npv`;
 * Excel's `NPV(rate, v1, ...)` equals `npv(rate, [0, v1, ...])`). A decimal
 * string exact to Decimal's 28 significant digits, not rounded to 9
 * places; `compute`'s `capex.npvRmbBn` is this on `[0, ...netCashFlow]`.
 * Additive to MODEL.md's API. Throws an `Error` with `field` `rate`,
 * `flows` or `flows[i]` naming the allowed form or range, or `npv` when
 * the sum does not fit a Decimal.
 */
export function npv(rate: any, flows: any): string;

/**
 * `[{id, label, rationale, scenario, notes, reported}]` for `base`, `bull`, `bear`.
 */
export function presets(): any;

/**
 * `{preset, scenario, warnings, problems}` from fragment text, never
 * throwing: the named preset with every field the link gives applied as
 * its text, bad values included, so that a page can show them with their
 * problems (`[{field, message}]`, as `validate` lists them).
 */
export function readScenarioLink(text: any): any;

/**
 * The reported years that lead into the scenario (`{baseFiscalYear,
 * baseRmbBn, revenueRmbBn, capexRmbBn, notes}`, figures as `[{fiscalYear,
 * value}]` in RMB bn), or null when the scenario has another base fiscal
 * year or base revenue than the presets' reported figures. Throws an
 * `Error` with `field` for the first problem of the scenario.
 */
export function reportedYears(scenario: any): any;

/**
 * Sensitivity (contract 1.1): `{base, rows}`, one row per input group,
 * the widest swing in cumulative US$ first. Options `{delta = 0.1}`.
 * Throws an `Error` with `field` for the first problem of the scenario or
 * the options.
 */
export function sensitivity(scenario: any, options: any): any;

/**
 * Monte Carlo over the scenario's uncertainty (contract 1.1):
 * `{samples, seed, probabilityHitTarget, hitByYear, cumulativeUsdBn,
 * npvRmbBn, probabilityNpvPositive, histogram, probabilityHitAnnualTarget,
 * annualUsdBn}`. Options `{samples = 10000, seed = 1}`. Throws an `Error`
 * with `field` for the first problem of the scenario or the options.
 */
export function simulate(scenario: any, options: any): any;

/**
 * The certainty goal seek (contract 1.1): `{aiGrowthShift, probability,
 * beyond}` for options `{probability = 0.8, samples = 10000, seed = 1}`.
 * Throws an `Error` with `field` for the first problem of the scenario or
 * the options.
 */
export function solveProbability(scenario: any, options: any): any;

/**
 * Installs the panic hook (feature `console_error_panic_hook`, on by
 * default) so that a bug would print a Rust message to the console.
 */
export function start(): void;

/**
 * `[{field, message}]`: every problem of the scenario, empty when valid.
 */
export function validate(scenario: any): any;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly compute: (a: any) => [number, number, number];
    readonly decodeScenario: (a: any) => [number, number, number];
    readonly defaultScenario: () => [number, number, number];
    readonly encodeScenario: (a: any, b: any) => [number, number, number, number];
    readonly explain: (a: any, b: any) => [number, number, number];
    readonly fields: () => [number, number, number];
    readonly irr: (a: any) => [number, number, number];
    readonly npv: (a: any, b: any) => [number, number, number, number];
    readonly presets: () => [number, number, number];
    readonly readScenarioLink: (a: any) => [number, number, number];
    readonly reportedYears: (a: any) => [number, number, number];
    readonly sensitivity: (a: any, b: any) => [number, number, number];
    readonly simulate: (a: any, b: any) => [number, number, number];
    readonly solveProbability: (a: any, b: any) => [number, number, number];
    readonly start: () => void;
    readonly validate: (a: any) => [number, number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
