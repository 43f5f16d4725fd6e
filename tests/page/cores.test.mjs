// The page's core (pkg-page/) and the widget's two (pkg-embed/core.js and
// core-analysis.js) are other builds of the crate than pkg/, the npm
// package: without some exports (cargo features), with the lean standard
// library and immediate abort (scripts/build.sh, `lean`), the widget's
// optimised for size (`opt-level = "z"`, the cargo profile `widget`). Run in
// Node, each must answer every call it has exactly as pkg/ does: the same
// JSON, or the same error (message, field and kind), over the presets and
// seeded random scenarios with values in, on and past each field's domain,
// typed as a hurried reader types them, with their links and a few outputs
// explained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { generator } from '../../fuzz/generator.mjs';
import * as pkg from '../../pkg/aicloud_scenario.js';
import * as page from '../../pkg-page/aicloud_scenario.js';

pkg.initSync({ module: readFileSync(new URL('../../pkg/aicloud_scenario_bg.wasm', import.meta.url)) });
page.initSync({ module: readFileSync(new URL('../../pkg-page/aicloud_scenario_bg.wasm', import.meta.url)) });

/** A widget core's exports: its script run in a function scope, so that its top-level `let` stays its own. */
async function widgetCore(script) {
  const code = readFileSync(new URL(`../../pkg-embed/${script}`, import.meta.url), 'utf8');
  const core = runInThisContext(`(() => {\n${code}\nreturn wasm_bindgen;\n})()`, { filename: script });
  await core.ready;
  return core;
}

/** What a call gives: its result as JSON, or its error's message, field and kind. */
function answer(call) {
  try {
    return JSON.stringify(call());
  } catch (error) {
    return `throws ${JSON.stringify({ message: error.message, field: error.field, kind: error.kind })}`;
  }
}

const FIELDS = pkg.fields();
const PRESETS = pkg.presets();

/**
 * A value for a field: most often one inside its domain (as text or a
 * number, in the range a scenario uses or anywhere up to the bounds), else
 * on or past a bound, or what a hurried reader types.
 */
function value(info, random) {
  const [min, max] = [Number(info.min), Number(info.max)];
  const inside = min + (Math.min(max, min + 50) - min) * random.next();
  const whole = (x) => (info.kind === 'integer' ? Math.round(x) : x);
  if (random.next() < 0.7) {
    return random.pick([String(whole(inside)), whole(inside), String(whole(inside)).slice(0, 6), info.minOpen ? info.max : info.min]);
  }
  return random.pick([
    info.min, info.max, String(min - 1), String(max + 1), String(min + 1e-9), '7,17', '55%', '', ' 12 ', '1e3', null, -0,
    0.1 + 0.2, '12345678901234567890.123', String(min + (max - min) * random.next()),
  ]);
}

/** A scenario: a preset with one to three fields changed. */
function scenario(random) {
  const result = structuredClone(random.pick(PRESETS).scenario);
  const changes = 1 + Math.floor(random.next() * 3);
  for (let i = 0; i < changes; i += 1) {
    const info = random.pick(FIELDS);
    const typed = value(info, random);
    const path = info.path.split('.');
    const parent = path.slice(0, -1).reduce((object, key) => object[key], result);
    const key = path.at(-1);
    if (info.kind === 'years' && random.next() < 0.7) {
      parent[key] = [...parent[key]];
      parent[key][Math.floor(random.next() * parent[key].length)] = typed;
    } else {
      parent[key] = typed;
    }
  }
  return result;
}

/** Output paths to explain, from a projection. */
const PATHS = ['revenue.cumulativeUsdBn[4]', 'capex.npvRmbBn', 'capex.irr', 'capex.paybackYear', 'tokens.grossMargin[0]',
  'revenue.requiredUniformGrowth', 'revenue.annualUsdBn[2]', 'nothing.here', 'revenue.cumulativeUsdBn[99]'];

/** The calls both cores have, for one scenario. */
function calls(core, input, random) {
  const link = answer(() => core.encodeScenario(input, random.pick(['base', 'bull', 'bear', undefined, 'nope'])));
  const text = link.startsWith('throws') ? 'v=1&p=base&rev.ai=1,x' : JSON.parse(link);
  return [
    answer(() => core.validate(input)), answer(() => core.compute(input)), link,
    answer(() => core.readScenarioLink(text)), answer(() => core.readScenarioLink(text.slice(0, text.length >> 1))),
    answer(() => core.explain(input, random.pick(PATHS))), answer(() => core.explain(input, random.pick(PATHS))),
  ];
}

test('the page\'s and the widget\'s cores answer every call they have as pkg/ does', async () => {
  const cores = { 'pkg-page/': page, 'core.js': await widgetCore('core.js'), 'core-analysis.js': await widgetCore('core-analysis.js') };
  for (const [script, core] of Object.entries(cores)) {
    for (const name of ['fields', 'presets']) assert.equal(answer(core[name]), answer(pkg[name]), `${script} ${name}`);
    assert.equal(answer(() => core.reportedYears('base')), answer(() => pkg.reportedYears('base')), script);
    // What neither calls is left out (feature `library`), and what the widget's charts never call (`analysis`, in core.js).
    for (const name of ['defaultScenario', 'decodeScenario', 'irr', 'npv']) assert.equal(core[name], undefined, `${script} ${name}`);
  }
  assert.equal(cores['core.js'].simulate, undefined);
  for (let seed = 1; seed <= 1500; seed += 1) {
    const input = scenario(generator(seed));
    const expected = calls(pkg, input, generator(seed));
    for (const [script, core] of Object.entries(cores)) {
      assert.deepEqual(calls(core, input, generator(seed)), expected, `${script}, seed ${seed}`);
    }
  }
});

test('the page\'s core and the widget\'s analysis core simulate, seek and move inputs as pkg/ does', async () => {
  const cores = { 'pkg-page/': page, 'core-analysis.js': await widgetCore('core-analysis.js') };
  for (let seed = 1; seed <= 150; seed += 1) {
    const random = generator(seed);
    const input = scenario(random);
    const options = { samples: random.pick([1, 500, 2000, '3000', 0, 2.5]), seed: random.pick([undefined, 0, 7, 2 ** 32 - 1, -1]) };
    const probability = random.pick([0.5, 0.8, '0.95', 1, 0]);
    const delta = random.pick([undefined, 0.1, '0.25', 1, 2]);
    for (const call of [
      (c) => c.simulate(input, options), (c) => c.solveProbability(input, { ...options, probability }),
      (c) => c.sensitivity(input, { delta }),
    ]) {
      for (const [name, core] of Object.entries(cores)) {
        assert.equal(answer(() => call(core)), answer(() => call(pkg)), `${name}, seed ${seed}`);
      }
    }
  }
});
