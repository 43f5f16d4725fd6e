// The benchmark loop shared by Node (bench/node.mjs) and Chromium
// (bench/index.html): median time per call over several timed batches,
// after a warm-up, for each exported function worth timing.

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Microseconds per call of `run`, median of `batches` batches of `calls`. */
export function timePerCall(run, { calls = 2000, batches = 15 } = {}) {
  for (let i = 0; i < calls; i += 1) run();
  const perCall = [];
  for (let b = 0; b < batches; b += 1) {
    const start = performance.now();
    for (let i = 0; i < calls; i += 1) run();
    perCall.push(((performance.now() - start) * 1000) / calls);
  }
  return median(perCall);
}

/** Times the calls a page makes, given the initialised package. */
export function measure(core) {
  const scenario = core.defaultScenario();
  const rows = {
    'compute(defaultScenario())': timePerCall(() => core.compute(scenario)),
    'validate(defaultScenario())': timePerCall(() => core.validate(scenario)),
    'defaultScenario()': timePerCall(() => core.defaultScenario()),
    'presets()': timePerCall(() => core.presets(), { calls: 500 }),
    ...(core.simulate ? {
      'simulate, 10,000 samples': timePerCall(() => core.simulate(scenario, { samples: 10_000 }), { calls: 5, batches: 9 }),
      'simulate, 100,000 samples': timePerCall(() => core.simulate(scenario, { samples: 100_000 }), { calls: 2, batches: 7 }),
      'simulate, 1,000,000 samples': timePerCall(() => core.simulate(scenario, { samples: 1_000_000 }), { calls: 1, batches: 5 }),
      'sensitivity(defaultScenario())': timePerCall(() => core.sensitivity(scenario), { calls: 20, batches: 7 }),
      'solveProbability, 10,000 samples': timePerCall(() => core.solveProbability({ ...scenario, targetUsdBn: '450' }), { calls: 3, batches: 7 }),
    } : {}),
  };
  return Object.fromEntries(Object.entries(rows).map(([name, us]) => [name, Number(us.toFixed(1))]));
}
