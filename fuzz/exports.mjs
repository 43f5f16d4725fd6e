// A seeded fuzzer for the package's exports, as a developer embedding it
// might call them: hostile objects (throwing getters, proxies, revoked
// proxies, toJSON, cycles), exotic values (BigInt, Symbol, functions, boxed
// numbers, typed arrays, dates), float edges (each domain bound and one float
// step either side, 17-digit numbers, NaN, infinities, -0, subnormals) and
// link strings (mutated links, junk, escapes, huge texts, non-strings), and
// cash flows and rates for `irr` and `npv`.
//
//   node fuzz/exports.mjs [--cases 20000] [--seed 1]
//
// A case fails on a trap (anything thrown that is not an Error with a
// string `field`), on a module that is unhealthy afterwards (the base
// projection changes or a call traps), on `validate` and `compute`
// disagreeing (valid input that `compute` refuses with an input's path, or
// invalid input whose first problem `compute` does not name), on a
// `readScenarioLink` that throws, on an output number that is not
// normalised decimal text, or on `irr` and `npv` naming different problems
// of the same flows. Exits 1 with the first failures and their seeds.
import { readFileSync } from 'node:fs';
import { generator } from './generator.mjs';
import {
  compute, decodeScenario, defaultScenario, encodeScenario, fields, initSync, irr, npv, presets, readScenarioLink, sensitivity, simulate, solveProbability, validate,
} from '../pkg/aicloud_scenario.js';

initSync({ module: readFileSync(new URL('../pkg/aicloud_scenario_bg.wasm', import.meta.url)) });

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean)
  .map((pair) => pair.trim().split(/\s+/)));
const CASES = Number(args.cases ?? 20_000);
const SEED = Number(args.seed ?? 1);

/** The float next to `x` towards +Infinity (`up`) or -Infinity. */
function step(x, up) {
  const buffer = new DataView(new ArrayBuffer(8));
  if (x === 0) return up ? 5e-324 : -5e-324;
  buffer.setFloat64(0, x);
  const bits = buffer.getBigInt64(0);
  buffer.setBigInt64(0, (x > 0) === up ? bits + 1n : bits - 1n);
  return buffer.getFloat64(0);
}

const INFOS = fields();
const PRESETS = presets();
const BASE_CUMULATIVE = compute(defaultScenario()).revenue.cumulativeUsdBn.at(-1);
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;
/** Output paths are under these sections; input paths are `fields()` paths. */
const INPUT_PATHS = new Set(INFOS.map((info) => info.path));
const isInputPath = (field) => INPUT_PATHS.has(field.replace(/\[\d+\]$/, '')) || ['scenario', 'revenue', 'capex', 'tokens', 'uncertainty'].includes(field);

/** Huge values, made once: the boundary must refuse or ignore them without copying them. */
const HUGE_TEXT = 'x'.repeat(1_000_000);
const HUGE_ARRAY = new Array(1_000_000).fill(1);

/** `huge` in one case of a hundred, else `usual`. */
const rare = (random, huge, usual) => (random.next() < 0.01 ? huge : usual);

/** Values a field might hold: float edges of its domain, text, exotic and hostile values. */
function value(random, info) {
  const bound = info ? Number(random.pick([info.min, info.max])) : random.next() * 100;
  const numbers = [
    bound, step(bound, true), step(bound, false), 0, -0, NaN, Infinity, -Infinity, 5e-324, 1e308,
    Number((random.next() * 10 ** random.int(8)).toPrecision(17)), 3.7248046137392517e-13, random.int(20) - 5,
    Number.MAX_SAFE_INTEGER, 0.1 + 0.2,
  ];
  const texts = [
    String(bound), `${bound}0`, ' 7', '7,17', '1e3', '', '-0', '0.', '.5', '+5', '٣', '7\u200b', '9'.repeat(random.int(40)),
    `0.${'0'.repeat(random.int(40))}1`, 'x'.repeat(random.pick([1, 1000, 1001])), rare(random, HUGE_TEXT, 'x'),
  ];
  const kind = random.int(10);
  if (kind < 4) return random.pick(numbers);
  if (kind < 6) return random.pick(texts);
  return exotic(random, random.pick(numbers));
}

/**
 * Something a JSON value is not, or an object that fights being read, around
 * `inner` where it holds a value. Every getter and trap gives the same answer
 * each time, so that `validate` and `compute` must agree.
 */
function exotic(random, inner) {
  switch (random.int(17)) {
    case 0: return 10n ** BigInt(random.int(30));
    case 1: return Symbol('x');
    case 2: return () => 1;
    case 3: return new Number(typeof inner === 'number' ? inner : 7);
    case 4: return new String(text(inner));
    case 5: return new Uint8Array(3);
    case 6: return new Date(0);
    case 7: return { toJSON: () => inner };
    case 8: return { toJSON() { throw new Error('toJSON'); } };
    case 9: return new Proxy({}, { get() { throw new Error('trap'); } });
    case 10: return new Proxy([1, 2], { get(target, key) { if (key === 'length') throw new Error('length'); return Reflect.get(target, key); } });
    case 11: { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; }
    case 12: return rare(random, HUGE_ARRAY, Array.from({ length: random.pick([0, 1, 11]) }, () => inner));
    case 13: return Object.defineProperty({}, 'x', { enumerable: true, get() { throw new Error('getter'); } });
    case 14: return null;
    case 15: return undefined;
    default: return [inner];
  }
}

