/* tslint:disable */
/* eslint-disable */

/**
 * `{years, revenue, capex, tokens, warnings}`; throws an `Error` with `field`
 * for the first problem of the scenario or an output that does not fit.
 */
export function compute(scenario: any): any;

/**
 * The base preset, a full `Scenario` with decimal strings.
 */
export function defaultScenario(): any;

/**
 * `[{path, kind, min, max, minOpen, maxOpen, range}]` for every field, in
 * the order of the model contract: what a form needs to build its inputs.
 */
export function fields(): any;

/**
 * `[{id, label, rationale, scenario, notes}]` for `base`, `bull`, `bear`.
 */
export function presets(): any;

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
    readonly defaultScenario: () => [number, number, number];
    readonly fields: () => [number, number, number];
    readonly presets: () => [number, number, number];
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
