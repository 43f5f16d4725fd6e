// Runs the analysis (`simulate`, then `solveProbability`) for the latest
// request only: in a Web Worker when the page can start one
// (www/analysis-worker.js), otherwise on the main thread a step at a time
// (the widget in a sandboxed iframe, where a worker cannot load). A request
// that arrives while a job runs waits for it, or, when that job is large,
// stops it; results of a job that has been overtaken are dropped.

/** A job this large (samples) is stopped rather than finished when a newer request arrives. */
const RESTART_AT = 50_000;

export class AnalysisRunner {
  #worker = null;
  #workerUrl;
  #core;
  #onResult;
  /** The job running, and the latest request waiting for it (the only one kept). */
  #busy = null;
  #next = null;
  #ids = 0;

  /**
   * @param {{workerUrl?: URL, core: {simulate: Function, solveProbability: Function}, onResult: Function}} options
   *   workerUrl: the worker module (none: run on the main thread); core: the
   *   package's functions for the main thread; onResult(message) gets
   *   `{kind: 'simulation'|'certainty', value, job}` or `{kind: 'error', message, field, job}`
   *   for the latest request only
   */
  constructor({ workerUrl, core, onResult }) {
    this.#workerUrl = workerUrl;
    this.#core = core;
    this.#onResult = onResult;
  }

  /** Whether a job is running or waiting. */
  get busy() {
    return this.#busy !== null || this.#next !== null;
  }

  /**
   * Asks for the analysis of `job` (`{scenario, samples, seed, probability}`
   * and whatever the caller wants back with its results), replacing any
   * waiting request.
   */
  request(job) {
    this.#next = { ...job, id: (this.#ids += 1) };
    if (!this.#busy) this.#startNext();
    else if (this.#worker && this.#busy.samples >= RESTART_AT) {
      this.#stopWorker();
      this.#startNext();
    }
  }

  #startNext() {
    const job = this.#next;
    this.#next = null;
    this.#busy = job;
    if (!job) return;
    const worker = this.#startWorker();
    if (worker) {
      const { id, scenario, samples, seed, probability } = job;
      worker.postMessage({ id, scenario, samples, seed, probability });
    } else {
      this.#runHere(job);
    }
  }

  /** The worker, started if need be; null when the page cannot have one. */
  #startWorker() {
    if (this.#worker || !this.#workerUrl) return this.#worker;
    try {
      this.#worker = new Worker(this.#workerUrl, { type: 'module' });
    } catch {
      this.#workerUrl = null;
      return null;
    }
    this.#worker.addEventListener('message', ({ data }) => this.#receive(data));
    // A worker that cannot load (no module workers, a blocked script): run here from now on.
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#stopWorker();
      this.#workerUrl = null;
      if (this.#busy) this.#runHere(this.#busy);
    });
    return this.#worker;
  }

  #stopWorker() {
    this.#worker?.terminate();
    this.#worker = null;
  }

  /** A message from the worker or the main-thread run: passed on if its job is still the latest. */
  #receive({ id, ...message }) {
    const job = this.#busy;
    if (!job || id !== job.id) return;
    const last = message.kind !== 'simulation';
    if (!this.#next) this.#onResult({ ...message, job });
    if (last) this.#startNext();
  }

  /** Runs a job on the main thread, one call per task, giving way to a newer request between them. */
  #runHere(job) {
    const step = (kind, run) => new Promise((resolve) => {
      setTimeout(() => {
        if (this.#busy !== job) return;
        if (this.#next) {
          this.#startNext();
          return;
        }
        try {
          this.#receive({ id: job.id, kind, value: run() });
          resolve();
        } catch (error) {
          this.#receive({ id: job.id, kind: 'error', message: String(error?.message ?? error), field: error?.field });
        }
      }, 0);
    });
    const options = { samples: job.samples, seed: job.seed };
    step('simulation', () => this.#core.simulate(job.scenario, options))
      .then(() => step('certainty', () => this.#core.solveProbability(job.scenario, { ...options, probability: job.probability })));
  }
}