/** A scenario from a preset with a few of its values replaced, or with hostile structure. */
function scenario(random) {
  const s = structuredClone(random.pick(PRESETS).scenario);
  for (let edits = 1 + random.int(4); edits > 0; edits -= 1) {
    const info = random.pick(INFOS);
    const keys = info.path.split('.');
    const holder = keys.length === 2 ? s[keys[0]] : s;
    const key = keys.at(-1);
    try {
      mutate(random, s, info, holder, keys, key);
    } catch {
      // An edit a hostile value refuses (a getter without a setter, a primitive section): skipped.
    }
  }
  switch (random.int(12)) {
    case 0: {
      const trapped = random.pick(['revenue', 'fxRmbPerUsd', 'toJSON']);
      return new Proxy(s, { get(target, key) { if (key === trapped) throw new Error('trap'); return Reflect.get(target, key); } });
    }
    case 1: return { toJSON: () => s };
    case 2: return exotic(random, s);
    default: return s;
  }
}

/** One edit of `s` at the field `info` (`holder[key]`). */
function mutate(random, s, info, holder, keys, key) {
  switch (random.int(8)) {
    case 0: // a year's entry, or the whole array
      if (Array.isArray(holder[key])) holder[key][random.int(holder[key].length + 1)] = value(random, info);
      else holder[key] = value(random, info);
      break;
    case 1: // a throwing getter on the field
      Object.defineProperty(holder, key, { enumerable: true, configurable: true, get() { throw new Error('getter'); } });
      break;
    case 2: // an unknown key, anywhere, with anything in it
      holder[random.pick(['x', '__proto__x', 'toString', 'huge'])] = rare(random, HUGE_TEXT, exotic(random, 1));
      break;
    case 3: // a section replaced
      if (keys.length === 2) s[keys[0]] = exotic(random, s[keys[0]]);
      break;
    case 4: // a cycle
      if (keys.length === 2) s[keys[0]].self = s;
      break;
    default:
      holder[key] = value(random, info);
  }
}

/** A value as text, or "x" when it refuses to be one (a hostile object). */
function text(value) {
  try {
    return String(value);
  } catch {
    return 'x';
  }
}

/** Link text: a real link mutated, junk, escapes, huge, or not text at all. */
function linkText(random) {
  const base = encodeScenario(random.pick(PRESETS).scenario, random.pick(['base', 'bull', 'bear']));
  const info = random.pick(INFOS);
  switch (random.int(8)) {
    case 0: return `${base}&${info.key}=${text(value(random, info))}`;
    case 1: return `${base}&${info.key}=${random.pick(['1,2,3,4,5,6,7,8,9,10,11', '%2C', '%', '%E0%A4%A', ''])}`;
    case 2: return base.slice(0, random.int(base.length));
    case 3: return Array.from({ length: random.int(60) }, () => String.fromCharCode(random.int(0x3000))).join('');
    case 4: return `v=1&${'a=1&'.repeat(random.pick([10, 2000, 3000]))}`;
    case 5: return random.pick([5, {}, null, undefined, true, 1n, Symbol('l'), ['v=1']]);
    case 6: return `#${base}&p=${random.pick(['base', 'BULL', 'x', ''])}&v=${random.pick(['1', '2', ''])}`;
    default: return base;
  }
}

/** The domain of `npv`'s rate, as `value` reads a field's bounds. */
const RATE = { min: '-0.99', max: '10' };

/** Cash flows: plausible numbers and text with hostile entries, or no array at all. */
function flows(random) {
  const entry = () => (random.next() < 0.8
    ? random.pick([-1, 1]) * Number((random.next() * 10 ** random.int(12)).toPrecision(1 + random.int(17)))
    : value(random));
  switch (random.int(6)) {
    case 0: return exotic(random, entry());
    case 1: return rare(random, HUGE_ARRAY, Array.from({ length: random.pick([0, 1000, 1001]) }, entry));
    case 2: {
      const trapped = random.pick(['0', '3', 'length']);
      return new Proxy(Array.from({ length: 1 + random.int(5) }, entry), {
        get(target, key) { if (key === trapped) throw new Error('trap'); return Reflect.get(target, key); },
      });
    }
    default: return Array.from({ length: 1 + random.int(random.pick([3, 12, 60])) }, entry);
  }
}

