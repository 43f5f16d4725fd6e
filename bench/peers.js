// Our irr and npv beside formula.js's IRR and NPV (Excel's functions) and
// financial's irr and npv (a port of numpy-financial), on the same flows in
// the same run: shared by Node (bench/peers.mjs) and Chromium
// (bench/peers.html).
//
// Every implementation gets the same JavaScript numbers. What each computes
// is aligned to one quantity: `sum flows[t] / (1+rate)^t` with t from 0,
// flows[0] now. Ours (`npv(rate, flows)`) and financial's `npv(rate, flows)`
// take that convention; Excel's NPV discounts its first value by a period,
// so formula.js is called as `flows[0] + NPV(rate, flows[1..])`, the usual
// spreadsheet idiom. IRR needs no alignment (the root does not depend on
// when the first flow is): `irr(flows)`, `IRR(flows)` (guess 0.1, Excel's
// default), `irr(flows)` (guess 0.1, financial's default).
import { timePerCall } from './measure.js';

/** The flow sets: `{name, flows, rate, note}`; `capexFlows` from compute(defaultScenario()). */
export function flowSets(capexFlows, discountRate) {
  return [
    {
      name: 'default scenario capex',
      flows: capexFlows,
      rate: discountRate,
      note: 'compute(defaultScenario()).capex.netCashFlow, year 1 at index 0 (IRR: capex.irr; NPV: capex.npvRmbBn x (1 + rate))',
    },
    {
      name: 'the same, 0 now',
      flows: [0, ...capexFlows],
      rate: discountRate,
      note: 'the same flows after a 0 at index 0, as compute discounts them (NPV: capex.npvRmbBn; the same IRR)',
    },
    {
      name: 'typical project',
      flows: [-70000, 12000, 15000, 18000, 21000, 26000],
      rate: 0.1,
      note: "Excel's IRR example (8.66 %)",
    },
    {
      name: 'long, 61 flows',
      flows: [-10000, ...Array.from({ length: 60 }, (_, i) => 800 + 10 * i)],
      rate: 0.05,
      note: '-10,000 then 800, 810, ... 1,390',
    },
    {
      name: 'two sign changes',
      flows: [-100, 230, -132],
      rate: 0.1,
      note: 'roots 10 % and 20 %; ours is null by the rule (one sign change only)',
    },
    {
      name: 'root near -0.99',
      flows: [-100, 1.5],
      rate: 0.1,
      note: 'IRR -98.5 %: a Newton step from 0.1 lands at r = -79.5, below -1',
    },
    {
      name: 'very large IRR',
      flows: [-10, 100, 100],
      rate: 0.1,
      note: 'IRR 991.6 %, inside (-0.99, 10)',
    },
    {
      name: 'IRR beyond 10',
      flows: [-1, 12],
      rate: 0.1,
      note: 'IRR 1,100 %: outside the interval ours searches, so null',
    },
  ];
}

/** `{name: {irr(flows), npv(rate, flows)}}`, each a function of the set that returns the call to time. */
export function implementations({ core, formulajs, financial }) {
  return {
    ours: {
      irr: (flows) => () => core.irr(flows),
      npv: (rate, flows) => () => core.npv(rate, flows),
    },
    'formula.js': {
      irr: (flows) => () => formulajs.IRR(flows),
      npv: (rate, flows) => {
        const [now, ...later] = flows;
        return () => now + formulajs.NPV(rate, later);
      },
    },
    financial: {
      irr: (flows) => () => financial.irr(flows),
      npv: (rate, flows) => () => financial.npv(rate, flows),
    },
  };
}

/** What a call returned, as data: `{value}` (a number or decimal string), `{none}` (null), `{error}`. */
function outcome(call) {
  try {
    const value = call();
    if (value === null) return { none: 'null' };
    if (value instanceof Error) return { error: value.message };
    if (typeof value === 'number' && !Number.isFinite(value)) return { error: String(value) };
    return { value };
  } catch (error) {
    return { error: `throws: ${error.message}` };
  }
}

/** Microseconds per call, median of 11 batches of about 20 ms each (Chromium rounds performance.now() to 0.1 ms). */
function time(run) {
  const start = performance.now();
  let probes = 0;
  while (performance.now() - start < 20) {
    run();
    probes += 1;
  }
  const perCall = (performance.now() - start) / probes;
  const calls = Math.max(3, Math.min(100_000, Math.round(20 / perCall)));
  return timePerCall(run, { calls, batches: 11 });
}

/**
 * For every set and implementation: what irr and npv return, and their
 * microseconds per call. `{sets: [{name, results: {impl: {irr, npv, irrUs, npvUs}}}]}`.
 */
export function runPeers(libraries, sets) {
  const impls = implementations(libraries);
  // Warm-up: every call for about a second in all, so that the first set is
  // not timed while WebAssembly and JavaScript are still being tiered up.
  const calls = sets.flatMap((set) => Object.values(impls).flatMap((impl) => [impl.irr(set.flows), impl.npv(set.rate, set.flows)]));
  const warm = performance.now() + 1000;
  while (performance.now() < warm) calls.forEach(outcome);
  return sets.map((set) => ({
    name: set.name,
    results: Object.fromEntries(Object.entries(impls).map(([name, impl]) => {
      const irrCall = impl.irr(set.flows);
      const npvCall = impl.npv(set.rate, set.flows);
      return [name, {
        irr: outcome(irrCall),
        npv: outcome(npvCall),
        irrUs: time(irrCall),
        npvUs: time(npvCall),
      }];
    })),
  }));
}

/** compute per call and simulate per sample (ours), in microseconds. */
export function runCore(core) {
  const scenario = core.defaultScenario();
  return {
    computeUs: timePerCall(() => core.compute(scenario)),
    simulatePerSampleUs: timePerCall(() => core.simulate(scenario, { samples: 100_000 }), { calls: 2, batches: 7 }) / 100_000,
  };
}
