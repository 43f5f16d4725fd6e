// Our irr, npv, compute and simulate beside what people would use instead:
// formula.js (@formulajs/formulajs: Excel's IRR and NPV), financial (a port
// of numpy-financial's irr and npv) and Squiggle (bench/squiggle.mjs).
//
//   node bench/peers.mjs
//
// Runs Node, then headless Chromium (playwright-core, /usr/bin/chromium, the
// repository served as by the page tests: bench/peers.html loads formula.js's
// and financial's browser builds from node_modules). In each: the flow sets
// of bench/peers.js, every implementation's answer and its microseconds per
// call (median of 11 batches of about 20 ms), then `compute(defaultScenario())` per call and
// `simulate` per sample. Squiggle runs in Node only (bench/squiggle.mjs's
// program and runner, imported). Each answer is compared with a reference
// computed exactly here (bench/reference.js: BigInt, exact NPV, IRR roots to
// 1e-60), and the Chromium answers with the Node ones.
import { readFileSync } from 'node:fs';
import * as formulajs from '@formulajs/formulajs';
import * as financial from 'financial';
import { launch, serve } from '../tests/page/browser.mjs';
import * as core from '../pkg/aicloud_scenario.js';
import { flowSets, runCore, runPeers } from './peers.js';
import { distance, referenceNpv, referenceRoots, toNumber, toText } from './reference.js';
import { runSquiggle, squiggleProgram, timeAsync } from './squiggle.mjs';

core.initSync({ module: readFileSync(new URL('../pkg/aicloud_scenario_bg.wasm', import.meta.url)) });
const version = (name) => JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url))).version;

const scenario = core.defaultScenario();
const capex = core.compute(scenario).capex;
const sets = flowSets(capex.netCashFlow.map(Number), Number(scenario.capex.discountRate));

// Node.
const node = {
  runtime: `Node ${process.version}`,
  peers: runPeers({ core, formulajs, financial }, sets),
  core: runCore(core),
};
const program = squiggleProgram(scenario);
const squiggle = {
  tenSamplesMs: await timeAsync(() => runSquiggle(program, 10), 15),
  perSampleUs: (await timeAsync(() => runSquiggle(program, 100_000), 7)) * 1000 / 100_000,
};

// Chromium.
const server = await serve();
const browser = await launch();
let chromium;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL('/bench/peers.html', server.origin).href);
  await page.waitForSelector('body[data-done]', { timeout: 300_000 }).catch((error) => {
    throw new Error(`${error.message}\n${errors.join('\n')}`);
  });
  chromium = JSON.parse(await page.textContent('#result'));
  chromium.runtime = `Chromium ${browser.version()}`;
} finally {
  await browser.close();
  server.stop();
}

// Accuracy, from Node's answers.
const IMPLS = Object.keys(node.peers[0].results);
const short = (x) => (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e15 ? String(Number(x.toPrecision(12))) : x.toExponential(3));
const shown = (value) => (typeof value === 'string' ? (value.length > 22 ? `${value.slice(0, 22)}…` : value) : String(value));
const error = (e) => (e === 0 ? '0' : e.toExponential(1));
/** What a call returned, and how far from the reference. */
function cell(result, measure) {
  if (result.none) return result.none;
  if (result.error) return result.error;
  return `${shown(result.value)} (${error(measure(result.value))})`;
}

console.log(`# Beside formula.js ${version('@formulajs/formulajs')} and financial ${version('financial')}\n`);
console.log('Flow sets (index 0 now; npv at the rate given):\n');
for (const set of sets) console.log(`- ${set.name}: ${set.note}; rate ${set.rate}; ${set.flows.length} flows`);

const references = sets.map((set) => ({
  npv: referenceNpv(set.rate, set.flows),
  roots: referenceRoots(set.flows),
}));
console.log('\nReferences (exact BigInt arithmetic, 50 decimals shown):\n');
sets.forEach((set, i) => {
  const { npv, roots } = references[i];
  console.log(`- ${set.name}: IRR ${roots.length ? roots.map((r) => toText(r)).join(' and ') : 'none'}; NPV ${toText(npv)}`);
});