/** `irr` and `npv` on the same flows: normalised text or null, and the same problem named. */
function cashFlowCase(seed, random) {
  const cashFlows = flows(random);
  const rate = random.next() < 0.5 ? random.pick([0, 0.1, '0.09', -0.5]) : value(random, RATE);
  const rateOk = attempt(seed, 'npv(rate, [1])', () => npv(rate, [1])).value !== undefined;
  const rootOf = attempt(seed, 'irr', () => irr(cashFlows));
  const present = attempt(seed, 'npv', () => npv(rate, cashFlows));
  if (rootOf.value !== undefined && rootOf.value !== null) checkNumbers(seed, rootOf.value, 'irr');
  if (present.value !== undefined) checkNumbers(seed, present.value, 'npv');
  const flowsField = (error) => (error && error.field.startsWith('flows') ? error.field : null);
  if (rateOk && flowsField(rootOf.error) !== flowsField(present.error)) {
    fail(seed, 'irr and npv name different problems of the same flows', `${rootOf.error?.field} vs ${present.error?.field}`);
  }
}

const failures = [];
function fail(seed, what, detail) {
  failures.push(`case ${seed}: ${what}${detail ? `: ${detail}` : ''}`);
}

/** Runs `call`; returns `{value}` or `{error}`; a trap or a non-Error throw is a failure. */
function attempt(seed, name, call) {
  try {
    return { value: call() };
  } catch (error) {
    if (!(error instanceof Error) || error instanceof WebAssembly.RuntimeError || typeof error.field !== 'string') {
      fail(seed, `${name} threw something other than an Error with a field`, String(error?.stack ?? error).slice(0, 200));
    }
    return { error };
  }
}

/** Every number in an output is normalised decimal text (years and counts are integers). */
function checkNumbers(seed, value, path = '') {
  if (typeof value === 'string') {
    if (!DECIMAL.test(value) && !/(Beyond|beyond|message|field|kind|group)$/.test(path) && !['below', 'above'].includes(value)) {
      fail(seed, 'output not normalised decimal text', `${path} = ${value}`);
    }
  } else if (Array.isArray(value)) value.forEach((entry, i) => checkNumbers(seed, entry, `${path}[${i}]`));
  else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) checkNumbers(seed, entry, path ? `${path}.${key}` : key);
  }
}

function healthy(seed) {
  const { value, error } = attempt(seed, 'compute(defaultScenario())', () => compute(defaultScenario()));
  if (error || value.revenue.cumulativeUsdBn.at(-1) !== BASE_CUMULATIVE) fail(seed, 'module unhealthy afterwards');
}

const started = performance.now();
let calls = 0;
for (let index = 0; index < CASES && failures.length < 10; index += 1) {
  const seed = SEED * 1_000_003 + index;
  const random = generator(seed);
  const kind = random.next();
  if (kind >= 0.9) {
    cashFlowCase(seed, random);
    calls += 3;
  } else if (kind < 0.7) {
    const s = scenario(random);
    const problems = attempt(seed, 'validate', () => validate(s));
    const result = attempt(seed, 'compute', () => compute(s));
    attempt(seed, 'encodeScenario', () => encodeScenario(s, random.pick(['base', 'bear', undefined, 5, null])));
    calls += 3;
    if (random.next() < 0.05) {
      const options = random.pick([undefined, { samples: random.int(300), seed: random.int(10) }, { samples: 'x' }, 5,
        { seed: 2 ** 32 }, exotic(random, 7)]);
      const simulation = attempt(seed, 'simulate', () => simulate(s, options));
      if (simulation.value) checkNumbers(seed, simulation.value);
      const certainty = attempt(seed, 'solveProbability', () => solveProbability(s, random.pick([options,
        { probability: random.pick([0, 0.5, 0.99, '0.8', 1, NaN, 'x']), samples: random.int(200) }])));
      if (certainty.value) checkNumbers(seed, certainty.value);
      const tornado = attempt(seed, 'sensitivity', () => sensitivity(s, random.pick([undefined, { delta: random.pick([0, 0.5, 1, 2, 'x']) }])));
      if (tornado.value) checkNumbers(seed, tornado.value);
      calls += 3;
    }
    if (problems.error) fail(seed, 'validate threw', problems.error.message);
    else if (problems.value.length === 0) {
      if (result.error && isInputPath(result.error.field)) fail(seed, 'valid for validate, refused by compute', result.error.message);
      if (result.value) checkNumbers(seed, result.value);
    } else if (!result.error || result.error.field !== problems.value[0].field) {
      fail(seed, 'validate and compute disagree', `${problems.value[0].field} vs ${result.error?.field ?? 'no error'}`);
    }
  } else {
    const text = linkText(random);
    attempt(seed, 'decodeScenario', () => decodeScenario(text));
    try {
      readScenarioLink(text);
    } catch (error) {
      fail(seed, 'readScenarioLink threw', String(error));
    }
    calls += 2;
  }
  if (index % 1000 === 999) healthy(seed);
}
healthy('end');

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(failures.join('\n'));
  console.error(`exports fuzzer: ${failures.length} failure(s) in ${CASES} cases (seed ${SEED})`);
  process.exit(1);
}
console.log(`exports fuzzer: ${CASES} cases, ${calls} calls, seed ${SEED}: clean, module healthy (${seconds} s)`);
