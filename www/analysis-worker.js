// The analysis worker: runs `simulate` and then `solveProbability` for the
// page (www/analysis-runner.js) off the main thread, so typing never waits
// for a million draws. One job at a time; each result carries the job's id.
//   in:  {id, scenario, samples, seed, probability}
//   out: {id, kind: 'simulation', value}, then {id, kind: 'certainty', value},
//        or {id, kind: 'error', message, field}
//
// The listener is added before the core's modules are loaded, not after a
// static import: i18n.js awaits its message table as it loads, and a
// message that reached the worker during that wait would have been lost.
const core = import('./core.js').then(async (module) => {
  await module.init();
  return module;
});

self.addEventListener('message', async ({ data }) => {
  const { id, scenario, samples, seed, probability } = data;
  try {
    const { simulate, solveProbability } = await core;
    self.postMessage({ id, kind: 'simulation', value: simulate(scenario, { samples, seed }) });
    self.postMessage({ id, kind: 'certainty', value: solveProbability(scenario, { probability, samples, seed }) });
  } catch (error) {
    self.postMessage({ id, kind: 'error', message: String(error?.message ?? error), field: error?.field });
  }
});