console.log('\nWhat each returns in Node (in parentheses: IRR, absolute error against the nearest reference root; NPV, relative error):\n');
console.log(`| flows | ${IMPLS.map((impl) => `${impl} IRR`).join(' | ')} | ${IMPLS.map((impl) => `${impl} NPV`).join(' | ')} |`);
console.log(`|---|${IMPLS.map(() => '---|').join('')}${IMPLS.map(() => '---|').join('')}`);
node.peers.forEach((set, i) => {
  const { npv, roots } = references[i];
  const rootError = (value) => (roots.length ? Math.min(...roots.map((root) => distance(value, root))) : NaN);
  const irrCells = IMPLS.map((impl) => cell(set.results[impl].irr, rootError));
  const npvCells = IMPLS.map((impl) => cell(set.results[impl].npv, (value) => distance(value, npv, true)));
  console.log(`| ${set.name} | ${irrCells.join(' | ')} | ${npvCells.join(' | ')} |`);
});

// Chromium gives the same answers?
const differences = [];
node.peers.forEach((set, i) => {
  for (const impl of IMPLS) {
    for (const key of ['irr', 'npv']) {
      const [here, there] = [set.results[impl][key], chromium.peers[i].results[impl][key]];
      if (JSON.stringify(here) !== JSON.stringify(there)) {
        differences.push(`${set.name}, ${impl} ${key}: Node ${JSON.stringify(here)}, Chromium ${JSON.stringify(there)}`);
      }
    }
  }
});
console.log(differences.length === 0
  ? '\nChromium returned the same answers as Node for every call.'
  : `\nChromium's answers that differ from Node's:\n${differences.map((d) => `- ${d}`).join('\n')}`);

// Timings.
for (const run of [node, chromium]) {
  console.log(`\nMicroseconds per call, ${run.runtime} (ratio: the peer's time over ours):\n`);
  const peers = IMPLS.filter((impl) => impl !== 'ours');
  console.log(`| flows | ours irr | ${peers.map((p) => `${p} IRR`).join(' | ')} | ours npv | ${peers.map((p) => `${p} NPV`).join(' | ')} |`);
  console.log(`|---|---:|${peers.map(() => '---:|').join('')}---:|${peers.map(() => '---:|').join('')}`);
  for (const set of run.peers) {
    const ours = set.results.ours;
    const against = (key) => peers.map((p) => `${set.results[p][key].toFixed(2)} (${(set.results[p][key] / ours[key]).toFixed(2)}x)`);
    console.log(`| ${set.name} | ${ours.irrUs.toFixed(2)} | ${against('irrUs').join(' | ')} | ${ours.npvUs.toFixed(2)} | ${against('npvUs').join(' | ')} |`);
  }
}

console.log(`\nThe model, ours against Squiggle ${version('@quri/squiggle-lang')} (Squiggle in Node only):\n`);
console.log(`| | ${node.runtime} | ${chromium.runtime} | Squiggle, Node |`);
console.log('|---|---:|---:|---:|');
console.log(`| one evaluation: compute(defaultScenario()); Squiggle: one run at 10 samples, its fewest | ${node.core.computeUs.toFixed(1)} µs | ${chromium.core.computeUs.toFixed(1)} µs | ${(squiggle.tenSamplesMs * 1000).toFixed(0)} µs |`);
console.log(`| Monte Carlo per sample at 100,000 samples | ${(node.core.simulatePerSampleUs * 1000).toFixed(0)} ns | ${(chromium.core.simulatePerSampleUs * 1000).toFixed(0)} ns | ${(squiggle.perSampleUs * 1000).toFixed(0)} ns |`);

if (process.argv.includes('--json')) console.log(JSON.stringify({ node, chromium, squiggle, references: references.map(({ npv, roots }) => ({ npv: toNumber(npv), roots: roots.map(toNumber) })) }, null, 1));
// Exit code: our NPV of the capex flows after a 0 now is compute's, to its 9 places.
const oursNpv = node.peers[1].results.ours.npv.value;
if (Number(oursNpv).toFixed(6) !== Number(capex.npvRmbBn).toFixed(6)) {
  console.error(`npv of the capex flows ${oursNpv} is not compute's ${capex.npvRmbBn}`);
  process.exit(1);
}
