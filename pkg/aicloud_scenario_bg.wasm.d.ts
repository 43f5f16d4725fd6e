/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const compute: (a: any) => [number, number, number];
export const decodeScenario: (a: any) => [number, number, number];
export const defaultScenario: () => [number, number, number];
export const encodeScenario: (a: any, b: any) => [number, number, number, number];
export const explain: (a: any, b: any) => [number, number, number];
export const fields: () => [number, number, number];
export const irr: (a: any) => [number, number, number];
export const npv: (a: any, b: any) => [number, number, number, number];
export const presets: () => [number, number, number];
export const readScenarioLink: (a: any) => [number, number, number];
export const reportedYears: (a: any) => [number, number, number];
export const sensitivity: (a: any, b: any) => [number, number, number];
export const simulate: (a: any, b: any) => [number, number, number];
export const solveProbability: (a: any, b: any) => [number, number, number];
export const start: () => void;
export const validate: (a: any) => [number, number, number];
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
