// The analysis worker: runs `simulate` and then `solveProbability` for the
// page (www/analysis-runner.js) off the main thread, so typing never waits
// for a million draws. One job at a time; each result carries the job's id.
//   in:  {id, scenario, samples, seed, probability}
//   out: {id, kind: 'simulation', value}, then {id, kind: 'certainty', value},
//        or {id, kind: 'error', message, field}
import { init, simulate, solveProbability } from './core.js';

const ready = init();

self.addEventListener('message', async ({ data }) => {
  await ready;
  const { id, scenario, samples, seed, probability } = data;
  try {
    self.postMessage({ id, kind: 'simulation', value: simulate(scenario, { samples, seed }) });
    self.postMessage({ id, kind: 'certainty', value: solveProbability(scenario, { probability, samples, seed }) });
  } catch (error) {
    self.postMessage({ id, kind: 'error', message: String(error?.message ?? error), field: error?.field });
  }
});
