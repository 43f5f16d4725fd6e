// The core as the page, the widget and the analysis worker call it: the wasm
// package's exports, each guarded against a trap.
//
// The core returns errors and never traps by design, so a trap (a
// WebAssembly.RuntimeError: `unreachable`, out of bounds) is a bug we have
// not found, and it may leave the instance in any state. On a trap the
// instance is replaced by a fresh one (the glue's `__wbg_reset_state`, which
// scripts/build.sh asks wasm-bindgen for) and the call is made once more on
// it, so a bug that broke the instance costs the reader nothing but a notice;
// a call that traps again throws `CoreRestarted`, on a fresh instance that
// the next input uses. `onRestart(handler)` lets the page tell the reader.
import init, * as glue from '../pkg-page/aicloud_scenario.js';
import { t } from './i18n.js';

// The page's init is wasm-bindgen's; the widget's bundle gives its own,
// `init(script)`, which loads the core's script (scripts/bundle.mjs).
export { init };

let restarted = () => {};

/** Calls `handler(error)` after each replacement of the instance. */
export function onRestart(handler) {
  restarted = handler;
}

/** What a call throws when it trapped on a fresh instance too (its message, which a reader may see, in the page's language). */
export class CoreRestarted extends Error {
  constructor(cause) {
    super(t('core.restarted'), { cause });
    this.name = 'CoreRestarted';
  }
}

/** A fresh instance in place of the one that trapped with `error`. */
function restart(error) {
  glue.__wbg_reset_state();
  restarted(error);
}

/**
 * The export `name`, guarded; looked up at each call, since the widget's core
 * (pkg-embed/core.js) replaces its functions when it makes a new instance.
 */
function guarded(name) {
  const call = (...args) => glue[name](...args);
  return (...args) => {
    try {
      return call(...args);
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      restart(error);
    }
    try {
      return call(...args);
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      restart(error);
      throw new CoreRestarted(error);
    }
  };
}

export const compute = guarded('compute');
export const encodeScenario = guarded('encodeScenario');
export const explain = guarded('explain');
export const fields = guarded('fields');
export const presets = guarded('presets');
export const readScenarioLink = guarded('readScenarioLink');
export const reportedYears = guarded('reportedYears');
export const sensitivity = guarded('sensitivity');
export const simulate = guarded('simulate');
export const solveProbability = guarded('solveProbability');
export const validate = guarded('validate');
